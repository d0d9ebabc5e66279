package editor

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// benchPost is the longest corpus post.
const benchPost = "korean/113bommy/_posts/2024-02-05-Seq2Seq_Code.md"

// BenchmarkSessionApply is one keystroke in the middle of the longest
// corpus post (101 KB) reaching the session, as the editor sends it: an
// Edit typing one syllable, then one deleting it. CRLF is the same post
// with CRLF line breaks.
func BenchmarkSessionApply(b *testing.B) {
	src, err := os.ReadFile(filepath.Join(storagetest.CorpusDir(b), benchPost))
	if err != nil {
		b.Skipf("benchmark post not available (the corpus lives beside the repository): %v", err)
	}
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"LF", src},
		{"CRLF", bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))},
	} {
		b.Run(tc.name, func(b *testing.B) {
			s := NewSession(storage.Parse("", tc.src))
			body := s.Body()
			mid := utf8.RuneCountInString(body) / 2
			edits := [2]Edit{{From: mid, To: mid, Text: "가"}, {From: mid, To: mid + 1}}
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.Apply(edits[i%2])
				i++
			}
			if i%2 == 1 {
				s.Apply(edits[1])
			}
			if s.Body() != body {
				b.Fatal("typing and deleting a syllable changed the body")
			}
		})
	}
}
