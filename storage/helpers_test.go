package storage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// visible shows the bytes a diff hides: line endings, tabs, a BOM.
func visible(s string) string {
	r := strings.NewReplacer("\r", `\r`, "\n", "\\n\n", "\t", `\t`, "\uFEFF", `<BOM>`)
	return r.Replace(s)
}

// sharedDir is ../shared beside the repository, where the real posts
// live; POSTDESK_SHARED names another place. Tests that need it skip,
// loudly, when it is not there.
func sharedDir(t testing.TB) string {
	dir := os.Getenv("POSTDESK_SHARED")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Skipf("SKIPPED: the post corpus is not at %s (set POSTDESK_SHARED to the shared folder): %v", dir, err)
	}
	return dir
}

// corpusPosts lists every post file of the shared corpus.
func corpusPosts(t testing.TB) []string {
	paths, err := FindPosts(filepath.Join(sharedDir(t), "corpus"))
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

// mustDiffer fails with both texts shown byte by byte.
func assertSame(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s:\n--- got\n%s\n--- want\n%s", what, visible(got), visible(want))
	}
}
