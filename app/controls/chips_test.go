package controls

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
)

// chipsFixture is a ChipList in a window, with every OnChanged call kept.
type chipsFixture struct {
	t       *testing.T
	list    *ChipList
	win     fyne.Window
	changes [][]string
}

func newChipsFixture(t *testing.T, items ...string) *chipsFixture {
	t.Helper()
	test.NewTempApp(t)
	f := &chipsFixture{t: t, list: NewChipList("Add a tag", &ime.Group{})}
	f.list.SetItems(items)
	f.list.OnChanged = func(items []string) { f.changes = append(f.changes, items) }
	f.win = test.NewTempWindow(t, f.list)
	f.win.Resize(fyne.NewSize(420, 240))
	f.win.Canvas().Focus(f.list.entry)
	return f
}

// typeText types into whatever has the focus, one rune at a time, as a
// user would; the focus may move while typing (to the suggestion list).
func (f *chipsFixture) typeText(s string) {
	f.t.Helper()
	for _, r := range s {
		focused := f.win.Canvas().Focused()
		if focused == nil {
			f.t.Fatalf("typing %q: nothing has the focus", r)
		}
		focused.TypedRune(r)
	}
}

// press sends a key to whatever has the focus.
func (f *chipsFixture) press(key fyne.KeyName) {
	f.t.Helper()
	focused := f.win.Canvas().Focused()
	if focused == nil {
		f.t.Fatalf("pressing %s: nothing has the focus", key)
	}
	focused.TypedKey(&fyne.KeyEvent{Name: key})
}

// want checks the items and how many times OnChanged was called.
func (f *chipsFixture) want(items []string, changes int) {
	f.t.Helper()
	if got := f.list.Items(); !slices.Equal(got, items) {
		f.t.Errorf("Items() = %q, want %q", got, items)
	}
	if len(f.changes) != changes {
		f.t.Errorf("OnChanged called %d times (%q), want %d", len(f.changes), f.changes, changes)
	}
	if changes > 0 && len(f.changes) == changes && !slices.Equal(f.changes[changes-1], items) {
		f.t.Errorf("OnChanged last got %q, want %q", f.changes[changes-1], items)
	}
}

// chips returns the chips in order.
func (f *chipsFixture) chips() []*chip {
	var out []*chip
	for _, o := range f.list.flow.Objects {
		if c, ok := o.(*chip); ok {
			out = append(out, c)
		}
	}
	return out
}

// suggested returns the texts in the open suggestion list, or nil when it
// is not shown.
func (f *chipsFixture) suggested() []string {
	if f.list.popUp == nil || !f.list.popUp.Visible() {
		return nil
	}
	var out []string
	for _, s := range f.list.menu.items {
		out = append(out, s.Text)
	}
	return out
}

func TestChipListAdd(t *testing.T) {
	t.Run("Enter adds the typed text", func(t *testing.T) {
		f := newChipsFixture(t)
		f.typeText("회고")
		f.press(fyne.KeyReturn)
		f.want([]string{"회고"}, 1)
		if f.list.entry.Text != "" {
			t.Errorf("entry holds %q after Enter, want it empty", f.list.entry.Text)
		}
	})
	t.Run("comma adds the text before it", func(t *testing.T) {
		f := newChipsFixture(t)
		f.typeText("일기,회")
		f.want([]string{"일기"}, 1)
		if f.list.entry.Text != "회" {
			t.Errorf("entry holds %q, want the text after the comma", f.list.entry.Text)
		}
	})
	t.Run("full-width comma from an input method", func(t *testing.T) {
		f := newChipsFixture(t)
		f.typeText("일기，")
		f.want([]string{"일기"}, 1)
	})
	t.Run("text is trimmed", func(t *testing.T) {
		f := newChipsFixture(t)
		f.typeText("  MLOps  ")
		f.press(fyne.KeyEnter)
		f.want([]string{"MLOps"}, 1)
	})
	t.Run("empty and blank text is ignored", func(t *testing.T) {
		f := newChipsFixture(t, "a")
		f.press(fyne.KeyReturn)
		f.typeText("   ")
		f.press(fyne.KeyReturn)
		f.typeText(" ,,")
		f.want([]string{"a"}, 0)
	})
	t.Run("duplicate is ignored", func(t *testing.T) {
		f := newChipsFixture(t, "회고", "일기")
		f.typeText("회고")
		f.press(fyne.KeyReturn)
		f.typeText("일기,")
		f.want([]string{"회고", "일기"}, 0)
	})
	t.Run("paste with commas adds all but the last in one change", func(t *testing.T) {
		f := newChipsFixture(t)
		cb := test.NewClipboard()
		cb.SetContent("jekyll, 회고 ,chirpy, 일")
		f.list.entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
		f.want([]string{"jekyll", "회고", "chirpy"}, 1)
		if f.list.entry.Text != "일" {
			t.Errorf("entry holds %q, want the text after the last comma", f.list.entry.Text)
		}
	})
}

