package ime

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// event is one thing the driver hands the focused widget: a key (key
// set) or a character; focus moves the focus to another entry.
type event struct {
	key   fyne.KeyName
	char  rune
	focus *Entry
}

func k(name fyne.KeyName) event { return event{key: name} }
func r(c rune) event            { return event{char: c} }
func focus(e *Entry) event      { return event{focus: e} }

// bench is a window of entries, made in one group. The fallback timer
// fires only when the test says.
type bench struct {
	w     fyne.Window
	fires []func()
}

func newBench(t *testing.T, entries ...*Entry) *bench {
	t.Helper()
	a := test.NewTempApp(t)
	b := &bench{w: a.NewWindow("ime")}
	objs := make([]fyne.CanvasObject, len(entries))
	for i, e := range entries {
		e.input.Schedule = func(_ time.Duration, f func()) *time.Timer {
			b.fires = append(b.fires, f)
			return time.AfterFunc(time.Hour, func() {})
		}
		objs[i] = e
	}
	b.w.SetContent(container.NewVBox(objs...))
	b.w.Resize(fyne.NewSize(400, 300))
	b.w.Canvas().Focus(entries[0])
	return b
}

// replay hands the events to whichever widget has the focus, as the
// driver does.
func (b *bench) replay(events ...event) {
	c := b.w.Canvas()
	for _, e := range events {
		switch {
		case e.focus != nil:
			c.Focus(e.focus)
		case e.key != "":
			ev := &fyne.KeyEvent{Name: e.key}
			if kd, ok := c.Focused().(interface{ KeyDown(*fyne.KeyEvent) }); ok {
				kd.KeyDown(ev)
			}
			c.Focused().TypedKey(ev)
			if ku, ok := c.Focused().(interface{ KeyUp(*fyne.KeyEvent) }); ok {
				ku.KeyUp(ev)
			}
		default:
			c.Focused().TypedRune(e.char)
		}
	}
}

// The sequences are what GLFW delivers on X11 with IBus and ibus-hangul
// in 2-set Hangul: every key press, even one the input method takes, and
// a committed syllable as a character after the key that committed it.
func TestEntryKeyOrder(t *testing.T) {
	for _, tc := range []struct {
		name      string
		events    []event
		want      string
		submitted string
	}{
		{"Syllables and a space", []event{k("G"), k("K"), k("S"), k("R"), r('한'), k("M"), k("F"), k(fyne.KeySpace), r('글'), r(' ')}, "한글 ", ""},
		{"Return submits the syllable too", []event{k("G"), k("K"), k("S"), k(fyne.KeyReturn), r('한')}, "한", "한"},
		{"Backspace while composing is the input method's", []event{k("R"), k("K"), k("G"), r('가'), k("K"), k("S"), k(fyne.KeyBackspace), k(fyne.KeySpace), r('하'), r(' ')}, "가하 ", ""},
		{"Left while composing moves after the syllable", []event{k("R"), k("K"), k("S"), r('가'), k("K"), k(fyne.KeyLeft), r('나'), r('x')}, "가x나", ""},
		{"Backspace after the composition ended deletes", []event{k("G"), k("K"), k(fyne.KeySpace), r('하'), r(' '), k(fyne.KeyBackspace)}, "하", ""},
		{"Latin typing is not composing", []event{k("A"), r('a'), k(fyne.KeyBackspace), k("B"), r('b')}, "b", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := NewEntry(&Group{})
			submitted := ""
			e.OnSubmitted = func(s string) { submitted = s }
			b := newBench(t, e)
			b.replay(tc.events...)
			if e.Text != tc.want {
				t.Errorf("text %q, want %q", e.Text, tc.want)
			}
			if submitted != tc.submitted {
				t.Errorf("submitted %q, want %q", submitted, tc.submitted)
			}
		})
	}
}

func TestEntryOnTypedKeyAfterSyllable(t *testing.T) {
	e := NewEntry(&Group{})
	var seen []string
	e.OnTypedKey = func(ev *fyne.KeyEvent) bool {
		seen = append(seen, string(ev.Name)+"@"+e.Text)
		return ev.Name == fyne.KeyReturn
	}
	b := newBench(t, e)
	b.replay(k("G"), k("K"), k(fyne.KeyReturn), r('하'))
	if len(seen) != 1 || seen[0] != "Return@하" {
		t.Errorf("OnTypedKey saw %q, want Return after the syllable", seen)
	}
}

