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
	// another one after the focus moved there, and reports whether it
	// could (a widget of a closed dialog cannot); nil keeps such a
	// syllable where it arrives.
	Deliver func(string) bool
	// Changed, if set, is called when Composing changes, so the widget
	// can show it.
	Changed func()
	// Group is where focus hand-overs are followed: the window's, shared
	// by all its widgets. nil gives the Tracker a group of its own, so
	// that a lone widget works, handing nothing over.
	Group *Group
	// Schedule is the timer; nil means time.AfterFunc through fyne.Do.
	// Tests replace it.
	Schedule func(d time.Duration, f func()) *time.Timer

	// letterPending is set by a letter key until a character arrives.
	letterPending bool
	// shift tells whether Shift is down; modifiers counts the Control,
	// Alt and Super keys down.
	shift     bool
	modifiers int
	// composing counts the keys the input method holds uncommitted.
	composing int
	// held are the keys waiting for the syllable, in order.
	held []Key
	// timer releases what is held if no syllable comes.
	timer *time.Timer
	gen   uint64
	shown bool // Composing as last reported through Changed and to the group
}

// Group links the Trackers between which the focus moves: the widgets of
// one window. It knows whether any of them is composing, so that work
// that reads their text (a save) can wait for the syllable. The window
// owns it and hands it to each widget it makes; the zero Group is ready
// to use. Its methods run on the UI goroutine.
type Group struct {
	// left is the Tracker that lost the focus while composing, whose
	// syllable is still to come.
	left *Tracker
	// composing are the Trackers whose widgets are composing.
	composing map[*Tracker]bool
	// waiting run once nothing is composing.
	waiting []func()
	gen     uint64
}

// Composing tells whether a syllable is on its way into a widget of the
// group.
func (g *Group) Composing() bool { return len(g.composing) > 0 || g.left != nil }

// AfterCommit runs f once no widget of the group is composing, at once
// when none is: Ctrl+S, a close or an export asked for while a syllable
// is composing then includes the syllable, which the input method
// commits just after the key. If no syllable comes (a composition
// guessed where there was none), f runs after Fallback.
func (g *Group) AfterCommit(f func()) {
	if !g.Composing() {
		f()
		return
	}
	g.waiting = append(g.waiting, f)
	g.gen++
	gen := g.gen
	var t *Tracker
	for c := range g.composing {
		t = c
		break
	}
	if t == nil {
		t = g.left
	}
	t.schedule(Fallback, func() {
		if gen == g.gen {
			g.release()
		}
	})
}

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
	taken := left.Deliver(string(r))
	g.settle(true)
	return taken
}

// settle runs what waits once nothing is composing, or, after a syllable
// was committed, at once: the commit a waiting save asked for has come.
func (g *Group) settle(committed bool) {
	if len(g.waiting) > 0 && (committed || !g.Composing()) {
		g.release()
	}
}

func (g *Group) release() {
	waiting := g.waiting
	g.waiting = nil
	g.gen++
	for _, f := range waiting {
		f()
	}
}

// Fallback is how long held keys wait for a syllable that may not come
// (a composition guessed where there was none); far longer than the few
// milliseconds between a key and its commit, far shorter than a person
// notices.
const Fallback = 120 * time.Millisecond

func isLetterKey(name fyne.KeyName) bool {
	return len(name) == 1 && name[0] >= 'A' && name[0] <= 'Z'
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
// has not reached the widget's text yet.
func (t *Tracker) Composing() bool { return t.composing > 0 }

// Shift tells whether Shift is down, as seen through KeyDown and KeyUp.
func (t *Tracker) Shift() bool { return t.shift }

// Key sees a typed key first; it reports whether the key is taken care of
// (held, or left to the input method) and must not act now.
func (t *Tracker) Key(name fyne.KeyName) bool {
	if isLetterKey(name) {
		t.letterPending = true
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
		t.held = append(t.held, Key{name, t.shift})
		t.armFallback()
		return true
	}
	return false
}

// KeyDown follows Shift and the modifier keys: a letter pressed with
// Control, Alt or Super is a shortcut, which makes the input method
// commit but does not start a syllable. The driver hands KeyDown over
// before the key itself, and for shortcuts only KeyDown.
func (t *Tracker) KeyDown(name fyne.KeyName) {
	switch {
	case name == desktop.KeyShiftLeft || name == desktop.KeyShiftRight:
		t.shift = true
	case isModifier(name):
		t.modifiers++
	case t.modifiers > 0 && isLetterKey(name):
		t.letterPending = false
	}
}

// KeyUp follows Shift and the modifier keys.
func (t *Tracker) KeyUp(name fyne.KeyName) {
	switch {
	case name == desktop.KeyShiftLeft || name == desktop.KeyShiftRight:
		t.shift = false
	case isModifier(name) && t.modifiers > 0:
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
	// A syllable committed on a letter key leaves that letter composing:
	// in Hangul a letter always becomes part of a syllable. A commit on
	// any other key (a space, Return, a shortcut), or a character typed
	// directly, leaves nothing composing.
	t.composing = 0
	if composed && t.letterPending {
		t.composing = 1
	}
	t.letterPending = false
	g := t.group()
	left := g.left
	if left == t || !composed {
		g.left = nil
	}
	if left != nil && left != t && composed {
		g.left = nil
		if !left.Deliver(string(r)) {
			insert(r) // its widget is gone: keep the syllable here
		}
	} else {
		insert(r)
	}
	t.report()
	if len(t.held) > 0 && (!t.Composing() || composed) {
		t.release()
	}
	g.settle(composed)
}

// FocusLost ends what the widget waits for. A syllable still composing
// will arrive in whichever widget has the focus next; with Deliver set,
// that one hands it back.
func (t *Tracker) FocusLost() {
	g := t.group()
	if t.composing > 0 && t.Deliver != nil {
		g.left = t
	}
	t.letterPending, t.composing, t.modifiers, t.shift = false, 0, 0, false
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
// syllable still to come, and the keys waiting for it, no longer belong
// to anything in it.
func (t *Tracker) Reset() {
	g := t.group()
	if g.left == t {
		g.left = nil
	}
	t.letterPending, t.composing, t.held = false, 0, nil
	t.release()
	t.report()
	g.settle(false)
}

// release applies the held keys.
func (t *Tracker) release() {
	held := t.held
	t.held = nil
	t.gen++
	if t.timer != nil {
		t.timer.Stop()
	}
	for _, k := range held {
		if t.Apply != nil {
			t.Apply(k)
		}
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
			t.group().settle(false)
		}
	})
}

// report tells the widget and the group when Composing changed.
func (t *Tracker) report() {
	now := t.Composing()
	if now == t.shown {
		return
	}
	t.shown = now
	g := t.group()
	if now {
		if g.composing == nil {
			g.composing = map[*Tracker]bool{}
		}
		g.composing[t] = true
	} else {
		delete(g.composing, t)
	}
	if t.Changed != nil {
		t.Changed()
	}
}

func (t *Tracker) group() *Group {
	if t.Group == nil {
		t.Group = &Group{}
	}
	return t.Group
}

func (t *Tracker) schedule(d time.Duration, f func()) *time.Timer {
	if t.Schedule != nil {
		return t.Schedule(d, f)
	}
	return time.AfterFunc(d, func() { fyne.Do(f) })
}
