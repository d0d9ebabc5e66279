package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/publish"
)

// newTestUI opens the window headless with the post at path.
func newTestUI(t *testing.T, path string) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("Postdesk")
	u := newUI(a, w)
	// Renders finish on timer goroutines; a test that looks at the
	// preview collects them (see previewDone), the others drop them.
	u.preview.do = func(func()) {}
	queue := make(chan func(), 64)
	uiQueues.Store(u, queue)
	u.do = func(f func()) {
		select {
		case queue <- f:
		default: // a test that does not look drops it
		}
	}
	t.Cleanup(func() { u.shutdown(); w.Close() })
	w.Resize(fyne.NewSize(1280, 800))
	if path != "" {
		u.openPath(path)
	} else {
		u.newPost()
	}
	return u
}

// copyPost copies a post into a temporary folder so a test may save it.
func copyPost(t *testing.T, src string) (path string, orig []byte) {
	t.Helper()
	orig, err := os.ReadFile(src)
	if err != nil {
		t.Skipf("SKIPPED: %v (the corpus lives in ../shared beside the repository)", err)
	}
	path = filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, orig
}

const corpus = "../../shared/corpus"

func TestOpenShowsFields(t *testing.T) {
	path, _ := copyPost(t, filepath.Join(corpus, "chirpy", "2019-08-08-text-and-typography.md"))
	u := newTestUI(t, path)
	if got := u.form.texts["title"].Text; got != "Text and Typography" {
		t.Errorf("title field = %q", got)
	}
	if got := u.form.lists["categories"].Items(); strings.Join(got, ",") != "Blogging,Demo" {
		t.Errorf("categories = %q", got)
	}
	if got := u.form.dates["date"].Text(); got != "2019-08-08 11:33:00 +0800" {
		t.Errorf("date = %q", got)
	}
	if !u.form.bools["math"].Checked || !u.form.bools["pin"].Checked || u.form.bools["mermaid"].Checked != true {
		t.Error("math, pin and mermaid are set in the post but not checked")
	}
	if got := u.form.texts["image.alt"].Text; !strings.HasPrefix(got, "Responsive rendering") {
		t.Errorf("image.alt = %q", got)
	}
	if u.session.Modified() {
		t.Error("opening the post modified it")
	}
	if !strings.HasPrefix(u.editor.Text(), "\n## Headings") {
		t.Errorf("editor holds %q…, want the body", u.editor.Text()[:min(30, len(u.editor.Text()))])
	}
}

func TestFormEditChangesOnlyItsLine(t *testing.T) {
	path, orig := copyPost(t, filepath.Join(corpus, "korean", "113bommy", "_posts", "2024-02-05-Seq2Seq_Code.md"))
	u := newTestUI(t, path)
	title := u.form.texts["title"]
	u.win.Canvas().Focus(title)
	title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(title, " 정리")
	u.save()
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	before, after := strings.Split(string(orig), "\n"), strings.Split(string(saved), "\n")
	if len(before) != len(after) {
		t.Fatalf("line count changed: %d → %d", len(before), len(after))
	}
	for i := range before {
		if before[i] != after[i] && !strings.HasPrefix(before[i], "title:") {
			t.Errorf("line %d changed: %q → %q", i+1, before[i], after[i])
		}
	}
	if !strings.Contains(string(saved), "title:  \"Seq2Seq Code 정리\"\n") {
		t.Errorf("title line not as typed: %q", strings.Split(string(saved), "\n")[1])
	}
}

func TestTypingUpdatesPreview(t *testing.T) {
	u := newTestUI(t, "")
	done := previewDone(u)
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "## 미리보기 제목\n\n**굵게** 쓴 글")
	waitFor(t, done, func() bool {
		return strings.Contains(previewText(u), "미리보기 제목") && strings.Contains(previewText(u), "굵게 쓴 글")
	})
	if !u.session.Modified() {
		t.Error("typing did not mark the post modified")
	}
}

// previewDone collects the preview's finished renders, for the test's
// goroutine to apply as the UI goroutine would.
func previewDone(u *ui) <-chan func() {
	done := make(chan func(), 64)
	u.preview.do = func(f func()) { done <- f }
	return done
}

// waitFor applies renders until cond holds, failing after a generous
// time; it asserts an outcome, not a speed.
func waitFor(t *testing.T, done <-chan func(), cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case apply := <-done:
			apply()
		case <-deadline:
			t.Fatal("the preview never showed the text")
		}
	}
}

func previewText(u *ui) string {
	var b strings.Builder
	for _, blk := range u.preview.column.Blocks() {
		for _, s := range blk.Segments {
			b.WriteString(s.Textual())
		}
	}
	return b.String()
}

