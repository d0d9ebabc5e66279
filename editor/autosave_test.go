package editor

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage"
)

const autosavePost = "---\ntitle: 자동 저장\ntags: [a]\n---\n첫 문단.\n"

// openTemp writes a post into a temporary folder and opens it.
func openTemp(t *testing.T, name, content string) *Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// events collects what an Autosaver reports.
func events(a *Autosaver) <-chan AutosaveEvent {
	ch := make(chan AutosaveEvent, 1000)
	a.Notify(func(e AutosaveEvent) { ch <- e })
	return ch
}

// waitFor waits for an event with op, failing the test if none comes in a
// time far beyond any delay used here.
func waitFor(t *testing.T, ch <-chan AutosaveEvent, op AutosaveOp) AutosaveEvent {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case e := <-ch:
			if e.Op == op {
				return e
			}
		case <-deadline:
			t.Fatalf("no event %d", op)
		}
	}
}

func TestAutosaveWritesAfterQuiet(t *testing.T) {
	s := openTemp(t, "2024-01-01-a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, 5*time.Millisecond)
	defer a.Close()
	ch := events(a)

	for i := range 50 {
		s.SetBody(s.Body() + fmt.Sprintf("문장 %d. ", i))
		a.Changed(s)
	}
	if err := s.SetText("title", "바뀐 제목"); err != nil {
		t.Fatal(err)
	}
	a.Changed(s)
	for {
		e := waitFor(t, ch, JournalWritten)
		if bytes.Equal(e.Entry.Text, s.Post().Bytes()) {
			break
		}
	}
	e, ok, err := j.Read(s.Path())
	if !ok || err != nil {
		t.Fatalf("read: ok=%v err=%v", ok, err)
	}
	if !bytes.Equal(e.Text, s.Post().Bytes()) {
		t.Errorf("journal holds\n%s\nwant\n%s", e.Text, s.Post().Bytes())
	}
	onDisk, _ := os.ReadFile(s.Path())
	if !e.Differs(onDisk) || e.FileChangedSince(onDisk) {
		t.Errorf("entry against the untouched file: Differs %v, FileChangedSince %v; want true, false",
			e.Differs(onDisk), e.FileChangedSince(onDisk))
	}
	if err := a.Err(); err != nil {
		t.Errorf("Err = %v", err)
	}
}

func TestAutosaveSavedRemovesEntry(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour) // only Flush writes
	defer a.Close()

	s.SetBody("새 본문\n")
	a.Changed(s)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := j.Read(s.Path()); !ok {
		t.Fatal("no entry after Flush")
	}
	saveAndFlush(t, s, a)
	if _, ok, _ := j.Read(s.Path()); ok {
		t.Error("entry still there after Saved")
	}

	// Saved on a session edited again since journals the new state, with
	// the saved file as its base.
	s.SetBody("또 바뀐 본문\n")
	a.Saved(s)
	_ = a.Flush()
	e, ok, _ := j.Read(s.Path())
	onDisk, _ := os.ReadFile(s.Path())
	if !ok || !bytes.Equal(e.Text, s.Post().Bytes()) || e.FileChangedSince(onDisk) {
		t.Errorf("after Saved on an edited session: ok=%v entry=%+v", ok, e)
	}
}

func TestAutosaveRevertRemovesEntry(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	body := s.Body()
	s.SetBody(body + "지울 문장\n")
	a.Changed(s)
	_ = a.Flush()
	s.SetBody(body)
	a.Changed(s)
	_ = a.Flush()
	if _, ok, _ := j.Read(s.Path()); ok {
		t.Error("entry kept for a session back to its saved state")
	}
}

func TestAutosaveDiscard(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	s.SetBody("버릴 본문\n")
	a.Changed(s)
	_ = a.Flush()
	a.Discard(s)
	_ = a.Flush()
	if _, ok, _ := j.Read(s.Path()); ok {
		t.Error("entry kept after Discard")
	}
}

// TestAutosaveUnsavedSession: a session with no file yet is journalled
// under an ID, with no base.
func TestAutosaveUnsavedSession(t *testing.T) {
	s := NewSession(storage.Parse("", []byte("---\ntitle: 새 글\n---\n")))
	s.SetPath("")
	s.SetBody("아직 파일이 없다\n")
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	a.Changed(s)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	entries, err := j.Pending()
	if err != nil || len(entries) != 1 {
		t.Fatalf("pending: %v, %v", entries, err)
	}
	e := entries[0]
	if e.Path != "" || e.ID == "" || e.BaseHash != "" || e.FileChangedSince(nil) {
		t.Errorf("entry %+v", e)
	}
}

func TestAutosaveCloseFlushesThenStops(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	s.SetBody("닫기 전\n")
	a.Changed(s)
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	e, ok, _ := j.Read(s.Path())
	if !ok || !bytes.Equal(e.Text, s.Post().Bytes()) {
		t.Fatal("Close did not write the pending state")
	}
	s.SetBody("닫은 뒤\n")
	a.Changed(s)
	a.Saved(s)
	_ = a.Flush()
	_ = a.Close()
	if e2, _, _ := j.Read(s.Path()); !bytes.Equal(e2.Text, e.Text) {
		t.Error("the journal changed after Close")
	}
}

