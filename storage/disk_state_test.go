package storage

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

func TestFileStateChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2024-01-01-a.md")
	storagetest.WriteFile(t, path, "---\ntitle: a\n---\n")
	st, err := StatFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mtime := st.ModTime
	cases := []struct {
		name   string
		change func()
		want   bool
	}{
		{"untouched", func() {}, false},
		{"touched, same bytes", func() { _ = os.Chtimes(path, time.Now(), time.Now().Add(time.Hour)) }, false},
		// Same size, and the time put back: only the hash can tell.
		{"one letter, same size and time", func() {
			storagetest.WriteFile(t, path, "---\ntitle: b\n---\n")
			_ = os.Chtimes(path, mtime, mtime)
		}, true},
		{"longer", func() { storagetest.WriteFile(t, path, "---\ntitle: longer\n---\n") }, true},
		{"deleted", func() { _ = os.Remove(path) }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storagetest.WriteFile(t, path, "---\ntitle: a\n---\n")
			_ = os.Chtimes(path, mtime, mtime)
			tc.change()
			if got, err := st.Changed(path); got != tc.want || err != nil {
				t.Errorf("Changed = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	var none FileState
	if got, _ := none.Changed(filepath.Join(dir, "missing.md")); got {
		t.Error("no file, expected none: reported changed")
	}
	storagetest.WriteFile(t, path, "appeared")
	if got, _ := none.Changed(path); !got {
		t.Error("a file appeared where none was expected: not reported")
	}
}

// TestSaveIfUnchanged plays the outside-change cases of issue 6: each
// refused save leaves the file on disk exactly as the other program left
// it.
func TestSaveIfUnchanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "post.md")
	storagetest.WriteFile(t, path, "mine v1\n")
	st, _ := StatFile(path)

	st, err := SaveIfUnchanged(path, []byte("mine v2\n"), st)
	if err != nil {
		t.Fatalf("first save: %v", err)
	}
	if st, err = SaveIfUnchanged(path, []byte("mine v3\n"), st); err != nil {
		t.Fatalf("second save, from the state the first returned: %v", err)
	}

	storagetest.WriteFile(t, path, "theirs (git pull)\n")
	if _, err := SaveIfUnchanged(path, []byte("mine v4\n"), st); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("save over a changed file: err %v, want ErrChangedOnDisk", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs (git pull)\n" {
		t.Errorf("refused save wrote %q", got)
	}

	st, _ = StatFile(path)
	if err := os.Rename(path, path+".moved"); err != nil {
		t.Fatal(err)
	}
	if _, err := SaveIfUnchanged(path, []byte("mine v5\n"), st); !errors.Is(err, ErrDeleted) {
		t.Errorf("save to a file renamed away: err %v, want ErrDeleted", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("refused save created the file")
	}
	if st, err = ForceSave(path, []byte("mine v5\n")); err != nil || !st.Exists() {
		t.Fatalf("force save: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine v5\n" {
		t.Errorf("force save wrote %q", got)
	}
	assertOnlyFiles(t, dir, "post.md", "post.md.moved")
}

func TestSaveIfUnchangedNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.md")
	if _, err := SaveIfUnchanged(path, []byte("first"), FileState{}); err != nil {
		t.Fatalf("new file: %v", err)
	}
	other := filepath.Join(dir, "taken.md")
	storagetest.WriteFile(t, other, "someone else's")
	if _, err := SaveIfUnchanged(other, []byte("mine"), FileState{}); !errors.Is(err, ErrChangedOnDisk) {
		t.Errorf("new file over an existing one: err %v, want ErrChangedOnDisk", err)
	}
}

// TestSaveIfUnchangedWriteFails: a save that cannot be written (the
// folder is gone: a file stands where it was) is an error and returns
// the state it was given, so the caller can try again.
func TestSaveIfUnchangedWriteFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "post.md")
	storagetest.WriteFile(t, filepath.Join(dir, "sub"), "a file, not a folder")
	if _, err := SaveIfUnchanged(path, []byte("x"), FileState{}); err == nil {
		t.Error("save into a file as folder succeeded")
	}
}

func TestLoadState(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2024-01-01-a.md")
	storagetest.WriteFile(t, path, "---\ntitle: a\n---\nbody\n")
	p, st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Hash != HashBytes(p.Bytes()) || st.Size != int64(len(p.Bytes())) {
		t.Errorf("state %+v is not that of the post read", st)
	}
	if changed, err := st.Changed(path); changed || err != nil {
		t.Errorf("Changed right after LoadState = %v, %v", changed, err)
	}
	storagetest.WriteFile(t, path, "---\ntitle: [broken\n---\n")
	p, st, err = LoadState(path)
	if p == nil || !errors.Is(err, ErrSyntax) || st.Hash != HashBytes(p.Bytes()) {
		t.Errorf("a post that does not parse: %v, %v, %+v", p, err, st)
	}
	if p, _, err := LoadState(filepath.Join(dir, "missing.md")); p != nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v, %v", p, err)
	}
}
