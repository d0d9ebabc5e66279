package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

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

func TestExportImages(t *testing.T) {
	blog, drafts := exportFixture(t)
	plan := planFor(t, filepath.Join(drafts, "with-images.md"), Options{Blog: blog})
	if errs := plan.Errors(); len(errs) > 0 {
		t.Fatalf("errors:\n%s", problemsText(errs))
	}
	slug := "이미지가-있는-글-고양이"
	if want := filepath.Join(blog.PostsDir, "2024-07-14-"+slug+".md"); plan.Target != want {
		t.Errorf("Target = %s, want %s", plan.Target, want)
	}
	for _, w := range []struct{ field, substr string }{
		{"image.alt", "no alt text"},
		{"math", "math: true"},
		{"", "/assets/img/site.png is not in the blog folder"},
	} {
		if !hasProblem(plan.Problems, w.field, true, w.substr) {
			t.Errorf("no warning %s: …%s…; got\n%s", w.field, w.substr, problemsText(plan.Problems))
		}
	}
	assets := filepath.Join(blog.Dir, "assets", "img", "posts", slug)
	wantImages := []ImageCopy{
		{filepath.Join(drafts, "images", "cover.png"), filepath.Join(assets, "cover.png")},
		{filepath.Join(drafts, "cat.png"), filepath.Join(assets, "cat.png")},
		{filepath.Join(drafts, "images", "고양이 사진.png"), filepath.Join(assets, "고양이 사진.png")},
	}
	if !slices.Equal(plan.Images, wantImages) {
		t.Errorf("Images = %v\nwant %v", plan.Images, wantImages)
	}

	orig, _ := os.ReadFile(filepath.Join(drafts, "with-images.md"))
	url := "/assets/img/posts/" + slug + "/"
	want := strings.NewReplacer(
		"path: images/cover.png", "path: "+url+"cover.png",
		`![고양이](cat.png)`, `![고양이](`+url+`cat.png)`,
		`(images/고양이%20사진.png "제목")`, `(`+url+`고양이%20사진.png "제목")`,
		`<img src="cat.png"`, `<img src="`+url+`cat.png"`,
	).Replace(string(orig))
	if got := string(plan.Text()); got != want {
		t.Errorf("exported text:\n%s\nwant:\n%s", storagetest.Visible(got), storagetest.Visible(want))
	}

	written, err := plan.Apply()
	if err != nil {
		t.Fatal(err)
	}
	wantWritten := []string{wantImages[0].To, wantImages[1].To, wantImages[2].To, plan.Target}
	if !slices.Equal(written, wantWritten) {
		t.Errorf("written = %v\nwant %v", written, wantWritten)
	}
	for _, img := range wantImages {
		a, _ := os.ReadFile(img.From)
		b, err := os.ReadFile(img.To)
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: not a copy of %s (%v)", img.To, img.From, err)
		}
	}
	if got, _ := os.ReadFile(plan.Target); string(got) != want {
		t.Errorf("file written differs from the plan's text")
	}
	if left := leftovers(t, blog.Dir); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
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

