package ime

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Entry is a widget.Entry that keeps composed typing in order (see
// Tracker): Return, Tab and the movement keys pressed while a syllable is
// composing act after the syllable, Backspace while composing is the
// input method's, and a syllable composing when the user clicks elsewhere
// stays in this entry.
type Entry struct {
	widget.Entry

	// OnTypedKey, if set, sees each key after the input method is done
	// with it, before the entry; returning true means it handled the key.
	OnTypedKey func(*fyne.KeyEvent) bool

	input Tracker
	shift bool
}

// NewEntry returns a single-line Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.init()
	return e
}

// NewMultiLineEntry returns a multi-line Entry.
func NewMultiLineEntry() *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.init()
	return e
}

// Init sets up an Entry embedded in another widget; call it from that
// widget's constructor in place of ExtendBaseWidget, with the outer
// widget.
func (e *Entry) Init(outer fyne.Widget) {
	e.input = Tracker{
		Apply:   func(k Key) { e.typedKey(&fyne.KeyEvent{Name: k.Name}) },
		Deliver: func(s string) { e.insert(s) },
	}
	e.ExtendBaseWidget(outer)
}

func (e *Entry) init() { e.Init(e) }

// SetInputGroup puts the entry in the group of widgets between which a
// syllable composing at a focus change is handed back (see Group).
func (e *Entry) SetInputGroup(g *Group) { e.input.Group = g }

// Composing tells whether an input method is composing a syllable that
// has not reached the text yet.
func (e *Entry) Composing() bool { return e.input.Composing() }

// AfterCommit runs f once the syllable being composed has reached the
// text, or at once when none is.
func (e *Entry) AfterCommit(f func()) { e.input.AfterCommit(f) }

// SetText replaces the text; a syllable still composing for the old text
// is no longer this entry's.
func (e *Entry) SetText(text string) {
	e.input.Reset()
	e.Entry.SetText(text)
}

// TypedRune types r, or hands it back to the widget it was composed in.
func (e *Entry) TypedRune(r rune) {
	e.input.Rune(r, e.Entry.TypedRune)
}

// TypedKey lets the input method have or hold the key, then acts on it.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if e.input.Key(ev.Name, e.shift) {
		return
	}
	e.typedKey(ev)
}

func (e *Entry) typedKey(ev *fyne.KeyEvent) {
	if e.OnTypedKey != nil && e.OnTypedKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// KeyDown follows Shift for held keys and the modifiers for the input
// method, then lets the entry see the key.
func (e *Entry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.input.KeyDown(ev.Name)
	e.Entry.KeyDown(ev)
}

// KeyUp follows Shift and the modifiers, then lets the entry see the key.
func (e *Entry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.input.KeyUp(ev.Name)
	e.Entry.KeyUp(ev)
}

// FocusGained takes up a composition left when the focus went away.
func (e *Entry) FocusGained() {
	e.input.FocusGained()
	e.Entry.FocusGained()
}

// FocusLost lets a syllable still composing come back here.
func (e *Entry) FocusLost() {
	e.shift = false
	e.input.FocusLost()
	e.Entry.FocusLost()
}

// insert puts s at the cursor, as typing would.
func (e *Entry) insert(s string) {
	for _, r := range s {
		e.Entry.TypedRune(r)
	}
}
