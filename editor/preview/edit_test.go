package preview

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
	"github.com/yuin/goldmark/text"
)

// freshLike returns a Renderer that remembers nothing of p's renders
// but hashes keys with p's seed, so that their keys compare. It shares
// p's highlighter, a cache of chroma's tokens by text, which only saves
// lexing again.
func freshLike(p *Renderer) *Renderer {
	q := New()
	q.blocks.seed = p.blocks.seed
	q.code = p.code
	return q
}

// incremental reports whether p's last RenderBlocks did without parsing
// the whole post.
func incremental(p *Renderer) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last != nil && p.last.incremental
}

// sameBlocks fails unless got, rendered after an edit, is what a fresh
// render of body gives: the same keys, lines and segments.
func sameBlocks(t *testing.T, body []byte, got, want []Block) {
	t.Helper()
	checkTiling(t, body, got)
	if len(got) != len(want) {
		t.Fatalf("%d blocks, a fresh render gives %d\nbody:\n%s", len(got), len(want), storagetest.Visible(string(body)))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Key != w.Key || g.StartLine != w.StartLine || g.EndLine != w.EndLine {
			t.Fatalf("block %d is key %s lines %d–%d, a fresh render gives key %s lines %d–%d\nbody:\n%s",
				i, g.Key, g.StartLine, g.EndLine, w.Key, w.StartLine, w.EndLine, storagetest.Visible(string(body)))
		}
		if gd, wd := dumpSegments(g.Segments), dumpSegments(w.Segments); gd != wd {
			t.Fatalf("block %d (lines %d–%d) differs from a fresh render\n%s", i, g.StartLine, g.EndLine, storagetest.Lines(wd, gd))
		}
	}
}

// checkEdit renders body, an edit of what p rendered last, and fails
// unless the render skipped parsing exactly when wantIncremental says,
// and gave what a fresh render of body gives.
func checkEdit(t *testing.T, p *Renderer, body []byte, wantIncremental bool) {
	t.Helper()
	got := p.RenderBlocks(body, storage.Site{})
	if incremental(p) != wantIncremental {
		t.Errorf("incremental render: %v, want %v", incremental(p), wantIncremental)
	}
	sameBlocks(t, body, got, freshLike(p).RenderBlocks(body, storage.Site{}))
}

// newKeys returns the blocks of after whose keys before does not have.
func newKeys(before, after []Block) []Block {
	old := map[string]bool{}
	for _, b := range before {
		old[b.Key] = true
	}
	var out []Block
	for _, b := range after {
		if !old[b.Key] {
			out = append(out, b)
		}
	}
	return out
}

// indent puts four spaces before every line of s.
func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}

const editPost = "# Title\n\nA paragraph with a [link][ref].\n\n" +
	"```python\n" + "%[1]s" + "```\n{: file=\"run.py\" }\n\n" +
	"Between the blocks.\n\n" +
	"%[2]s" + "\nLast paragraph[^1].\n\n[ref]: https://example.com\n[^1]: A note.\n"

func editBase() string {
	return fmt.Sprintf(editPost, longCode(60), indent(longCode(40)))
}

// editCases are edits of editBase, named for what they do, with whether
// the render after them may skip parsing. They seed FuzzRenderBlocksEdit.
var editCases = []struct {
	name        string
	from, to    string // the first from in the post becomes to
	incremental bool
}{
	{"Typing inside a fenced block", "x30 = ", "x30 = y", true},
	{"New line inside a fenced block", "x30 = compute(210", "x30 = compute(\n210", true},
	{"Line deleted inside a fenced block", "x31 = compute(217, \"ab\")\n", "", true},
	{"Typing on the last line of a fenced block", "x59 = ", "x59 = z", true},
	{"Closing fence typed inside", "x30 = ", "```\nx30 = ", false},
	{"Longer fence typed inside does close", "x30 = ", "````\nx30 = ", false},
	{"Shorter fence typed inside does not close", "x30 = ", "``\nx30 = ", true},
	{"Tilde fence inside a backtick block", "x30 = ", "~~~\nx30 = ", true},
	{"Opening fence edited", "```python\n", "```py\n", false},
	{"Closing fence edited", "```\n{: file", "````\n{: file", false},
	{"Angle bracket typed in code", "x30 = ", "x30 = <div>", false},
	{"Dollar typed in code", "x30 = ", "x30 = $$", false},
	{"Typing inside an indented block", "    x20 = ", "    x20 = y", true},
	{"New line inside an indented block", "    x20 = compute(140", "    x20 = compute(\n    140", true},
	{"Blank line inside an indented block", "    x20 = compute(140", "    x20 = compute(\n\n    140", true},
	{"Line of an indented block unindented", "    x20 = ", "   x20 = ", false},
	{"Indented line becomes a list item", "    x20 = ", "- x20 = ", false},
	{"First line of an indented block edited", "    x0 = ", "    x0 = y", true},
	{"First line of an indented block becomes an IAL", "    x0 = compute(0, \"\")", "    {: .x }", false},
	{"Last line of an indented block edited", "    x39 = ", "    x39 = y", true},
	{"Last line of an indented block made blank", "    x39 = compute(273, \"abababab\")\n", "    \n", false},
	{"Typing in a paragraph", "Between the", "Between all the", false},
	{"Heading typed before the code", "Between the blocks.", "# Between the blocks.", false},
}