func TestHeldKeyActsWithoutCommit(t *testing.T) {
	e := NewEntry(&Group{})
	e.MultiLine = true
	b := newBench(t, e)
	b.replay(k("G"), k(fyne.KeyReturn)) // a letter whose character never comes
	if e.Text != "" {
		t.Fatalf("Return acted before its time: %q", e.Text)
	}
	for _, f := range b.fires {
		f()
	}
	if e.Text != "\n" {
		t.Errorf("held Return never acted: %q", e.Text)
	}
}

// A click into another field while a syllable is composing: the input
// method still holds the syllable and commits it with the next key, into
// the field that has the focus then. A GTK entry commits it where it was
// typed; so does the group.
func TestFocusChangeWhileComposing(t *testing.T) {
	for _, tc := range []struct {
		name           string
		events         func(a, b *Entry) []event
		wantA, wantB   string
		composingAfter bool
	}{
		{"next key a consonant", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), k("S"), focus(b), k("R"), r('한'), k("K"), k(fyne.KeySpace), r('가'), r(' ')}
		}, "한", "가 ", false},
		{"next key a space", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), k("S"), focus(b), k(fyne.KeySpace), r('한'), r(' ')}
		}, "한", " ", false},
		{"next key Return", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), focus(b), k(fyne.KeyReturn), r('하')}
		}, "하", "", false},
		{"focus comes back first", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), focus(b), focus(a), k(fyne.KeyLeft), r('하'), r('x')}
		}, "x하", "", false},
		{"nothing composing", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), k(fyne.KeySpace), r('하'), r(' '), focus(b), k("R"), k("K"), k(fyne.KeySpace), r('가'), r(' ')}
		}, "하 ", "가 ", false},
		{"still composing in the new field", func(a, b *Entry) []event {
			return []event{k("G"), k("K"), k("S"), focus(b), k("R"), r('한'), k("K")}
		}, "한", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &Group{}
			a, b := NewEntry(g), NewEntry(g)
			bn := newBench(t, a, b)
			bn.replay(tc.events(a, b)...)
			if a.Text != tc.wantA || b.Text != tc.wantB {
				t.Errorf("fields %q and %q, want %q and %q", a.Text, b.Text, tc.wantA, tc.wantB)
			}
			if got := b.Composing() || a.Composing(); got != tc.composingAfter {
				t.Errorf("composing %v, want %v", got, tc.composingAfter)
			}
		})
	}
}

// A field whose text is replaced while its syllable is on the way no
// longer claims it.
func TestSetTextDropsTheClaim(t *testing.T) {
	g := &Group{}
	a, b := NewEntry(g), NewEntry(g)
	bn := newBench(t, a, b)
	bn.replay(k("G"), k("K"), focus(b))
	a.SetText("new")
	bn.replay(k("R"), r('하'))
	if a.Text != "new" || b.Text != "하" {
		t.Errorf("fields %q and %q, want the syllable where it arrived", a.Text, b.Text)
	}
}

// A widget that takes the focus only to pass typing on (a suggestion
// list) gives the syllable back to the entry it came from.
func TestSyllableThroughAForwarder(t *testing.T) {
	a := NewEntry(&Group{})
	bn := newBench(t, a)
	bn.replay(k("G"), k("K"), k("S"))
	a.FocusLost() // a pop-up took the focus and forwards to a
	a.TypedKey(&fyne.KeyEvent{Name: "R"})
	a.TypedRune('한')
	if a.Text != "한" || !a.Composing() {
		t.Errorf("text %q composing %v, want 한 and the next syllable composing", a.Text, a.Composing())
	}
}

// A click where nothing takes the focus (the preview): the syllable
// reaches the window, which gives it back.
func TestSyllableWithNothingFocused(t *testing.T) {
	g := &Group{}
	a := NewEntry(g)
	bn := newBench(t, a)
	bn.replay(k("G"), k("K"), k("S"))
	bn.w.Canvas().Unfocus()
	if !g.Unfocused('한') || a.Text != "한" {
		t.Errorf("text %q, want the syllable back in the entry", a.Text)
	}
	if g.Unfocused('x') || g.Unfocused('가') {
		t.Error("took a character that was nobody's")
	}
}

