package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Korean typed through an input method, as GLFW hands it to the focused
// widget on X11 with IBus and ibus-hangul (see package editor/ime): every
// key press, even one the input method keeps, and a committed syllable
// as a character after the key that committed it. The form's fields must
// come out as the editor does.

// imeStep is a key (key set), a committed character, or a click into
// another widget.
type imeStep struct {
	key   fyne.KeyName
	char  rune
	focus fyne.Focusable
}

func key(name fyne.KeyName) imeStep  { return imeStep{key: name} }
func char(c rune) imeStep            { return imeStep{char: c} }
func click(w fyne.Focusable) imeStep { return imeStep{focus: w} }
func keys(names ...fyne.KeyName) []imeStep {
	out := make([]imeStep, len(names))
	for i, n := range names {
		out[i] = key(n)
	}
	return out
}

// typeIME hands the steps to whatever has the focus, as the driver does.
func typeIME(t *testing.T, u *ui, steps ...[]imeStep) {
	t.Helper()
	c := u.win.Canvas()
	for _, group := range steps {
		for _, s := range group {
			switch {
			case s.focus != nil:
				c.Focus(s.focus)
			case s.key != "":
				f := c.Focused()
				if f == nil {
					t.Fatalf("key %s: nothing has the focus", s.key)
				}
				ev := &fyne.KeyEvent{Name: s.key}
				if k, ok := f.(desktop.Keyable); ok {
					k.KeyDown(ev)
				}
				f.TypedKey(ev)
				if k, ok := f.(desktop.Keyable); ok {
					k.KeyUp(ev)
				}
			default:
				c.Focused().TypedRune(s.char)
			}
		}
	}
}

func imePost(t *testing.T) *ui {
	t.Helper()
	path := filepath.Join(t.TempDir(), "post.md")
	if err := os.WriteFile(path, []byte("---\ntitle: 제목\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return newTestUI(t, path)
}

func TestIMETitleReturn(t *testing.T) {
	u := imePost(t)
	title := u.form.texts["title"]
	title.SetText("")
	u.win.Canvas().Focus(title)
	typeIME(t, u, keys("G", "K", "S", "R", "M", "F"), []imeStep{char('한'), key(fyne.KeyReturn), char('글')})
	if title.Text != "한글" {
		t.Errorf("title %q, want 한글", title.Text)
	}
	if got := u.session.Text("title"); got != "한글" {
		t.Errorf("post's title %q, want 한글", got)
	}
}

func TestIMETagReturnAddsTheSyllable(t *testing.T) {
	u := imePost(t)
	tags := u.form.lists["tags"]
	u.win.Canvas().Focus(tags.Entry())
	typeIME(t, u, keys("R", "K", "S", "R"), []imeStep{char('간')}, keys("K", fyne.KeyReturn), []imeStep{char('가')})
	if got := strings.Join(tags.Items(), "|"); got != "간가" {
		t.Errorf("tags %q, want the one tag 간가", got)
	}
	if tags.Typed() != "" {
		t.Errorf("entry still holds %q", tags.Typed())
	}
}

func TestIMEClickAwayKeepsTheSyllable(t *testing.T) {
	u := imePost(t)
	title := u.form.texts["title"]
	u.win.Canvas().Focus(u.editor.TextArea)
	typeIME(t, u, keys("G", "K", "S"), []imeStep{click(title)}, keys("R"), []imeStep{char('한')}, keys("K", fyne.KeySpace), []imeStep{char('가'), char(' ')})
	if got := u.editor.Text(); got != "한" {
		t.Errorf("body %q, want the syllable composed there", got)
	}
	if title.Text != "가 제목" { // the click put the cursor at the start
		t.Errorf("title %q, want only what was typed after the click", title.Text)
	}
}

func TestIMESaveFromTitleWaitsForTheSyllable(t *testing.T) {
	u := imePost(t)
	title := u.form.texts["title"]
	u.win.Canvas().Focus(title)
	title.CursorColumn = len([]rune(title.Text))
	typeIME(t, u, keys("G", "K", "S"))
	// Ctrl+S: the driver hands the focused field the KeyDowns, then the
	// menu saves, then the input method's commit arrives.
	title.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	title.KeyDown(&fyne.KeyEvent{Name: "S"})
	u.save()
	typeIME(t, u, []imeStep{char('한')})
	saved, err := os.ReadFile(u.session.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(saved), "title: 제목한\n") {
		t.Errorf("saved %q, want the syllable in the title", saved)
	}
}
