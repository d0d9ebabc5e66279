package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
)

// pressKey delivers a key as the driver does: to the focused widget,
// pressed, typed and released, else to the window's canvas.
func pressKey(u *ui, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	c := u.win.Canvas()
	f := c.Focused()
	if f == nil {
		if h := c.OnTypedKey(); h != nil {
			h(ev)
		}
		return
	}
	k, keyable := f.(desktop.Keyable)
	if keyable {
		k.KeyDown(ev)
	}
	f.TypedKey(ev)
	if keyable {
		k.KeyUp(ev)
	}
}

// typeOnWindow types text as the driver delivers it: to the focused
// widget, else to the window's canvas (test.TypeOnCanvas gives it to the
// canvas always).
func typeOnWindow(u *ui, text string) {
	c := u.win.Canvas()
	for _, r := range text {
		if f := c.Focused(); f != nil {
			f.TypedRune(r)
		} else if h := c.OnTypedRune(); h != nil {
			h(r)
		}
	}
}

// pressShortcut runs the main menu item with the shortcut Ctrl+key, as
// the driver does before any widget sees the key.
func pressShortcut(t *testing.T, u *ui, key fyne.KeyName, extra fyne.KeyModifier) {
	t.Helper()
	want := shortcut(key, extra).ShortcutName()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == want {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has %s", want)
}

func withBlog(t *testing.T) *ui {
	t.Helper()
	blog := newTestBlog(t)
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefBlogDir, blog)
	u.openBlog(blog)
	return u
}

// The New post dialog has the keyboard in its title field, wide enough
// for a long Korean title, and Enter creates the post.
func TestNewPostDialogTitleHasKeyboard(t *testing.T) {
	u := withBlog(t)
	u.newDraft()
	title, ok := u.win.Canvas().Focused().(*ime.Entry)
	if !ok {
		t.Fatalf("focus is on %T, not the title field", u.win.Canvas().Focused())
	}
	if w := title.Size().Width; w < 400 {
		t.Errorf("title field is %.0f px wide", w)
	}
	typeOnWindow(u, "트랜스포머 구현 정리")
	pressKey(u, fyne.KeyReturn)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Enter left the dialog open")
	}
	if got := u.form.texts["title"].Text; got != "트랜스포머 구현 정리" {
		t.Errorf("new post's title = %q", got)
	}
	if dir := filepath.Dir(u.session.Path()); dir != u.draftsDir() {
		t.Errorf("new post in %s, want the drafts folder", dir)
	}
}

// Ctrl+F gives the keyboard to Find: what is typed then is searched for,
// and the post is left alone.
func TestFindShortcutFocusesFind(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "첫째 줄의 zipfile")
	post := u.editor.Text()
	var later []func()
	u.find.after = func(_ time.Duration, f func()) { later = append(later, f) }
	pressShortcut(t, u, fyne.KeyF, 0)
	if u.win.Canvas().Focused() != u.find.find {
		t.Fatalf("focus is on %T after Ctrl+F", u.win.Canvas().Focused())
	}
	if u.editor.TextArea.Position().Y == 0 {
		t.Error("the open bar takes no room above the editor")
	}
	// The click in the editor just before Ctrl+F reaches it only now,
	// after the double-click time, and takes the focus; Find gets it back.
	test.Tap(u.editor.TextArea)
	for len(later) > 0 {
		f := later[0]
		later = later[1:]
		f()
	}
	if u.win.Canvas().Focused() != u.find.find {
		t.Fatalf("focus is on %T after the late click", u.win.Canvas().Focused())
	}
	typeOnWindow(u, "zipfile")
	if u.find.find.Text != "zipfile" || u.editor.Text() != post {
		t.Errorf("find = %q, post = %q", u.find.find.Text, u.editor.Text())
	}
	// Opened again, the old search is selected, so typing replaces it.
	pressKey(u, fyne.KeyEscape)
	if u.find.box.Visible() || u.win.Canvas().Focused() != u.editor.TextArea {
		t.Fatal("Escape in Find left the bar open or the editor without the keyboard")
	}
	if y := u.editor.TextArea.Position().Y; y != 0 {
		t.Errorf("the closed bar still takes %.0f px above the editor", y)
	}
	pressShortcut(t, u, fyne.KeyF, 0)
	typeOnWindow(u, "줄")
	if u.find.find.Text != "줄" {
		t.Errorf("find after reopening = %q", u.find.find.Text)
	}
}

