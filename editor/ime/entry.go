package ime

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	outer fyne.Widget // the widget in the window: this one, or the one that embeds it
	// renderer is widget.Entry's, for the scroll the text moves in (see
	// ScrollText); nil until the entry is shown.
	renderer fyne.WidgetRenderer
}

// NewEntry returns a single-line Entry in g, the group of the window's
// widgets between which a syllable composing at a focus change is handed
// back (see Group).
func NewEntry(g *Group) *Entry {
	e := &Entry{}
	e.Init(e, g)
	return e
}

// NewMultiLineEntry returns a multi-line Entry in g (see NewEntry).
func NewMultiLineEntry(g *Group) *Entry {
	e := &Entry{}
	e.MultiLine = true
	e.Init(e, g)
	return e
}

// Init sets up an Entry embedded in another widget, in the group g (see
// NewEntry); call it from that widget's constructor in place of
// ExtendBaseWidget, with the outer widget.
func (e *Entry) Init(outer fyne.Widget, g *Group) {
	e.input = Tracker{
		Apply:   func(k Key) { e.typedKey(&fyne.KeyEvent{Name: k.Name}) },
		Deliver: e.deliver,
		Group:   g,
	}
	e.outer = outer
	e.ExtendBaseWidget(outer)
}

// Composing tells whether an input method is composing a syllable that
// has not reached the text yet.
func (e *Entry) Composing() bool { return e.input.Composing() }

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
// The entry follows Shift itself, for selecting with held keys too.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if e.input.Key(ev.Name) {
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

// KeyDown lets the input tracker see the modifiers, then the entry the
// key.
func (e *Entry) KeyDown(ev *fyne.KeyEvent) {
	e.input.KeyDown(ev.Name)
	e.Entry.KeyDown(ev)
}

// KeyUp lets the input tracker see the modifiers, then the entry the key.
func (e *Entry) KeyUp(ev *fyne.KeyEvent) {
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
	e.input.FocusLost()
	e.Entry.FocusLost()
}

// CreateRenderer returns widget.Entry's renderer, which the entry keeps
// to find the scroll its text moves in.
func (e *Entry) CreateRenderer() fyne.WidgetRenderer {
	e.renderer = e.Entry.CreateRenderer()
	return e.renderer
}

// ScrollText scrolls the text as a mouse wheel over the entry does, and
// reports whether the entry took the movement up or down: only an entry
// with more lines than it shows does, so that the page around the entry
// can scroll by the rest. The sideways movement always goes to the text.
// widget.Entry's own scroll would take a wheel turned up or down even
// when it cannot scroll that way, turning it sideways or dropping it.
func (e *Entry) ScrollText(ev *fyne.ScrollEvent) bool {
	s := e.textScroll()
	if s == nil {
		return false
	}
	if ev.Scrolled.DX != 0 {
		side := *ev
		side.Scrolled.DY = 0
		s.Scrolled(&side)
	}
	if ev.Scrolled.DY == 0 || s.Direction == container.ScrollHorizontalOnly || s.Content.MinSize().Height <= s.Size().Height {
		return false
	}
	up := *ev
	up.Scrolled.DX = 0
	s.Scrolled(&up)
	return true
}

// textScroll returns the scroll widget.Entry moves its text in, nil if
// the entry has not been shown or scrolls nothing.
func (e *Entry) textScroll() *container.Scroll {
	if e.renderer == nil {
		return nil
	}
	for _, o := range e.renderer.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Visible() && s.Content != nil && s.Direction != container.ScrollNone {
			return s
		}
	}
	return nil
}

// deliver puts a syllable that arrived elsewhere at the cursor, as typing
// would, unless the entry has left the window (its dialog closed). The
// driver places an object it cannot find among the window's visible
// objects at the origin, where no entry is drawn: a window pads its
// content.
func (e *Entry) deliver(s string) bool {
	if fyne.CurrentApp().Driver().AbsolutePositionForObject(e.outer).IsZero() {
		return false
	}
	for _, r := range s {
		e.Entry.TypedRune(r)
	}
	return true
}
