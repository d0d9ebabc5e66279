package textarea

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The keystroke benchmarks type one character into the middle of texts
// of growing size, wrap on, at the same window size, once into a
// TextArea and once into a plain widget.Entry: run them with a small
// -benchtime (such as 5x), since the Entry takes a second or more per
// keystroke from 100 KB.

const largestPost = "../../../shared/corpus/korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

// benchText returns about size bytes of the largest post: cut for the
// smaller sizes, repeated for 1 MB.
func benchText(b *testing.B, size int) string {
	src, err := os.ReadFile(largestPost)
	if err != nil {
		b.Skipf("SKIPPED: %v", err)
	}
	s := string(src)
	for len(s) < size {
		s += "\n" + string(src)
	}
	if size > 0 && len(s) > size {
		s = strings.ToValidUTF8(s[:size], "")
	}
	return s
}

var benchSizes = []struct {
	name string
	size int
}{{"1KB", 1 << 10}, {"10KB", 10 << 10}, {"50KB", 50 << 10}, {"100KB", 0}, {"1MB", 1 << 20}}

func BenchmarkKeystroke(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run("TextArea/"+sz.name, func(b *testing.B) {
			text := benchText(b, sz.size)
			a := test.NewTempApp(b)
			w := a.NewWindow("bench")
			ta := New()
			w.SetContent(ta)
			w.Resize(fyne.NewSize(640, 800))
			ta.SetText(text)
			w.Canvas().Focus(ta)
			mid := ta.Buffer().Len() / 2
			ta.Select(mid, mid)
			ta.TypedRune('가') // measure the rune once, outside the loop
			for b.Loop() {
				ta.TypedRune('가')
			}
		})
		b.Run("Entry/"+sz.name, func(b *testing.B) {
			text := benchText(b, sz.size)
			e, w := newBenchEntry(b)
			e.SetText(text)
			w.Canvas().Focus(e)
			moveEntryCursor(e, len([]rune(text))/2)
			for b.Loop() {
				e.TypedRune('가')
			}
		})
	}
}

func BenchmarkSetText(b *testing.B) {
	b.Run("TextArea/100KB", func(b *testing.B) {
		text := benchText(b, 0)
		a := test.NewTempApp(b)
		w := a.NewWindow("bench")
		ta := New()
		w.SetContent(ta)
		w.Resize(fyne.NewSize(640, 800))
		for b.Loop() {
			ta.SetText(text)
		}
	})
	b.Run("Entry/100KB", func(b *testing.B) {
		text := benchText(b, 0)
		e, _ := newBenchEntry(b)
		for i := 0; b.Loop(); i++ {
			// Alternate texts so the Entry never skips an unchanged one.
			e.SetText(text + fmt.Sprint(i%2))
		}
	})
}

// newBenchEntry returns an empty multi-line Entry set up as the TextArea
// is in these benchmarks: monospace, wrapping words, in a 640×800 window.
func newBenchEntry(b *testing.B) (*widget.Entry, fyne.Window) {
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.TextStyle = fyne.TextStyle{Monospace: true}
	w.SetContent(e)
	w.Resize(fyne.NewSize(640, 800))
	return e, w
}

// moveEntryCursor puts e's cursor at rune offset pos. An Entry counts
// rows after wrapping, so the row is found by binary search on
// CursorTextOffset.
func moveEntryCursor(e *widget.Entry, pos int) {
	pos = min(max(pos, 0), len([]rune(e.Text)))
	offset := func(row int) int {
		e.CursorRow, e.CursorColumn = row, 0
		return e.CursorTextOffset()
	}
	const far = 1 << 30
	rows := 1
	for {
		e.CursorRow, e.CursorColumn = rows, far
		if e.CursorTextOffset() == far {
			break
		}
		rows *= 2
	}
	lo, hi := 0, rows
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		e.CursorRow, e.CursorColumn = mid, far
		if e.CursorTextOffset() == far || offset(mid) > pos {
			hi = mid
		} else {
			lo = mid
		}
	}
	e.CursorRow, e.CursorColumn = lo, pos-offset(lo)
	if pos > 0 {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
}

// BenchmarkText measures Buffer.Text, which the window calls on every
// keystroke to hand the body to the session.
func BenchmarkText(b *testing.B) {
	for _, sz := range []struct {
		name string
		size int
	}{{"100KB", 0}, {"1MB", 1 << 20}} {
		b.Run(sz.name, func(b *testing.B) {
			buf := NewBuffer(benchText(b, sz.size))
			b.SetBytes(int64(len(buf.Text())))
			for b.Loop() {
				_ = buf.Text()
			}
		})
	}
}
