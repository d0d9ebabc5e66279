package storage

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// The library must list a big blog at once: 10,000 posts in well under a
// second. The posts are written once, outside the timed loop; the loop then
// reads them from the page cache, as a second scan (after the app starts,
// or after a save) does.

// bigBlog writes a Chirpy blog of n posts, a tenth of them drafts, with
// Korean titles, tags and categories and a body of a few KB each.
func bigBlog(b *testing.B, n int) *Blog {
	b.Helper()
	dir := b.TempDir()
	for _, sub := range []string{"_posts", "_drafts"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "_config.yml"), []byte("title: 큰 블로그\ntimezone: Asia/Seoul\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	words := []string{"파이썬", "비동기", "프로그래밍", "고유값", "분해", "회고", "쿠버네티스", "데이터", "모델", "학습", "Go", "Jekyll", "정리", "이해하기", "원리"}
	tags := []string{"python", "go", "k8s", "mlops", "통계", "회고", "nlp", "aws", "linux", "알고리즘", "데이터베이스", "네트워크"}
	cats := [][2]string{{"ML", "NLP"}, {"CS", "Network"}, {"MLOps", "Kubernetes"}, {"Math", "Statistics"}, {"ETC", "Retrospective"}, {"Python", "Basic"}}
	para := strings.Repeat("이 글에서는 예제 코드와 함께 개념을 차근차근 정리합니다. The quick brown fox jumps over the lazy dog. ", 8) + "\n\n"
	body := "\n## 들어가며\n\n" + strings.Repeat(para, 3) + "```python\nfor i in range(10):\n    print(i)\n```\n\n## 정리\n\n" + strings.Repeat(para, 2)
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2015, 1, 1, 9, 0, 0, 0, time.FixedZone("", 9*3600))
	for i := range n {
		date := start.Add(time.Duration(i) * 7 * time.Hour)
		title := fmt.Sprintf("%s %s %s %d", words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))], i)
		c := cats[rng.IntN(len(cats))]
		src := fmt.Sprintf("---\ntitle: %s\nauthor: 홍길동\ndate: %s\ncategories: [%s, %s]\ntags: [%s, %s, %s]\npin: false\nmath: true\nimage:\n  path: /assets/img/%d.png\n  alt: 그림 %d\ndescription: %s에 대한 글\n---\n%s",
			title, date.Format("2006-01-02 15:04:05 -0700"), c[0], c[1],
			tags[rng.IntN(len(tags))], tags[rng.IntN(len(tags))], tags[rng.IntN(len(tags))], i, i, title, body)
		sub := "_posts"
		if i%10 == 0 {
			sub = "_drafts"
		}
		name := fmt.Sprintf("%s-post-%05d.md", date.Format("2006-01-02"), i)
		if err := os.WriteFile(filepath.Join(dir, sub, name), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	blog, err := OpenBlog(dir)
	if err != nil {
		b.Fatal(err)
	}
	return blog
}

func BenchmarkScan10000(b *testing.B) {
	blog := bigBlog(b, 10000)
	for b.Loop() {
		lib, err := blog.Scan()
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.Entries) != 10000 {
			b.Fatalf("%d entries", len(lib.Entries))
		}
	}
}

func BenchmarkScanCorpusAuthor(b *testing.B) {
	blog := corpusBlog(b, filepath.Join(storagetest.SharedDir(b), "corpus", "author"))
	for b.Loop() {
		lib, err := blog.Scan()
		if err != nil {
			b.Fatal(err)
		}
		if len(lib.Entries) != 54 {
			b.Fatalf("%d entries", len(lib.Entries))
		}
	}
}

// BenchmarkFilter10000 is one keystroke in the search box of a big blog.
func BenchmarkFilter10000(b *testing.B) {
	lib, err := bigBlog(b, 10000).Scan()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if len(lib.Filter("파이썬 python")) == 0 {
			b.Fatal("no match")
		}
	}
}
