package textarea

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/postdesk/postdesk/editor/ime"
)

// event is one thing the driver hands the widget: a key (Name set) or a
// character.
type event struct {
	key  fyne.KeyName
	char rune
}

// clock is the test's time: each key comes a person's keystroke after the
// one before; a character comes with the key that produced it.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func k(name fyne.KeyName) event { return event{key: name} }
func r(c rune) event            { return event{char: c} }

// The sequences are what GLFW delivers on X11 with IBus and ibus-hangul
// in 2-set Hangul: every key press, even one the input method takes, and
// a committed syllable as a character after the key that committed it.
var imeCases = []struct {
	name   string
	events []event
	want   string
	cursor int
}{
	{"Syllables and a space", []event{k("G"), k("K"), k("S"), k("R"), r('한'), k("M"), k("F"), k(fyne.KeySpace), r('글'), r(' ')}, "한글 ", 3},
	{"Return while composing lands after the syllable", []event{k("G"), k("K"), k("S"), k(fyne.KeyReturn), r('한')}, "한\n", 2},
	{"Backspace while composing is the input method's", []event{k("R"), k("K"), k("G"), r('가'), k("K"), k("S"), k(fyne.KeyBackspace), k(fyne.KeySpace), r('하'), r(' ')}, "가하 ", 3},
	{"Left while composing moves after the syllable", []event{k("R"), k("K"), k("S"), r('가'), k("K"), k(fyne.KeyLeft), r('나'), r('x')}, "가x나", 2},
	{"Tab while composing lands after the syllable", []event{k("G"), k("K"), k(fyne.KeyTab), r('하')}, "하\t", 2},
	{"Backspace after the composition ended deletes", []event{k("G"), k("K"), k(fyne.KeySpace), r('하'), r(' '), k(fyne.KeyBackspace)}, "하", 1},
	{"Latin typing is not composing", []event{k("A"), r('a'), k(fyne.KeyReturn), k("B"), r('B'), k(fyne.KeyBackspace)}, "a\n", 2},
	{"A layout without composition", []event{k("A"), r('ф'), k(fyne.KeyBackspace)}, "", 0},
}

func TestIMEKeyOrder(t *testing.T) {
	for _, tc := range imeCases {
		t.Run(tc.name, func(t *testing.T) {
			ta, _, c := newIMETestArea(t)
			replay(ta, c, tc.events)
			if got := ta.Text(); got != tc.want {
				t.Errorf("text %q, want %q", got, tc.want)
			}
			if got := ta.CursorOffset(); got != tc.cursor {
				t.Errorf("cursor %d, want %d", got, tc.cursor)
			}
		})
	}
}

func TestIMEHeldKeyReleasedWithoutCommit(t *testing.T) {
	ta, fire, c := newIMETestArea(t)
	replay(ta, c, []event{k("G"), k(fyne.KeyReturn)}) // a letter whose character never comes
	if ta.Text() != "" {
		t.Fatalf("Return acted before its time: %q", ta.Text())
	}
	(*fire)()
	if ta.Text() != "\n" {
		t.Errorf("held Return never acted: %q", ta.Text())
	}
}

func TestIMEAfterCommit(t *testing.T) {
	ta, _, c := newIMETestArea(t)
	replay(ta, c, []event{k("G"), k("K"), k("S")})
	var saved string
	// Ctrl+S, a keystroke later: the shortcut's KeyDowns, then the save.
	ta.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	ta.KeyDown(&fyne.KeyEvent{Name: "S"})
	ta.input.Group.AfterCommit(func() { saved = ta.Text() })
	if saved != "" || !ta.Composing() {
		t.Fatal("ran before the syllable arrived")
	}
	c.t = c.t.Add(200 * time.Millisecond)
	replay(ta, c, []event{r('한')})
	if saved != "한" {
		t.Errorf("saved %q, want the committed syllable", saved)
	}
	ta.input.Group.AfterCommit(func() { saved = "now" })
	if saved != "now" {
		t.Error("with nothing composing it waited")
	}
}

// newIMETestArea is a TextArea in a test window whose fallback timer is
// fired by the test, through the returned func.
func newIMETestArea(t *testing.T) (*TextArea, *func(), *clock) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("ime")
	ta := New()
	ta.input.Group = &ime.Group{}
	w.SetContent(ta)
	w.Resize(fyne.NewSize(400, 300))
	w.Canvas().Focus(ta)
	c := &clock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	ta.now = c.now
	fire := func() {}
	ta.schedule = func(_ time.Duration, f func()) *time.Timer {
		fire = f
		return time.AfterFunc(time.Hour, func() {})
	}
	return ta, &fire, c
}

func replay(ta *TextArea, c *clock, events []event) {
	for _, e := range events {
		if e.key != "" {
			c.t = c.t.Add(150 * time.Millisecond)
			ta.KeyDown(&fyne.KeyEvent{Name: e.key})
			ta.TypedKey(&fyne.KeyEvent{Name: e.key})
			ta.KeyUp(&fyne.KeyEvent{Name: e.key})
		} else {
			ta.TypedRune(e.char)
		}
	}
}

// While a syllable is composing the cursor is an outlined cell where the
// syllable will land; once it has, a bar again.
func TestIMECursorShowsComposition(t *testing.T) {
	ta, _, c := newIMETestArea(t)
	cur := test.WidgetRenderer(ta).(*renderer).cursor
	bar := cur.Size().Width
	replay(ta, c, []event{k("G"), k("K")})
	if cur.StrokeWidth == 0 || cur.Size().Width <= bar {
		t.Errorf("composing: cursor %v wide, stroke %v; want an outlined cell", cur.Size().Width, cur.StrokeWidth)
	}
	replay(ta, c, []event{k(fyne.KeySpace), r('하'), r(' ')})
	if cur.StrokeWidth != 0 || cur.Size().Width != bar {
		t.Errorf("after the commit: cursor %v wide, stroke %v; want the bar", cur.Size().Width, cur.StrokeWidth)
	}
}

// Text replaced while a key waits for a syllable (a reload) drops the
// key: it belonged to the old text.
func TestIMESetTextDropsHeldKeys(t *testing.T) {
	ta, fire, c := newIMETestArea(t)
	replay(ta, c, []event{k("A"), r('a'), k("G"), k(fyne.KeyReturn)})
	ta.SetText("body")
	(*fire)()
	if ta.Text() != "body" {
		t.Errorf("text %q: a key held for the old text acted on the new one", ta.Text())
	}
}
