package preview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// longCode returns n lines of made-up code, each different.
func longCode(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "x%d = compute(%d, %q)\n", i, i*7, strings.Repeat("ab", i%5))
	}
	return b.String()
}

// pieces returns the code boxes of blocks.
func pieces(t *testing.T, blocks []Block) []*CodeBox {
	t.Helper()
	var out []*CodeBox
	for _, b := range blocks {
		if len(b.Segments) == 1 {
			if box, ok := b.Segments[0].(*CodeBox); ok {
				out = append(out, box)
			}
		}
	}
	return out
}

func TestCodePieces(t *testing.T) {
	code := longCode(200)
	body := []byte("Before.\n\n```text\n" + code + "```\n{: file=\"out.txt\" }\n\nAfter.\n")
	blocks := New().RenderBlocks(body, storage.Site{})
	checkTiling(t, body, blocks)
	boxes := pieces(t, blocks)
	if len(boxes) < 2 {
		t.Fatalf("a 200-line block is %d boxes", len(boxes))
	}
	var joined []string
	for i, box := range boxes {
		joined = append(joined, box.Code)
		first, last := i == 0, i == len(boxes)-1
		if box.JoinAbove == first || box.JoinBelow == last {
			t.Errorf("piece %d: joined above %v, below %v", i, box.JoinAbove, box.JoinBelow)
		}
		if want := map[bool]string{true: "out.txt", false: ""}[first]; box.Label != want {
			t.Errorf("piece %d is labelled %q, want %q", i, box.Label, want)
		}
		if box.Language != "text" {
			t.Errorf("piece %d has language %q", i, box.Language)
		}
		if n := strings.Count(box.Code, "\n") + 1; n < chunkMin || n > chunkMax {
			t.Errorf("piece %d has %d lines, want %d to %d", i, n, chunkMin, chunkMax)
		}
	}
	if got := strings.Join(joined, "\n"); got != strings.TrimSuffix(code, "\n") {
		t.Errorf("pieces do not join into the code:\n%s", storagetest.Lines(code, got))
	}
	// The pieces' lines are the code's: the first piece starts on the
	// fence, each later one on its first line of code.
	first := 3 // the line after the fence
	line := first
	for i, b := range blocks[1 : 1+len(boxes)] {
		if i > 0 && b.StartLine != line {
			t.Errorf("piece %d starts on line %d, its code on line %d", i, b.StartLine, line)
		}
		line += strings.Count(boxes[i].Code, "\n") + 1
	}
}

// TestCodePiecesEditOne pins that the cuts depend on the lines around
// them, not on where the block starts: a line inserted in the middle
// changes the key of the piece that holds it, and at most its neighbour.
func TestCodePiecesEditOne(t *testing.T) {
	code := longCode(300)
	mid := strings.Index(code, "x150 = ")
	for _, c := range []struct{ name, edit string }{
		{"Line inserted", "new_line = 1\n"},
		{"Line typed into", "y"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := New()
			before := p.RenderBlocks([]byte("```\n"+code+"```\n"), storage.Site{})
			edited := code[:mid] + c.edit + code[mid:]
			after := p.RenderBlocks([]byte("```\n"+edited+"```\n"), storage.Site{})
			if changed := len(newKeys(before, after)); changed < 1 || changed > 2 {
				t.Errorf("%d of %d pieces changed key, want 1 or 2", changed, len(after))
			}
		})
	}
}

