package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// newTestPreview shows a preview pane alone in a headless window.
func newTestPreview(t testing.TB) *previewPane {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	p := newPreviewPane()
	p.do = func(f func()) { f() }
	w := a.NewWindow("preview")
	w.SetContent(p.scroll)
	w.Resize(fyne.NewSize(600, 400))
	t.Cleanup(func() {
		p.stop()
		w.Close()
	})
	return p
}

// showBody renders body and applies it, as a finished render would.
func (p *previewPane) showBody(body string) {
	p.apply(p.renderer.RenderBlocks([]byte(body), editor.PreviewOptions{}))
}

func richText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, s := range o.(*widget.RichText).Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// paragraphs makes a post of n numbered paragraphs.
func paragraphs(n int) []string {
	var ps []string
	for i := range n {
		ps = append(ps, "문단 "+strings.Repeat("가나다 ", 20)+string(rune('A'+i%26))+strings.Repeat("!", i/26))
	}
	return ps
}

func TestPreviewPaneReplacesOnlyChangedBlocks(t *testing.T) {
	ps := paragraphs(6)
	cases := []struct {
		name    string
		edit    func([]string) []string
		kept    int // widgets of the old post still shown
		fresh   int // widgets made new
		changed string
	}{
		{"One paragraph edited", func(ps []string) []string { ps[3] += " 고침"; return ps }, 5, 1, "고침"},
		{"Paragraph inserted", func(ps []string) []string {
			return append(ps[:2:2], append([]string{"새 문단"}, ps[2:]...)...)
		}, 6, 1, "새 문단"},
		{"Paragraph removed", func(ps []string) []string { return append(ps[:1:1], ps[2:]...) }, 5, 0, ""},
		{"Paragraphs swapped", func(ps []string) []string { ps[1], ps[4] = ps[4], ps[1]; return ps }, 6, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newTestPreview(t)
			p.showBody(strings.Join(ps, "\n\n"))
			before := map[fyne.CanvasObject]bool{}
			for _, o := range p.stack.objects {
				before[o] = true
			}
			after := c.edit(append([]string{}, ps...))
			p.showBody(strings.Join(after, "\n\n"))
			if len(p.stack.objects) != len(after) {
				t.Fatalf("%d widgets for %d paragraphs", len(p.stack.objects), len(after))
			}
			kept, fresh := 0, 0
			for i, o := range p.stack.objects {
				if got := richText(o); got != after[i] {
					t.Errorf("widget %d shows %q, want %q", i, got, after[i])
				}
				if before[o] {
					kept++
				} else {
					fresh++
					if !strings.Contains(richText(o), c.changed) {
						t.Errorf("widget %d is new but shows %q", i, richText(o))
					}
				}
			}
			if kept != c.kept || fresh != c.fresh {
				t.Errorf("kept %d and made %d widgets, want %d and %d", kept, fresh, c.kept, c.fresh)
			}
			checkStacked(t, p)
		})
	}
}

// checkStacked fails unless the widgets stand one under the other, each
// as wide as the pane and as high as it needs.
func checkStacked(t *testing.T, p *previewPane) {
	t.Helper()
	var y float32
	for i, o := range p.stack.objects {
		if o.Position().Y < y {
			t.Errorf("widget %d at y=%v overlaps the one above, which ends at %v", i, o.Position().Y, y)
		}
		if o.Size().Height != o.MinSize().Height {
			t.Errorf("widget %d is %v high, needs %v", i, o.Size().Height, o.MinSize().Height)
		}
		if o.Size().Width != p.stack.Size().Width {
			t.Errorf("widget %d is %v wide, the pane %v", i, o.Size().Width, p.stack.Size().Width)
		}
		y = o.Position().Y + o.Size().Height
	}
}

func TestPreviewPaneKeepsScrollOffset(t *testing.T) {
	p := newTestPreview(t)
	ps := paragraphs(40)
	p.showBody(strings.Join(ps, "\n\n"))
	p.scroll.ScrollToOffset(fyne.NewPos(0, 300))
	ps[35] += " 고침"
	p.showBody(strings.Join(ps, "\n\n"))
	if p.scroll.Offset.Y != 300 {
		t.Errorf("offset after an edit below = %v, want 300", p.scroll.Offset.Y)
	}
}

func TestPreviewPaneShowLine(t *testing.T) {
	p := newTestPreview(t)
	// Paragraph i is on line 2i; the blank line after it is its too.
	p.showBody(strings.Join(paragraphs(40), "\n\n"))
	for _, c := range []struct {
		name  string
		line  int
		block int
	}{
		{"First line", 0, 0},
		{"Blank line after a paragraph", 11, 5},
		{"Paragraph line", 20, 10},
		{"Past the end clamps to the last block", 500, 39},
	} {
		t.Run(c.name, func(t *testing.T) {
			p.showLine(c.line)
			want := p.stack.objects[c.block].Position().Y
			maxY := p.stack.Size().Height - p.scroll.Size().Height
			if want > maxY {
				want = maxY
			}
			if p.scroll.Offset.Y != want {
				t.Errorf("offset = %v, want %v (top of block %d)", p.scroll.Offset.Y, want, c.block)
			}
		})
	}
}

