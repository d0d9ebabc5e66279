package app

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/postdesk/postdesk/storage"
)

// TestLibraryShowsProblems: posts Jekyll will skip for their names, and
// folders that could not be read, are said in the sidebar, not only kept
// in the index.
func TestLibraryShowsProblems(t *testing.T) {
	misnamed := fmt.Errorf("%w: Jekyll skips notes.md", storage.ErrPostName)
	lib := &storage.Library{
		Entries: []storage.LibraryEntry{
			{Path: "/blog/_posts/2024-01-01-fine.md", Title: "Fine"},
			{Path: "/blog/_posts/notes.md", Title: "notes", NameErr: misnamed},
			{Path: "/blog/_posts/2024-02-30-day.md", Title: "day", NameErr: misnamed},
			{Path: "/blog/_posts/a.md", NameErr: misnamed},
			{Path: "/blog/_posts/b.md", NameErr: misnamed},
		},
		Errs: []error{errors.New("scan: open /blog/_posts/locked: permission denied")},
	}
	note := libraryNote(lib, "/blog")
	for _, want := range []string{"5 posts in /blog", "4 files Jekyll will not publish as named:", "notes.md, 2024-02-30-day.md, a.md…", "1 folder could not be read", "permission denied"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	if meta := entryMeta(lib.Entries[1]); !strings.Contains(meta, "file name") {
		t.Errorf("meta of a misnamed post = %q", meta)
	}
	if note := libraryNote(&storage.Library{Entries: lib.Entries[:1]}, "/blog"); note != "1 posts in /blog" {
		t.Errorf("note without problems = %q", note)
	}
}

// showPosts puts a library of the titles in the window's sidebar and
// returns the paths the sidebar asks to open.
func showPosts(u *ui, titles ...string) *[]string {
	lib := &storage.Library{}
	for i, title := range titles {
		lib.Entries = append(lib.Entries, storage.LibraryEntry{Path: fmt.Sprintf("/blog/_posts/%d.md", i), Title: title})
	}
	u.library.lib = lib
	u.library.filter()
	opened := &[]string{}
	u.library.open = func(path string) { *opened = append(*opened, path) }
	return opened
}

// TestLibraryKeyboard: the library list is reached from its search with
// Tab or Down, the arrows move through it, Enter opens the post, and Up
// on the first post goes back to the search.
func TestLibraryKeyboard(t *testing.T) {
	u := newTestUI(t, "")
	opened := showPosts(u, "첫 글", "둘째 글", "셋째 글")
	c := u.win.Canvas()
	c.Focus(u.library.search)
	pressTab(c, false)
	if c.Focused() != u.library.list {
		t.Fatalf("Tab from the library's search focused %T, want the list", c.Focused())
	}
	c.Focus(u.library.search)
	u.library.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != u.library.list {
		t.Fatalf("Down in the library's search focused %T, want the list", c.Focused())
	}
	for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyUp, fyne.KeyReturn} {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	if strings.Join(*opened, " ") != "/blog/_posts/1.md" {
		t.Errorf("Down, Down, Up, Enter opened %q, want the second post", *opened)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if c.Focused() != u.library.search {
		t.Errorf("Up on the first post focused %T, want the search", c.Focused())
	}
	test.Type(u.library.search, "셋째")
	pressTab(c, false)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if got := (*opened)[len(*opened)-1]; got != "/blog/_posts/2.md" {
		t.Errorf("Enter on the one match opened %q", got)
	}
}

// texts returns the text drawn under o, in drawing order.
func texts(o fyne.CanvasObject) []*canvas.Text {
	var out []*canvas.Text
	switch o := o.(type) {
	case *canvas.Text:
		if o.Visible() && o.Text != "" {
			out = append(out, o)
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, texts(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			out = append(out, texts(c)...)
		}
	}
	return out
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(b)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestLibraryRowsReadable: in a narrow sidebar (a 900×600 window) a long
// title shows on two lines rather than one cut short, and the date under
// it is drawn with the contrast of body text (4.5:1), not dimmed.
func TestLibraryRowsReadable(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Resize(fyne.NewSize(900, 600))
	long := "쿠버네티스 위에서 머신러닝 파이프라인을 운영하며 배운 것들 정리"
	showPosts(u, long)
	u.library.list.Resize(fyne.NewSize(170, 400))
	row := u.library.list.CreateItem()
	u.library.list.UpdateItem(0, row)
	row.Resize(fyne.NewSize(170, row.MinSize().Height))
	box := row.(*fyne.Container)
	titleLines := texts(box.Objects[0])
	var shown string
	for _, l := range titleLines {
		shown += l.Text
	}
	if len(titleLines) < 2 || strings.HasSuffix(titleLines[0].Text, "…") {
		t.Errorf("long title drawn as %q; want it on two lines", shown)
	}
	bg := u.app.Settings().Theme().Color(theme.ColorNameBackground, u.app.Settings().ThemeVariant())
	for _, date := range texts(box.Objects[1]) {
		if r := contrast(date.Color, bg); r < 4.5 {
			t.Errorf("date %q drawn at contrast %.1f:1, want at least 4.5:1", date.Text, r)
		}
	}
}
