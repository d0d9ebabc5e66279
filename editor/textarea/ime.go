package textarea

import (
	"time"

	"fyne.io/fyne/v2"

	"github.com/postdesk/postdesk/editor/ime"
)

// The TextArea follows an input method's composition through an
// ime.Tracker (see package ime): keys that would act before the syllable
// they end wait for it, and a syllable that lands in another widget after
// a click comes back here.

// initInput wires the tracker to the TextArea; the clock and timer go
// through the TextArea's own, which tests replace.
func (t *TextArea) initInput() {
	t.input = ime.Tracker{
		Apply: func(k ime.Key) {
			t.key(k.Name, k.Shift, false)
			t.afterMove()
		},
		Deliver: func(s string) { t.insert(s, EditTyping) },
		Changed: func() {
			if t.rend != nil {
				t.rend.restyleCursor()
			}
		},
		Schedule: func(d time.Duration, f func()) *time.Timer {
			return t.schedule(d, f)
		},
	}
}

// Composing tells whether an input method is composing a syllable that
// has not reached the text yet.
func (t *TextArea) Composing() bool { return t.input.Composing() }

// AfterCommit runs f once the syllable being composed has reached the
// text, or at once when none is: a save asked for while composing then
// saves the syllable too.
func (t *TextArea) AfterCommit(f func()) { t.input.AfterCommit(f) }

// SetInputGroup puts the TextArea in the group of widgets between which a
// syllable composing at a focus change is handed back (see ime.Group).
func (t *TextArea) SetInputGroup(g *ime.Group) { t.input.Group = g }

var _ fyne.Focusable = (*TextArea)(nil)
