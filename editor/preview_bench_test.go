package editor

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/postdesk/postdesk/editor/imagefile"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// benchPost is the longest corpus post, mostly Python code: the case the
// preview must keep up with while the user types.
const benchPost = "korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

func benchBody(b *testing.B) []byte {
	b.Helper()
	raw, err := os.ReadFile(filepath.Join(storagetest.CorpusDir(b), benchPost))
	if err != nil {
		b.Skipf("benchmark post not available (the corpus lives beside the repository): %v", err)
	}
	return storagetest.Body(raw)
}

// BenchmarkRenderHTML is the yardstick: the HTML `postdesk render` and
// Jekyll produce from the same body.
func BenchmarkRenderHTML(b *testing.B) {
	body := benchBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := markdown.Render(io.Discard, body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderPreview is a re-render while typing: parse and
// segments, with the Previewer's highlighting of the unchanged code
// blocks reused, as the preview pane reuses it.
func BenchmarkRenderPreview(b *testing.B) {
	body := benchBody(b)
	p := NewPreviewer()
	p.Render(body, imagefile.Options{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		p.Render(body, imagefile.Options{})
	}
}

// BenchmarkRenderPreviewCold is the first render of a post: every code
// block is lexed for highlighting.
func BenchmarkRenderPreviewCold(b *testing.B) {
	body := benchBody(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		RenderPreview(body, imagefile.Options{})
	}
}
