package storage

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

func content(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// errHalfWay is the failure a test injects into a write.
var errHalfWay = errors.New("disk full (injected)")

func TestBatchCommit(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "_posts", "2024-01-02-a.md")
	gone := filepath.Join(dir, "_posts", "2023-01-02-a.md")
	storagetest.WriteFile(t, old, "old post")
	storagetest.WriteFile(t, gone, "same slug, last year")
	img := filepath.Join(dir, "assets", "img", "posts", "a", "cat.png")

	b := &Batch{Replaces: []string{old, gone}}
	if err := b.Write(img, content("cat")); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(old, content("new post")); err != nil {
		t.Fatal(err)
	}
	b.Remove(gone)
	b.Remove(filepath.Join(dir, "_posts", "never-there.md"))
	if got, _ := os.ReadFile(old); string(got) != "old post" {
		t.Errorf("Write replaced the file before Commit: %q", got)
	}
	written, err := b.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{img, old}; !slices.Equal(written, want) {
		t.Errorf("written = %v, want %v", written, want)
	}
	want := map[string]string{
		filepath.FromSlash("_posts/2024-01-02-a.md"):     "new post",
		filepath.FromSlash("assets/img/posts/a/cat.png"): "cat",
	}
	for _, d := range []string{".", "_posts", "assets", "assets/img", "assets/img/posts", "assets/img/posts/a"} {
		want[filepath.FromSlash(d)+"/"] = ""
	}
	got := storagetest.Snapshot(t, dir)
	storagetest.SameSnapshot(t, want, got)
}

// TestBatchAllOrNothing fails a batch at each step it can fail at: the
// folder must be as it was, with no temporary or backup file left.
func TestBatchAllOrNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		run  func(t *testing.T, dir string) error
	}{
		{"Second write fails half-way", func(t *testing.T, dir string) error {
			b := &Batch{Replaces: []string{filepath.Join(dir, "post.md")}}
			if err := b.Write(filepath.Join(dir, "new", "deeper", "a.png"), content("a")); err != nil {
				t.Fatal(err)
			}
			return b.Write(filepath.Join(dir, "new", "b.png"), func(w io.Writer) error {
				_, _ = io.WriteString(w, "half")
				return errHalfWay
			})
		}},
		{"A file appears where none was planned", func(t *testing.T, dir string) error {
			b := &Batch{Replaces: []string{filepath.Join(dir, "post.md"), filepath.Join(dir, "old.md")}}
			b.Remove(filepath.Join(dir, "old.md"))
			if err := b.Write(filepath.Join(dir, "post.md"), content("mine")); err != nil {
				t.Fatal(err)
			}
			if err := b.Write(filepath.Join(dir, "new", "a.png"), content("a")); err != nil {
				t.Fatal(err)
			}
			if err := b.Write(filepath.Join(dir, "theirs.md"), content("mine")); err != nil {
				t.Fatal(err)
			}
			_, err := b.Commit()
			if !errors.Is(err, ErrAppeared) {
				t.Errorf("Commit = %v, want ErrAppeared", err)
			}
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			storagetest.WriteFile(t, filepath.Join(dir, "post.md"), "the post")
			storagetest.WriteFile(t, filepath.Join(dir, "old.md"), "an old post")
			storagetest.WriteFile(t, filepath.Join(dir, "theirs.md"), "someone else's")
			before := storagetest.Snapshot(t, dir)
			if err := tc.run(t, dir); err == nil {
				t.Fatal("the batch did not fail")
			}
			storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, dir))
		})
	}
}

// TestBatchThroughLink: a file that is a symbolic link is replaced
// through the link, which stays.
func TestBatchThroughLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "kept-elsewhere.md")
	link := filepath.Join(dir, "_posts", "a.md")
	storagetest.WriteFile(t, real, "old")
	if err := os.Mkdir(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	b := &Batch{Replaces: []string{link}}
	if err := b.Write(link, content("new")); err != nil {
		t.Fatal(err)
	}
	if written, err := b.Commit(); err != nil || !slices.Equal(written, []string{link}) {
		t.Fatalf("Commit = %v, %v", written, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the link's target holds %q", got)
	}
}
