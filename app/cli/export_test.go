package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newBlog makes an empty Jekyll site in Asia/Seoul.
func newBlog(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("timezone: Asia/Seoul\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writePost(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNewPrintsThePath(t *testing.T) {
	blog := newBlog(t)
	code, out, errOut := run("new", "--title", "첫 글: 안녕", "--blog", blog)
	want := filepath.Join(blog, "_drafts", "첫-글-안녕.md") + "\n"
	if code != exitOK || out != want {
		t.Fatalf("new = %d, %q, %q; want %q", code, out, errOut, want)
	}
	code, out, _ = run("new", "--title=첫 글: 안녕", "--blog="+blog)
	if code != exitOK || !strings.HasSuffix(out, "첫-글-안녕-2.md\n") {
		t.Errorf("second new = %d, %q: want a -2 name", code, out)
	}
}

func TestNewUsage(t *testing.T) {
	for _, args := range [][]string{{"new"}, {"new", "--title"}, {"new", "title"}, {"new", "--title", "a", "--nope"}} {
		if code, _, _ := run(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errOut := run("new", "--title", "a", "--blog", t.TempDir()); code != exitProblem || !strings.Contains(errOut, "not a Jekyll or Hugo site") {
		t.Errorf("new in a non-blog = %d, %q", code, errOut)
	}
}

func TestExportWritesAndReports(t *testing.T) {
	blog := newBlog(t)
	drafts := t.TempDir()
	writePost(t, drafts, "cat.png", "png bytes")
	post := writePost(t, drafts, "p.md", "---\ntitle: 고양이 글\ndate: 2024-03-01 20:00:00\n---\n\n![cat](cat.png){: width=\"700\" }\n\n$$x$$\n")
	code, out, errOut := run("export", post, "--blog", blog)
	if code != exitOK {
		t.Fatalf("export = %d\n%s%s", code, out, errOut)
	}
	target := filepath.Join(blog, "_posts", "2024-03-02-고양이-글.md")
	img := filepath.Join(blog, "assets", "img", "posts", "고양이-글", "cat.png")
	wantOut := "target " + target + "\nwrote " + img + "\nwrote " + target + "\n"
	if out != wantOut {
		t.Errorf("stdout =\n%s\nwant\n%s", out, wantOut)
	}
	if !strings.Contains(errOut, post+": warning: math: ") {
		t.Errorf("stderr lacks the math warning:\n%s", errOut)
	}
	got, _ := os.ReadFile(target)
	if !strings.Contains(string(got), "![cat](/assets/img/posts/고양이-글/cat.png){: width=\"700\" }") {
		t.Errorf("exported post:\n%s", got)
	}

	// Exporting again updates the same file; another post in the way stops
	// a different one until --force.
	if code, _, errOut := run("export", post, "--blog", blog); code != exitOK {
		t.Errorf("export again = %d: %s", code, errOut)
	}
	other := writePost(t, drafts, "other.md", "---\ntitle: 고양이 글\ndate: 2024-03-02 12:00:00 +0900\n---\nother\n")
	code, out, errOut = run("export", other, "--blog", blog)
	if code != exitProblem || !strings.Contains(errOut, "error: slug: "+target+" already holds another post") || strings.Contains(out, "wrote") {
		t.Errorf("export over another post = %d\n%s%s", code, out, errOut)
	}
	if got2, _ := os.ReadFile(target); string(got2) != string(got) {
		t.Error("the refused export changed the target")
	}
	if code, out, errOut = run("export", other, "--blog", blog, "--force"); code != exitOK || !strings.Contains(out, "wrote "+target) {
		t.Errorf("export --force = %d\n%s%s", code, out, errOut)
	}
}

func TestExportValidationErrors(t *testing.T) {
	blog := newBlog(t)
	post := writePost(t, t.TempDir(), "p.md", "---\ncategories: [a, b, c]\n---\n![](missing.png)\n")
	code, out, errOut := run("export", post, "--blog", blog)
	if code != exitProblem {
		t.Errorf("exit = %d, want %d", code, exitProblem)
	}
	for _, want := range []string{"error: title: the post has no title", "error: categories:", "error: line 4: the image missing.png is not found", "nothing was written"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(out, "wrote") {
		t.Errorf("stdout = %q", out)
	}
	if entries, _ := os.ReadDir(blog); len(entries) != 1 {
		t.Errorf("blog has %d entries, want only _config.yml", len(entries))
	}
}

func TestExportHTMLOption(t *testing.T) {
	dir := t.TempDir()
	post := writePost(t, dir, "p.md", "---\ntitle: 페이지\n---\n본문 $$a^2$$\n")
	out := filepath.Join(dir, "out.html")
	code, stdout, errOut := run("export", post, "--html", out)
	if code != exitOK || stdout != "wrote "+out+"\n" {
		t.Fatalf("export --html = %d, %q, %q", code, stdout, errOut)
	}
	page, _ := os.ReadFile(out)
	if !strings.Contains(string(page), "<title>페이지</title>") || !strings.Contains(string(page), `<code class="math">a^2</code>`) {
		t.Errorf("page:\n%s", page)
	}
}

func TestExportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"export"},
		{"export", "p.md"},
		{"export", "p.md", "--blog"},
		{"export", "p.md", "q.md", "--blog", "."},
		{"export", "p.md", "--blog", ".", "--nope"},
		{"export", "p.md", "--html", "o.html", "--force"},
	} {
		if code, _, _ := run(args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestExportArgumentOrder: FILE may come before, between or after the
// options, and after "--" even when its name starts with a dash.
func TestExportArgumentOrder(t *testing.T) {
	dir := t.TempDir()
	writePost(t, dir, "-dash.md", "---\ntitle: 대시\n---\n본문\n")
	for _, args := range [][]string{
		{"export", "-dash.md", "--html", "a.html"},
		{"export", "--html", "b.html", "--", "-dash.md"},
		{"export", "--html=c.html", "--blog", newBlog(t), "--", "-dash.md"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if args[1] == "-dash.md" {
				args[1] = "./-dash.md"
			}
			t.Chdir(dir)
			if code, out, errOut := run(args...); code != exitOK || !strings.HasPrefix(out, "wrote ") {
				t.Errorf("exit %d, %q, %q", code, out, errOut)
			}
		})
	}
}
