package app

import (
	"bytes"
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
	src, err := os.ReadFile(largestPost)
	if err != nil {
		b.Skipf("SKIPPED: %v", err)
	}
	head, body, _ := bytes.Cut(src[4:], []byte("\n---\n"))
	post := func(size int) []byte {
		text := bytes.Repeat(body, size/len(body)+1)[:size]
		text = text[:bytes.LastIndexByte(text, '\n')+1]
		return append([]byte("---\n"+string(head)+"\n---\n"), text...)
	}
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"1KB", post(1 << 10)},
		{"100KB", src},
		{"1MB", post(1 << 20)},
	} {
		b.Run(tc.name, func(b *testing.B) { benchKeystroke(b, tc.src) })
	}
}

// benchKeystroke types a character in the middle of the post src.
func benchKeystroke(b *testing.B, src []byte) {
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
