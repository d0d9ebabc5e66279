package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The keystroke benchmark types one character into the middle of the
// largest corpus post (101 KB) in Postdesk's editor with the whole window
// around it (session, status bar, preview scheduling). The same post in
// the bare TextArea and in a plain widget.Entry is in editor/textarea's
// Keystroke benchmarks.

const largestPost = "../../shared/corpus/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

func BenchmarkKeystrokeEditor(b *testing.B) {
	if _, err := os.Stat(largestPost); err != nil {
		b.Skipf("SKIPPED: %v", err)
	}
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	u := newUI(a, w)
	// The test driver runs fyne.Do's functions on the calling goroutine;
	// here nothing but the benchmark may touch the widgets.
	u.preview.do = func(func()) {}
	u.do = func(func()) {}
	defer u.shutdown()
	// The same width as editor/textarea's Keystroke benchmarks, so all
	// wrap alike; the preview renders off the UI goroutine, so hiding it
	// costs the keystroke nothing it would otherwise pay.
	u.setPreviewVisible(false)
	u.setFormVisible(false)
	w.Resize(fyne.NewSize(640, 800))
	path := filepath.Join(b.TempDir(), filepath.Base(largestPost))
	src, _ := os.ReadFile(largestPost)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	u.openPath(path)
	w.Canvas().Focus(u.editor.TextArea)
	mid := u.editor.Buffer().Len() / 2
	u.editor.Select(mid, mid)
	for b.Loop() {
		u.editor.TypedRune('가')
	}
}