// Ctrl+S while composing: the input method commits on the shortcut, and
// nothing is composing after it. A commit on a letter key, however late
// it comes, leaves that letter composing.
func TestShortcutCommitEndsComposition(t *testing.T) {
	e := NewEntry(&Group{})
	newBench(t, e).replay(k("G"), k("K"), k("S"))
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	e.KeyDown(&fyne.KeyEvent{Name: "S"}) // the shortcut: no TypedKey follows
	e.TypedRune('한')
	e.KeyUp(&fyne.KeyEvent{Name: "S"})
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	if e.Text != "한" || e.Composing() {
		t.Errorf("text %q composing %v after a commit on Ctrl+S", e.Text, e.Composing())
	}
	e.TypedKey(&fyne.KeyEvent{Name: "R"})
	e.TypedRune('한') // a letter's commit, however late, leaves it composing
	if !e.Composing() {
		t.Error("the letter that committed a syllable is not composing")
	}
}

// A syllable composed in a dialog's field that closed before it arrived
// stays where it arrives instead of vanishing with the dialog.
func TestSyllableOfAClosedDialog(t *testing.T) {
	a := NewEntry(&Group{})
	bn := newBench(t, a)
	d := NewEntry(a.input.Group)
	ok := widget.NewButton("OK", nil)
	pop := widget.NewModalPopUp(container.NewVBox(d, ok), bn.w.Canvas())
	pop.Show()
	bn.replay(focus(d), k("G"), k("K"))
	bn.w.Canvas().Focus(ok) // a click on OK, which closes the dialog
	pop.Hide()
	bn.replay(focus(a), k("R"), r('하'))
	if a.Text != "하" {
		t.Errorf("field %q, dialog %q: want the syllable kept in the field", a.Text, d.Text)
	}
}

// Work that reads the text waits while any field of the group composes,
// also a field the focus left before its syllable arrived.
func TestGroupAfterCommit(t *testing.T) {
	g := &Group{}
	a, b := NewEntry(g), NewEntry(g)
	bn := newBench(t, a, b)
	bn.replay(k("G"), k("K"), focus(b))
	var saved string
	g.AfterCommit(func() { saved = a.Text + "|" + b.Text })
	if saved != "" {
		t.Fatal("ran before the syllable arrived")
	}
	bn.replay(k(fyne.KeySpace), r('하'), r(' '))
	if saved != "하|" {
		t.Errorf("saved %q, want the syllable in the first field", saved)
	}
	g.AfterCommit(func() { saved = "now" })
	if saved != "now" {
		t.Error("with nothing composing it waited")
	}
}

// A wheel turned up or down moves the text of an entry only if it has
// more lines than it shows; otherwise the entry leaves it to the page
// around it rather than turning it sideways. Sideways movement always
// scrolls the text.
func TestScrollText(t *testing.T) {
	g := &Group{}
	long := NewEntry(g)
	long.SetText(strings.Repeat("a long title ", 40))
	lines := NewMultiLineEntry(g)
	lines.SetMinRowsVisible(3)
	lines.SetText(strings.Repeat("a line\n", 12))
	short := NewMultiLineEntry(g)
	short.SetMinRowsVisible(3)
	short.SetText("one line")
	newBench(t, long, lines, short)

	offset := func(e *Entry) fyne.Position { return e.textScroll().Offset }
	down := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -20)}
	for _, c := range []struct {
		name string
		e    *Entry
		took bool
	}{{"a long single line", long, false}, {"more lines than shown", lines, true}, {"fewer lines than shown", short, false}} {
		before := offset(c.e)
		if took := c.e.ScrollText(down); took != c.took {
			t.Errorf("%s: took the wheel down: %v, want %v", c.name, took, c.took)
		}
		moved := offset(c.e).Subtract(before)
		if want := map[bool]fyne.Position{true: {Y: 20}}[c.took]; moved != want {
			t.Errorf("%s: the wheel down moved the text by %v, want %v", c.name, moved, want)
		}
	}
	if took := long.ScrollText(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-20, 0)}); took || offset(long).X != 20 {
		t.Errorf("sideways: took %v, text at %v; want false and 20", took, offset(long))
	}
}