// TestAutosaveFailureIsRetried: a journal that cannot be written (its
// folder is a file: a read-only or full disk behaves the same) reports
// the error and keeps the state; once the folder can be written the
// state goes out.
func TestAutosaveFailureIsRetried(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	dir := filepath.Join(t.TempDir(), "journal")
	if err := os.WriteFile(dir, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	j := &storage.Journal{Dir: dir}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	ch := events(a)
	s.SetBody("디스크가 가득 찼다\n")
	a.Changed(s)
	if err := a.Flush(); err == nil || a.Err() == nil {
		t.Fatalf("Flush = %v, Err = %v; want errors", err, a.Err())
	}
	if e := waitFor(t, ch, JournalFailed); e.Err == nil {
		t.Error("failure event without error")
	}
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	if err := a.Flush(); err != nil || a.Err() != nil {
		t.Fatalf("retry: Flush = %v, Err = %v", err, a.Err())
	}
	if e, ok, _ := j.Read(s.Path()); !ok || !bytes.Equal(e.Text, s.Post().Bytes()) {
		t.Error("the state kept through the failure was not written")
	}
}

// TestAutosaveSteadyTyping: edits that never pause still reach the
// journal, within a few delays.
func TestAutosaveSteadyTyping(t *testing.T) {
	s := openTemp(t, "a.md", autosavePost)
	j := &storage.Journal{Dir: t.TempDir()}
	delay := 20 * time.Millisecond
	a := NewAutosaver(j, delay)
	defer a.Close()
	ch := events(a)
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; ; i++ {
		select {
		case e := <-ch:
			if e.Op == JournalWritten {
				return
			}
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("steady typing kept the journal from ever being written")
		}
		s.SetBody(s.Body() + "가")
		a.Changed(s)
		time.Sleep(delay / 4)
	}
}

// TestAutosaveConcurrent drives several sessions from several goroutines
// with Flush running alongside; run with -race. Each journal ends with its
// session's last state.
func TestAutosaveConcurrent(t *testing.T) {
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Millisecond)
	var sessions []*Session
	for i := range 4 {
		sessions = append(sessions, openTemp(t, fmt.Sprintf("p%d.md", i), autosavePost))
	}
	var wg sync.WaitGroup
	for i, s := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 100 {
				s.SetBody(fmt.Sprintf("세션 %d 편집 %d\n", i, k))
				a.Changed(s)
				if k%10 == 0 {
					_ = a.Flush()
				}
			}
		}()
	}
	wg.Wait()
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	for _, s := range sessions {
		e, ok, err := j.Read(s.Path())
		if !ok || err != nil || !bytes.Equal(e.Text, s.Post().Bytes()) {
			t.Errorf("%s: ok=%v err=%v, journal not the last state", s.Path(), ok, err)
		}
	}
	if entries, err := j.Pending(); len(entries) != len(sessions) || errors.Is(err, storage.ErrJournalCorrupt) {
		t.Errorf("pending: %d entries, %v", len(entries), err)
	}
}

// pendingKeys lists the keys of the entries in j.
// saveAndFlush saves the session as the window does, tells the autosaver,
// and waits for it to write or remove the journal entry.
func saveAndFlush(t *testing.T, s *Session, a *Autosaver) {
	t.Helper()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	a.Saved(s)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
}

func pendingKeys(t *testing.T, j *storage.Journal) []string {
	t.Helper()
	entries, err := j.Pending()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, e := range entries {
		keys = append(keys, e.Key())
	}
	return keys
}

// TestAutosaveSaveAsDropsUntitledEntry: an untitled post saved under a
// name leaves no untitled entry behind to be offered again, and the old
// entry goes only once the new one is on disk.
func TestAutosaveSaveAsDropsUntitledEntry(t *testing.T) {
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	ch := events(a)
	s := NewPost(time.Date(2024, 7, 14, 9, 0, 0, 0, time.UTC))
	s.SetBody("처음 쓴 글\n")
	a.Changed(s)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	untitled := pendingKeys(t, j)
	if len(untitled) != 1 || !strings.HasPrefix(untitled[0], "untitled:") {
		t.Fatalf("pending = %q; want one untitled entry", untitled)
	}

	path := filepath.Join(t.TempDir(), "2024-07-14-new.md")
	s.SetPath(path)
	s.SetBody("더 쓴 글\n")
	a.Changed(s)
	if err := a.Flush(); err != nil {
		t.Fatal(err)
	}
	if keys := pendingKeys(t, j); len(keys) != 1 || keys[0] != path {
		t.Fatalf("after the path changed, pending = %q; want only %s", keys, path)
	}
	var order []string
	for len(ch) > 0 {
		e := <-ch
		if e.Op == JournalWritten || e.Op == JournalRemoved {
			order = append(order, fmt.Sprintf("%d %s", e.Op, e.Entry.Key()))
		}
	}
	want := []string{fmt.Sprintf("%d %s", JournalWritten, untitled[0]), fmt.Sprintf("%d %s", JournalWritten, path), fmt.Sprintf("%d %s", JournalRemoved, untitled[0])}
	if !slices.Equal(order, want) {
		t.Errorf("order = %q; want %q", order, want)
	}

	saveAndFlush(t, s, a)
	if keys := pendingKeys(t, j); len(keys) != 0 {
		t.Errorf("after the save, pending = %q", keys)
	}
}

// TestAutosaveSaveAsBeforeFirstWrite: a state still waiting under the
// untitled key when the post is saved under a name is never written.
func TestAutosaveSaveAsBeforeFirstWrite(t *testing.T) {
	j := &storage.Journal{Dir: t.TempDir()}
	a := NewAutosaver(j, time.Hour)
	defer a.Close()
	s := NewPost(time.Date(2024, 7, 14, 9, 0, 0, 0, time.UTC))
	s.SetBody("곧 저장할 글\n")
	a.Changed(s)
	s.SetPath(filepath.Join(t.TempDir(), "a.md"))
	saveAndFlush(t, s, a)
	if keys := pendingKeys(t, j); len(keys) != 0 {
		t.Errorf("pending = %q", keys)
	}
}
