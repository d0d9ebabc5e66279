package app

import (
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
)

// findBar finds and replaces text in the editor. It sits above the editor
// and is hidden until asked for.
type findBar struct {
	editor *sourceEditor
	canvas fyne.Canvas // the window's, where the keyboard focus is
	// after runs f on the UI goroutine after d; tests run it themselves.
	after func(d time.Duration, f func())
	// relayout lays out the pane above which the bar sits, to take up or
	// give back the bar's room.
	relayout func()
	shown    int // counts show, so that a check of an older one stops

	box     *fyne.Container
	find    *ime.Entry
	replace *ime.Entry
	result  *widget.Label
}

// newFindBar is the find bar of ed in the window with canvas c; input is
// the window's input-method group, tips its tooltips.
func newFindBar(ed *sourceEditor, c fyne.Canvas, input *ime.Group, tips *tipLayer) *findBar {
	b := &findBar{
		editor: ed, canvas: c, find: ime.NewEntry(input), replace: ime.NewEntry(input), result: widget.NewLabel(""),
		after:    func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) },
		relayout: func() {},
	}
	b.find.SetPlaceHolder("Find")
	b.replace.SetPlaceHolder("Replace with")
	b.find.OnSubmitted = func(string) { b.next() }
	b.replace.OnSubmitted = func(string) { b.replaceOne() }
	for _, e := range []*ime.Entry{b.find, b.replace} {
		escapeCalls(e, func() bool { b.hide(); return true })
	}
	// The outcome ("not found", "2 replacements") shows at the right end
	// of the Find field, where its length moves nothing: beside the
	// fields it would widen the bar, and with it the editor's pane.
	b.result.Importance = widget.HighImportance
	found := container.NewStack(b.find, container.NewHBox(layout.NewSpacer(), b.result))
	b.box = container.New(fieldRows{},
		found, b.replace,
		container.NewHBox(
			newTipButton(theme.NavigateBackIcon(), "Previous match", tips, b.previous),
			newTipButton(theme.NavigateNextIcon(), "Next match (Enter in Find)", tips, b.next),
			newTipButton(theme.CancelIcon(), "Close (Escape)", tips, b.hide),
		),
		container.NewHBox(
			widget.NewButton("Replace", b.replaceOne),
			widget.NewButton("All", b.replaceAll),
		))
	b.box.Hide()
	return b
}

// fieldRows lays out text fields one under another, each as wide as the
// room its buttons leave: the first half of the objects are the fields,
// the second half their rows of buttons, so that Tab goes from field to
// field before it reaches the buttons.
type fieldRows struct{}

// fieldMinWidth is the least width of a field; the rest of the bar's
// width is the buttons', so that the bar does not widen the editor's
// pane.
const fieldMinWidth = 80

func (fieldRows) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	n, pad := len(objects)/2, theme.Padding()
	y := float32(0)
	for i, field := range objects[:n] {
		buttons := objects[n+i]
		h := max(field.MinSize().Height, buttons.MinSize().Height)
		bw := buttons.MinSize().Width
		field.Move(fyne.NewPos(0, y))
		field.Resize(fyne.NewSize(max(size.Width-bw-pad, 0), h))
		buttons.Move(fyne.NewPos(size.Width-bw, y))
		buttons.Resize(fyne.NewSize(bw, h))
		y += h + pad
	}
}

func (fieldRows) MinSize(objects []fyne.CanvasObject) fyne.Size {
	n, pad := len(objects)/2, theme.Padding()
	var size fyne.Size
	for i, field := range objects[:n] {
		buttons := objects[n+i].MinSize()
		size.Width = max(size.Width, fieldMinWidth+pad+buttons.Width)
		size.Height += max(field.MinSize().Height, buttons.Height)
	}
	size.Height += pad * float32(n-1)
	return size
}