func applyEdit(t testing.TB, body, from, to string) string {
	t.Helper()
	if !strings.Contains(body, from) {
		t.Fatalf("%q is not in the post", from)
	}
	return strings.Replace(body, from, to, 1)
}

func TestRenderBlocksEdit(t *testing.T) {
	base := editBase()
	for _, c := range editCases {
		t.Run(c.name, func(t *testing.T) {
			p := New()
			p.RenderBlocks([]byte(base), storage.Site{})
			checkEdit(t, p, []byte(applyEdit(t, base, c.from, c.to)), c.incremental)
			// And back, as an undo does.
			got := p.RenderBlocks([]byte(base), storage.Site{})
			sameBlocks(t, []byte(base), got, freshLike(p).RenderBlocks([]byte(base), storage.Site{}))
		})
	}
}

// TestRenderBlocksEditListAbove pins that an indented block after a
// list set in six columns parses again when its first line is indented
// that far: the line then belongs to the list.
func TestRenderBlocksEditListAbove(t *testing.T) {
	base := "10.   item\n\n" + indent(longCode(30))
	p := New()
	p.RenderBlocks([]byte(base), storage.Site{})
	for _, c := range []struct {
		name, to    string
		incremental bool
	}{
		{"Typed into", "    x0 = y", true},
		{"Indented as far as the item's text", "      x0 = ", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkEdit(t, p, []byte(applyEdit(t, base, "    x0 = ", c.to)), c.incremental)
			p.RenderBlocks([]byte(base), storage.Site{})
		})
	}
}

// TestRenderBlocksEditBoundary pins that the last line of an indented
// block parses again when it stops being a block boundary: a table right
// under it is a table only after one.
func TestRenderBlocksEditBoundary(t *testing.T) {
	base := indent(longCode(30)+"{: .x }\n") + "| a | b |\n|---|---|\n| 1 | 2 |\n"
	for _, c := range []struct {
		name, from, to string
		incremental    bool
	}{
		{"Typed into", "{: .x }", "{: .xy }", true},
		{"No longer a boundary", "{: .x }", "y{: .x }", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := New()
			p.RenderBlocks([]byte(base), storage.Site{})
			checkEdit(t, p, []byte(applyEdit(t, base, c.from, c.to)), c.incremental)
		})
	}
}

// TestRenderBlocksEditConcurrent renders edits of one post from several
// goroutines at once, as a pane whose renders overlap would.
func TestRenderBlocksEditConcurrent(t *testing.T) {
	base := editBase()
	bodies := [][]byte{[]byte(base)}
	for _, c := range editCases[:6] {
		bodies = append(bodies, []byte(applyEdit(t, base, c.from, c.to)))
	}
	p := New()
	want := make([][]Block, len(bodies))
	for i, b := range bodies {
		want[i] = freshLike(p).RenderBlocks(b, storage.Site{})
	}
	got := make([][][]Block, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(bodies) {
				got[g] = append(got[g], p.RenderBlocks(bodies[(k+g)%len(bodies)], storage.Site{}))
			}
		}()
	}
	wg.Wait()
	for g := range got {
		for k, blocks := range got[g] {
			i := (k + g) % len(bodies)
			sameBlocks(t, bodies[i], blocks, want[i])
		}
	}
}

