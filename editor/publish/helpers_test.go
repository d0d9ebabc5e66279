package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// exportFixture copies testdata into a drafts folder outside a new
// blog, so that tests may write, and returns the blog and that folder.
func exportFixture(t *testing.T) (blog *storage.Blog, drafts string) {
	t.Helper()
	blog = newTestBlog(t)
	drafts = filepath.Join(t.TempDir(), "drafts")
	if err := os.CopyFS(drafts, os.DirFS("testdata")); err != nil {
		t.Fatal(err)
	}
	return blog, drafts
}

// newTestBlog makes an empty Jekyll site in Asia/Seoul.
func newTestBlog(t *testing.T) *storage.Blog {
	t.Helper()
	dir := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(dir, "_config.yml"), "timezone: Asia/Seoul\n")
	blog, err := storage.OpenBlog(dir)
	if err != nil {
		t.Fatal(err)
	}
	return blog
}

func loadPost(t *testing.T, path string) *storage.Post {
	t.Helper()
	p, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// planFor plans the export of the post at path and fails the test on an
// error from Plan itself.
func planFor(t *testing.T, path string, opt Options) *Export {
	t.Helper()
	plan, err := Plan(loadPost(t, path), opt)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// exportOnce plans and applies the export of the post at path.
func exportOnce(t *testing.T, path string, opt Options) (*Export, []string, error) {
	t.Helper()
	plan := planFor(t, path, opt)
	written, err := plan.Apply()
	return plan, written, err
}

func problemsText(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		kind := "error"
		if p.Warning {
			kind = "warning"
		}
		b.WriteString(kind + ": " + p.String() + "\n")
	}
	return b.String()
}

func hasProblem(ps []Problem, field string, warning bool, substr string) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool {
		return p.Field == field && p.Warning == warning && strings.Contains(p.Message, substr)
	})
}

// leftovers lists the dot files Apply may have left under dir.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var left []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".postdesk-") {
			left = append(left, p)
		}
		return nil
	})
	return left
}

// isFile tells whether p is a regular file.
func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
