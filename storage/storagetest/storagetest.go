// Package storagetest holds what the tests of every package share: the
// real posts of the project's corpus, a way to show two texts whose
// difference hides in line ends or other invisible bytes, and a way to
// write files and check that a failed write left a folder as it was.
package storagetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// SharedDir returns the project's shared folder, which sits beside the
// repository and holds corpus/ and samples/; POSTDESK_SHARED names
// another place. A test that calls it is skipped, loudly, when the folder
// is not there.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("POSTDESK_SHARED")
	if dir == "" {
		// This file is storage/storagetest/storagetest.go in the
		// repository, whatever package's test asks.
		_, self, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(self), "..", "..", "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		tb.Skipf("SKIPPED: the post corpus is not at %s (set POSTDESK_SHARED to the shared folder): %v", dir, err)
	}
	return dir
}

// CorpusDir returns the folder of the corpus's real Jekyll posts.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(SharedDir(tb), "corpus")
}

// CorpusPosts lists every post of the corpus (each .md file but
// SOURCES.md), sorted, and fails the test when there are none.
func CorpusPosts(tb testing.TB) []string {
	tb.Helper()
	dir := CorpusDir(tb)
	var posts []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".md") && d.Name() != "SOURCES.md" {
			posts = append(posts, path)
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(posts) == 0 {
		tb.Fatalf("no posts under %s", dir)
	}
	sort.Strings(posts)
	return posts
}

// Name is a corpus post's path below the corpus folder, for subtest names.
func Name(tb testing.TB, path string) string {
	rel, err := filepath.Rel(CorpusDir(tb), path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(rel)
}

// Body drops a leading `---` YAML block the way Jekyll does (closed by
// `---` or `...`), so that a test can feed a post's body to the renderer
// without going through storage.
func Body(post []byte) []byte {
	post = bytes.TrimPrefix(post, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(post, []byte("\n"))
	if string(bytes.TrimRight(first, "\r \t")) != "---" {
		return post
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(line, "\r \t")); t == "---" || t == "..." {
			return rest
		}
	}
	return post
}

// Visible spells out line ends, tabs, a byte order mark and other
// invisible characters, so that a failure that differs only in them can
// be read. Each "\n" is kept after its spelling, so the text still reads
// as lines.
func Visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString("\\n\n")
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\ufeff':
			b.WriteString(`<BOM>`)
		case r == '\u00a0':
			b.WriteString(`\u00a0`)
		case r < 0x20 || r == 0x7f || r == '\u200b':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Lines lists the lines of want and got from the first that differs,
// each with its invisible characters spelled out.
func Lines(want, got string) string {
	w, g := strings.SplitAfter(Visible(want), "\n"), strings.SplitAfter(Visible(got), "\n")
	i := 0
	for i < len(w) && i < len(g) && w[i] == g[i] {
		i++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "first difference at line %d\n", i+1)
	for _, l := range w[i:] {
		b.WriteString("- " + l)
	}
	for _, l := range g[i:] {
		b.WriteString("+ " + l)
	}
	return b.String()
}

// SpecCase is one numbered example of a spec-style test file: an input
// and the output it must give.
type SpecCase struct {
	No   int
	Desc string
	In   string
	Want string
}

const (
	// SpecSep stands between a case's input and output; SpecEnd ends a case.
	SpecSep = "//- - - - - - - - -//\n"
	SpecEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
)

// ReadSpec parses a goldmark-style spec file: a "N: description" line,
// the input, the expected output, with a separator line between them and
// an end line after each case. A malformed case fails the test.
func ReadSpec(tb testing.TB, path string) []SpecCase {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read spec: %v", err)
	}
	var cases []SpecCase
	for _, block := range strings.SplitAfter(string(b), SpecEnd) {
		if strings.TrimSpace(block) == "" {
			continue
		}
		head, rest, ok := strings.Cut(block, "\n")
		parts := strings.Split(strings.TrimSuffix(rest, SpecEnd), SpecSep)
		num, desc, ok2 := strings.Cut(head, ": ")
		no, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || len(parts) != 3 || parts[0] != "" {
			tb.Fatalf("%s: malformed case starting %q", path, head)
		}
		cases = append(cases, SpecCase{No: no, Desc: desc, In: parts[1], Want: parts[2]})
	}
	return cases
}

// WriteFile writes text to the file at path, creating the folders it
// needs, and fails the test on error.
func WriteFile(tb testing.TB, path, text string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Snapshot reads every file under dir into a map from its path relative
// to dir to its content; a folder is there too, as "PATH/" with no
// content. Comparing two snapshots with SameSnapshot shows what a write
// that should have changed nothing left, lost or changed.
func Snapshot(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			files[rel+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// SameSnapshot fails the test for every file or folder that after has
// and before has not, has with other content, or lacks.
func SameSnapshot(tb testing.TB, before, after map[string]string) {
	tb.Helper()
	for k, v := range after {
		if w, ok := before[k]; !ok {
			tb.Errorf("left behind: %s", k)
		} else if w != v {
			tb.Errorf("changed: %s\n got %q\nwant %q", k, v, w)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			tb.Errorf("lost: %s", k)
		}
	}
}