func TestOtherFieldsRejectsBadYAML(t *testing.T) {
	path, _ := copyPost(t, filepath.Join(corpus, "korean", "yunseo-kim", "_posts", "ko", "2021-01-31-github-markdown-syntax-summary.md"))
	u := newTestUI(t, path)
	other := u.form.other
	if !strings.Contains(other.Text, "redirect_from") {
		t.Fatalf("Other fields box = %q", other.Text)
	}
	before := string(u.session.Post().Bytes())
	lines := strings.Count(other.Text, "\n")
	other.SetText(other.Text + "broken: [x\n")
	err := other.Validate()
	if want := fmt.Sprintf("Other fields:%d:9: ", lines+1); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("bad YAML accepted: %v", err)
	}
	if string(u.session.Post().Bytes()) != before {
		t.Error("bad YAML in the box changed the post")
	}
	other.SetText(strings.Replace(other.Text, "broken: [x\n", "series: 깃허브\n", 1))
	if err := other.Validate(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(u.session.Post().Bytes()), "series: 깃허브\n---") {
		t.Error("a valid Other fields edit did not reach the post")
	}
}

func TestBoldAndUndo(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Canvas().Focus(u.editor.TextArea)
	body := u.editor.Text()
	test.Type(u.editor.TextArea, "한글 입력")
	u.editor.Select(0, 2)
	if got := u.editor.SelectedText(); got != "한글" {
		t.Fatalf("selected %q", got)
	}
	u.applyCommand(wrapCommand("**"))
	if u.editor.Text() != "**한글** 입력"+body {
		t.Errorf("after bold: %q", u.editor.Text())
	}
	u.editor.Undo()
	if u.editor.Text() != "한글 입력"+body {
		t.Errorf("after undo: %q", u.editor.Text())
	}
	u.editor.TypedShortcut(&fyne.ShortcutRedo{})
	if u.editor.Text() != "**한글** 입력"+body {
		t.Errorf("after redo: %q", u.editor.Text())
	}
	for range 4 { // the command, then Entry's own steps of the typing
		u.editor.TypedShortcut(&fyne.ShortcutUndo{})
	}
	if u.editor.Text() != body {
		t.Errorf("after undoing the typing too: %q", u.editor.Text())
	}
}

