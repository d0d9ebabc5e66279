package preview

import (
	"bytes"
	"io"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// insertVariants returns n copies of body, each with a different
// character inserted at offset at, so that every render in a loop over
// them sees an edit it has not cached.
func insertVariants(body []byte, at, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		r := []byte(string(rune('가' + i)))
		out[i] = append(append(append([]byte{}, body[:at]...), r...), body[at:]...)
	}
	return out
}

// benchAgainstHTML re-renders variants in turn with p, each next to
// goldmark's own full HTML render of the same body in the same run:
// html-ns and blocks-ns are each one's time per op, and ratio is
// blocks-ns over html-ns.
func benchAgainstHTML(b *testing.B, p *Renderer, variants [][]byte) {
	var html, blocks time.Duration
	i := 0
	for b.Loop() {
		v := variants[i%len(variants)]
		i++
		t0 := time.Now()
		if err := markdown.Render(io.Discard, v); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p.RenderBlocks(v, storage.Site{})
		blocks += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportRatio(b, html, blocks, i)
}

// BenchmarkRenderBlocksEdit is a re-render after typing one character at
// the start of the line in the middle of the longest corpus post.
func BenchmarkRenderBlocksEdit(b *testing.B) {
	body := longestPost(b)
	p := New()
	p.RenderBlocks(body, storage.Site{})
	mid := bytes.LastIndexByte(body[:len(body)/2], '\n') + 1
	// More variants than the caches keep, so no edit is ever cached.
	benchAgainstHTML(b, p, insertVariants(body, mid, 4*keepRenders))
}

// typingAt is where someone typing in the middle of the post types, as
// the issue "Stay fast on long posts" measures it: in the line that
// holds the middle byte of body, after its indentation and before the
// byte. In the longest corpus post that line is in an 800-line code
// block.
func typingAt(body []byte) int {
	at := len(body) / 2
	for at > 0 && !utf8.RuneStart(body[at]) {
		at--
	}
	line := bytes.LastIndexByte(body[:at], '\n') + 1
	return max(at, line+len(body[line:])-len(bytes.TrimLeft(body[line:], " \t")))
}

// BenchmarkRenderBlocksTyping is the figure for the preview
// after a one-character edit in the middle of the 100 KB post, without
// the app's layout of the changed block: RenderBlocks (parse, render of
// the changed blocks). Going through the variants in turn, every render
// sees an edit of one character from the previous one, and one that no
// cache holds.
func BenchmarkRenderBlocksTyping(b *testing.B) {
	body := longestPost(b)
	p := New()
	p.RenderBlocks(body, storage.Site{})
	benchAgainstHTML(b, p, insertVariants(body, typingAt(body), 4*keepRenders))
}

// BenchmarkRenderBlocksCold is the first render of the post, next to
// goldmark's HTML render.
func BenchmarkRenderBlocksCold(b *testing.B) {
	body := longestPost(b)
	var html, blocks time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		if err := markdown.Render(io.Discard, body); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		New().RenderBlocks(body, storage.Site{})
		blocks += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportRatio(b, html, blocks, i)
}

func reportRatio(b *testing.B, html, blocks time.Duration, n int) {
	b.Helper()
	if n == 0 || html == 0 {
		return
	}
	b.ReportMetric(float64(html.Nanoseconds())/float64(n), "html-ns/op")
	b.ReportMetric(float64(blocks.Nanoseconds())/float64(n), "blocks-ns/op")
	b.ReportMetric(float64(blocks)/float64(html), "ratio")
}
