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

// BenchmarkSessionSetBody is one keystroke in the middle of the longest
// corpus post (101 KB) reaching the session, as the editor sends it: the
// whole body, one character longer or shorter than before. CRLF is the
// same post with CRLF line breaks.
func BenchmarkSessionSetBody(b *testing.B) {
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
			mid := len(body) / 2
			for !utf8.RuneStart(body[mid]) {
				mid++
			}
			texts := [2]string{body[:mid] + "가" + body[mid:], body}
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s.SetBody(texts[i%2])
				i++
			}
		})
	}
}
