package storage

import (
	"path/filepath"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// corpusPosts lists every post file of the shared corpus as FindPosts
// finds them, and fails when it finds fewer than the corpus holds.
func corpusPosts(t testing.TB) []string {
	paths, err := FindPosts(storagetest.CorpusDir(t))
	if err != nil {
		t.Fatal(err)
	}
	var posts []string
	for _, p := range paths {
		if filepath.Base(p) != "SOURCES.md" {
			posts = append(posts, p)
		}
	}
	if len(posts) < 90 {
		t.Fatalf("found only %d corpus posts", len(posts))
	}
	return posts
}

// assertSame fails with both texts shown byte by byte.
func assertSame(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n--- got\n%s\n--- want\n%s", what, storagetest.Visible(got), storagetest.Visible(want))
	}
}
