package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	poststorage "github.com/postdesk/postdesk/storage"
)

// newTestPreview shows a preview pane alone in a headless window.
func newTestPreview(t testing.TB, size fyne.Size) *previewPane {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	p := newPreviewPane()
	p.do = func(f func()) { f() }
	w := a.NewWindow("preview")
	w.SetPadded(false)
	w.SetContent(p.scroll)
	w.Resize(size)
	t.Cleanup(func() {
		p.stop()
		w.Close()
	})
	return p
}

func richText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, s := range o.(*widget.RichText).Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

func TestPreviewPaneDropsStaleRender(t *testing.T) {
	p := newTestPreview(t, fyne.NewSize(600, 400))
	done := make(chan func(), 4)
	p.do = func(f func()) { done <- f }
	p.schedule(editor.Snapshot("첫 글"), poststorage.Site{})
	p.rendering.mu.Lock()
	gen := p.rendering.gen
	p.rendering.mu.Unlock()
	p.schedule(editor.Snapshot("둘째 글"), poststorage.Site{})
	p.rendering.run(gen, p.do) // the first render, finishing late
	if len(done) != 0 {
		(<-done)()
	}
	deadline := time.After(10 * time.Second)
	shows := func(want string) bool {
		live := test.WidgetRenderer(p.column).Objects()
		return len(live) > 0 && richText(live[0]) == want
	}
	for !shows("둘째 글") {
		select {
		case f := <-done:
			f()
		case <-deadline:
			t.Fatal("the newer render never showed")
		}
	}
}

func TestEditorScrollMovesPreview(t *testing.T) {
	u := newTestUI(t, "")
	done := previewDone(u)
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "## 제목 %d\n\n문단 %d\n\n", i, i)
	}
	u.editor.Replace(0, u.editor.Buffer().Len(), b.String())
	u.editor.Select(0, 0) // back to the top, where a post opens
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