// TestRenderBlocksEditKeys pins what typing in a long code block costs
// the pane: the keys of the blocks away from the edit stay.
func TestRenderBlocksEditKeys(t *testing.T) {
	base := editBase()
	p := New()
	before := p.RenderBlocks([]byte(base), storage.Site{})
	edited := applyEdit(t, base, "x30 = ", "x30 = y")
	after := p.RenderBlocks([]byte(edited), storage.Site{})
	changed := newKeys(before, after)
	for _, b := range changed {
		if !strings.Contains(segmentText(b.Segments), "x30 = y") {
			t.Errorf("block of lines %d–%d changed key but does not hold the edit", b.StartLine, b.EndLine)
		}
	}
	if len(changed) != 1 {
		t.Errorf("%d blocks changed key, want 1", len(changed))
	}
}

func TestRenderBlocksEditSameBody(t *testing.T) {
	base := []byte(editBase())
	p := New()
	first := p.RenderBlocks(base, storage.Site{})
	again := p.RenderBlocks(bytes.Clone(base), storage.Site{})
	if !incremental(p) {
		t.Error("the same body was parsed again")
	}
	sameBlocks(t, base, again, first)
}

func TestRenderBlocksEditOptions(t *testing.T) {
	base := editBase()
	p := New()
	p.RenderBlocks([]byte(base), storage.Site{})
	edited := []byte(applyEdit(t, base, "x30 = ", "x30 = y"))
	opt := storage.Site{PostDir: "/elsewhere"}
	got := p.RenderBlocks(edited, opt)
	if incremental(p) {
		t.Error("new options did not parse again")
	}
	sameBlocks(t, edited, got, freshLike(p).RenderBlocks(edited, opt))
}

// TestRenderBlocksEditImageAppears pins that a block whose image was
// missing shows it once the file is there, even when the edit is in a
// code block.
func TestRenderBlocksEditImageAppears(t *testing.T) {
	dir := t.TempDir()
	base := "![pic](pic.png)\n\n" + editBase()
	opt := storage.Site{PostDir: dir}
	p := New()
	p.RenderBlocks([]byte(base), opt)
	writePNG(t, dir, "pic.png", 4, 4)
	edited := []byte(applyEdit(t, base, "x30 = ", "x30 = y"))
	got := p.RenderBlocks(edited, opt)
	if incremental(p) {
		t.Error("an image that appeared did not parse again")
	}
	sameBlocks(t, edited, got, freshLike(p).RenderBlocks(edited, opt))
	if !strings.Contains(dumpSegments(got[0].Segments), "image found") {
		t.Errorf("image not found:\n%s", dumpSegments(got[0].Segments))
	}
}

// TestRenderBlocksEditImageReplaced pins that an image file replaced by
// one of another size changes its block's key, and so shows at its new
// size, even when the edit is in a code block.
func TestRenderBlocksEditImageReplaced(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, dir, "pic.png", 4, 4)
	base := "![pic](pic.png)\n\n" + editBase()
	opt := storage.Site{PostDir: dir}
	p := New()
	before := p.RenderBlocks([]byte(base), opt)
	writePNG(t, dir, "pic.png", 40, 2)
	edited := []byte(applyEdit(t, base, "x30 = ", "x30 = y"))
	got := p.RenderBlocks(edited, opt)
	if got[0].Key == before[0].Key {
		t.Error("the block of a replaced image kept its key")
	}
	sameBlocks(t, edited, got, freshLike(p).RenderBlocks(edited, opt))
	if d := dumpSegments(got[0].Segments); !strings.Contains(d, "pixels=40x2") {
		t.Errorf("the replaced image is not 40×2:\n%s", d)
	}
}

func TestRenderBlocksEditCRLF(t *testing.T) {
	base := strings.ReplaceAll(editBase(), "\n", "\r\n")
	p := New()
	p.RenderBlocks([]byte(base), storage.Site{})
	edited := []byte(applyEdit(t, base, "x30 = ", "x30 = y\r\nx30b = "))
	got := p.RenderBlocks(edited, storage.Site{})
	if !incremental(p) {
		t.Error("an edit in a CRLF code block parsed again")
	}
	sameBlocks(t, edited, got, freshLike(p).RenderBlocks(edited, storage.Site{}))
}

