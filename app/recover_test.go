package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

const smallPost = "---\ntitle: 원래 제목\ntags: [a]\n---\n본문\n"

func writePost(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "2024-01-01-post.md")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// editedThenChangedOutside opens smallPost, types "내 편집 " into the
// body and then, before any save, has another program replace "본문" in
// the file with body. It returns the window, the post's path and the
// file's new text.
func editedThenChangedOutside(t *testing.T, body string) (u *ui, path, outside string) {
	t.Helper()
	path = writePost(t, smallPost)
	u = newTestUI(t, path)
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "내 편집 ")
	outside = strings.Replace(smallPost, "본문", body, 1)
	if err := os.WriteFile(path, []byte(outside), 0o644); err != nil {
		t.Fatal(err)
	}
	return u, path, outside
}

func TestOutsideChangeReloadsWhenNothingIsUnsaved(t *testing.T) {
	path := writePost(t, smallPost)
	u := newTestUI(t, path)
	outside := strings.Replace(smallPost, "본문", "git pull이 바꾼 본문", 1)
	if err := os.WriteFile(path, []byte(outside), 0o644); err != nil {
		t.Fatal(err)
	}
	u.outsideChange()
	if u.editor.Text() != "git pull이 바꾼 본문\n" || u.session.Modified() {
		t.Errorf("editor = %q, modified %v", u.editor.Text(), u.session.Modified())
	}
	if !strings.Contains(u.status.err.Text, "reloaded") {
		t.Errorf("status = %q", u.status.err.Text)
	}
}

func TestSaveNeverOverwritesOutsideChange(t *testing.T) {
	u, path, outside := editedThenChangedOutside(t, "다른 편집기의 본문")
	u.save()
	if got := readFile(t, path); got != outside {
		t.Errorf("save overwrote the outside change:\n%s", got)
	}
	if !u.asking || !u.session.Modified() {
		t.Errorf("the user was not asked (asking %v), or the edits were dropped (modified %v)", u.asking, u.session.Modified())
	}
	if !strings.Contains(u.editor.Text(), "내 편집") {
		t.Error("the edits left the window")
	}
}

func TestSaveAfterDeleteAsksFirst(t *testing.T) {
	path := writePost(t, smallPost)
	u := newTestUI(t, path)
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "남길 글 ")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	u.save()
	if _, err := os.Stat(path); err == nil {
		t.Error("a deleted file was written again without asking")
	}
	if !u.session.Modified() || !strings.Contains(u.editor.Text(), "남길 글") {
		t.Error("the text was lost")
	}
	if err := u.session.ForceSave(); err != nil { // what "Write it again" does
		t.Fatal(err)
	}
	if !strings.Contains(readFile(t, path), "남길 글") {
		t.Error("writing again lost the text")
	}
}

func TestJournalRestoresAfterCrash(t *testing.T) {
	path := writePost(t, smallPost)
	journal := t.TempDir()
	u := newTestUI(t, path)
	u.journal = &storage.Journal{Dir: journal}
	u.autosave = editor.NewAutosaver(u.journal, editor.DefaultAutosaveDelay)
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "저장 안 한 글 ")
	u.form.texts["title"].SetText("바뀐 제목")
	if err := u.autosave.Flush(); err != nil {
		t.Fatal(err)
	}
	// The process dies here: no save. The file is as it was.
	if readFile(t, path) != smallPost {
		t.Fatal("autosave wrote the post file")
	}

	v := newTestUI(t, "")
	v.journal = &storage.Journal{Dir: journal}
	entries, err := v.journal.Pending()
	if err != nil || len(entries) != 1 || entries[0].Path != path {
		t.Fatalf("pending = %+v, %v", entries, err)
	}
	v.restore(entries[0])
	if !strings.Contains(v.editor.Text(), "저장 안 한 글") || v.form.texts["title"].Text != "바뀐 제목" || !v.session.Modified() {
		t.Errorf("restored editor %q, title %q, modified %v", v.editor.Text(), v.form.texts["title"].Text, v.session.Modified())
	}
	if readFile(t, path) != smallPost {
		t.Error("restoring wrote the post file")
	}
}

// Closing with unsaved edits, the user picks Save; the file changed
// outside meanwhile, so Save asks first; after "Keep mine and save" the
// close goes on.
func TestCloseSaveGoesOnAfterConflict(t *testing.T) {
	u, path, _ := editedThenChangedOutside(t, "바깥")
	closed := false
	u.confirmDiscard(func() { closed = true })
	tapDialogButton(t, u, "Save")
	if closed {
		t.Fatal("closed before the conflict was settled")
	}
	tapDialogButton(t, u, "Keep mine and save")
	if !closed || !strings.Contains(readFile(t, path), "내 편집") {
		t.Errorf("closed %v, file %q: want the edits saved, then the close", closed, readFile(t, path))
	}
}

