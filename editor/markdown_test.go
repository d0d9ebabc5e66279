package editor

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// specCase is one numbered example of testdata/markdown/kramdown.txt:
// Markdown in, the HTML kramdown's reading of it gives out.
type specCase struct {
	no   int
	desc string
	in   string
	want string
}

const (
	specSep = "//- - - - - - - - -//\n"
	specEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//\n"
)

// readSpec parses a goldmark-style spec file: a "N: description" line,
// the Markdown, the HTML, with the separator lines above between them.
func readSpec(t testing.TB, path string) []specCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read spec: %v", err)
	}
	var cases []specCase
	for _, block := range strings.SplitAfter(string(b), specEnd) {
		if strings.TrimSpace(block) == "" {
			continue
		}
		head, rest, ok := strings.Cut(block, "\n")
		parts := strings.Split(strings.TrimSuffix(rest, specEnd), specSep)
		num, desc, ok2 := strings.Cut(head, ": ")
		no, err := strconv.Atoi(num)
		if !ok || !ok2 || err != nil || len(parts) != 3 || parts[0] != "" {
			t.Fatalf("%s: malformed case starting %q", path, head)
		}
		cases = append(cases, specCase{no: no, desc: desc, in: parts[1], want: parts[2]})
	}
	return cases
}

func render(t testing.TB, in string) string {
	t.Helper()
	var b bytes.Buffer
	if err := RenderHTML(&b, []byte(in)); err != nil {
		t.Fatalf("RenderHTML: %v", err)
	}
	return b.String()
}

// visible shows line ends, tabs and other invisible bytes, so that a
// failure that differs only in them can be read.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteString("\\n\n")
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\u00a0':
			b.WriteString(`\u00a0`)
		case r < 0x20 || r == 0x7f || r == '\ufeff' || r == '\u200b':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lineDiff lists the lines of want and got from the first that differs.
func lineDiff(want, got string) string {
	w, g := strings.SplitAfter(visible(want), "\n"), strings.SplitAfter(visible(got), "\n")
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

func TestKramdownSpec(t *testing.T) {
	for _, c := range readSpec(t, filepath.Join("testdata", "markdown", "kramdown.txt")) {
		t.Run(fmt.Sprintf("%02d %s", c.no, c.desc), func(t *testing.T) {
			if got := render(t, c.in); got != c.want {
				t.Errorf("case %d (%s)\ninput:\n%s\n%s", c.no, c.desc, visible(c.in), lineDiff(c.want, got))
			}
		})
	}
}

// corpusDir holds the real Jekyll posts shared by the project; it sits
// beside the repository, not in it.
const corpusDir = "../../shared/corpus"

func TestCorpusPostsRender(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not available at %s (it lives beside the repository): %v", corpusDir, err)
	}
	n := 0
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		n++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t.Run(strings.TrimPrefix(path, corpusDir+"/"), func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic: %v", r)
				}
			}()
			body := stripFrontMatterForTest(b)
			var out bytes.Buffer
			if err := RenderHTML(&out, body); err != nil {
				t.Fatalf("RenderHTML: %v", err)
			}
			if out.Len() == 0 && len(bytes.TrimSpace(body)) > 0 {
				t.Errorf("empty HTML")
			}
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatalf("no .md files under %s", corpusDir)
	}
}

// stripFrontMatterForTest drops a leading `---` YAML block the way Jekyll
// does (closed by `---` or `...`). Stripping belongs to storage/; this
// copy only keeps the test from feeding YAML to the renderer.
func stripFrontMatterForTest(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	if string(bytes.TrimRight(first, "\r \t")) != "---" {
		return b
	}
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if t := string(bytes.TrimRight(line, "\r \t")); t == "---" || t == "..." {
			return rest
		}
	}
	return b
}

func FuzzRenderHTML(f *testing.F) {
	for _, c := range readSpec(f, filepath.Join("testdata", "markdown", "kramdown.txt")) {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var b bytes.Buffer
		if err := RenderHTML(&b, []byte(in)); err != nil {
			t.Fatalf("RenderHTML(%q): %v", in, err)
		}
	})
}