// show opens the bar with the keyboard in Find, its text selected so
// that typing replaces it; a selection of one line in the editor is what
// to find.
func (b *findBar) show() {
	if sel := b.editor.SelectedText(); sel != "" && !strings.Contains(sel, "\n") {
		b.find.SetText(sel)
	}
	b.result.SetText("")
	b.box.Show()
	b.relayout()
	b.canvas.Focus(b.find)
	b.find.TypedShortcut(&fyne.ShortcutSelectAll{})
	b.replace.TypedShortcut(&fyne.ShortcutSelectAll{}) // for Tab, then typing
	b.keepFocus()
}

// keepFocus gives the keyboard back to Find if a click in the editor
// just before Ctrl+F takes it. The editor tells a click from a double
// click, so the driver hands it the click only after the double-click
// time, and the editor takes the focus then, after Find got it: what the
// user then typed to search for went into the post.
func (b *findBar) keepFocus() {
	b.shown++
	shown := b.shown
	const step = 20 * time.Millisecond
	deadline := time.Now().Add(fyne.CurrentApp().Driver().DoubleTapDelay() + 5*step)
	var check func()
	check = func() {
		if shown != b.shown || !b.box.Visible() {
			return
		}
		if b.canvas.Focused() == b.editor.TextArea {
			b.canvas.Focus(b.find)
			return // the click came; there is no other
		}
		if time.Now().Before(deadline) {
			b.after(step, check)
		}
	}
	b.after(step, check)
}

func (b *findBar) hide() {
	b.shown++
	b.box.Hide()
	b.relayout()
	b.canvas.Focus(b.editor.TextArea)
}

// next selects the next match after the selection, wrapping round at
// the end.
func (b *findBar) next() {
	text, needle := b.editor.Text(), b.find.Text
	if needle == "" {
		return
	}
	from := byteOffset(text, b.editor.selection().End)
	at := strings.Index(text[from:], needle)
	if at >= 0 {
		at += from
	} else {
		at = strings.Index(text, needle)
	}
	b.selectMatch(text, at, needle)
}

// previous selects the match before the selection, wrapping round.
func (b *findBar) previous() {
	text, needle := b.editor.Text(), b.find.Text
	if needle == "" {
		return
	}
	at := strings.LastIndex(text[:byteOffset(text, b.editor.selection().Start)], needle)
	if at < 0 {
		at = strings.LastIndex(text, needle)
	}
	b.selectMatch(text, at, needle)
}

// selectMatch selects the match at byte offset at, or says there is none.
func (b *findBar) selectMatch(text string, at int, needle string) {
	if at < 0 {
		b.result.SetText("not found")
		return
	}
	b.result.SetText("")
	start := utf8.RuneCountInString(text[:at])
	b.editor.Select(start, start+utf8.RuneCountInString(needle))
}

// replaceOne replaces the selected match and moves to the next one.
func (b *findBar) replaceOne() {
	if b.find.Text == "" {
		return
	}
	if b.editor.SelectedText() == b.find.Text {
		sel := b.editor.selection()
		b.editor.Replace(sel.Start, sel.End, b.replace.Text)
		end := sel.Start + utf8.RuneCountInString(b.replace.Text)
		b.editor.Select(end, end)
	}
	b.next()
}

// replaceAll replaces every match, as one change that Undo takes back.
func (b *findBar) replaceAll() {
	if b.find.Text == "" {
		return
	}
	old := b.editor.Text()
	n := strings.Count(old, b.find.Text)
	if n == 0 {
		b.result.SetText(countOf(n, "replacement"))
		return
	}
	// Only the stretch from the first match to the last is replaced, so
	// the lines around it keep their layout, and undo keeps that stretch.
	first := strings.Index(old, b.find.Text)
	last := strings.LastIndex(old, b.find.Text) + len(b.find.Text)
	from := utf8.RuneCountInString(old[:first])
	to := from + utf8.RuneCountInString(old[first:last])
	at := b.editor.CursorOffset()
	b.editor.apply(editor.Change{
		Edit:     editor.Edit{From: from, To: to, Text: strings.ReplaceAll(old[first:last], b.find.Text, b.replace.Text)},
		SelStart: at, Cursor: at,
	})
	b.result.SetText(countOf(n, "replacement"))
}

// byteOffset turns a rune offset into text into a byte offset.
func byteOffset(text string, runes int) int {
	for i := range text {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(text)
}
