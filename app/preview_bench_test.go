package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/imagefile"
	"github.com/postdesk/postdesk/editor/markdown"
)

// The preview benchmarks measure the preview of the longest corpus post
// (100 KB) against goldmark's own HTML render of the same body (the
// `postdesk render` path) in the same run, and report the ratio, which
// the machine's speed and load cancel out of. The pane is 600×800, as
// the test driver lays out what is in view.

const seq2seqPost = corpus + "/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

// benchPreviewPost returns the longest corpus post, split at its front
// matter.
func benchPreviewPost(b *testing.B) (front, body []byte) {
	b.Helper()
	raw, err := os.ReadFile(filepath.FromSlash(seq2seqPost))
	if err != nil {
		b.Skipf("benchmark post not available (the corpus lives beside the repository): %v", err)
	}
	_, body, ok := bytes.Cut(raw[4:], []byte("\n---\n"))
	if !bytes.HasPrefix(raw, []byte("---\n")) || !ok {
		b.Fatal("benchmark post has no front matter")
	}
	return raw[:len(raw)-len(body)], body
}

// previewTimes adds up the parts of a preview update over a benchmark.
type previewTimes struct {
	html, parse, apply time.Duration
	n                  int
}

// run times goldmark's HTML render of body, then the preview's render
// (parse, and segments for the blocks not seen before) and its apply to
// the pane (widgets and layout of the blocks in view).
func (t *previewTimes) run(b *testing.B, p *previewPane, body []byte) {
	t0 := time.Now()
	if err := markdown.Render(io.Discard, body); err != nil {
		b.Fatal(err)
	}
	t1 := time.Now()
	blocks := p.renderer.RenderBlocks(body, imagefile.Options{})
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
	_, body := benchPreviewPost(b)
	mid := len(body) / 2
	for !utf8.RuneStart(body[mid]) {
		mid++
	}
	b.Run("middle", func(b *testing.B) { benchPreviewEdit(b, body, mid) })

	line := bytes.Count(body[:mid], []byte("\n"))
	blocks := editor.NewPreviewer().RenderBlocks(body, imagefile.Options{})
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
	p := newTestPreview(b, fyne.NewSize(600, 800))
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
	_, body := benchPreviewPost(b)
	p := newTestPreview(b, fyne.NewSize(600, 800))
	var t previewTimes
	for b.Loop() {
		p.renderer = editor.NewPreviewer()
		p.apply(nil)
		t.run(b, p, body)
	}
	t.report(b)
}

// BenchmarkOpenLargePost opens a 1 MB post (the 100 KB post's body ten
// times) in the whole window and reports the live heap once the preview
// shows it, for -memprofile to say what holds it. The heap is the first
// open's: Fyne's caches hold on to a closed window's widgets for a while,
// so later opens in the same process would count those too.
func BenchmarkOpenLargePost(b *testing.B) {
	front, body := benchPreviewPost(b)
	path := filepath.Join(b.TempDir(), "2024-02-05-long.md")
	if err := os.WriteFile(path, append(front, bytes.Repeat(body, 10)...), 0o644); err != nil {
		b.Fatal(err)
	}
	var heap uint64
	for b.Loop() {
		a := test.NewTempApp(b)
		a.Settings().SetTheme(newTheme())
		w := a.NewWindow("Postdesk")
		u := newUI(a, w)
		done := make(chan func(), 4)
		u.preview.do = func(f func()) { done <- f }
		u.do = func(func()) {}
		w.Resize(fyne.NewSize(1280, 800))
		u.openPath(path)
		(<-done)()
		if heap == 0 {
			heap = liveHeap()
		}
		runtime.KeepAlive(u)
		u.shutdown()
		w.Close()
	}
	b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
}

// liveHeap is the heap still in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}