// TestBlockCode pins that the code of a block read from its lines is
// what goldmark's parsers make of them.
func TestBlockCode(t *testing.T) {
	for _, c := range []struct {
		name  string
		read  bool // whether blockCode reads it, rather than leave it to goldmark
		block string
	}{
		{"Fenced", true, "```go\nx := 1\n\n\ty := 2\n```\n"},
		{"Fenced, CRLF", true, "```go\r\nx := 1\r\n\r\ny := 2\r\n```\r\n"},
		{"Fenced, blank lines at the end", true, "~~~\nx\n\n  \n~~~\n"},
		{"Fenced, set in", false, "  ```\n  x\n y\nz\n  ```\n"},
		{"Indented", true, "    x\n      y\n\n  \n     \n    z\n"},
		{"Indented, CRLF", true, "    x\r\n\r\n    z\r\n"},
		{"Indented with a tab", false, "    x\n\ty\n    z\n"},
		{"Indented, tab after the indent", true, "    x\n    \ty\n"},
		{"Indented, blank line with a tab", false, "    x\n \t\n    z\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.block)
			lines := lineStarts(src)
			doc := markdown.New().Parser().Parse(text.NewReader(src))
			r, want, ok := topCode(doc.FirstChild(), src, lines)
			if !ok {
				t.Fatal("not a code block")
			}
			end := r.close
			if !r.fenced {
				end = len(lines) - 1
			}
			got, ok := blockCode(src, lines, r, end)
			if ok != c.read {
				t.Fatalf("read: %v, want %v", ok, c.read)
			}
			if ok && got != want {
				t.Errorf("code is %q, goldmark reads %q", got, want)
			}
		})
	}
}

// editAlphabet is what the random edits type: the characters that open
// or close Markdown blocks, and plain ones.
const editAlphabet = "\n\n\n`````~~--##>>||$$<{}:*_[]()!    \taz09가"

// randomEdit types or deletes one character of body. Most edits fall
// on the lines of code blocks, where an edit may skip parsing, and most
// of those at the ends of lines and on the lines at and around the ends
// of the blocks, where the blocks around read them.
func randomEdit(rng *rand.Rand, body []byte, code [][2]int) []byte {
	at := rng.IntN(len(body) + 1)
	if lines := lineStarts(body); len(code) > 0 && rng.IntN(4) > 0 {
		r := code[rng.IntN(len(code))]
		l := r[0] - 1 + rng.IntN(r[1]-r[0]+3)
		if rng.IntN(2) == 0 {
			edges := []int{r[0] - 1, r[0], r[0] + 1, r[1] - 1, r[1], r[1] + 1}
			l = edges[rng.IntN(len(edges))]
		}
		l = max(0, min(len(lines)-1, l))
		start, stop := lines[l], lineStop(body, lines, l)
		switch n := stop - start; rng.IntN(5) {
		case 0, 1:
			at = start + rng.IntN(min(n, 6)+1)
		case 2, 3:
			at = stop - rng.IntN(min(n, 6)+1)
		default:
			at = start + rng.IntN(n+1)
		}
	}
	if rng.IntN(3) == 0 && at < len(body) {
		return append(append([]byte{}, body[:at]...), body[at+1:]...)
	}
	alphabet := []rune(editAlphabet)
	ins := string(alphabet[rng.IntN(len(alphabet))])
	if rng.IntN(4) == 0 {
		// A paste of something that opens, closes or ends a block.
		ins = editPastes[rng.IntN(len(editPastes))]
	}
	return append(append(append([]byte{}, body[:at]...), ins...), body[at:]...)
}

// editPastes are what a random edit sometimes types at once.
var editPastes = []string{"```", "~~~", "  ", "$$", "</div>", ">", "{: .x }", "- ", "\n\n"}

// codeRanges returns the first and last lines of the code blocks of p's
// last render.
func codeRanges(p *Renderer) [][2]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out [][2]int
	for _, r := range p.last.regions {
		if r.close >= 0 {
			out = append(out, [2]int{r.open, r.close})
		}
	}
	return out
}