func TestPreviewPaneDropsStaleRender(t *testing.T) {
	p := newTestPreview(t)
	done := make(chan func(), 4)
	p.do = func(f func()) { done <- f }
	p.schedule("첫 글", editor.PreviewOptions{})
	p.mu.Lock()
	gen := p.gen
	p.mu.Unlock()
	p.schedule("둘째 글", editor.PreviewOptions{})
	p.render(gen) // the first render, finishing late
	if len(done) != 0 {
		(<-done)()
	}
	deadline := time.After(10 * time.Second)
	for len(p.stack.objects) == 0 || richText(p.stack.objects[0]) != "둘째 글" {
		select {
		case f := <-done:
			f()
		case <-deadline:
			t.Fatal("the newer render never showed")
		}
	}
}

const seq2seqPost = corpus + "/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

// benchPreviewBody is the body of the longest corpus post.
func benchPreviewBody(b *testing.B) []byte {
	b.Helper()
	raw, err := os.ReadFile(filepath.FromSlash(seq2seqPost))
	if err != nil {
		b.Skipf("benchmark post not available (the corpus lives beside the repository): %v", err)
	}
	_, body, ok := bytes.Cut(raw[4:], []byte("\n---\n"))
	if !bytes.HasPrefix(raw, []byte("---\n")) || !ok {
		b.Fatal("benchmark post has no front matter")
	}
	return body
}

// BenchmarkPreviewEdit is the preview after typing one character in the
// middle of the 100 KB post: RenderBlocks and applying the blocks to the
// pane, including Fyne's layout of the changed block, next to goldmark's
// full HTML render of the same body in the same run (html-ns/op); ratio
// is the preview's time over goldmark's.
func BenchmarkPreviewEdit(b *testing.B) {
	body := benchPreviewBody(b)
	p := newTestPreview(b)
	p.showBody(string(body))
	mid := bytes.LastIndexByte(body[:len(body)/2], '\n') + 1
	var variants [][]byte
	for i := range 64 {
		v := append(append(append([]byte{}, body[:mid]...), string(rune('가'+i))...), body[mid:]...)
		variants = append(variants, v)
	}
	var html, preview time.Duration
	n := 0
	for b.Loop() {
		v := variants[n%len(variants)]
		n++
		t0 := time.Now()
		if err := editor.RenderHTML(io.Discard, v); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p.apply(p.renderer.RenderBlocks(v, editor.PreviewOptions{}))
		preview += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportPreviewRatio(b, html, preview, n)
}

// BenchmarkPreviewOpen is the first render of the 100 KB post into an
// empty pane, every block laid out, next to goldmark's HTML render.
func BenchmarkPreviewOpen(b *testing.B) {
	body := benchPreviewBody(b)
	p := newTestPreview(b)
	var html, preview time.Duration
	n := 0
	for b.Loop() {
		n++
		t0 := time.Now()
		if err := editor.RenderHTML(io.Discard, body); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		p.renderer = editor.NewPreviewer()
		p.apply(nil)
		p.apply(p.renderer.RenderBlocks(body, editor.PreviewOptions{}))
		preview += time.Since(t1)
		html += t1.Sub(t0)
	}
	reportPreviewRatio(b, html, preview, n)
}

func reportPreviewRatio(b *testing.B, html, preview time.Duration, n int) {
	b.Helper()
	if n == 0 || html == 0 {
		return
	}
	b.ReportMetric(float64(html.Nanoseconds())/float64(n), "html-ns/op")
	b.ReportMetric(float64(preview.Nanoseconds())/float64(n), "preview-ns/op")
	b.ReportMetric(float64(preview)/float64(html), "ratio")
}

func TestEditorScrollMovesPreview(t *testing.T) {
	u := newTestUI(t, "")
	done := previewDone(u)
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "## 제목 %d\n\n문단 %d\n\n", i, i)
	}
	u.editor.SetText(b.String())
	u.editorChanged()
	waitFor(t, done, func() bool { return strings.Contains(previewText(u), "제목 59") })
	u.editor.ScrollToLine(200) // "## 제목 50"
	if y := u.preview.scroll.Offset.Y; y == 0 {
		t.Fatal("scrolling the editor did not move the preview")
	}
	top := u.preview.scroll.Offset.Y
	u.editor.ScrollToLine(0)
	if u.preview.scroll.Offset.Y >= top {
		t.Errorf("scrolling back left the preview at %v", u.preview.scroll.Offset.Y)
	}
}
