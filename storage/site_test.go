package storage

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

func TestSiteResolve(t *testing.T) {
	blog := t.TempDir()
	post := filepath.Join(blog, "_posts")
	drafts := t.TempDir()
	abs := filepath.Join(blog, "assets", "img", "a.png")
	media := filepath.Join(blog, "assets", "img", "post", "b.png")
	beside := filepath.Join(post, "c.png")
	relMedia := filepath.Join(drafts, "images", "d.png")
	for _, f := range []string{abs, media, beside, relMedia, filepath.Join(drafts, "c.png")} {
		storagetest.WriteFile(t, f, "image")
	}
	for _, tc := range []struct {
		name  string
		link  string
		site  Site
		file  string
		where Where
		path  string
	}{
		{"Absolute path under the blog folder", "/assets/img/a.png", Site{BlogDir: blog, PostDir: post}, abs, UnderSite, "/assets/img/a.png"},
		{"Absolute path with no blog folder", "/assets/img/a.png", Site{PostDir: post}, "", Nowhere, "/assets/img/a.png"},
		{"Absolute path not there reports where it looked", "/assets/img/gone.png", Site{BlogDir: blog}, filepath.Join(blog, "assets", "img", "gone.png"), Nowhere, "/assets/img/gone.png"},
		{"Relative path under media_subpath", "b.png", Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post"}, media, UnderMedia, "b.png"},
		{"Relative path under img_path with a slash", "b.png", Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post/"}, media, UnderMedia, "b.png"},
		{"Relative media_subpath is beside the post", "d.png", Site{BlogDir: blog, PostDir: drafts, MediaSubpath: "images"}, relMedia, UnderMedia, "d.png"},
		{"Relative path falls back beside the post", "c.png", Site{BlogDir: blog, PostDir: post, MediaSubpath: "/assets/img/post"}, beside, BesidePost, "c.png"},
		{"Relative path beside the post", "c.png", Site{PostDir: post}, beside, BesidePost, "c.png"},
		{"Percent-encoded name", "%63.png", Site{PostDir: post}, beside, BesidePost, "c.png"},
		{"Query and fragment dropped", "c.png?v=2#x", Site{PostDir: post}, beside, BesidePost, "c.png"},
		{"Missing file reports the first place looked", "d.png", Site{BlogDir: blog, PostDir: post, MediaSubpath: "/m"}, filepath.Join(blog, "m", "d.png"), Nowhere, "d.png"},
		{"Folder is no image", "assets", Site{PostDir: blog}, filepath.Join(blog, "assets"), Nowhere, "assets"},
		{"Remote link", "https://example.com/a.png", Site{PostDir: post}, "", Remote, ""},
		{"Protocol-relative link", "//example.com/a.png", Site{PostDir: post}, "", Remote, ""},
		{"Data URI", "data:image/png;base64,AAAA", Site{PostDir: post}, "", Remote, ""},
		{"Remote media_subpath", "b.png", Site{PostDir: post, MediaSubpath: "https://cdn.example.com/x"}, "", Remote, "b.png"},
		{"Empty link", "", Site{BlogDir: blog, PostDir: post}, "", Nowhere, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc := tc.site.Resolve(tc.link)
			if loc.File != tc.file || loc.Where != tc.where || loc.Path != tc.path {
				t.Errorf("Resolve(%q) = %q, %v, %q; want %q, %v, %q", tc.link, loc.File, loc.Where, loc.Path, tc.file, tc.where, tc.path)
			}
			if found := tc.where != Nowhere && tc.where != Remote; loc.Found() != found {
				t.Errorf("Found = %v, want %v", loc.Found(), found)
			}
			if (loc.Stamp != FileStamp{}) != loc.Found() {
				t.Errorf("Stamp = %v for Found = %v", loc.Stamp, loc.Found())
			}
		})
	}
}

// TestSiteResolveStamp: a file rewritten gets another stamp, so that
// the preview reads it again.
func TestSiteResolveStamp(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.png")
	storagetest.WriteFile(t, file, "one")
	site := Site{PostDir: dir}
	first := site.Resolve("a.png").Stamp
	if again := site.Resolve("a.png").Stamp; again != first {
		t.Errorf("the same file has two stamps: %v, %v", first, again)
	}
	storagetest.WriteFile(t, file, "two, longer")
	if next := site.Resolve("a.png").Stamp; next == first {
		t.Error("a rewritten file keeps its stamp")
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(file, later, later); err != nil {
		t.Fatal(err)
	}
	if touched := site.Resolve("a.png").Stamp; touched == first {
		t.Error("a touched file keeps its stamp")
	}
}

func TestSiteOf(t *testing.T) {
	for _, tc := range []struct {
		name, path, text string
		want             Site
	}{
		{"media_subpath", "/blog/_posts/a.md", "---\nmedia_subpath: /assets/img/a\nimg_path: /old\n---\n", Site{BlogDir: "/blog", PostDir: "/blog/_posts", MediaSubpath: "/assets/img/a"}},
		{"Legacy img_path", "/blog/_posts/a.md", "---\nimg_path: /old\n---\n", Site{BlogDir: "/blog", PostDir: "/blog/_posts", MediaSubpath: "/old"}},
		{"Empty media_subpath falls back to img_path", "/blog/_posts/a.md", "---\nmedia_subpath: \"\"\nimg_path: /old\n---\n", Site{BlogDir: "/blog", PostDir: "/blog/_posts", MediaSubpath: "/old"}},
		{"TOML", "/blog/_posts/a.md", "+++\nmedia_subpath = \"/m\"\n+++\n", Site{BlogDir: "/blog", PostDir: "/blog/_posts", MediaSubpath: "/m"}},
		{"Neither", "/blog/_posts/a.md", "---\ntitle: a\n---\n", Site{BlogDir: "/blog", PostDir: "/blog/_posts"}},
		{"Never saved", "", "---\nmedia_subpath: /m\n---\n", Site{BlogDir: "/blog", MediaSubpath: "/m"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.FromSlash(tc.path)
			want := tc.want
			want.BlogDir, want.PostDir = filepath.FromSlash(want.BlogDir), filepath.FromSlash(want.PostDir)
			if got := SiteOf(Parse(path, []byte(tc.text)), want.BlogDir); got != want {
				t.Errorf("SiteOf = %+v, want %+v", got, want)
			}
		})
	}
}
