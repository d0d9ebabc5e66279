package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// TestWatchRenameOver replaces the file the way git and most editors do,
// by renaming a new file over it: the watch on the folder sees it.
func TestWatchRenameOver(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "post.md")
	storagetest.WriteFile(t, path, "v1")
	called := make(chan struct{}, 10)
	stop, err := Watch(path, func() { called <- struct{}{} })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if err := WriteFile(path, []byte("v2")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-called:
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported for a file replaced by rename")
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	select {
	case <-called:
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported for a deleted file")
	}
	stop()
	stop() // a second stop is harmless
}

func TestWatchMissingFolder(t *testing.T) {
	if _, err := Watch(filepath.Join(t.TempDir(), "gone", "post.md"), func() {}); err == nil {
		t.Error("watching a file in a missing folder succeeded")
	}
}