// exportOnce plans and applies the export of the post at path.
func exportOnce(t *testing.T, path string, opt Options) (*Export, []string, error) {
	t.Helper()
	plan := planFor(t, path, opt)
	written, err := plan.Apply()
	return plan, written, err
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

// TestExportAgainUpdates exports a draft, changes it and its image, and
// exports it again: the same files are updated, no clash, no new names.
func TestExportAgainUpdates(t *testing.T) {
	blog, drafts := exportFixture(t)
	path := filepath.Join(drafts, "with-images.md")
	_, first, err := exportOnce(t, path, Options{Blog: blog})
	if err != nil {
		t.Fatal(err)
	}
	storagetest.WriteFile(t, filepath.Join(drafts, "cat.png"), "a different cat")
	post := loadPost(t, path)
	post.SetBody(append(post.Body(), "\nOne more line.\n"...))
	if err := post.Save(); err != nil {
		t.Fatal(err)
	}
	plan, second, err := exportOnce(t, path, Options{Blog: blog})
	if err != nil {
		t.Fatalf("%v\n%s", err, problemsText(plan.Problems))
	}
	if !hasProblem(plan.Problems, "", true, "updates the post's earlier export") {
		t.Errorf("no note of the update:\n%s", problemsText(plan.Problems))
	}
	catTo := filepath.Join(filepath.Dir(first[1]), "cat.png")
	if want := []string{catTo, plan.Target}; !slices.Equal(second, want) {
		t.Errorf("second export wrote %v, want %v (only what changed)", second, want)
	}
	if got, _ := os.ReadFile(catTo); string(got) != "a different cat" {
		t.Errorf("cat.png not updated: %q", got)
	}
	if got, _ := os.ReadFile(plan.Target); !bytes.HasSuffix(got, []byte("One more line.\n")) {
		t.Errorf("post not updated")
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

func TestExportImageNames(t *testing.T) {
	blog := newTestBlog(t)
	dir := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(dir, "a", "x.png"), "one")
	storagetest.WriteFile(t, filepath.Join(dir, "b", "x.png"), "two")
	storagetest.WriteFile(t, filepath.Join(dir, "c (1).png"), "three")
	// Someone else's x.png already in the folder: never overwritten.
	storagetest.WriteFile(t, filepath.Join(blog.Dir, "shared", "x.png"), "theirs")
	// An image already published in the blog is linked, not copied.
	storagetest.WriteFile(t, filepath.Join(blog.Dir, "assets", "img", "logo.png"), "logo")
	path := filepath.Join(dir, "post.md")
	rel, _ := filepath.Rel(dir, filepath.Join(blog.Dir, "assets", "img", "logo.png"))
	storagetest.WriteFile(t, path, "---\ntitle: t\ndate: 2024-01-02 10:00:00 +0900\n---\n"+
		"![](a/x.png) ![](b/x.png) ![](a/x.png?v=2#top) ![](<c (1).png>) ![]("+filepath.ToSlash(rel)+")\n\n"+
		"![ref][r]\n\n[r]: b/x.png\n")
	plan := planFor(t, path, Options{Blog: blog, AssetsDir: "shared/"})
	if errs := plan.Errors(); len(errs) > 0 {
		t.Fatalf("errors:\n%s", problemsText(errs))
	}
	want := "---\ntitle: t\ndate: 2024-01-02 10:00:00 +0900\n---\n" +
		"![](/shared/x-2.png) ![](/shared/x-3.png) ![](/shared/x-2.png?v=2#top) ![](</shared/c%20%281%29.png>) ![](/assets/img/logo.png)\n\n" +
		"![ref][r]\n\n[r]: /shared/x-3.png\n"
	if got := string(plan.Text()); got != want {
		t.Errorf("exported:\n%s\nwant:\n%s", storagetest.Visible(got), storagetest.Visible(want))
	}
	if len(plan.Images) != 3 || slices.Contains(plan.Replaces, filepath.Join(blog.Dir, "shared", "x.png")) {
		t.Errorf("Images = %v, Replaces = %v", plan.Images, plan.Replaces)
	}
}

func TestExportAssetsDirMustBePublished(t *testing.T) {
	for _, dir := range []string{"../outside", "_private/img", ".hidden", "/abs"} {
		t.Run(dir, func(t *testing.T) {
			blog := newTestBlog(t)
			path := filepath.Join(t.TempDir(), "p.md")
			storagetest.WriteFile(t, path, "---\ntitle: t\ndate: 2024-01-02 10:00:00 +0900\n---\nx\n")
			plan := planFor(t, path, Options{Blog: blog, AssetsDir: dir})
			if len(plan.Errors()) == 0 {
				t.Errorf("AssetsDir %q accepted", dir)
			}
		})
	}
}

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
