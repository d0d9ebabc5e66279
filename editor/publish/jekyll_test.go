package publish

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// The Jekyll test builds a real site from exported posts and checks that
// Jekyll reads them as Postdesk says it will. It needs `jekyll` (4.x,
// with kramdown-parser-gfm) on PATH: apt-get install jekyll.

const jekyllLayout = `{{ page.title }}|{{ page.date | date: "%Y-%m-%d %H:%M:%S %z" }}|{{ page.url }}
{{ content }}
`

const jekyllConfig = `timezone: Asia/Seoul
permalink: /posts/:title/
kramdown:
  input: GFM
defaults:
  - scope: {path: ""}
    values: {layout: post}
`

// jekyllCorpus are real posts, below the corpus folder: a Korean
// author's, a CRLF one with site-absolute images, and one with math and
// img_path images.
var jekyllCorpus = []string{
	"author/_posts/2022-01-01-2021_retrospective.md",
	"korean/113bommy/_posts/2023-08-22-CS231n - Lecture 2.md",
	"korean/standing-o/_posts/2023-12-04-positional-encoding.md",
}

// jekyllFixtures are ours: a local image beside the post, a zone-less
// date, a Korean title with punctuation, TOML front matter.
var jekyllFixtures = []string{"with-images.md", "zoneless.md", "korean-title.md", "toml.md"}

var imgSrc = regexp.MustCompile(`<img[^>]*\ssrc="([^"]*)"`)

func TestJekyllBuildsExportedPosts(t *testing.T) {
	jekyll, err := exec.LookPath("jekyll")
	if err != nil {
		t.Skip("SKIPPED: `jekyll` is not on PATH, so exported posts are NOT checked against real Jekyll; install it (apt-get install jekyll) to run this test")
	}
	site := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(site, "_config.yml"), jekyllConfig)
	storagetest.WriteFile(t, filepath.Join(site, "_layouts", "post.html"), jekyllLayout)
	blog, err := storage.OpenBlog(site)
	if err != nil {
		t.Fatal(err)
	}
	_, drafts := exportFixture(t)

	type exported struct {
		source *storage.Post
		plan   *Export
		media  string
	}
	var posts []exported
	var sources []string
	for _, f := range jekyllCorpus {
		sources = append(sources, filepath.Join(storagetest.CorpusDir(t), filepath.FromSlash(f)))
	}
	for _, f := range jekyllFixtures {
		sources = append(sources, filepath.Join(drafts, f))
	}
	for _, src := range sources {
		post, err := storage.Load(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		media := seedSiteImages(t, site, post)
		plan, err := Plan(post, Options{Blog: blog})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := plan.Apply(); err != nil {
			t.Fatalf("%s: %v\n%s", src, err, problemsText(plan.Problems))
		}
		posts = append(posts, exported{post, plan, media})
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, jekyll, "build", "--quiet", "--source", site, "--destination", filepath.Join(site, "_site"))
	cmd.Dir = site
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("jekyll build: %v\n%s", err, out)
	}

	seoul := blog.SiteZone()
	for _, e := range posts {
		t.Run(filepath.Base(e.source.Path), func(t *testing.T) {
			title, _ := e.source.String("title")
			date, ok := e.source.Date("date")
			if !ok {
				t.Fatal("source has no date")
			}
			when := date.In(seoul)
			if v, _ := e.source.Get("date"); e.source.Format() == storage.FormatTOML {
				// A TOML local date-time has no zone; export reads it in
				// the site's, as Hugo does (storage's Date uses the
				// decoder's machine offset).
				w := v.(time.Time)
				when = time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, seoul)
			}
			slug := editor.Slugify(title)
			if want := when.Format("2006-01-02") + "-" + slug + ".md"; filepath.Base(e.plan.Target) != want {
				t.Errorf("file name = %s, want %s", filepath.Base(e.plan.Target), want)
			}
			page, err := os.ReadFile(filepath.Join(site, "_site", "posts", slug, "index.html"))
			if err != nil {
				t.Fatalf("Jekyll did not build the page where expected: %v", err)
			}
			head, body, _ := strings.Cut(string(page), "\n")
			parts := strings.Split(head, "|")
			if len(parts) != 3 {
				t.Fatalf("layout line = %q", head)
			}
			gotURL, _ := url.PathUnescape(parts[2])
			if parts[0] != title || parts[1] != storage.FormatDate(when) || gotURL != "/posts/"+slug+"/" {
				t.Errorf("Jekyll read %q, %q, %q\n      want %q, %q, %q", parts[0], parts[1], gotURL, title, storage.FormatDate(when), "/posts/"+slug+"/")
			}
			for _, m := range imgSrc.FindAllStringSubmatch(body, -1) {
				src := m[1]
				if storage.IsRemote(src) {
					continue
				}
				p, _ := url.PathUnescape(strings.ReplaceAll(src, "&amp;", "&"))
				if !strings.HasPrefix(p, "/") {
					if e.media == "" {
						t.Errorf("<img src=%q> is relative to the page URL", src)
						continue
					}
					p = path.Join(e.media, p) // as Chirpy prefixes img_path
				}
				if !isFile(filepath.Join(site, "_site", filepath.FromSlash(p))) {
					t.Errorf("<img src=%q>: %s is not in _site", src, p)
				}
			}
		})
	}

	t.Run("Zone-less date as Jekyll read it", func(t *testing.T) {
		// 2024-03-01 20:00:00 with seconds and no offset: YAML makes it UTC.
		page, err := os.ReadFile(filepath.Join(site, "_site", "posts", "zoneless-date", "index.html"))
		if err != nil || !strings.HasPrefix(string(page), "Zoneless date|2024-03-02 05:00:00 +0900|") {
			t.Errorf("page starts %.60q (%v)", page, err)
		}
	})
}

// seedSiteImages puts a stand-in file in the site for every site-absolute
// or img_path image the post refers to, as the blog it came from has
// them, and returns the post's img_path or media_subpath.
func seedSiteImages(t *testing.T, site string, post *storage.Post) string {
	t.Helper()
	media := post.MediaSubpath()
	refs, _, _ := findImages(post.Body())
	for _, r := range refs {
		if storage.IsRemote(r.dest) {
			continue
		}
		p, _ := url.PathUnescape(r.dest)
		switch {
		case strings.HasPrefix(p, "/"):
		case strings.HasPrefix(media, "/"):
			p = path.Join(media, p)
		default:
			continue
		}
		storagetest.WriteFile(t, filepath.Join(site, filepath.FromSlash(p)), "stand-in image")
	}
	return media
}
