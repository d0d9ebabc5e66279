package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenBlog(t *testing.T) {
	for _, tc := range []struct {
		name   string
		files  map[string]string
		kind   SiteKind
		zone   string
		posts  string
		errIs  error
		hasErr bool
	}{
		{name: "Jekyll with timezone", files: map[string]string{"_config.yml": "title: 블로그\ntimezone: Asia/Seoul\n"}, kind: SiteJekyll, zone: "Asia/Seoul", posts: "_posts"},
		{name: "Jekyll without timezone", files: map[string]string{"_config.yml": "title: x\n"}, kind: SiteJekyll, posts: "_posts"},
		{name: "Hugo", files: map[string]string{"hugo.toml": "title = 'x'\ntimeZone = 'Europe/Berlin'\n"}, kind: SiteHugo, zone: "Europe/Berlin", posts: "content/posts"},
		{name: "Not a blog", files: map[string]string{"README.md": "x"}, errIs: ErrNotBlog, hasErr: true},
		{name: "Bad config", files: map[string]string{"_config.yml": "timezone: [x\n"}, hasErr: true},
		{name: "Unknown zone", files: map[string]string{"_config.yml": "timezone: Mars/Olympus\n"}, hasErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			b, err := OpenBlog(dir)
			if tc.hasErr {
				if err == nil || tc.errIs != nil && !errors.Is(err, tc.errIs) {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Kind != tc.kind || b.ZoneName != tc.zone || b.PostsDir != filepath.Join(dir, tc.posts) {
				t.Errorf("blog = %+v", b)
			}
			if (b.Zone == nil) != (tc.zone == "") {
				t.Errorf("zone = %v", b.Zone)
			}
		})
	}
}

func TestFindBlogDir(t *testing.T) {
	dir := t.TempDir()
	posts := filepath.Join(dir, "_posts", "2024")
	if err := os.MkdirAll(posts, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := FindBlogDir(posts); got != "" {
		t.Errorf("found %q before there was a site", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yaml"), []byte("title: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := FindBlogDir(posts); got != dir {
		t.Errorf("FindBlogDir = %q, want %q", got, dir)
	}
}

// TestOpenBlogUnreadableConfig: a configuration that is there but cannot
// be read is an error naming it, not "not a blog". (A folder in its
// place stands for a file without permission, which root could read.)
func TestOpenBlogUnreadableConfig(t *testing.T) {
	for _, name := range []string{"_config.yml", "_config.yaml", "hugo.toml", "config.toml"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
				t.Fatal(err)
			}
			_, err := OpenBlog(dir)
			if err == nil || errors.Is(err, ErrNotBlog) || !strings.Contains(err.Error(), filepath.Join(dir, name)) {
				t.Errorf("err = %v, want one naming %s", err, name)
			}
		})
	}
}