func TestRawModeAndBack(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2022-01-01-broken.md")
	if err := os.WriteFile(path, []byte("---\ntitle: [고장\n---\n본문\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, path)
	if !u.raw() || u.form.fields.Visible() || !strings.Contains(u.form.problem.Text, "2:8") {
		t.Fatalf("broken post: raw %v, form shown %v, problem %q", u.raw(), u.form.fields.Visible(), u.form.problem.Text)
	}
	if !strings.Contains(u.status.err.Text, "2:8") {
		t.Errorf("status bar error = %q", u.status.err.Text)
	}
	u.editor.Replace(0, u.editor.Buffer().Len(), "---\ntitle: 고침\n---\n본문\n")
	if u.raw() || !u.form.fields.Visible() || u.form.texts["title"].Text != "고침" {
		t.Errorf("fixed post: raw %v, title %q", u.raw(), u.form.texts["title"].Text)
	}
	if u.editor.Text() != "본문\n" {
		t.Errorf("editor after leaving raw mode = %q", u.editor.Text())
	}
}

func TestFindSelectsMatch(t *testing.T) {
	u := newTestUI(t, "")
	u.editor.SetText("첫째 줄\n둘째 줄에 찾을 말\n셋째 줄에 찾을 말")
	u.find.show()
	u.find.find.SetText("찾을 말")
	u.find.next()
	if sel := u.editor.selection(); u.editor.SelectedText() != "찾을 말" || sel.Start != 11 {
		t.Errorf("first match: selected %q at %d", u.editor.SelectedText(), sel.Start)
	}
	u.find.next()
	if sel := u.editor.selection(); sel.Start != 22 {
		t.Errorf("second match at %d", sel.Start)
	}
	u.find.replace.SetText("바꾼 말")
	u.find.replaceAll()
	if strings.Count(u.editor.Text(), "바꾼 말") != 2 || u.find.result.Text != "2 replacements" {
		t.Errorf("replace all: %q, %q", u.editor.Text(), u.find.result.Text)
	}
}

// newTestBlog makes an empty Jekyll blog in Seoul time.
func newTestBlog(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"_posts", "_drafts"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("title: 블로그\ntimezone: Asia/Seoul\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := "---\ntitle: 지난 글\ndate: 2024-01-02 10:00:00 +0900\ncategories: [Blog]\ntags: [회고, go]\n---\n본문\n"
	if err := os.WriteFile(filepath.Join(dir, "_posts", "2024-01-02-지난-글.md"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// uiQueues holds, for each test window, the functions it handed to the
// UI goroutine; the test's goroutine stands for that goroutine.
var uiQueues sync.Map

// runUI applies the functions the window hands to the UI goroutine until
// cond holds.
func runUI(t *testing.T, u *ui, cond func() bool) {
	t.Helper()
	q, _ := uiQueues.Load(u)
	done := q.(chan func())
	deadline := time.After(10 * time.Second)
	for !cond() {
		select {
		case f := <-done:
			f()
		case <-deadline:
			t.Fatal("the window never got there")
		}
	}
}

func TestNewPostFillExport(t *testing.T) {
	blog := newTestBlog(t)
	u := newTestUI(t, "")
	u.app.Preferences().SetString(prefBlogDir, blog)
	u.openBlog(blog)
	runUI(t, u, func() bool { return u.library.lib != nil })
	if len(u.library.shown) != 1 || u.library.shown[0].Title != "지난 글" {
		t.Fatalf("library lists %+v", u.library.shown)
	}

	path, err := editor.NewDraft(u.blog, u.draftsDir(), "새 글", time.Date(2026, 11, 26, 21, 30, 0, 0, u.blog.SiteZone()))
	if err != nil {
		t.Fatal(err)
	}
	u.openPath(path)
	title := u.form.texts["title"]
	title.SetText("")
	test.Type(title, "한글 제목: 첫 글")
	tags := u.form.lists["tags"]
	tags.SetItems(nil)
	u.fieldChanged(func(s *editor.Session) error { return s.SetList("tags", []string{"회고"}) })
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "## 시작\n\n본문입니다.\n")
	u.save()

	plan, err := publish.Plan(u.session.Post(), publish.Options{Blog: u.blog})
	if err != nil || len(plan.Errors()) > 0 {
		t.Fatalf("plan: %v %v", err, plan.Errors())
	}
	want := filepath.Join(blog, "_posts", "2026-11-26-한글-제목-첫-글.md")
	if plan.Target != want {
		t.Errorf("target = %s, want %s", plan.Target, want)
	}
	if _, err := plan.Apply(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"title: '한글 제목: 첫 글'\n", "date: 2026-11-26 21:30:00 +0900\n", "tags: [회고]\n", "## 시작\n\n본문입니다.\n"} {
		if !strings.Contains(string(got), s) {
			t.Errorf("exported post lacks %q:\n%s", s, got)
		}
	}
	u.rescanLibrary()
	runUI(t, u, func() bool { return u.library.lib != nil && len(u.library.lib.Entries) == 3 })
	if got := u.form.lists["tags"].Suggestions(); len(got) == 0 || got[0].Text != "회고" || got[0].Count != 3 {
		t.Errorf("tag suggestions = %+v", got)
	}
}

func TestBoldOnALongSelection(t *testing.T) {
	u := newTestUI(t, "")
	long := strings.Repeat("가나다라 ", 400) // 2,000 runes: more than is selected key by key
	u.editor.SetText(long)
	u.editor.TypedShortcut(&fyne.ShortcutSelectAll{})
	u.applyCommand(wrapCommand("**"))
	if u.editor.Text() != "**"+long+"**" {
		t.Errorf("bold over everything: %q…", u.editor.Text()[:20])
	}
	u.editor.TypedShortcut(&fyne.ShortcutUndo{})
	if u.editor.Text() != long {
		t.Error("undo did not take the bold back")
	}
}

func TestCountsFollowTyping(t *testing.T) {
	u := newTestUI(t, "")
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "한글 두 word")
	runUI(t, u, func() bool { return u.status.counts.Text == "4 words · 7 characters · 1 min read" })
}

// A notice (here, a file changed outside) stays while the user types; a
// successful save clears it.
func TestNoticeOutlastsTyping(t *testing.T) {
	path, _ := copyPost(t, filepath.Join(corpus, "chirpy", "2019-08-08-text-and-typography.md"))
	u := newTestUI(t, path)
	u.status.setError(errors.New("reloaded: the file was changed outside Postdesk"))
	u.win.Canvas().Focus(u.editor.TextArea)
	u.editor.TypedRune('x')
	if !strings.Contains(u.status.err.Text, "reloaded") {
		t.Fatalf("status %q after a keystroke, want the notice kept", u.status.err.Text)
	}
	u.save()
	if u.status.err.Text != "" {
		t.Errorf("status %q after a save, want it clear", u.status.err.Text)
	}
}

// A TOML post's other fields cannot show in the box, so the box is
// closed rather than offering to replace what it does not show.
func TestOtherFieldsClosedForTOML(t *testing.T) {
	u := newTestUI(t, writePost(t, "+++\ntitle = 'x'\nweight = 3\n+++\nbody\n"))
	if !u.form.other.Disabled() {
		t.Error("Other fields box open on a TOML post")
	}
	u.openPath(writePost(t, "---\ntitle: x\nseries: a\n---\nbody\n"))
	if u.form.other.Disabled() {
		t.Error("Other fields box still closed on a YAML post")
	}
}

func TestRelInside(t *testing.T) {
	dir := filepath.Join("blog", "_posts")
	cases := []struct {
		name, path, rel string
		ok              bool
	}{
		{"the folder itself", dir, ".", true},
		{"a file in it", filepath.Join(dir, "a.md"), "a.md", true},
		{"a file below it", filepath.Join(dir, "2024", "a.md"), filepath.Join("2024", "a.md"), true},
		{"a name starting with two dots", filepath.Join(dir, "..draft.md"), "..draft.md", true},
		{"the parent", "blog", "", false},
		{"a sibling folder", filepath.Join("blog", "_drafts", "a.md"), "", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rel, ok := relInside(dir, tc.path)
			if rel != tc.rel || ok != tc.ok {
				t.Errorf("relInside(%q, %q) = %q, %v; want %q, %v", dir, tc.path, rel, ok, tc.rel, tc.ok)
			}
		})
	}
}