func TestChipListRemove(t *testing.T) {
	t.Run("× removes its chip", func(t *testing.T) {
		f := newChipsFixture(t, "a", "회고", "c")
		test.Tap(f.chips()[1].remove)
		f.want([]string{"a", "c"}, 1)
		if n := len(f.chips()); n != 2 {
			t.Errorf("%d chips shown, want 2", n)
		}
	})
	t.Run("Backspace on an empty entry removes the last chip", func(t *testing.T) {
		f := newChipsFixture(t, "회고", "일기")
		f.press(fyne.KeyBackspace)
		f.want([]string{"회고"}, 1)
	})
	t.Run("Backspace with text edits the text only", func(t *testing.T) {
		f := newChipsFixture(t, "회고")
		f.typeText("ab")
		f.press(fyne.KeyBackspace)
		f.want([]string{"회고"}, 0)
		if f.list.entry.Text != "a" {
			t.Errorf("entry holds %q, want %q", f.list.entry.Text, "a")
		}
	})
	t.Run("Backspace with no chips does nothing", func(t *testing.T) {
		f := newChipsFixture(t)
		f.press(fyne.KeyBackspace)
		f.want(nil, 0)
	})
	t.Run("context menu Remove", func(t *testing.T) {
		f := newChipsFixture(t, "a", "b")
		f.menuAction(f.chips()[0], "Remove")
		f.want([]string{"b"}, 1)
	})
}

// menuAction opens ch's context menu with a secondary tap and taps the
// item labelled label.
func (f *chipsFixture) menuAction(ch *chip, label string) {
	f.t.Helper()
	test.TapSecondary(ch)
	var menu *widget.PopUpMenu
	for _, o := range test.LaidOutObjects(f.win.Canvas().Overlays().Top()) {
		if m, ok := o.(*widget.PopUpMenu); ok {
			menu = m
		}
	}
	if menu == nil {
		f.t.Fatalf("no pop-up menu after a secondary tap")
	}
	labels := menuLabels(menu)
	i := slices.Index(labels, label)
	if i < 0 {
		f.t.Fatalf("menu has %q, no %q", labels, label)
	}
	test.Tap(menu.Items[i].(fyne.Tappable))
}

// menuLabels returns the labels a pop-up menu shows.
func menuLabels(m *widget.PopUpMenu) []string {
	var out []string
	for _, it := range m.Items {
		for _, o := range test.LaidOutObjects(it) {
			if tx, ok := o.(*canvas.Text); ok && tx.Text != "" {
				out = append(out, tx.Text)
				break
			}
		}
	}
	return out
}

func TestChipListMove(t *testing.T) {
	t.Run("Move left", func(t *testing.T) {
		f := newChipsFixture(t, "a", "회고", "c")
		f.menuAction(f.chips()[1], "Move left")
		f.want([]string{"회고", "a", "c"}, 1)
	})
	t.Run("Move right", func(t *testing.T) {
		f := newChipsFixture(t, "a", "회고", "c")
		f.menuAction(f.chips()[1], "Move right")
		f.want([]string{"a", "c", "회고"}, 1)
	})
	t.Run("ends cannot move past the edge", func(t *testing.T) {
		f := newChipsFixture(t, "a", "b")
		f.menuAction(f.chips()[0], "Move left")
		f.menuAction(f.chips()[1], "Move right")
		f.want([]string{"a", "b"}, 0)
	})
	t.Run("drag onto another chip", func(t *testing.T) {
		f := newChipsFixture(t, "a", "회고", "일기")
		chips := f.chips()
		from := centre(chips[0])
		to := centre(chips[2])
		test.Drag(f.win.Canvas(), from, to.X-from.X, to.Y-from.Y)
		f.want([]string{"회고", "일기", "a"}, 1)
	})
	t.Run("drag off the chips changes nothing", func(t *testing.T) {
		f := newChipsFixture(t, "a", "b")
		from := centre(f.chips()[0])
		test.Drag(f.win.Canvas(), from, 0, 150)
		f.want([]string{"a", "b"}, 0)
	})
}

