package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"gopkg.in/yaml.v3"

	"github.com/postdesk/postdesk/app/controls"
	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/storage"
)

// form is the front matter form: one widget per Chirpy field, and an
// "Other fields" box for every other key, as raw YAML. Each widget writes
// its field through the session, so a change rewrites only that field's
// lines in the file; a field the post lacks stays out of the file until
// the user sets it.
type form struct {
	// edit runs a field's change on the open session and shows the
	// outcome; input is the window's input-method group.
	edit  func(change func(*editor.Session) error)
	input *ime.Group

	box *container.Scroll

	problem *widget.Label   // why the form is off, in raw mode
	fields  *fyne.Container // the form proper, hidden in raw mode

	texts map[string]*formEntry
	lists map[string]*controls.ChipList
	bools map[string]*widget.Check
	dates map[string]*controls.DateTimeEditor
	other *formEntry
	// notes say, under a text field, that the post holds something other
	// than text there (title: [a, b]), which the field then leaves alone.
	notes map[string]*fieldNote
}

// formEntry is a text field of the form. Tab and Shift+Tab move to the
// next or previous field even in a multi-line one: a tab character in
// front matter is never what the writer meant (YAML refuses it as
// indentation, and a description shows it as a gap).
type formEntry struct{ ime.Entry }

func newFormEntry(g *ime.Group, multiLine bool) *formEntry {
	e := &formEntry{}
	e.MultiLine = multiLine
	e.Init(e, g)
	return e
}

// AcceptsTab is false, so that the window moves the focus on Tab.
func (e *formEntry) AcceptsTab() bool { return false }

func newForm(edit func(change func(*editor.Session) error), input *ime.Group) *form {
	f := &form{
		edit:  edit,
		input: input,
		texts: map[string]*formEntry{},
		notes: map[string]*fieldNote{},
		lists: map[string]*controls.ChipList{},
		bools: map[string]*widget.Check{},
		dates: map[string]*controls.DateTimeEditor{},
	}
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()

	rows := container.NewVBox()
	for _, field := range editor.ChirpyFields() {
		rows.Add(f.row(field))
	}
	f.other = newFormEntry(input, true)
	f.other.TextStyle = fyne.TextStyle{Monospace: true}
	f.other.SetMinRowsVisible(4)
	f.other.SetPlaceHolder("key: value")
	f.other.Validator = editor.CheckOtherFields
	f.other.OnChanged = func(text string) {
		if editor.CheckOtherFields(text) == nil {
			f.edit(func(s *editor.Session) error { return s.SetOtherFields(text) })
		}
	}
	rows.Add(label("Other fields", "every other key of the front matter, as YAML"))
	rows.Add(f.other)
	f.fields = rows
	f.box = f.scroll(container.NewPadded(container.NewVBox(f.problem, rows)))
	return f
}

// row builds the widget of one field and wires it to the session.
func (f *form) row(field editor.Field) fyne.CanvasObject {
	key := field.Key
	var input fyne.CanvasObject
	switch field.Kind {
	case editor.KindText, editor.KindLongText:
		e := newFormEntry(f.input, field.Kind == editor.KindLongText)
		if e.MultiLine {
			e.Wrapping = fyne.TextWrapWord
			e.SetMinRowsVisible(3)
		}
		e.SetPlaceHolder(field.Help)
		e.OnChanged = func(v string) {
			f.edit(func(s *editor.Session) error { return s.SetText(key, v) })
		}
		n := newFieldNote(field.Label, e)
		f.texts[key], f.notes[key], input = e, n, container.NewVBox(n.box, e)
	case editor.KindList:
		c := controls.NewChipList(placeholder(field.Help, "add…"), f.input)
		switch key {
		case "categories":
			c.SetMaxItems(2, "Chirpy uses only the first 2.")
		case "tags":
			c.SetLowercase("Chirpy expects lowercase tags")
		}
		c.OnChanged = func(items []string) {
			f.edit(func(s *editor.Session) error { return s.SetList(key, items) })
		}
		f.lists[key], input = c, c
	case editor.KindBool:
		c := widget.NewCheck(field.Label, func(v bool) {
			f.edit(func(s *editor.Session) error { return s.SetBool(key, v) })
		})
		f.bools[key] = c
		return c
	case editor.KindDate:
		d := controls.NewDateTimeEditor(jekyllDates(), f.input)
		d.OnChanged = func(v string) {
			f.edit(func(s *editor.Session) error { return s.SetDateText(key, v) })
		}
		f.dates[key], input = d, d
	}
	help := field.Help
	if field.Kind == editor.KindText || field.Kind == editor.KindLongText || field.Kind == editor.KindList {
		help = "" // shown as the placeholder instead
	}
	return container.NewVBox(label(field.Label, help), input)
}

