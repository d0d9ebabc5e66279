// Package ime keeps Korean (and other composed) typing through an input
// method in order in Fyne widgets.
//
// An input method for Korean (IBus with ibus-hangul, and the system IMEs
// through GLFW) composes a syllable from several keys and hands it over
// only when it is done. GLFW still passes every raw key on, and passes it
// before the syllable it completes: "한" then Return arrives as Return,
// then "한". A widget that acts on each key as it comes puts the newline
// before the syllable, lets Backspace delete a character the input method
// was already taking back, and moves the cursor before the syllable lands.
//
// A Tracker reconstructs the composition from what reaches a widget. A
// letter key whose own character does not follow has gone to the input
// method: a syllable is being composed. While one is, Backspace belongs to
// the input method, and the keys that end a composition (Return, Tab,
// arrows, …) wait until the syllable has arrived, then act after it.
//
// The input method does not know about Fyne's focus: when the user clicks
// another field while a syllable is composing, the syllable arrives in
// that field with the next key. A GTK control would have committed it
// where it was typed, so the Trackers of one Group hand such a syllable
// back to the widget it was composed in.
package ime

import (
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Key is a key held until the syllable typed before it has arrived.
type Key struct {
	Name  fyne.KeyName
	Shift bool
}

// Tracker follows the composition of one widget. Its methods run on the
// UI goroutine, as the widget's event handlers do.
type Tracker struct {
	// Apply acts on a held key once the syllable before it has arrived.
	Apply func(Key)
	// Deliver inserts a syllable composed in this widget that arrived in
	// another one after the focus moved there; nil keeps it where it
	// arrives.
	Deliver func(string)
	// Changed, if set, is called when Composing changes, so the widget
	// can show it.
	Changed func()
	// Group is where focus hand-overs are followed; nil means the
	// process-wide default, which suits widgets of one window.
	Group *Group
	// Schedule is the timer; nil means time.AfterFunc through fyne.Do.
	// Tests replace it.
	Schedule func(d time.Duration, f func()) *time.Timer

	// awaiting is the letter of the last letter key, until its own
	// character arrives; 0 when none is awaited.
	awaiting rune
	// modifiers counts the Control, Alt and Super keys held down.
	modifiers int
	// composing counts the keys the input method holds uncommitted.
	composing int
	// held are the keys waiting for the syllable, in order.
	held []Key
	// afterCommit are functions waiting for the syllable (a save).
	afterCommit []func()
	// timer releases what is held if no syllable comes.
	timer *time.Timer
	gen   uint64
	shown bool // Composing as last reported through Changed
}

// Group links the Trackers between which the focus moves: the widgets of
// one window.
type Group struct {
	// left is the Tracker that lost the focus while composing, whose
	// syllable is still to come.
	left *Tracker
}

var defaultGroup Group

// DefaultGroup is the group of every Tracker whose Group is nil.
func DefaultGroup() *Group { return &defaultGroup }

// Unfocused takes a character typed while no widget has the focus (the
// user clicked the preview or a blank part of the window while a
// syllable was composing): a syllable that a widget of the group was
// composing goes back there. It reports whether r was taken; the window
// hands it what its canvas receives.
func (g *Group) Unfocused(r rune) bool {
	left := g.left
	if left == nil || !Composes(r) {
		return false
	}
	g.left = nil
	left.Deliver(string(r))
	return true
}

// Fallback is how long held keys wait for a syllable that may not come
// (a composition guessed where there was none); far longer than the few
// milliseconds between a key and its commit, far shorter than a person
// notices.
const Fallback = 120 * time.Millisecond

// letterKey returns the lower-case letter of a letter key, or 0.
func letterKey(name fyne.KeyName) rune {
	if len(name) == 1 && name[0] >= 'A' && name[0] <= 'Z' {
		return rune(name[0]) + 'a' - 'A'
	}
	return 0
}

// Composes says whether r comes out of a composing input method: Hangul,
// Han, kana.
func Composes(r rune) bool {
	return r >= 0x1100 && unicode.In(r, unicode.Hangul, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// endsComposition names the keys an input method commits on, which must
// act after the syllable they commit.
func endsComposition(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyTab, fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown,
		fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyDelete, fyne.KeyEscape:
		return true
	}
	return false
}

// Composing tells whether an input method is composing a syllable that
// has not reached the text yet.
func (t *Tracker) Composing() bool { return t.composing > 0 }

// AfterCommit runs f once the syllable being composed has reached the
// text, or at once when none is: a save asked for while composing then
// saves the syllable too.
func (t *Tracker) AfterCommit(f func()) {
	if !t.Composing() {
		f()
		return
	}
	t.afterCommit = append(t.afterCommit, f)
	t.armFallback()
}

// Key sees a typed key first; it reports whether the key is taken care of
// (held, or left to the input method) and must not act now.
func (t *Tracker) Key(name fyne.KeyName, shift bool) bool {
	if l := letterKey(name); l != 0 {
		t.awaiting = l
		t.composing++ // undone when the letter's own character arrives
		t.report()
		return true
	}
	if t.composing == 0 {
		return false
	}
	switch {
	case name == fyne.KeyBackspace:
		t.composing-- // the input method takes back a jamo
		t.report()
		return true
	case endsComposition(name):
		t.held = append(t.held, Key{name, shift})
		t.armFallback()
		return true
	}
	return false
}

// KeyDown follows the modifier keys: a letter pressed with Control, Alt
// or Super is a shortcut, which makes the input method commit but does
// not start a syllable. The driver hands KeyDown over before the key
// itself, and for shortcuts only KeyDown.
func (t *Tracker) KeyDown(name fyne.KeyName) {
	switch {
	case isModifier(name):
		t.modifiers++
	case t.modifiers > 0 && letterKey(name) != 0:
		t.awaiting = 0
	}
}

// KeyUp follows the modifier keys.
func (t *Tracker) KeyUp(name fyne.KeyName) {
	if isModifier(name) && t.modifiers > 0 {
		t.modifiers--
	}
}

func isModifier(name fyne.KeyName) bool {
	switch name {
	case desktop.KeyControlLeft, desktop.KeyControlRight, desktop.KeyAltLeft, desktop.KeyAltRight,
		desktop.KeySuperLeft, desktop.KeySuperRight:
		return true
	}
	return false
}

// Rune takes a typed character: insert puts it into the widget's text,
// unless it is the syllable another widget of the group was composing
// when the focus moved here, which goes back there. Keys held for the
// syllable act after it.
func (t *Tracker) Rune(r rune, insert func(rune)) {
	composed := Composes(r)
	if composed {
		// A syllable committed. If a letter key committed it, that key
		// started the next syllable: in Hangul a letter always becomes
		// part of a syllable. A commit on any other key (a space, Return,
		// a shortcut) leaves nothing composing.
		t.composing = 0
		if t.awaiting != 0 {
			t.composing = 1
		}
	} else {
		// Typed directly: no composition is under way.
		t.composing = 0
	}
	t.awaiting = 0
	g := t.group()
	switch left := g.left; {
	case left != nil && left != t && composed:
		g.left = nil
		left.Deliver(string(r))
	default:
		if left == t || !composed {
			g.left = nil
		}
		insert(r)
	}
	t.report()
	if len(t.held) > 0 || len(t.afterCommit) > 0 {
		if !t.Composing() || composed {
			t.release()
		}
	}
}

// FocusLost ends what the widget waits for. A syllable still composing
// will arrive in whichever widget has the focus next; with Deliver set,
// that one hands it back.
func (t *Tracker) FocusLost() {
	g := t.group()
	if t.composing > 0 && t.Deliver != nil {
		g.left = t
	}
	t.awaiting, t.composing, t.modifiers = 0, 0, 0
	t.release()
	t.report()
}

// FocusGained takes up a composition the widget lost the focus in, when
// the focus comes back before the syllable arrived.
func (t *Tracker) FocusGained() {
	if g := t.group(); g.left == t {
		g.left = nil
		t.composing = 1
		t.report()
	}
}

// Reset forgets the composition: the widget's text was replaced, so a
// syllable still to come no longer belongs to anything in it.
func (t *Tracker) Reset() {
	if g := t.group(); g.left == t {
		g.left = nil
	}
	t.awaiting, t.composing = 0, 0
	t.release()
	t.report()
}

// release applies the held keys and runs what waited for the commit.
func (t *Tracker) release() {
	held, after := t.held, t.afterCommit
	t.held, t.afterCommit = nil, nil
	t.gen++
	if t.timer != nil {
		t.timer.Stop()
	}
	for _, k := range held {
		if t.Apply != nil {
			t.Apply(k)
		}
	}
	for _, f := range after {
		f()
	}
}

// armFallback releases what is held if no syllable comes in time.
func (t *Tracker) armFallback() {
	t.gen++
	gen := t.gen
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = t.schedule(Fallback, func() {
		if gen == t.gen {
			t.composing = 0
			t.release()
			t.report()
		}
	})
}

// report tells the widget when Composing changed.
func (t *Tracker) report() {
	if now := t.Composing(); now != t.shown {
		t.shown = now
		if t.Changed != nil {
			t.Changed()
		}
	}
}

func (t *Tracker) group() *Group {
	if t.Group != nil {
		return t.Group
	}
	return &defaultGroup
}

func (t *Tracker) schedule(d time.Duration, f func()) *time.Timer {
	if t.Schedule != nil {
		return t.Schedule(d, f)
	}
	return time.AfterFunc(d, func() { fyne.Do(f) })
}
