package app

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

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
