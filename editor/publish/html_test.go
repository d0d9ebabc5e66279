package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

func TestExportHTML(t *testing.T) {
	_, drafts := exportFixture(t)
	post := loadPost(t, filepath.Join(drafts, "with-images.md"))
	out := filepath.Join(t.TempDir(), "page.html")
	if err := HTML(post, out, ""); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, want := range []string{
		"<title>이미지가 있는 글: 고양이</title>",
		"<h1>이미지가 있는 글: 고양이</h1>",
		`<p class="date">2024-07-14 21:05:00 +0900</p>`,
		"blockquote.prompt-tip", // the stylesheet, inline
		`<img src="page_files/cat.png" alt="고양이" width="700" height="400"`,
		`<img src="page_files/%EA%B3%A0%EC%96%91%EC%9D%B4%20%EC%82%AC%EC%A7%84.png" alt="사진" title="제목"`, // goldmark escapes the URL,
		`<img src="https://example.com/a.png"`,
		`<pre class="math"><code>`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, banned := range []string{"mathjax", "MathJax", "<script", "<link"} {
		if strings.Contains(s, banned) {
			t.Errorf("page has %q: it must load nothing", banned)
		}
	}
	for _, name := range []string{"cat.png", "고양이 사진.png"} {
		if !isFile(filepath.Join(filepath.Dir(out), "page_files", name)) {
			t.Errorf("page_files/%s not copied", name)
		}
	}
}

func TestExportHTMLMissingImage(t *testing.T) {
	dir := t.TempDir()
	storagetest.WriteFile(t, filepath.Join(dir, "p.md"), "---\ntitle: t\n---\n![](gone.png)\n")
	err := HTML(loadPost(t, filepath.Join(dir, "p.md")), filepath.Join(dir, "p.html"), "")
	if err == nil || !strings.Contains(err.Error(), "gone.png not found") {
		t.Errorf("err = %v", err)
	}
	if isFile(filepath.Join(dir, "p.html")) {
		t.Error("page written despite the error")
	}
}
