package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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

	texts map[string]*ime.Entry
	lists map[string]*controls.ChipList
	bools map[string]*widget.Check
	dates map[string]*controls.DateTimeEditor
	other *ime.Entry
}

func newForm(edit func(change func(*editor.Session) error), input *ime.Group) *form {
	f := &form{
		edit:  edit,
		input: input,
		texts: map[string]*ime.Entry{},
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
	f.other = ime.NewMultiLineEntry(input)
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
		e := ime.NewEntry(f.input)
		if field.Kind == editor.KindLongText {
			e.MultiLine = true
			e.Wrapping = fyne.TextWrapWord
			e.SetMinRowsVisible(3)
		}
		e.SetPlaceHolder(field.Help)
		e.OnChanged = func(v string) {
			f.edit(func(s *editor.Session) error { return s.SetText(key, v) })
		}
		f.texts[key], input = e, e
	case editor.KindList:
		c := controls.NewChipList(placeholder(field.Help, "add…"), f.input)
		if key == "categories" {
			c.SetMaxItems(2, "Chirpy uses only the first 2.")
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