// A piece is lexed from its first line, in the lexer's first state. The
// cases put long multi-line strings and comments where cuts would fall:
// the pieces must be coloured as the whole block is.
func TestCodePiecesHighlight(t *testing.T) {
	var docstrings, moduleString, comments, goRaw, jsonNest strings.Builder
	for i := range 12 {
		fmt.Fprintf(&docstrings, "def f%d(x):\n    \"\"\"Return x.\n\n", i)
		for j := range 14 {
			fmt.Fprintf(&docstrings, "    line %d of the docstring, with words = %d\n", j, i*j)
		}
		docstrings.WriteString("    \"\"\"\n")
		for j := range 12 {
			fmt.Fprintf(&docstrings, "    x = x * %d + g(%d)\n", j, i)
		}
		fmt.Fprintf(&docstrings, "    return x + %d\n\n", i)
	}
	moduleString.WriteString("SQL = \"\"\"\n")
	for i := range 80 {
		fmt.Fprintf(&moduleString, "select_%d = compute(%d)\n", i, i)
	}
	moduleString.WriteString("\"\"\"\n" + longCode(40))
	for i := range 8 {
		fmt.Fprintf(&comments, "/*\n")
		for j := range 20 {
			fmt.Fprintf(&comments, " * int x%d = %d; comment\n", j, i)
		}
		fmt.Fprintf(&comments, " */\nint f%d(void) {\n", i)
		for j := range 15 {
			fmt.Fprintf(&comments, "\tx%d = g(%d, \"%d\");\n", j, i, j)
		}
		comments.WriteString("}\n")
	}
	goRaw.WriteString("package main\n\nvar text = `\n")
	for i := range 60 {
		fmt.Fprintf(&goRaw, "func f%d() int { return %d }\n", i, i)
	}
	goRaw.WriteString("`\n\nfunc main() {}\n")
	jsonNest.WriteString("{\n")
	for i := range 80 {
		fmt.Fprintf(&jsonNest, "  \"key%d\": {\"a\": [%d, true, null], \"b\": \"s%d\"},\n", i, i, i)
	}
	jsonNest.WriteString("  \"last\": 1\n}\n")

	// whole says whether a piece holds whole strings or comments: no cut
	// falls inside one.
	whole := func(open, close string) func(string) bool {
		return func(code string) bool {
			if open == close {
				return strings.Count(code, open)%2 == 0
			}
			return strings.Count(code, open) == strings.Count(code, close)
		}
	}
	cases := []struct {
		name, lang, code string
		cut              bool // whether the block must still be cut
		whole            func(piece string) bool
	}{
		{"Python docstrings", "python", docstrings.String(), true, whole(`"""`, `"""`)},
		{"Python string of code lines", "python", moduleString.String(), true, whole(`"""`, `"""`)},
		{"C block comments", "c", comments.String(), true, whole("/*", "*/")},
		{"Go raw string", "go", goRaw.String(), false, whole("`", "`")},
		{"Nested JSON", "json", jsonNest.String(), false, nil},
		{"Python code", "python", longCode(200), true, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := []byte("```" + c.lang + "\n" + c.code + "```\n")
			blocks := New().RenderBlocks(body, storage.Site{})
			want := dumpSegments(sameCode(New().Render(body, storage.Site{})))
			if got := dumpSegments(joinBlocks(blocks)); got != want {
				t.Errorf("pieces are coloured differently from the whole block\n%s", storagetest.Lines(want, got))
			}
			if c.cut && len(blocks) < 2 {
				t.Errorf("block not cut")
			}
			for i, box := range pieces(t, blocks) {
				if c.whole != nil && !c.whole(box.Code) {
					t.Errorf("piece %d cuts a string or comment:\n%s", i, box.Code)
				}
			}
		})
	}
}

// TestCodePiecesLookLikeOne stacks the blocks of a long code block as
// the app's preview pane does, each in a RichText of its own with the
// theme's padding between them, and checks that the pieces' rows follow
// each other as they would in one box, and that their panels meet.
func TestCodePiecesLookLikeOne(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, theme.DefaultTheme())
	body := []byte("```text\n" + longCode(100) + "```\n")
	blocks := New().RenderBlocks(body, storage.Site{})
	if len(blocks) < 3 {
		t.Fatalf("%d blocks, want 3 or more", len(blocks))
	}
	stack := container.NewVBox()
	for _, b := range blocks {
		rich := widget.NewRichText(b.Segments...)
		rich.Wrapping = fyne.TextWrapOff
		stack.Add(rich)
	}
	w := test.NewTempWindow(t, stack)
	w.Resize(fyne.NewSize(500, stack.MinSize().Height))

	driver := fyne.CurrentApp().Driver()
	var rows []fyne.CanvasObject
	var panels []*panel
	for _, o := range stack.Objects {
		p := findPanel(o)
		if p == nil {
			t.Fatal("no panel in a block")
		}
		panels = append(panels, p)
		rows = append(rows, p.content)
	}
	ip := theme.Size(theme.SizeNameInnerPadding)
	lineHeight := theme.Size(theme.SizeNameText) // a lower bound
	for i := 1; i < len(panels); i++ {
		// The rows of a piece end one inner padding above the bottom of
		// its content, and start one below its top.
		prevEnd := driver.AbsolutePositionForObject(rows[i-1]).Y + rows[i-1].Size().Height - ip
		start := driver.AbsolutePositionForObject(rows[i]).Y + ip
		if d := start - prevEnd; d < -0.5 || d > 0.5 {
			t.Errorf("piece %d's rows start %.1f below the end of piece %d's", i, d, i-1)
		}
		// The panel above reaches down to the panel below.
		r := test.WidgetRenderer(panels[i-1]).(*panelRenderer)
		reach := driver.AbsolutePositionForObject(r.edge).Y + r.edge.Size().Height
		top := driver.AbsolutePositionForObject(panels[i]).Y
		if reach < top {
			t.Errorf("panel %d ends %.1f above panel %d", i-1, top-reach, i)
		}
		if h := panels[i].Size().Height; h < lineHeight {
			t.Errorf("piece %d is %.1f high", i, h)
		}
	}
}

// findPanel returns the panel a RichText shows for a code box.
func findPanel(o fyne.CanvasObject) *panel {
	if p, ok := o.(*panel); ok {
		return p
	}
	var objs []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		objs = o.Objects
	case fyne.Widget:
		objs = test.WidgetRenderer(o).Objects()
	}
	for _, c := range objs {
		if p := findPanel(c); p != nil {
			return p
		}
	}
	return nil
}
