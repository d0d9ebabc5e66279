package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// sourceEntry is the Markdown editor: a multi-line widget.Entry that can
// also place its cursor and selection at a rune offset, which commands
// and find need and Entry does not offer. Every change it makes goes
// through Entry's own typing and pasting, so Undo takes it back.
type sourceEntry struct {
	widget.Entry

	// Entry's undo takes a replaced selection back in two steps (the
	// erase, then the insert); a command is one action to the user, so
	// commands remember how many steps they took.
	undo, redo []command
}

// command is one applied editing command: the text before and after, and
// how many of Entry's undo steps it made.
type command struct {
	before, after string
	steps         int
}

func newSourceEntry() *sourceEntry {
	e := &sourceEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.TextStyle = fyne.TextStyle{Monospace: true}
	e.SetPlaceHolder("Write in Markdown…")
	e.ExtendBaseWidget(e)
	return e
}

// setLook switches the monospace font and soft wrapping.
func (e *sourceEntry) setLook(monospace, wrap bool) {
	e.TextStyle = fyne.TextStyle{Monospace: monospace}
	e.Wrapping = fyne.TextWrapOff
	if wrap {
		e.Wrapping = fyne.TextWrapWord
	}
	e.Refresh()
}

// selection returns the selected runes' range, or the cursor as an empty
// range. Entry tells only the cursor and the selected text, so the other
// end is found next to the cursor.
func (e *sourceEntry) selection() editor.Selection {
	c := e.CursorTextOffset()
	sel := []rune(e.SelectedText())
	if len(sel) == 0 {
		return editor.Selection{Start: c, End: c}
	}
	text := []rune(e.Text)
	if c >= len(sel) && string(text[c-len(sel):c]) == string(sel) {
		return editor.Selection{Start: c - len(sel), End: c}
	}
	return editor.Selection{Start: c, End: c + len(sel)}
}

// apply makes the text ch.Text, changing only the runes that differ, as
// one paste that Undo can take back, then selects ch.SelStart..ch.Cursor.
func (e *sourceEntry) apply(ch editor.Change) {
	old, cur := []rune(e.Text), []rune(ch.Text)
	pre := 0
	for pre < len(old) && pre < len(cur) && old[pre] == cur[pre] {
		pre++
	}
	suf := 0
	for suf < len(old)-pre && suf < len(cur)-pre && old[len(old)-1-suf] == cur[len(cur)-1-suf] {
		suf++
	}
	from, to, with := pre, len(old)-suf, cur[pre:len(cur)-suf]
	if from != to || len(with) > 0 {
		before := e.Text
		switch sel := e.selection(); {
		case sel.Start == from && sel.End == to && from != to:
			// The user's selection is the range: paste over it as it is.
		case to-from <= maxKeySelect:
			e.selectRange(from, to)
		default:
			// Selecting this much key by key would take long on a big post;
			// the change is made whole, at the cost of Entry's undo history.
			e.SetText(ch.Text)
			e.undo, e.redo = nil, nil
			e.moveCursor(ch.Cursor)
			return
		}
		e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: textClipboard(with)})
		steps := 0
		if from != to {
			steps++
		}
		if len(with) > 0 {
			steps++
		}
		e.undo = append(e.undo, command{before: before, after: e.Text, steps: steps})
		e.redo = nil
	}
	if n := ch.Cursor - ch.SelStart; n > maxKeySelect || -n > maxKeySelect {
		e.moveCursor(ch.Cursor)
		return
	}
	e.selectRange(ch.SelStart, ch.Cursor)
}

// maxKeySelect is the longest range selected by moving the cursor key by
// key, which costs a layout of the Entry per key.
const maxKeySelect = 512

// TypedShortcut sends Undo and Redo to the methods below, which know about
// commands; Entry would call its own.
func (e *sourceEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	default:
		e.Entry.TypedShortcut(s)
	}
}

// Undo takes back the last change: all of a command, or Entry's own step.
func (e *sourceEntry) Undo() {
	steps := 1
	if n := len(e.undo); n > 0 && e.undo[n-1].after == e.Text {
		c := e.undo[n-1]
		e.undo, steps = e.undo[:n-1], c.steps
		e.redo = append(e.redo, c)
	}
	for range steps {
		e.Entry.Undo()
	}
}

// Redo makes again what Undo took back.
func (e *sourceEntry) Redo() {
	steps := 1
	if n := len(e.redo); n > 0 && e.redo[n-1].before == e.Text {
		c := e.redo[n-1]
		e.redo, steps = e.redo[:n-1], c.steps
		e.undo = append(e.undo, c)
	}
	for range steps {
		e.Entry.Redo()
	}
}

// selectRange puts the cursor at to and selects from..to (nothing when
// they are equal), by moving the cursor as the keyboard would.
func (e *sourceEntry) selectRange(from, to int) {
	if e.SelectedText() != "" {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) // drops the selection
	}
	e.moveCursor(from)
	if from == to {
		return
	}
	key := fyne.KeyRight
	n := to - from
	if n < 0 {
		key, n = fyne.KeyLeft, -n
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range n {
		e.TypedKey(&fyne.KeyEvent{Name: key})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// moveCursor puts the cursor at rune offset pos.
func (e *sourceEntry) moveCursor(pos int) { moveEntryCursor(&e.Entry, pos) }

// moveEntryCursor puts an Entry's cursor at rune offset pos. Entry counts
// its cursor in displayed rows, which wrapping makes differ from lines, so
// the row is found by searching the offsets that Entry reports for row
// starts.
func moveEntryCursor(e *widget.Entry, pos int) {
	pos = min(max(pos, 0), len([]rune(e.Text)))
	offset := func(row int) int {
		e.CursorRow, e.CursorColumn = row, 0
		return e.CursorTextOffset()
	}
	const far = 1 << 30
	rows := 1 // rows that exist: a row past the last one reports far for column far
	for {
		e.CursorRow, e.CursorColumn = rows, far
		if e.CursorTextOffset() == far {
			break
		}
		rows *= 2
	}
	lo, hi := 0, rows // the last row starting at or before pos is in [lo, hi)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		e.CursorRow, e.CursorColumn = mid, far
		if e.CursorTextOffset() == far || offset(mid) > pos {
			hi = mid
		} else {
			lo = mid
		}
	}
	e.CursorRow, e.CursorColumn = lo, pos-offset(lo)
	// Entry keeps a second copy of the cursor for drawing; a move by key
	// brings it in line.
	switch {
	case pos > 0:
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	case e.Text != "":
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
}

// textClipboard hands fixed text to Entry's paste.
type textClipboard []rune

func (c textClipboard) Content() string   { return string(c) }
func (c textClipboard) SetContent(string) {}
