package app

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every corpus post opened in the window and saved at once comes back
// byte for byte: loading the form, the editor and the preview changes
// nothing the user did not.
func TestCorpusOpenSaveInWindow(t *testing.T) {
	var posts []string
	err := filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")) && filepath.Base(p) != "SOURCES.md" {
			posts = append(posts, p)
		}
		return err
	})
	if err != nil || len(posts) == 0 {
		t.Skipf("SKIPPED: no corpus (%v); it lives in ../shared beside the repository", err)
	}
	u := newTestUI(t, "")
	dir := t.TempDir()
	for i, src := range posts {
		orig, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		// Its own folder, as two posts may share a name; the name stays,
		// as the date may come from it.
		path := filepath.Join(dir, strconv.Itoa(i), filepath.Base(src))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			t.Fatal(err)
		}
		u.openPath(path)
		if u.session == nil || u.session.Path() != path {
			t.Errorf("%s: did not open", src)
			continue
		}
		if u.session.Modified() {
			t.Errorf("%s: modified by opening it", src)
		}
		u.save()
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, orig) {
			t.Errorf("%s: saved %d bytes that differ from the %d read", src, len(got), len(orig))
		}
	}
	t.Logf("%d posts opened and saved in the window", len(posts))
}
