package app

import (
	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/editor/textarea"
)

// sourceEditor is the Markdown editor: the virtualized TextArea, which
// lays out only the rows on screen, so a keystroke costs the same in a
// 1 MB post as in a short one. The methods here speak the editing
// commands' language (rune offsets, editor.Change). The window holds the
// TextArea itself, not this wrapper: Fyne finds a widget's canvas and
// renderer by the value that built them.
type sourceEditor struct {
	*textarea.TextArea
}

// newSourceEditor returns the editor in g, the window's input-method
// group.
func newSourceEditor(g *ime.Group) *sourceEditor {
	e := &sourceEditor{TextArea: textarea.New()}
	e.SetInputGroup(g)
	e.PlaceHolder = "Write your post in Markdown…"
	return e
}

// setLook switches the monospace font and soft wrapping.
func (e *sourceEditor) setLook(monospace, wrap bool) {
	e.SetMonospace(monospace)
	e.SetWrap(wrap)
}

// selection returns the selected runes' range, or the cursor as an empty
// range.
func (e *sourceEditor) selection() editor.Selection {
	start, end := e.Selection()
	return editor.Selection{Start: start, End: end}
}

// apply makes ch's edit as one undo step, then selects
// ch.SelStart..ch.Cursor.
func (e *sourceEditor) apply(ch editor.Change) {
	if ch.From != ch.To || ch.Text != "" {
		e.Replace(ch.From, ch.To, ch.Text)
	}
	e.Select(ch.SelStart, ch.Cursor)
}