// TestRenderBlocksEditCorpus types random characters into every corpus
// post, one after the other as a user would, and checks each render
// against a fresh one.
func TestRenderBlocksEditCorpus(t *testing.T) {
	edits := 25
	if testing.Short() || raceEnabled {
		edits = 6
	}
	var total, fast int
	corpusPosts(t, func(t *testing.T, path string, body []byte) {
		h := fnv.New64a()
		_, _ = h.Write([]byte(filepath.ToSlash(path)))
		rng := rand.New(rand.NewPCG(1, h.Sum64()))
		p := New()
		p.RenderBlocks(body, storage.Site{})
		for range edits {
			body = randomEdit(rng, body, codeRanges(p))
			got := p.RenderBlocks(body, storage.Site{})
			total++
			if incremental(p) {
				fast++
				if want := lineStarts(body); fmt.Sprint(p.last.lines) != fmt.Sprint(want) {
					t.Fatalf("line starts after the edit are %v, want %v", p.last.lines, want)
				}
			}
			sameBlocks(t, body, got, freshLike(p).RenderBlocks(body, storage.Site{}))
		}
	})
	t.Logf("%d of %d edits rendered without parsing", fast, total)
	if total > 0 && fast == 0 {
		t.Error("no edit rendered without parsing")
	}
}

// trickyPosts put code blocks next to what reads the lines around it:
// lists, tables and math that need a block boundary, IAL lines, an HTML
// element and a `$$` that look for their end further on, lazy lines.
var trickyPosts = []string{
	"10.   item\n\n" + indent(longCode(30)) + "after\n",
	indent(longCode(30)+"{: .x }\n") + "| a | b |\n|---|---|\n| 1 | 2 |\n",
	"$$\nx = 1\n$$\n" + indent(longCode(30)) + "$$\ny\n$$\n",
	"<div>\ntext\n\n```\n" + longCode(30) + "</div\n```\n\n" + indent(longCode(30)) + "\n> quote\nlazy\n",
	"$$ open\n\n```\n" + longCode(30) + "x = \"$$\"\n\ny = 2\n```\n{: file=\"a.py\" }\n\n- item\n\n" + indent(longCode(30)),
	"[^1]: note\n\n" + indent(longCode(30)) + "\n{: .y }\n\n```python\n" + longCode(30) + "```\n",
	"> quote\n\n~~~~\n" + longCode(30) + "~~~\n````\n~~~~\n<!-- c -->\n" + indent(longCode(30)),
}

// TestRenderBlocksEditTricky types random characters into the code
// blocks of trickyPosts and checks each render against a fresh one.
func TestRenderBlocksEditTricky(t *testing.T) {
	edits := 1000
	if testing.Short() || raceEnabled {
		edits = 200
	}
	for i, post := range trickyPosts {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(2, uint64(i)))
			body := []byte(post)
			p := New()
			p.RenderBlocks(body, storage.Site{})
			for range edits {
				if rng.IntN(20) == 0 {
					body = []byte(post)
				} else {
					body = randomEdit(rng, body, codeRanges(p))
				}
				got := p.RenderBlocks(body, storage.Site{})
				sameBlocks(t, body, got, freshLike(p).RenderBlocks(body, storage.Site{}))
			}
		})
	}
}

// FuzzRenderBlocksEdit checks that rendering after an edit gives what a
// fresh render of the edited body gives.
func FuzzRenderBlocksEdit(f *testing.F) {
	base := editBase()
	for _, c := range editCases {
		i := strings.Index(base, c.from)
		f.Add(base, uint(i), uint(len(c.from)), c.to)
	}
	for _, post := range trickyPosts {
		f.Add(post, uint(len(post)/2), uint(1), "x")
	}
	// Lexing is most of a render's time; the tokens of a text are the
	// same whoever asks.
	tokens := newHighlighter()
	f.Fuzz(func(t *testing.T, body string, at, n uint, ins string) {
		at = min(at, uint(len(body)))
		n = min(n, uint(len(body))-at)
		edited := body[:at] + ins + body[at+n:]
		p := New()
		p.code = tokens
		p.RenderBlocks([]byte(body), storage.Site{})
		got := p.RenderBlocks([]byte(edited), storage.Site{})
		sameBlocks(t, []byte(edited), got, freshLike(p).RenderBlocks([]byte(edited), storage.Site{}))
	})
}
