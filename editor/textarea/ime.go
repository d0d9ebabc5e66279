package textarea

import (
	"time"

	"github.com/postdesk/postdesk/editor/ime"
)

// The TextArea follows an input method's composition through an
// ime.Tracker (see package ime): keys that would act before the syllable
// they end wait for it, and a syllable that lands in another widget after
// a click comes back here. The tracker also follows Shift, for selecting
// with movement keys and Shift+click.

// initInput wires the tracker to the TextArea; the timer goes through the
// TextArea's own, which tests replace.
func (t *TextArea) initInput() {
	t.input = ime.Tracker{
		Apply: func(k ime.Key) { t.key(k.Name, k.Shift, false) },
		Deliver: func(s string) bool {
			t.insert(s, EditTyping)
			return true
		},
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

// SetInputGroup puts the TextArea in g, the group of the window's widgets
// between which a syllable composing at a focus change is handed back
// (see ime.Group). Without one it hands nothing over.
func (t *TextArea) SetInputGroup(g *ime.Group) { t.input.Group = g }

// Composing tells whether an input method is composing a syllable that
// has not reached the text yet.
func (t *TextArea) Composing() bool { return t.input.Composing() }
