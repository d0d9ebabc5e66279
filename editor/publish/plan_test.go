package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

func TestExportValidation(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		field   string
		warning bool
		substr  string
	}{
		{"No title", "---\ndate: 2024-01-02 10:00:00 +0900\n---\nx\n", "title", false, "no title"},
		{"Blank title", "---\ntitle: \"  \"\ndate: 2024-01-02 10:00:00 +0900\n---\nx\n", "title", false, "no title"},
		{"Three categories", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\ncategories: [a, b, c]\n---\nx\n", "categories", false, "at most two"},
		{"Missing image", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\n\ntext\n\n![x](nope.png){: width=\"700\" }\n", "", false, "line 8: the image nope.png is not found"},
		{"Missing image in an HTML comment is no problem", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\n\n<!-- ![x](gone.png) <img src=\"gone.png\"> -->\n\nsee <!-- <img src=\"gone.png\"> --> this\n\n![there](/x.png)\n", "", true, "/x.png is not in the blog folder"},
		{"Missing preview image", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\nimage: nope.png\n---\nx\n", "image.path", false, "nope.png is not found"},
		{"Front matter does not parse", "---\ntitle: [a\n---\nx\n", "", false, "does not parse"},
		{"TOML date that is not a date", "+++\ntitle = \"a\"\ndate = \"soon\"\n+++\nx\n", "date", false, "not a date"},
		{"Math without math: true", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\n\n$$\nx^2\n$$\n", "math", true, "math: true"},
		{"Inline math without math: true", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\n\nsee $$x^2$$ here\n", "math", true, "math: true"},
		{"Mermaid without mermaid: true", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\n\n```mermaid\ngraph TD\n```\n", "mermaid", true, "mermaid: true"},
		{"Preview image without alt", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\nimage: /assets/a.png\n---\nx\n", "image.alt", true, "no alt text"},
		{"No date", "---\ntitle: a\n---\nx\n", "date", true, "current time, 2024-07-14 21:05:09 +0900"},
		{"Slug given is slugified", "---\ntitle: a\ndate: 2024-01-02 10:00:00 +0900\n---\nx\n", "slug", true, `"My Slug" is written "my-slug"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blog := newTestBlog(t)
			path := filepath.Join(t.TempDir(), "post.md")
			storagetest.WriteFile(t, path, tc.text)
			post, _ := storage.Load(path)
			opt := Options{Blog: blog, Now: time.Date(2024, 7, 14, 12, 5, 9, 0, time.UTC)}
			if tc.field == "slug" {
				opt.Slug = "My Slug"
			}
			plan, err := Plan(post, opt)
			if err != nil {
				t.Fatal(err)
			}
			if !hasProblem(plan.Problems, tc.field, tc.warning, tc.substr) {
				t.Errorf("want %s: %s…; got\n%s", map[bool]string{true: "warning", false: "error"}[tc.warning], tc.substr, problemsText(plan.Problems))
			}
			before := storagetest.Snapshot(t, blog.Dir)
			_, err = plan.Apply()
			if tc.warning && err != nil {
				t.Errorf("Apply with only warnings: %v", err)
			}
			if !tc.warning {
				if !errors.Is(err, ErrProblems) {
					t.Errorf("Apply = %v, want ErrProblems", err)
				}
				storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, blog.Dir))
			}
		})
	}
}

// TestExportChangesOnlyWhatItMust pins the exported bytes: the front
// matter as written, CRLF and comments included, but for the lines
// export must change.
func TestExportChangesOnlyWhatItMust(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, target string
	}{
		{
			name:   "Zone-less date is UTC, so the file name takes the next day in Seoul",
			in:     "---\ntitle: Zoneless\ndate: 2024-03-01 20:00:00\n---\nx\n",
			want:   "---\ntitle: Zoneless\ndate: 2024-03-01 20:00:00\n---\nx\n",
			target: "2024-03-02-zoneless.md",
		},
		{
			name:   "Quoted zone-less date is in the site's zone",
			in:     "---\ntitle: Quoted\ndate: '2024-03-01 20:00:00'\n---\nx\n",
			want:   "---\ntitle: Quoted\ndate: '2024-03-01 20:00:00'\n---\nx\n",
			target: "2024-03-01-quoted.md",
		},
		{
			name:   "Missing date is added before the closing line, CRLF kept",
			in:     "---\r\ntitle: 날짜 없음 # comment\r\ntags: [a,  b]\r\n---\r\nbody\r\n",
			want:   "---\r\ntitle: 날짜 없음 # comment\r\ntags: [a,  b]\r\ndate: 2024-07-14 21:05:09 +0900\r\n---\r\nbody\r\n",
			target: "2024-07-14-날짜-없음.md",
		},
		{
			name:   "Empty date is filled in place",
			in:     "---\ntitle: Empty date\ndate:\nlayout: post\n---\nx\n",
			want:   "---\ntitle: Empty date\ndate: 2024-07-14 21:05:09 +0900\nlayout: post\n---\nx\n",
			target: "2024-07-14-empty-date.md",
		},
		{
			name:   "Byte order mark kept",
			in:     "\uFEFF---\ntitle: BOM\ndate: 2024-01-02 03:04:05 +0000\n---\nx\n",
			want:   "\uFEFF---\ntitle: BOM\ndate: 2024-01-02 03:04:05 +0000\n---\nx\n",
			target: "2024-01-02-bom.md",
		},
		{
			name: "TOML front matter becomes YAML in TOML order",
			in: "+++\r\ntitle = \"TOML 글\"\r\ndate = 2024-05-01T09:00:00\r\ndraft = false\r\ntags = [\"a\", \"yes\"]\r\nweight = 3\r\n" +
				"created = 2024-05-01\r\nat = 10:30:00\r\n\r\n[params]\r\nzeta = 1\r\nalpha = \"on\"\r\n+++\r\n\r\nTOML body.\r\n",
			want: "---\r\ntitle: TOML 글\r\ndate: 2024-05-01 09:00:00 +0900\r\ndraft: false\r\ntags: [a, \"yes\"]\r\nweight: 3\r\n" +
				"created: 2024-05-01\r\nat: \"10:30:00\"\r\nparams:\r\n  zeta: 1\r\n  alpha: \"on\"\r\n---\r\n\r\nTOML body.\r\n",
			target: "2024-05-01-toml-글.md",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blog := newTestBlog(t)
			path := filepath.Join(t.TempDir(), "post.md")
			storagetest.WriteFile(t, path, tc.in)
			plan := planFor(t, path, Options{Blog: blog, Now: time.Date(2024, 7, 14, 12, 5, 9, 0, time.UTC)})
			if errs := plan.Errors(); len(errs) > 0 {
				t.Fatalf("errors:\n%s", problemsText(errs))
			}
			if got := string(plan.Text()); got != tc.want {
				t.Errorf("exported:\n%s\nwant:\n%s", storagetest.Visible(got), storagetest.Visible(tc.want))
			}
			if got := filepath.Base(plan.Target); got != tc.target {
				t.Errorf("target = %s, want %s", got, tc.target)
			}
			if q := storage.Parse("x.md", plan.Text()); q.Err() != nil {
				t.Errorf("exported post does not parse: %v", q.Err())
			}
		})
	}
}

func TestExportCollisions(t *testing.T) {
	const post = "---\ntitle: Same Name\ndate: 2024-01-02 10:00:00 +0900\n---\nmine\n"
	for _, tc := range []struct {
		name     string
		existing map[string]string // files in _posts before the export
		force    bool
		wantErr  string   // a clash error expected; "" for none
		wantGone []string // files the export removes
	}{
		{name: "Another post with the same file name", existing: map[string]string{
			"2024-01-02-same-name.md": "---\ntitle: Someone else\ndate: 2024-01-02 10:00:00 +0900\n---\ntheirs\n"},
			wantErr: "already holds another post"},
		{name: "Same title, another time on the same day", existing: map[string]string{
			"2024-01-02-same-name.md": "---\ntitle: Same Name\ndate: 2024-01-02 11:00:00 +0900\n---\ntheirs\n"},
			wantErr: "already holds another post"},
		{name: "Same slug on another date", existing: map[string]string{
			"2023-05-05-same-name.md": "---\ntitle: Same Name\ndate: 2023-05-05 10:00:00 +0900\n---\nlast year\n"},
			wantErr: "same slug under another date"},
		{name: "Same slug spelled otherwise, in a subfolder", existing: map[string]string{
			"2023/2023-05-05-Same_Name.markdown": "---\ntitle: x\n---\n"},
			wantErr: "same slug under another date"},
		{name: "Forced over another post", force: true, existing: map[string]string{
			"2024-01-02-same-name.md": "---\ntitle: Someone else\n---\ntheirs\n"}},
		{name: "Forced over the same slug on another date", force: true, existing: map[string]string{
			"2023-05-05-same-name.md": "---\ntitle: Same Name\n---\n"},
			wantGone: []string{"2023-05-05-same-name.md"}},
		{name: "Earlier export of the same post is updated", existing: map[string]string{
			"2024-01-02-same-name.md": "---\ntitle: Same Name\ndate: '2024-01-02 10:00:00'\n---\nold text\n"}},
		{name: "A folder Jekyll skips holds no clash", existing: map[string]string{
			"_old/2023-05-05-same-name.md": "---\ntitle: Same Name\n---\n", ".git/2023-05-05-same-name.md": "x"}},
		{name: "Other slugs are no clash", existing: map[string]string{
			"2024-01-02-same-name-2.md": "---\ntitle: x\n---\n", "2024-01-02-same.md": "---\ntitle: x\n---\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			blog := newTestBlog(t)
			for name, text := range tc.existing {
				storagetest.WriteFile(t, filepath.Join(blog.PostsDir, name), text)
			}
			path := filepath.Join(t.TempDir(), "post.md")
			storagetest.WriteFile(t, path, post)
			before := storagetest.Snapshot(t, blog.Dir)
			plan, written, err := exportOnce(t, path, Options{Blog: blog, Force: tc.force})
			if tc.wantErr != "" {
				if !hasProblem(plan.Problems, "slug", false, tc.wantErr) || err == nil {
					t.Errorf("want clash %q; Apply = %v; problems:\n%s", tc.wantErr, err, problemsText(plan.Problems))
				}
				storagetest.SameSnapshot(t, before, storagetest.Snapshot(t, blog.Dir))
				return
			}
			if err != nil {
				t.Fatalf("Apply: %v\n%s", err, problemsText(plan.Problems))
			}
			if len(written) != 1 || written[0] != filepath.Join(blog.PostsDir, "2024-01-02-same-name.md") {
				t.Errorf("written = %v", written)
			}
			if got, _ := os.ReadFile(written[0]); string(got) != post {
				t.Errorf("target holds %q", got)
			}
			for _, gone := range tc.wantGone {
				if _, err := os.Stat(filepath.Join(blog.PostsDir, gone)); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("%s not removed", gone)
				}
			}
			if left := leftovers(t, blog.Dir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestExportAgainWithoutDate: an undated draft keeps the date of its
// first export, so exporting it again updates that file.
func TestExportAgainWithoutDate(t *testing.T) {
	blog := newTestBlog(t)
	path := filepath.Join(t.TempDir(), "undated.md")
	storagetest.WriteFile(t, path, "---\ntitle: 날짜 없는 글\n---\nx\n")
	first, _, err := exportOnce(t, path, Options{Blog: blog, Now: time.Date(2024, 7, 14, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	second, _, err := exportOnce(t, path, Options{Blog: blog, Now: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatalf("%v\n%s", err, problemsText(second.Problems))
	}
	if second.Target != first.Target || !hasProblem(second.Problems, "date", true, "the date of its earlier export") {
		t.Errorf("second export went to %s, first to %s:\n%s", second.Target, first.Target, problemsText(second.Problems))
	}
}

// TestExportClashInLinkedPosts: a _posts folder that is a symbolic link,
// which the library lists, is searched for slug clashes too.
func TestExportClashInLinkedPosts(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	elsewhere := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(elsewhere, "2023-05-05-same-name.md"), "---\ntitle: Same Name\n---\nlast year\n")
	site := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(site, "_config.yml"), "timezone: Asia/Seoul\n")
	if err := os.Symlink(elsewhere, filepath.Join(site, "_posts")); err != nil {
		t.Fatal(err)
	}
	blog, err := storage.OpenBlog(site)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "post.md")
	storagetest.WriteFile(t, path, "---\ntitle: Same Name\ndate: 2024-01-02 10:00:00 +0900\n---\nmine\n")
	plan := planFor(t, path, Options{Blog: blog})
	if !hasProblem(plan.Problems, "slug", false, "same slug under another date") {
		t.Errorf("no clash found:\n%s", problemsText(plan.Problems))
	}
}

// TestPlanConcurrently plans one post, and writes it as HTML, from
// several goroutines at once, as a window does off its own goroutine:
// run with -race, it fails on any state the calls share.
func TestPlanConcurrently(t *testing.T) {
	blog, drafts := exportFixture(t)
	post := loadPost(t, filepath.Join(drafts, "with-images.md"))
	want := planFor(t, post.Path, Options{Blog: blog})
	out := t.TempDir()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			plan, err := Plan(post, Options{Blog: blog})
			if err != nil {
				t.Error(err)
				return
			}
			if !bytes.Equal(plan.Text(), want.Text()) || !slices.Equal(plan.Images, want.Images) {
				t.Errorf("plan %d differs from the one planned alone", i)
			}
			if err := HTML(post, filepath.Join(out, fmt.Sprintf("page-%d.html", i)), ""); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}
