package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The keystroke benchmarks type one character into the middle of the
// largest corpus post (101 KB): once into Postdesk's editor with the
// whole window around it (session, status bar, preview scheduling), once
// into a plain widget.Entry holding the same text, in the same run.

const largestPost = "../../shared/corpus/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

func BenchmarkKeystrokeEditor(b *testing.B) {
	if _, err := os.Stat(largestPost); err != nil {
		b.Skipf("SKIPPED: %v", err)
	}
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	u := newUI(a, w)
	u.preview.do = func(func()) {}
	defer u.preview.stop()
	// The same width as the plain Entry below, so both wrap alike; the
	// preview renders off the UI goroutine, so hiding it costs the
	// keystroke nothing it would otherwise pay.
	u.setPreviewVisible(false)
	u.setFormVisible(false)
	w.Resize(fyne.NewSize(640, 800))
	path := filepath.Join(b.TempDir(), filepath.Base(largestPost))
	src, _ := os.ReadFile(largestPost)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	u.openPath(path)
	w.Canvas().Focus(u.editor)
	u.editor.moveCursor(len([]rune(u.editor.Text)) / 2)
	for b.Loop() {
		u.editor.TypedRune('가')
	}
}

func BenchmarkKeystrokePlainEntry(b *testing.B) {
	src, err := os.ReadFile(largestPost)
	if err != nil {
		b.Skipf("SKIPPED: %v", err)
	}
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.TextStyle = fyne.TextStyle{Monospace: true}
	w.SetContent(e)
	w.Resize(fyne.NewSize(640, 800))
	e.SetText(string(src))
	w.Canvas().Focus(e)
	moveEntryCursor(e, len([]rune(e.Text))/2)
	for b.Loop() {
		e.TypedRune('가')
	}
}
