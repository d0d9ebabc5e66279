package editor

import (
	"bytes"
	"io"
	"testing"
	"time"
	"unicode/utf8"
)

// editVariants returns n copies of body, each with a different
// character typed at the start of the line in the middle of it, so that
// every render in a loop over them sees an edit it has not cached.
func editVariants(body []byte, n int) [][]byte {
	mid := len(body) / 2
	mid = bytes.LastIndexByte(body[:mid], '\n') + 1
	out := make([][]byte, n)
	for i := range out {
		r := []byte(string(rune('가' + i)))
		out[i] = append(append(append([]byte{}, body[:mid]...), r...), body[mid:]...)
	}
	return out
}

// BenchmarkRenderBlocksEdit is a re-render after typing one character in
// the middle of the longest corpus post, next to goldmark's own full
// HTML render of the same body in the same run: html-ns and blocks-ns
// are each one's time per op, and ratio is blocks-ns over html-ns.
func BenchmarkRenderBlocksEdit(b *testing.B) {
	body := benchBody(b)
	p := NewPreviewer()
	p.RenderBlocks(body, PreviewOptions{})
	// More variants than the caches keep, so no edit is ever cached.
	variants := editVariants(body, 4*keepRenders)
	var html, blocks time.Duration
	i := 0
	for b.Loop() {
		v := variants[i%len(variants)]
		i++
		t0 := time.Now()
		if err := RenderHTML(io.Discard, v); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p.RenderBlocks(v, PreviewOptions{})
		blocks += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportRatio(b, html, blocks, i)
}

// typingVariants returns n copies of body, each with a different
// character typed in the line that holds the middle byte of body, after
// its indentation and before the byte: one keystroke of someone typing
// in the middle of the post, as the issue "Stay fast on long posts"
// measures it. In the longest corpus post that line is in an 800-line
// code block. Going through the copies in turn, every render sees an
// edit of one character from the previous one, and one that no cache
// holds.
func typingVariants(body []byte, n int) [][]byte {
	at := len(body) / 2
	for at > 0 && !utf8.RuneStart(body[at]) {
		at--
	}
	line := bytes.LastIndexByte(body[:at], '\n') + 1
	at = max(at, line+len(body[line:])-len(bytes.TrimLeft(body[line:], " \t")))
	out := make([][]byte, n)
	for i := range out {
		r := []byte(string(rune('가' + i)))
		out[i] = append(append(append([]byte{}, body[:at]...), r...), body[at:]...)
	}
	return out
}

// BenchmarkRenderBlocksTyping is the figure for the preview
// after a one-character edit in the middle of the 100 KB post, without
// the app's layout of the changed block: RenderBlocks (parse, render of
// the changed blocks), next to goldmark's own full HTML render of the
// same body in the same run. html-ns and blocks-ns are each one's time
// per op, ratio is blocks-ns over html-ns.
func BenchmarkRenderBlocksTyping(b *testing.B) {
	body := benchBody(b)
	p := NewPreviewer()
	p.RenderBlocks(body, PreviewOptions{})
	variants := typingVariants(body, 4*keepRenders)
	var html, blocks time.Duration
	i := 0
	for b.Loop() {
		v := variants[i%len(variants)]
		i++
		t0 := time.Now()
		if err := RenderHTML(io.Discard, v); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p.RenderBlocks(v, PreviewOptions{})
		blocks += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportRatio(b, html, blocks, i)
}

// BenchmarkRenderBlocksCold is the first render of the post, next to
// goldmark's HTML render.
func BenchmarkRenderBlocksCold(b *testing.B) {
	body := benchBody(b)
	var html, blocks time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		if err := RenderHTML(io.Discard, body); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		NewPreviewer().RenderBlocks(body, PreviewOptions{})
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
