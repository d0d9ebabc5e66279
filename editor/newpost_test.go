package editor

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// newTestBlog makes an empty Jekyll site in Asia/Seoul and opens it.
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

func TestNewDraft(t *testing.T) {
	blog := newTestBlog(t)
	now := time.Date(2024, 7, 14, 12, 5, 9, 0, time.UTC) // 21:05:09 in Seoul
	path, err := NewDraft(blog, "", "Go 에러 처리: yes", now)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(blog.DraftsDir, "go-에러-처리-yes.md"); path != want {
		t.Errorf("path = %s, want %s", path, want)
	}
	got, _ := os.ReadFile(path)
	want := "---\ntitle: 'Go 에러 처리: yes'\ndate: 2024-07-14 21:05:09 +0900\ncategories: []\ntags: []\n---\n\n"
	if string(got) != want {
		t.Errorf("draft =\n%q\nwant\n%q", got, want)
	}
	post, err := storage.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if title, _ := post.String("title"); title != "Go 에러 처리: yes" {
		t.Errorf("title reads back as %q", title)
	}
}

func TestNewDraftNeverOverwrites(t *testing.T) {
	blog := newTestBlog(t)
	dir := filepath.Join(t.TempDir(), "drafts")
	now := time.Now()
	var paths []string
	for range 3 {
		p, err := NewDraft(blog, dir, "같은 제목", now)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, filepath.Base(p))
	}
	want := []string{"같은-제목.md", "같은-제목-2.md", "같은-제목-3.md"}
	for i := range want {
		if paths[i] != want[i] {
			t.Errorf("draft %d = %s, want %s", i+1, paths[i], want[i])
		}
	}
}

func TestNewDraftEmptyTitle(t *testing.T) {
	if _, err := NewDraft(newTestBlog(t), "", "  ", time.Now()); err == nil {
		t.Error("NewDraft with a blank title succeeded")
	}
}