// The find bar's fields take the editor pane's width, and the outcome of
// a replace moves neither them nor the divider beside the editor.
func TestFindBarFieldsWideAndSteady(t *testing.T) {
	u := newTestUI(t, "")
	u.editor.SetText(strings.Repeat("찾을 말 ", 1234))
	u.find.show()
	layOut := func() { u.editorSplit.Leading.(*fyne.Container).Refresh() } // as the next frame does
	layOut()
	editorWidth, findWidth := u.editor.TextArea.Size().Width, u.find.find.Size().Width
	for _, e := range []*ime.Entry{u.find.find, u.find.replace} {
		if w := e.Size().Width; w < editorWidth/2 {
			t.Errorf("a find bar field is %.0f px wide in a %.0f px pane", w, editorWidth)
		}
	}
	u.find.find.SetText("찾을 말")
	u.find.replace.SetText("바꾼 말")
	u.find.replaceAll()
	layOut()
	if u.find.result.Text != "1234 replacements" {
		t.Fatalf("result = %q", u.find.result.Text)
	}
	if w := u.editor.TextArea.Size().Width; w != editorWidth {
		t.Errorf("the editor's pane went from %.0f to %.0f px wide", editorWidth, w)
	}
	if w := u.find.find.Size().Width; w != findWidth {
		t.Errorf("Find went from %.0f to %.0f px wide", findWidth, w)
	}
}

// Escape closes the dialog on top, with the keyboard in one of its
// fields or nowhere.
func TestEscapeClosesDialogs(t *testing.T) {
	u := newTestUI(t, "")
	top := func() fyne.CanvasObject { return u.win.Canvas().Overlays().Top() }

	u.showSettings()
	if top() == nil {
		t.Fatal("no Settings dialog")
	}
	pressKey(u, fyne.KeyEscape)
	if top() != nil {
		t.Fatal("Escape left Settings open")
	}

	u.showSettings()
	for _, o := range test.LaidOutObjects(top()) {
		if e, ok := o.(*ime.Entry); ok {
			u.win.Canvas().Focus(e)
			break
		}
	}
	pressKey(u, fyne.KeyEscape)
	if top() != nil {
		t.Fatal("Escape in a Settings field left it open")
	}

	// A confirmation: Escape is Cancel, and the post stays.
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "남길 글")
	post := u.editor.Text()
	u.newPost()
	if !strings.Contains(dialogText(u), "not saved") {
		t.Fatalf("no unsaved-changes question: %q", dialogText(u))
	}
	u.win.Canvas().Unfocus()
	pressKey(u, fyne.KeyEscape)
	if top() != nil || u.editor.Text() != post {
		t.Errorf("after Escape: dialog %v, post %q", top(), u.editor.Text())
	}

	// A dialog over a dialog: Escape closes the upper one only.
	u.showSettings()
	u.showInfo("정보", "위의 대화상자")
	pressKey(u, fyne.KeyEscape)
	if top() == nil || strings.Contains(dialogText(u), "위의 대화상자") {
		t.Errorf("Escape did not close just the upper dialog: %q", dialogText(u))
	}
	pressKey(u, fyne.KeyEscape)
	if top() != nil {
		t.Error("the second Escape left Settings open")
	}
}

// Resting the mouse on a toolbar icon says what it does.
func TestToolbarTooltips(t *testing.T) {
	u := newTestUI(t, "")
	u.tips.delay = 0
	var buttons []*tipButton
	for _, o := range test.LaidOutObjects(u.win.Content()) {
		if b, ok := o.(*tipButton); ok && b.Importance == widget.LowImportance {
			buttons = append(buttons, b)
		}
	}
	if len(buttons) != 10 {
		t.Fatalf("%d toolbar buttons with tips, want 10", len(buttons))
	}
	d := fyne.CurrentApp().Driver()
	for _, b := range buttons {
		at := d.AbsolutePositionForObject(b).AddXY(b.Size().Width/2, b.Size().Height/2)
		test.MoveMouse(u.win.Canvas(), at)
		if !u.tips.tip.Visible() || u.tips.text.Text != b.tip || b.tip == "" {
			t.Errorf("hovering %q shows %q (visible %v)", b.tip, u.tips.text.Text, u.tips.tip.Visible())
		}
		tipAt := d.AbsolutePositionForObject(u.tips.tip)
		if tipAt.Y < at.Y || tipAt.X+u.tips.tip.Size().Width > u.win.Canvas().Size().Width {
			t.Errorf("tip %q at %v, outside the window or above its button", b.tip, tipAt)
		}
	}
	test.MoveMouse(u.win.Canvas(), fyne.NewPos(600, 500))
	if u.tips.tip.Visible() {
		t.Error("the tip stayed after the mouse left")
	}
	// The mouse that left before the delay shows no tip.
	u.tips.delay = 1 << 40
	buttons[0].MouseIn(&desktop.MouseEvent{})
	buttons[0].MouseOut()
	if u.tips.tip.Visible() {
		t.Error("a tip showed without waiting")
	}
}

