package publish

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// errCopy is the failure injected into an image copy.
var errCopy = errors.New("disk full (injected)")

// TestExportAllOrNothing makes the second image copy fail half-way while
// the export replaces an earlier one: nothing may be left behind and the
// replaced files must be back as they were.
func TestExportAllOrNothing(t *testing.T) {
	blog, drafts := exportFixture(t)
	path := filepath.Join(drafts, "with-images.md")
	if _, _, err := exportOnce(t, path, Options{Blog: blog}); err != nil {
		t.Fatal(err)
	}
	// Change every image, so the second export replaces them all.
	for _, name := range []string{"cat.png", "images/cover.png", "images/고양이 사진.png"} {
		storagetest.WriteFile(t, filepath.Join(drafts, name), "changed "+name)
	}
	post := loadPost(t, path)
	post.SetBody([]byte("\nnew body ![](cat.png) ![](images/cover.png)\n"))
	if err := post.Save(); err != nil {
		t.Fatal(err)
	}
	before := storagetest.Snapshot(t, blog.Dir)

	for _, tc := range []struct {
		name   string
		breakq func(t *testing.T, plan *Export)
	}{
		{"Second image copy fails half-way", func(t *testing.T, plan *Export) {
			n := 0
			plan.copyFile = func(dst io.Writer, src string) error {
				if n++; n == 2 {
					_, _ = dst.Write([]byte("half"))
					return errCopy
				}
				return copyFrom(dst, src)
			}
		}},
		{"A post appears at the target after planning", func(t *testing.T, plan *Export) {
			plan.Replaces = slices.DeleteFunc(plan.Replaces, func(p string) bool { return p == plan.Target })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan := planFor(t, path, Options{Blog: blog})
			if len(plan.Replaces) != 3 {
				t.Fatalf("Replaces = %v, want the post and two images", plan.Replaces)
			}
			tc.breakq(t, plan)
			written, err := plan.Apply()
			if err == nil || written != nil {
				t.Fatalf("Apply = %v, %v; want a failure", written, err)
			}
			storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, blog.Dir))
		})
	}

	t.Run("Unreadable source image", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads files whatever their mode")
		}
		img := filepath.Join(drafts, "images", "cover.png")
		if err := os.Chmod(img, 0); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = os.Chmod(img, 0o644) }()
		plan := planFor(t, path, Options{Blog: blog})
		if _, err := plan.Apply(); err == nil {
			t.Fatal("Apply succeeded")
		}
		storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, blog.Dir))
	})
}

// TestExportFirstTimeFailure checks that folders export created are
// removed again when it fails.
func TestExportFirstTimeFailure(t *testing.T) {
	blog, drafts := exportFixture(t)
	before := storagetest.Snapshot(t, blog.Dir)
	plan := planFor(t, filepath.Join(drafts, "with-images.md"), Options{Blog: blog})
	n := 0
	plan.copyFile = func(dst io.Writer, src string) error {
		if n++; n == 3 {
			return errCopy
		}
		return copyFrom(dst, src)
	}
	if _, err := plan.Apply(); !errors.Is(err, errCopy) {
		t.Fatalf("Apply = %v, want the injected error", err)
	}
	storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, blog.Dir))
}

// TestExportThroughLink: a post in _posts that is a symbolic link is
// updated through the link, as a save updates it, and a failed export
// leaves link and target as they were.
func TestExportThroughLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	const post = "---\ntitle: Same Name\ndate: 2024-01-02 10:00:00 +0900\n---\nmine ![](cat.png)\n"
	blog := newTestBlog(t)
	real := filepath.Join(blog.Dir, "posts-kept-elsewhere", "same-name.md")
	storagetest.WriteFile(t, real, "---\ntitle: Same Name\ndate: 2024-01-02 10:00:00 +0900\n---\nold text\n")
	link := filepath.Join(blog.PostsDir, "2024-01-02-same-name.md")
	if err := os.MkdirAll(blog.PostsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	drafts := t.TempDir()
	path := filepath.Join(drafts, "post.md")
	storagetest.WriteFile(t, path, post)
	storagetest.WriteFile(t, filepath.Join(drafts, "cat.png"), "cat")

	plan := planFor(t, path, Options{Blog: blog})
	plan.copyFile = func(io.Writer, string) error { return errCopy }
	if _, err := plan.Apply(); !errors.Is(err, errCopy) {
		t.Fatalf("Apply = %v, want the injected error", err)
	}
	if got, _ := os.ReadFile(real); !strings.Contains(string(got), "old text") {
		t.Errorf("a failed export changed the link's target: %q", got)
	}

	plan, written, err := exportOnce(t, path, Options{Blog: blog})
	if err != nil {
		t.Fatalf("Apply: %v\n%s", err, problemsText(plan.Problems))
	}
	if !slices.Contains(written, link) {
		t.Errorf("written = %v", written)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file (%v)", err)
	}
	if got, _ := os.ReadFile(real); !strings.Contains(string(got), "mine") {
		t.Errorf("the link's target was not updated: %q", got)
	}
	if left := leftovers(t, blog.Dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}