// centre is the absolute position of o's centre.
func centre(o fyne.CanvasObject) fyne.Position {
	p := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return p.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

var blogTags = []Suggestion{
	{"회고", 3}, {"회사", 10}, {"일기", 5},
	{"Go", 7}, {"golang", 2}, {"mongo", 9}, {"Kubernetes", 12},
}

func TestChipListSuggestions(t *testing.T) {
	cases := []struct {
		name, typed string
		items       []string
		want        []string
	}{
		{"substring, ignoring case, most used first", "go", nil, []string{"mongo", "Go", "golang"}},
		{"upper case typed", "GO", nil, []string{"mongo", "Go", "golang"}},
		{"Hangul prefix", "회", nil, []string{"회사", "회고"}},
		{"Hangul substring", "기", nil, []string{"일기"}},
		{"items already added are not offered", "회", []string{"회사"}, []string{"회고"}},
		{"no match shows no list", "zzz", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newChipsFixture(t, tc.items...)
			f.list.SetSuggestions(blogTags)
			f.typeText(tc.typed)
			if got := f.suggested(); !slices.Equal(got, tc.want) {
				t.Errorf("typing %q suggests %q, want %q", tc.typed, got, tc.want)
			}
		})
	}

	t.Run("ties go to the prefix match, then text order", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions([]Suggestion{{"b-go", 1}, {"a-go", 1}, {"go-x", 1}})
		f.typeText("go")
		if got, want := f.suggested(), []string{"go-x", "a-go", "b-go"}; !slices.Equal(got, want) {
			t.Errorf("suggests %q, want %q", got, want)
		}
	})
	t.Run("typing goes on while the list is open", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("회")
		f.typeText("고")
		if f.list.entry.Text != "회고" {
			t.Errorf("entry holds %q, want %q", f.list.entry.Text, "회고")
		}
		if got, want := f.suggested(), []string{"회고"}; !slices.Equal(got, want) {
			t.Errorf("suggests %q, want %q", got, want)
		}
	})
	t.Run("Down and Enter pick", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("회")
		f.press(fyne.KeyDown)
		f.press(fyne.KeyDown)
		f.press(fyne.KeyReturn)
		f.want([]string{"회고"}, 1)
		if f.suggested() != nil || f.list.entry.Text != "" {
			t.Errorf("after picking: list %q, entry %q; want both empty", f.suggested(), f.list.entry.Text)
		}
		if f.win.Canvas().Focused() != f.list.entry {
			t.Errorf("focus is on %T, want the entry", f.win.Canvas().Focused())
		}
	})
	t.Run("Up wraps to the last", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("go")
		f.press(fyne.KeyUp)
		f.press(fyne.KeyEnter)
		f.want([]string{"golang"}, 1)
	})
	t.Run("Enter without choosing adds the typed text", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("회")
		f.press(fyne.KeyReturn)
		f.want([]string{"회"}, 1)
	})
	t.Run("tap picks", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("kube")
		test.Tap(f.list.menu.rows.Objects[0].(fyne.Tappable))
		f.want([]string{"Kubernetes"}, 1)
	})
	t.Run("Escape closes the list and keeps the text", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("회")
		f.press(fyne.KeyEscape)
		if f.suggested() != nil {
			t.Errorf("list still shows %q", f.suggested())
		}
		f.want(nil, 0)
		if f.list.entry.Text != "회" {
			t.Errorf("entry holds %q, want %q", f.list.entry.Text, "회")
		}
	})
	t.Run("comma while the list is open", func(t *testing.T) {
		f := newChipsFixture(t)
		f.list.SetSuggestions(blogTags)
		f.typeText("회,")
		f.want([]string{"회"}, 1)
		if f.suggested() != nil {
			t.Errorf("list still shows %q", f.suggested())
		}
	})
	t.Run("at most eight", func(t *testing.T) {
		f := newChipsFixture(t)
		var many []Suggestion
		for _, s := range []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"} {
			many = append(many, Suggestion{s, 1})
		}
		f.list.SetSuggestions(many)
		f.typeText("a")
		if n := len(f.suggested()); n != maxShownSuggestions {
			t.Errorf("%d suggestions shown, want %d", n, maxShownSuggestions)
		}
	})
}

