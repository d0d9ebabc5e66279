package preview

import (
	"io"
	"testing"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// BenchmarkRenderHTML is the yardstick: the HTML `postdesk render` and
// Jekyll produce from the same body.
func BenchmarkRenderHTML(b *testing.B) {
	body := longestPost(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if err := markdown.Render(io.Discard, body); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRender is a re-render while typing: parse and
// segments, with the Renderer's highlighting of the unchanged code
// blocks reused, as the preview pane reuses it.
func BenchmarkRender(b *testing.B) {
	body := longestPost(b)
	p := New()
	p.Render(body, storage.Site{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		p.Render(body, storage.Site{})
	}
}

// BenchmarkRenderCold is the first render of a post: every code
// block is lexed for highlighting.
func BenchmarkRenderCold(b *testing.B) {
	body := longestPost(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Render(body, storage.Site{})
	}
}
