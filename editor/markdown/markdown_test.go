package markdown

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/postdesk/postdesk/storage/storagetest"
)

func render(t testing.TB, in string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, []byte(in)); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.String()
}

func TestKramdownSpec(t *testing.T) {
	for _, c := range storagetest.ReadSpec(t, filepath.Join("testdata", "kramdown.txt")) {
		t.Run(fmt.Sprintf("%02d %s", c.No, c.Desc), func(t *testing.T) {
			if got := render(t, c.In); got != c.Want {
				t.Errorf("case %d (%s)\ninput:\n%s\n%s", c.No, c.Desc, storagetest.Visible(c.In), storagetest.Lines(c.Want, got))
			}
		})
	}
}

func TestCorpusPostsRender(t *testing.T) {
	for _, path := range storagetest.CorpusPosts(t) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(storagetest.Name(t, path), func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic: %v", r)
				}
			}()
			body := storagetest.Body(b)
			var out bytes.Buffer
			if err := Render(&out, body); err != nil {
				t.Fatalf("Render: %v", err)
			}
			if out.Len() == 0 && len(bytes.TrimSpace(body)) > 0 {
				t.Errorf("empty HTML")
			}
		})
	}
}

func FuzzRenderHTML(f *testing.F) {
	for _, c := range storagetest.ReadSpec(f, filepath.Join("testdata", "kramdown.txt")) {
		f.Add(c.In)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var b bytes.Buffer
		if err := Render(&b, []byte(in)); err != nil {
			t.Fatalf("Render(%q): %v", in, err)
		}
	})
}