// jekyllDates is the format of the date fields: dates as Jekyll reads
// them, written back as Postdesk writes a changed date.
func jekyllDates() controls.DateFormat {
	return controls.DateFormat{
		Parse: func(text string) (time.Time, bool, error) {
			d, err := storage.ParseDate(text, false)
			return d.Wall, d.Zone == storage.ZoneExplicit, err
		},
		Format: storage.FormatDate,
	}
}

func placeholder(help, fallback string) string {
	if help == "" {
		return fallback
	}
	return help
}

func label(text, help string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if help == "" {
		return l
	}
	h := widget.NewLabel(help)
	h.Importance = widget.LowImportance
	h.Wrapping = fyne.TextWrapWord
	h.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(l, h)
}

// load fills the form from the session, its empty dates to be filled in
// zone, or turns it off with the reason while the front matter does not
// parse. The caller holds u.loading, so the widgets' callbacks do not
// write back.
func (f *form) load(s *editor.Session, zone *time.Location) {
	if err := s.Err(); err != nil {
		f.problem.SetText("The front matter does not parse, so the form is off. Fix it in the editor; the form comes back when it parses.\n\n" + err.Error())
		f.problem.Show()
		f.fields.Hide()
		return
	}
	f.problem.Hide()
	f.fields.Show()
	for key, e := range f.texts {
		e.SetText(s.Text(key))
		f.notes[key].load(nonText(s.Post(), key))
	}
	for key, c := range f.lists {
		c.SetItems(s.List(key))
	}
	for key, c := range f.bools {
		c.SetChecked(s.Bool(key))
	}
	f.setZone(zone)
	for key, d := range f.dates {
		d.SetText(s.DateText(key))
	}
	f.other.SetText(s.OtherFields())
	// TOML or a {…} mapping: the box cannot show the other fields, so it
	// must not offer to replace them.
	if s.OtherFieldsEditable() {
		f.other.Enable()
		f.other.SetPlaceHolder("key: value")
	} else {
		f.other.Disable()
		f.other.SetPlaceHolder("this front matter's other fields are kept as they are; edit them in another editor")
	}
}

// setSuggestions offers the blog's tags and categories, most used first,
// in the chip lists.
func (f *form) setSuggestions(lib *storage.Library) {
	convert := func(counts []storage.TagCount) []controls.Suggestion {
		out := make([]controls.Suggestion, len(counts))
		for i, c := range counts {
			out[i] = controls.Suggestion{Text: c.Name, Count: c.Count}
		}
		return out
	}
	f.lists["tags"].SetSuggestions(convert(lib.Tags))
	f.lists["categories"].SetSuggestions(convert(lib.Categories))
}

// setZone is the zone a date gets when the user fills an empty date.
func (f *form) setZone(loc *time.Location) {
	for _, d := range f.dates {
		d.SetZone(loc)
	}
}

// fieldNote stands under a text field whose key holds no plain text in
// the post, such as a title turned into a list: it says so, and the field
// stays off so that its empty text never overwrites the value. A button
// turns the field back on for the writer who wants a text there instead.
type fieldNote struct {
	box   *fyne.Container
	text  *widget.Label
	entry *formEntry
	label string
}

func newFieldNote(label string, entry *formEntry) *fieldNote {
	n := &fieldNote{text: widget.NewLabel(""), entry: entry, label: label}
	n.text.Wrapping = fyne.TextWrapWord
	n.text.Importance = widget.WarningImportance
	replace := widget.NewButton("Write a text "+strings.ToLower(label)+" instead", n.replace)
	n.box = container.NewVBox(n.text, container.NewHBox(replace))
	n.box.Hide()
	return n
}

// load shows the note for value, the post's value as YAML, or hides it
// when value is "" (the key holds text or is absent).
func (n *fieldNote) load(value string) {
	if value == "" {
		n.box.Hide()
		n.entry.Enable()
		return
	}
	n.text.SetText(fmt.Sprintf("%s is not plain text in this post: %s\nThe form keeps it as it is; "+
		"edit it in the file with another editor, or replace it with a text.", n.label, value))
	n.box.Show()
	n.entry.Disable()
}

// replace opens the field for a text that will replace the value as soon
// as the writer types it.
func (n *fieldNote) replace() {
	n.box.Hide()
	n.entry.Enable()
	if cv := fyne.CurrentApp().Driver().CanvasForObject(n.entry); cv != nil {
		cv.Focus(n.entry)
	}
}

// nonText is the value of key written as one line of YAML when it is
// something the text field cannot show (a list, a mapping), else "".
func nonText(p *storage.Post, key string) string {
	v, ok := p.Get(key)
	if !ok {
		return ""
	}
	switch v.(type) {
	case []any, map[string]any:
	default:
		return ""
	}
	var node yaml.Node
	if err := node.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	node.Style = yaml.FlowStyle
	out, err := yaml.Marshal(&node)
	if err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(string(out))
}