// dialogExtent is the size the objects of the dialog in the overlay top
// cover, leaving out the modal shade over the whole window.
func dialogExtent(u *ui, top fyne.CanvasObject) fyne.Size {
	d, win := fyne.CurrentApp().Driver(), u.win.Canvas().Size()
	lo, hi := fyne.NewPos(win.Width, win.Height), fyne.NewPos(0, 0)
	for _, o := range test.LaidOutObjects(top) {
		if o.Size().Width >= win.Width || o.Size().IsZero() || !o.Visible() {
			continue
		}
		p := d.AbsolutePositionForObject(o)
		lo = fyne.NewPos(min(lo.X, p.X), min(lo.Y, p.Y))
		hi = fyne.NewPos(max(hi.X, p.X+o.Size().Width), max(hi.Y, p.Y+o.Size().Height))
	}
	return fyne.NewSize(hi.X-lo.X, hi.Y-lo.Y)
}

// Each file dialog opens in the folder that fits it, never in the last
// folder used for something else.
func TestFileDialogFolders(t *testing.T) {
	u := withBlog(t)
	blog := u.blog.Dir
	if err := os.MkdirAll(filepath.Join(blog, "assets", "img"), 0o755); err != nil {
		t.Fatal(err)
	}
	home, _ := os.UserHomeDir()
	// Unsaved: open in _posts, save in the drafts folder.
	for kind, want := range map[fileKind]string{
		openPost:   u.blog.PostsDir,
		savePost:   u.draftsDir(),
		pickImage:  filepath.Join(blog, "assets", "img"),
		exportPage: home,
		pickBlog:   blog,
	} {
		if got := u.startDir(kind); got != want {
			t.Errorf("unsaved post: kind %d opens in %s, want %s", kind, got, want)
		}
	}
	// A post outside the blog: everything but the blog folder is its own.
	elsewhere := filepath.Join(t.TempDir(), "post.md")
	if err := os.WriteFile(elsewhere, []byte("---\ntitle: 밖\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.openPath(elsewhere)
	for _, kind := range []fileKind{openPost, savePost, pickImage, exportPage} {
		if got := u.startDir(kind); got != filepath.Dir(elsewhere) {
			t.Errorf("post outside the blog: kind %d opens in %s", kind, got)
		}
	}

	// Fyne would open where a file was last chosen: the blog's images.
	u.app.Preferences().SetString("fyne:fileDialogLastFolder", "file://"+filepath.Join(blog, "assets", "img"))
	u.showExportHTML()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file dialog")
	}
	win := u.win.Canvas().Size()
	if s := dialogExtent(u, top); s.Width < win.Width*0.8 || s.Height < win.Height*0.8 {
		t.Errorf("file dialog is %v in a %v window", s, win)
	}
	// The dialog's path bar ends in the post's folder.
	var crumbs []string
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text != "" {
			crumbs = append(crumbs, b.Text)
		}
	}
	if !slices.Contains(crumbs, filepath.Base(filepath.Dir(elsewhere))) || slices.Contains(crumbs, "img") {
		t.Errorf("Export as HTML opens in %q, want %s", crumbs, filepath.Dir(elsewhere))
	}
	u.win.Canvas().Unfocus()
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the file dialog open")
	}
}

// TestEscapeClosesConflict: Escape on the file-changed question is
// Cancel, and the question is asked again at the next change, not never.
func TestEscapeClosesConflict(t *testing.T) {
	u := newTestUI(t, "")
	u.askConflict("Changed on disk", "The file changed.", nil)
	if u.win.Canvas().Overlays().Top() == nil || !u.asking {
		t.Fatal("no conflict question")
	}
	pressKey(u, fyne.KeyEscape)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Escape left the conflict question open")
	}
	if u.asking {
		t.Error("after Escape the window still thinks it is asking, so it would never ask again")
	}
}
