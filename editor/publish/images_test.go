package publish

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

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