func TestChipListSetItems(t *testing.T) {
	f := newChipsFixture(t)
	f.list.SetItems([]string{"회고", "일기"})
	f.list.SetItems([]string{"회고", "일기", "회고"})
	f.want([]string{"회고", "일기", "회고"}, 0)
	if n := len(f.chips()); n != 3 {
		t.Errorf("%d chips shown, want 3: duplicates from a post are kept as written", n)
	}

	got := f.list.Items()
	got[0] = "changed"
	in := []string{"x"}
	f.list.SetItems(in)
	in[0] = "changed"
	if f.list.Items()[0] != "x" {
		t.Errorf("SetItems kept the caller's slice")
	}
}

func TestChipListMaxItemsHint(t *testing.T) {
	f := newChipsFixture(t, "개발", "회고")
	f.list.SetMaxItems(2, "Chirpy uses only the first 2.")
	if f.list.hint.Visible() {
		t.Errorf("hint shown at the limit")
	}
	f.typeText("일기,")
	f.want([]string{"개발", "회고", "일기"}, 1)
	if !f.list.hint.Visible() {
		t.Errorf("hint hidden past the limit")
	}
	if got, want := f.list.hint.Text, "Chirpy uses only the first 2."; got != want {
		t.Errorf("hint = %q, want %q", got, want)
	}
	f.press(fyne.KeyBackspace)
	if f.list.hint.Visible() {
		t.Errorf("hint still shown after going back to the limit")
	}
}

// TestChipListLowercaseOffer: a tag typed with capitals is kept as typed,
// with the lowercase form offered beside it; one tap takes the offer.
func TestChipListLowercaseOffer(t *testing.T) {
	f := newChipsFixture(t, "go")
	f.list.SetLowercase("Chirpy expects lowercase tags")
	if f.list.lowerBox.Visible() {
		t.Error("offer shown with every tag lowercase")
	}
	f.typeText("Testing")
	f.press(fyne.KeyReturn)
	f.want([]string{"go", "Testing"}, 1)
	if !f.list.lowerBox.Visible() {
		t.Fatal("no offer for \"Testing\"")
	}
	if got, want := f.list.lowerNote.Text, `Chirpy expects lowercase tags: use "testing"?`; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
	if got := f.list.lowerFix.Text; got != "Use testing" {
		t.Errorf("button = %q", got)
	}
	f.typeText("GO,")
	f.want([]string{"go", "Testing", "GO"}, 2)
	if got := f.list.lowerFix.Text; got != "Lowercase them" {
		t.Errorf("button for two = %q", got)
	}
	test.Tap(f.list.lowerFix)
	f.want([]string{"go", "testing"}, 3)
	if f.list.lowerBox.Visible() {
		t.Error("offer still shown after taking it")
	}
}

func TestFlowLayout(t *testing.T) {
	box := func(w float32) fyne.CanvasObject {
		r := canvas.NewRectangle(nil)
		r.SetMinSize(fyne.NewSize(w, 20))
		return r
	}
	a := test.NewTempApp(t)
	pad := a.Settings().Theme().Size("padding")
	objs := []fyne.CanvasObject{box(50), box(80), box(30), box(40)}
	l := &flowLayout{lastMin: 60}

	if got := l.MinSize(objs); got.Height != 20 || got.Width != 80 {
		t.Errorf("MinSize before layout = %v, want one row as wide as the widest", got)
	}
	// 50+pad+80 fits in 140, 30 does not; the entry takes the rest of
	// the second row.
	l.Layout(objs, fyne.NewSize(140, 100))
	wantPos := []fyne.Position{{X: 0, Y: 0}, {X: 50 + pad, Y: 0}, {X: 0, Y: 20 + pad}, {X: 30 + pad, Y: 20 + pad}}
	for i, o := range objs {
		if o.Position() != wantPos[i] {
			t.Errorf("object %d at %v, want %v", i, o.Position(), wantPos[i])
		}
	}
	if got, want := objs[3].Size().Width, 140-(30+pad); got != want {
		t.Errorf("last object %v wide, want the rest of its row, %v", got, want)
	}
	if got := l.MinSize(objs); got.Height != 40+pad {
		t.Errorf("MinSize after layout = %v, want two rows", got)
	}
}
