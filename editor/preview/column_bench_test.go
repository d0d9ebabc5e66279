package preview

import (
	"bytes"
	"io"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

// The preview benchmarks measure the preview of the longest corpus post
// (100 KB) against goldmark's own HTML render of the same body (the
// `postdesk render` path) in the same run, and report the ratio, which
// the machine's speed and load cancel out of. The pane is 600×800, as
// the test driver lays out what is in view.

// previewTimes adds up the parts of a preview update over a benchmark.
type previewTimes struct {
	html, parse, apply time.Duration
	n                  int
}

// run times goldmark's HTML render of body, then the preview's render
// (parse, and segments for the blocks not seen before) and its apply to
// the pane (widgets and layout of the blocks in view).
func (t *previewTimes) run(b *testing.B, p *testPane, body []byte) {
	t0 := time.Now()
	if err := markdown.Render(io.Discard, body); err != nil {
		b.Fatal(err)
	}
	t1 := time.Now()
	blocks := p.renderer.RenderBlocks(body, storage.Site{})
	t2 := time.Now()
	p.apply(blocks)
	t3 := time.Now()
	t.html += t1.Sub(t0)
	t.parse += t2.Sub(t1)
	t.apply += t3.Sub(t2)
	t.n++
}

func (t *previewTimes) report(b *testing.B) {
	if t.n == 0 || t.html == 0 {
		return
	}
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(t.n) }
	b.ReportMetric(per(t.html), "html-ns/op")
	b.ReportMetric(per(t.parse), "render-ns/op")
	b.ReportMetric(per(t.apply), "apply-ns/op")
	b.ReportMetric(float64(t.parse+t.apply)/float64(t.html), "ratio")
}

// BenchmarkPreviewEdit is the preview after typing one character into
// the 100 KB post, with the preview showing the edited block, as it does
// when it follows the editor: in the middle of the post, which is inside
// an 800-line code block, and in the middle of the paragraph nearest
// the middle.
func BenchmarkPreviewEdit(b *testing.B) {
	body := longestPost(b)
	mid := len(body) / 2
	for !utf8.RuneStart(body[mid]) {
		mid++
	}
	b.Run("middle", func(b *testing.B) { benchPreviewEdit(b, body, mid) })

	line := bytes.Count(body[:mid], []byte("\n"))
	blocks := New().RenderBlocks(body, storage.Site{})
	para := -1
	for i, blk := range blocks {
		if _, ok := blk.Segments[0].(*widget.TextSegment); ok && len(blk.Segments) == 1 &&
			(para < 0 || abs(blk.StartLine-line) < abs(blocks[para].StartLine-line)) {
			para = i
		}
	}
	start := lineStart(body, blocks[para].StartLine)
	end := start + bytes.IndexByte(body[start:], '\n')
	at := (start + end) / 2
	for !utf8.RuneStart(body[at]) {
		at++
	}
	b.Run("paragraph", func(b *testing.B) { benchPreviewEdit(b, body, at) })
}

func benchPreviewEdit(b *testing.B, body []byte, at int) {
	p := newTestPane(b, fyne.NewSize(600, 800))
	p.showBody(string(body))
	p.showLine(bytes.Count(body[:at], []byte("\n")))
	var variants [][]byte
	for i := range 64 {
		v := append(append(append([]byte{}, body[:at]...), string(rune('가'+i))...), body[at:]...)
		variants = append(variants, v)
	}
	var t previewTimes
	for b.Loop() {
		t.run(b, p, variants[t.n%len(variants)])
	}
	t.report(b)
}

// lineStart returns the offset of line n (from 0) in body.
func lineStart(body []byte, n int) int {
	off := 0
	for range n {
		off += bytes.IndexByte(body[off:], '\n') + 1
	}
	return off
}

func abs(n int) int { return max(n, -n) }

// BenchmarkPreviewOpen is the first render of the 100 KB post into an
// empty pane.
func BenchmarkPreviewOpen(b *testing.B) {
	body := longestPost(b)
	p := newTestPane(b, fyne.NewSize(600, 800))
	var t previewTimes
	for b.Loop() {
		p.renderer = New()
		p.apply(nil)
		t.run(b, p, body)
	}
	t.report(b)
}
