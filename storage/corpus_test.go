package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// TestCorpusOpenSave opens every real post and saves it with no edit:
// the file on disk must come back byte for byte.
func TestCorpusOpenSave(t *testing.T) {
	dir := t.TempDir()
	for _, path := range corpusPosts(t) {
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Load(path)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		p.Path = filepath.Join(dir, filepath.Base(path))
		if err := p.Save(); err != nil {
			t.Fatal(err)
		}
		saved, err := os.ReadFile(p.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(saved, orig) {
			t.Errorf("%s: open then save changed the file", path)
		}
	}
}

// TestCorpusSetTitle sets the title of every real post: exactly the
// title line may change.
func TestCorpusSetTitle(t *testing.T) {
	const title = "바뀐 제목: Postdesk #1"
	for _, path := range corpusPosts(t) {
		orig, _ := os.ReadFile(path)
		p := Parse(path, orig)
		if err := p.Set("title", title); err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if got, _ := p.String("title"); got != title {
			t.Errorf("%s: title reads back as %q", path, got)
		}
		checkOnlyFields(t, path, orig, p.Bytes(), "title")
	}
}

// TestCorpusSetSeveral sets tags, date and image.path and removes pin on
// every real post: only those fields' lines may change, and the front
// matter must mean what it meant but for those fields.
func TestCorpusSetSeveral(t *testing.T) {
	date := time.Date(2024, 7, 14, 21, 5, 0, 0, time.FixedZone("", 9*3600))
	for _, path := range corpusPosts(t) {
		orig, _ := os.ReadFile(path)
		p := Parse(path, orig)
		want := decodeRoot(p.root)
		must := func(err error) {
			if err != nil {
				t.Errorf("%s: %v", path, err)
			}
		}
		must(p.Set("tags", []string{"postdesk", "테스트", "yes"}))
		must(p.Set("date", date))
		if err := p.Set("image.path", "/assets/img/새 그림.png"); errors.Is(err, ErrNotMap) {
			// Chirpy's short form "image: PATH" becomes the long form.
			must(p.Set("image", map[string]any{"path": "/assets/img/새 그림.png"}))
		} else {
			must(err)
		}
		must(p.Remove("pin"))

		want["tags"] = []any{"postdesk", "테스트", "yes"}
		want["date"] = "2024-07-14 21:05:00 +0900"
		img, ok := want["image"].(map[string]any)
		if !ok {
			img = map[string]any{}
			want["image"] = img
		}
		img["path"] = "/assets/img/새 그림.png"
		delete(want, "pin")
		if got := decodeRoot(p.root); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: front matter reads\n%v\nwant\n%v", path, got, want)
		}
		if d, ok := p.Date("date"); !ok || !d.Wall.Equal(date) {
			t.Errorf("%s: date reads back as %v", path, d)
		}
		checkOnlyFields(t, path, orig, p.Bytes(), "tags", "date", "image", "pin")
	}
}

// checkOnlyFields fails unless the only lines that differ between before
// and after belong to the named top-level fields, the body is the same,
// and a CRLF file is CRLF still.
func checkOnlyFields(t *testing.T, path string, before, after []byte, keys ...string) {
	t.Helper()
	b, a := Parse(path, before), Parse(path, after)
	if !bytes.Equal(b.Body(), a.Body()) {
		t.Errorf("%s: body changed", path)
	}
	if a.Newline() == "\r\n" && bytes.Count(after, []byte("\n")) != bytes.Count(after, []byte("\r\n")) {
		t.Errorf("%s: a CRLF file got LF lines:\n%s", path, storagetest.Visible(string(a.FrontMatter())))
	}
	old := strings.SplitAfter(string(b.FrontMatter()), "\n")
	cur := strings.SplitAfter(string(a.FrontMatter()), "\n")
	removed, added := diffLines(old, cur)
	for _, i := range removed {
		if o := owner(old, i); !contains(keys, o) {
			t.Errorf("%s: line %q of field %q was removed", path, old[i], o)
		}
	}
	for _, i := range added {
		if o := owner(cur, i); !contains(keys, o) {
			t.Errorf("%s: line %q of field %q was added", path, cur[i], o)
		}
	}
}

var topKey = regexp.MustCompile(`^("[^"]*"|'[^']*'|[^\s#'"-][^:]*):`)

// owner names the top-level field a front matter line belongs to, or ""
// for a blank or comment line between fields. It reads lines on its own,
// so that it does not share the code it checks.
func owner(lines []string, i int) string {
	for ; i >= 0; i-- {
		l := strings.TrimRight(lines[i], "\r\n")
		if m := topKey.FindStringSubmatch(l); m != nil {
			return strings.Trim(m[1], `"'`)
		}
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			return ""
		}
	}
	return ""
}

// diffLines returns the indexes of lines only in a and only in b, by
// longest common subsequence.
func diffLines(a, b []string) (onlyA, onlyB []int) {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			onlyA, i = append(onlyA, i), i+1
		default:
			onlyB, j = append(onlyB, j), j+1
		}
	}
	for ; i < n; i++ {
		onlyA = append(onlyA, i)
	}
	for ; j < m; j++ {
		onlyB = append(onlyB, j)
	}
	return onlyA, onlyB
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// keep yaml imported for decodeRoot's node type in this file's helpers.
var _ = yaml.Node{}