// TestRestoreUntitledKeepsEntryUntilRewritten: restoring an untitled
// post's edits leaves its journal entry in place until the restored
// session's state replaces it, so a crash right after the restore still
// finds the text, and no second entry appears.
func TestRestoreUntitledKeepsEntryUntilRewritten(t *testing.T) {
	journal := &storage.Journal{Dir: t.TempDir()}
	e := storage.JournalEntry{ID: "untitled-1", Text: []byte("---\ntitle: 이름 없는 글\n---\n살릴 글\n")}
	if err := journal.Write(e); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, "")
	u.journal = journal
	u.autosave = editor.NewAutosaver(journal, time.Hour)
	u.restore(e)
	if !strings.Contains(u.editor.Text(), "살릴 글") {
		t.Fatalf("editor = %q", u.editor.Text())
	}
	if got, _, err := journal.Read(e.Key()); err != nil || got == nil || string(got.Text) != string(e.Text) {
		t.Fatalf("right after the restore the entry is %+v, %v; want it kept", got, err)
	}
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "더 ")
	if err := u.autosave.Flush(); err != nil {
		t.Fatal(err)
	}
	entries, err := journal.Pending()
	if err != nil || len(entries) != 1 || entries[0].Key() != e.Key() || !strings.Contains(string(entries[0].Text), "더 ") {
		t.Errorf("pending = %+v, %v; want the one entry, rewritten", entries, err)
	}
}

// tapDialogButton taps the button labelled label in the dialog on top of
// the window, failing the test when there is none.
func tapDialogButton(t *testing.T, u *ui, label string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q", label)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button", label)
}

// TestSaveAsAddedExtensionAsksBeforeReplacing: a name typed without .md
// is saved as NAME.md; the file dialog asked about NAME only, so an
// existing NAME.md is replaced only after asking.
func TestSaveAsAddedExtensionAsksBeforeReplacing(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "notes.md")
	const old = "---\ntitle: 다른 글\n---\n지우면 안 되는 글\n"
	if err := os.WriteFile(existing, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, "")
	u.win.Canvas().Focus(u.editor.TextArea)
	test.Type(u.editor.TextArea, "새 글 ")
	typed := filepath.Join(dir, "notes")
	for _, answer := range []string{"No", "Yes"} {
		// The dialog creates the file it was given, empty.
		if err := os.WriteFile(typed, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		u.saveAs(typed, nil)
		if got := readFile(t, existing); got != old {
			t.Fatalf("notes.md was replaced without asking:\n%s", got)
		}
		if _, err := os.Stat(typed); err == nil {
			t.Error("the empty file the dialog made is still there")
		}
		tapDialogButton(t, u, answer)
	}
	if got := readFile(t, existing); !strings.Contains(got, "새 글") || u.session.Path() != existing || u.session.Modified() {
		t.Errorf("after Yes: path %q, modified %v, file:\n%s", u.session.Path(), u.session.Modified(), got)
	}
}

// The journal is read off the UI goroutine as the window opens; the
// offer comes back as a dialog, and Restore brings the edits.
func TestRecoveryOfferedInBackground(t *testing.T) {
	path := writePost(t, smallPost)
	journal := &storage.Journal{Dir: t.TempDir()}
	lost := strings.Replace(smallPost, "본문", "잃을 뻔한 본문", 1)
	if err := journal.Write(storage.JournalEntry{Path: path, Text: []byte(lost), BaseHash: storage.HashBytes([]byte(smallPost))}); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, "")
	u.journal = journal
	u.offerRecovery()
	runUI(t, u, func() bool { return strings.Contains(dialogText(u), "kept unsaved edits of\n"+path) })
	tapDialogButton(t, u, "Restore")
	if !strings.Contains(u.editor.Text(), "잃을 뻔한 본문") || u.session.Path() != path {
		t.Errorf("restored %q at %q", u.editor.Text(), u.session.Path())
	}
}

