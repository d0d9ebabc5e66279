package textarea

import (
	"time"
	"unicode"

	"fyne.io/fyne/v2"
)

// An input method for Korean (IBus with ibus-hangul, and the system IMEs
// through GLFW) composes a syllable from several keys and hands it over
// only when it is done. GLFW still passes every raw key on, and passes it
// before the syllable it completes: "한" then Return arrives as Return,
// then "한". A widget that acts on each key as it comes puts the newline
// before the syllable, lets Backspace delete a character the input method
// was already taking back, and moves the cursor before the syllable lands.
//
// imeState reconstructs the composition from what reaches the widget. A
// letter key whose own character does not follow has gone to the input
// method: a syllable is being composed. While one is, Backspace belongs to
// the input method, and the keys that end a composition (Return, Tab,
// arrows, …) wait until the syllable has arrived, then act after it.
type imeState struct {
	// awaiting is the letter of the last letter key, until its own
	// character arrives; 0 when none is awaited. awaitingAt is when the
	// key came.
	awaiting   rune
	awaitingAt time.Time
	// composing counts the keys the input method holds uncommitted.
	composing int
	// held are the keys waiting for the syllable, in order.
	held []heldKey
	// afterCommit are functions waiting for the syllable (a save).
	afterCommit []func()
	// timer releases what is held if no syllable comes.
	timer *time.Timer
	gen   uint64
}

type heldKey struct {
	name  fyne.KeyName
	shift bool
}

// imeFallback is how long held keys wait for a syllable that may not come
// (a composition guessed where there was none); far longer than the few
// milliseconds between a key and its commit, far shorter than a person
// notices.
const imeFallback = 120 * time.Millisecond

// imeSameEvent is how close a syllable must follow a letter key to have
// been committed by it: the driver hands both over in the same event
// batch, while a person's next key is tens of milliseconds away.
const imeSameEvent = 25 * time.Millisecond

// letterKey returns the lower-case letter of a letter key, or 0.
func letterKey(name fyne.KeyName) rune {
	if len(name) == 1 && name[0] >= 'A' && name[0] <= 'Z' {
		return rune(name[0]) + 'a' - 'A'
	}
	return 0
}

// composes says whether r comes out of a composing input method: Hangul,
// Han, kana.
func composes(r rune) bool {
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
func (t *TextArea) Composing() bool { return t.ime.composing > 0 }

// AfterCommit runs f once the syllable being composed has reached the
// text, or at once when none is: a save asked for while composing then
// saves the syllable too.
func (t *TextArea) AfterCommit(f func()) {
	if !t.Composing() {
		f()
		return
	}
	t.ime.afterCommit = append(t.ime.afterCommit, f)
	t.armFallback()
}

// imeKey sees a typed key first; it reports whether the key is taken care
// of (held, or left to the input method).
func (t *TextArea) imeKey(name fyne.KeyName, shift bool) bool {
	if l := letterKey(name); l != 0 {
		t.ime.awaiting, t.ime.awaitingAt = l, t.now()
		t.ime.composing++ // undone when the letter's own character arrives
		return true
	}
	if t.ime.composing == 0 {
		return false
	}
	switch {
	case name == fyne.KeyBackspace:
		t.ime.composing-- // the input method takes back a jamo
		return true
	case endsComposition(name):
		t.ime.held = append(t.ime.held, heldKey{name, shift})
		t.armFallback()
		return true
	}
	return false
}

// imeRune sees a typed character first and follows the composition.
func (t *TextArea) imeRune(r rune) {
	switch {
	case !composes(r):
		// Typed directly: no composition is under way.
		t.ime.awaiting, t.ime.composing = 0, 0
	default:
		// A syllable committed. If a letter key committed it, in the same
		// event batch, that key started the next syllable; a commit that
		// came later (on Ctrl+S, say) leaves nothing composing.
		t.ime.composing = 0
		if t.ime.awaiting != 0 && t.now().Sub(t.ime.awaitingAt) < imeSameEvent {
			t.ime.composing = 1
		}
		t.ime.awaiting = 0
	}
}

// imeRelease applies the held keys and runs what waited for the commit.
func (t *TextArea) imeRelease() {
	held, after := t.ime.held, t.ime.afterCommit
	t.ime.held, t.ime.afterCommit = nil, nil
	t.ime.gen++
	if t.ime.timer != nil {
		t.ime.timer.Stop()
	}
	for _, k := range held {
		t.key(k.name, k.shift, false)
	}
	if len(held) > 0 {
		t.afterMove()
	}
	for _, f := range after {
		f()
	}
}

// armFallback releases what is held if no syllable comes in time.
func (t *TextArea) armFallback() {
	t.ime.gen++
	gen := t.ime.gen
	if t.ime.timer != nil {
		t.ime.timer.Stop()
	}
	t.ime.timer = t.schedule(imeFallback, func() {
		if gen == t.ime.gen {
			t.ime.composing = 0
			t.imeRelease()
		}
	})
}
