package storage

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// The benchmarks run against the largest real post (about 100 KB) and the
// whole corpus. BenchmarkGoldmarkHTML is the yardstick: goldmark turning
// the same post into HTML, in the same run, so that the README can give
// each figure as a ratio that does not depend on the machine.

func largestPost(b *testing.B) (string, []byte) {
	path := filepath.Join(storagetest.SharedDir(b), "corpus", "korean", "113bommy", "_posts", "2024-02-05-Seq2Seq_Code.md")
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, src
}

func BenchmarkGoldmarkHTML(b *testing.B) {
	_, src := largestPost(b)
	body := Parse("", src).Body()
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := md.Convert(body, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	path, src := largestPost(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Load(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEditSave(b *testing.B) {
	_, src := largestPost(b)
	path := filepath.Join(b.TempDir(), "post.md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	titles := []string{"Seq2Seq 코드", "Seq2Seq Code"}
	b.SetBytes(int64(len(src)))
	i := 0
	for b.Loop() {
		p, err := Load(path)
		if err != nil {
			b.Fatal(err)
		}
		if err := p.Set("title", titles[i%2]); err != nil {
			b.Fatal(err)
		}
		if err := p.Save(); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkCheckCorpus(b *testing.B) {
	paths := corpusPosts(b)
	for b.Loop() {
		for _, path := range paths {
			if _, err := Load(path); err != nil {
				b.Fatal(err)
			}
		}
	}
}