// offerLongRecovery journals edits of a long post, two lines changed far
// apart, and opens the recovery offer for them.
func offerLongRecovery(t *testing.T) (u *ui, path string, journal *storage.Journal, edited string) {
	t.Helper()
	var body strings.Builder
	for i := range 300 {
		fmt.Fprintf(&body, "문단 %d\n", i)
	}
	orig := "---\ntitle: 긴 글\n---\n" + body.String()
	path = writePost(t, orig)
	edited = strings.Replace(strings.Replace(orig, "문단 5\n", "고친 문단 5\n", 1), "문단 250\n", "", 1)
	journal = &storage.Journal{Dir: t.TempDir()}
	if err := journal.Write(storage.JournalEntry{Path: path, Text: []byte(edited), BaseHash: storage.HashBytes([]byte(orig))}); err != nil {
		t.Fatal(err)
	}
	u = newTestUI(t, "")
	u.journal = journal
	u.offerRecovery()
	runUI(t, u, func() bool { return strings.Contains(dialogText(u), "kept unsaved edits of") })
	return u, path, journal, edited
}

// topGrid returns the text grid of the dialog on top of the window.
func topGrid(t *testing.T, u *ui) *widget.TextGrid {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if g, ok := o.(*widget.TextGrid); ok {
			return g
		}
	}
	t.Fatal("the dialog on top shows no diff")
	return nil
}

// Compare shows the lines that differ, marked and on a coloured ground,
// in text of the normal colour, inside the window, scrolling inside; its
// buttons answer the offer.
func TestRecoveryCompareShowsDiffAndActs(t *testing.T) {
	u, path, _, edited := offerLongRecovery(t)
	tapDialogButton(t, u, "Compare")
	grid := topGrid(t, u)

	marked := map[string]bool{}
	for i, row := range grid.Rows {
		text := grid.RowText(i)
		if strings.Contains(text, " - ") || strings.Contains(text, " + ") {
			if row.Style == nil || row.Style.BackgroundColor() == nil {
				t.Errorf("changed row %q has no ground colour", text)
			}
			if row.Style.TextColor() != nil {
				t.Errorf("changed row %q is not in the normal text colour", text)
			}
			marked[strings.TrimSpace(text)] = true
		}
	}
	for _, want := range []string{"9     - 문단 5", "9 + 고친 문단 5", "254     - 문단 250"} {
		if !marked[want] {
			t.Errorf("no marked row %q among %v", want, marked)
		}
	}
	if len(grid.Rows) > 30 {
		t.Errorf("%d rows: the unchanged stretches are not folded", len(grid.Rows))
	}
	if grid.Scroll != fyne.ScrollBoth {
		t.Error("the diff does not scroll inside the dialog")
	}
	canvas := u.win.Canvas().Size()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(grid)
	if end := pos.Add(grid.Size()); pos.X < 0 || pos.Y < 0 || end.X > canvas.Width || end.Y > canvas.Height || grid.Size().Height < canvas.Height/2 {
		t.Errorf("the diff lies at %v to %v in a window of %v: want it inside, and most of its height", pos, end, canvas)
	}

	tapDialogButton(t, u, "Close")
	if !strings.Contains(dialogText(u), "kept unsaved edits of") {
		t.Fatal("Close did not go back to the offer")
	}
	tapDialogButton(t, u, "Compare")
	tapDialogButton(t, u, "Restore these edits")
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open: %q", dialogText(u))
	}
	if u.session.Path() != path || u.session.Post() == nil || string(u.session.Post().Bytes()) != edited {
		t.Errorf("restored %q at %q", u.editor.Text(), u.session.Path())
	}
}

// "Keep the file" in the compare dialog drops the journalled edits, as
// the offer's Discard does, and closes both dialogs.
func TestRecoveryCompareKeepsFile(t *testing.T) {
	u, path, journal, _ := offerLongRecovery(t)
	tapDialogButton(t, u, "Compare")
	tapDialogButton(t, u, "Keep the file")
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open: %q", dialogText(u))
	}
	if entries, err := journal.Pending(); err != nil || len(entries) != 0 {
		t.Errorf("journal holds %d entries, %v; want none", len(entries), err)
	}
	if u.session.Path() == path {
		t.Error("the post was opened with the edits")
	}
}

// The changed-on-disk dialog's Compare shows the same diff, in the
// window, the file on disk against the text here.
func TestConflictCompareShowsDiff(t *testing.T) {
	u, _, _ := editedThenChangedOutside(t, "바깥 본문")
	u.outsideChange()
	tapDialogButton(t, u, "Compare")
	grid := topGrid(t, u)
	var rows []string
	for i := range grid.Rows {
		rows = append(rows, strings.TrimSpace(grid.RowText(i)))
	}
	if got := strings.Join(rows, "\n"); !strings.Contains(got, "5   - 바깥 본문") || !strings.Contains(got, "5 + 내 편집 본문") {
		t.Errorf("diff rows:\n%s", got)
	}
	tapDialogButton(t, u, "Close")
	tapDialogButton(t, u, "Cancel")
}
