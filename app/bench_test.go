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
	// The test driver runs fyne.Do's functions on the calling goroutine;
	// here nothing but the benchmark may touch the widgets.
	u.preview.do = func(func()) {}
	u.do = func(func()) {}
	defer u.shutdown()
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
	w.Canvas().Focus(u.editor.TextArea)
	mid := u.editor.Buffer().Len() / 2
	u.editor.Select(mid, mid)
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

// moveEntryCursor puts a widget.Entry's cursor at rune offset pos. Entry
// counts its cursor in displayed rows, which wrapping makes differ from
// lines, so the row is found by searching the offsets Entry reports for
// row starts (a row past the last reports the column asked for).
func moveEntryCursor(e *widget.Entry, pos int) {
	const far = 1 << 30
	offset := func(row, col int) int {
		e.CursorRow, e.CursorColumn = row, col
		return e.CursorTextOffset()
	}
	rows := 1
	for offset(rows, far) != far {
		rows *= 2
	}
	lo, hi := 0, rows
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if offset(mid, far) == far || offset(mid, 0) > pos {
			hi = mid
		} else {
			lo = mid
		}
	}
	e.CursorRow, e.CursorColumn = lo, pos-offset(lo, 0)
}
