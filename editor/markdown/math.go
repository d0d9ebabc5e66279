package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindMathBlock is the ast.NodeKind of MathBlock.
var KindMathBlock = ast.NewNodeKind("MathBlock")

// MathBlock is a display formula, kramdown's block `$$ … $$`. Its Lines
// hold the TeX source between the dollar signs, verbatim.
type MathBlock struct {
	ast.BaseBlock
}

// Kind implements ast.Node.
func (*MathBlock) Kind() ast.NodeKind { return KindMathBlock }

// IsRaw implements ast.Node: the body is TeX, never Markdown.
func (*MathBlock) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathBlock) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Formula": string(n.Formula(source))}, nil)
}

// Formula returns the TeX source with surrounding blank space trimmed,
// as kramdown does.
func (n *MathBlock) Formula(source []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(source))
	}
	return bytes.TrimSpace(b.Bytes())
}

// KindMathInline is the ast.NodeKind of MathInline.
var KindMathInline = ast.NewNodeKind("MathInline")

// MathInline is a formula inside a paragraph: kramdown's `$$ … $$`
// (Display is true) or the `$ … $` that MathJax reads on Chirpy pages
// (Display is false). Its children are ast.Text segments holding the TeX
// source verbatim, one per source line, like ast.CodeSpan.
type MathInline struct {
	ast.BaseInline
	// Display is true for `$$` delimiters. kramdown still renders those
	// inline (as `\( … \)`) when they share a paragraph with text.
	Display bool
}

// Kind implements ast.Node.
func (*MathInline) Kind() ast.NodeKind { return KindMathInline }

// IsRaw implements ast.Node.
func (*MathInline) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *MathInline) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Formula": string(n.Formula(source))}, nil)
}

// Formula returns the TeX source; for `$$` it is trimmed as kramdown
// trims it, for `$` it is exactly what stood between the dollars.
func (n *MathInline) Formula(source []byte) []byte {
	f := rawInlineText(n, source)
	if n.Display {
		return bytes.TrimSpace(f)
	}
	return f
}

// kramdownMath parses TeX formulas so that `_`, `*` and `\\` inside them
// are never read as Markdown.
type kramdownMath struct{}

// Math is the goldmark extension for math: `$$` blocks and
// `$$`/`$` inline formulas. HTML output follows kramdown's MathJax
// engine: `\[ … \]` for blocks, `\( … \)` for `$$` inline, and `$ … $`
// left as written.
var Math goldmark.Extender = kramdownMath{}

// Extend registers the math parsers and renderers. The inline parser
// runs before emphasis and links so that it claims the dollars first.
func (kramdownMath) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(mathBlockParser{}, 650)),
		parser.WithInlineParsers(util.Prioritized(mathInlineParser{}, 150)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(mathRenderer{}, 500)))
}

// mathBlockParser follows kramdown's BLOCK_MATH_START: a line starting
// with `$$` (up to three spaces in), after a block boundary, running to
// the next `$$` which must end its line and be followed by a block
// boundary. Anything else is left to the paragraph, where the inline
// parser turns `$$ … $$` into an inline formula.
type mathBlockParser struct{}

var mathBlockCloseKey = parser.NewContextKey()

func (mathBlockParser) Trigger() []byte { return []byte{'$'} }

// Open reads past the current line, which goldmark's BlockParser contract
// forbids ("Open must not parse beyond the current line"): whether `$$`
// opens a math block depends on where the next `$$` is and on the line
// after it, as kramdown decides it with a pattern over the rest of the
// source. It only looks: what it consumes is the current line, and
// Continue takes the rest line by line, so goldmark's bookkeeping of
// lines and containers holds. The cost is a search to the next `$$` for
// each line that starts with one, never past it; a post of n bytes costs
// O(n) over all its math blocks.

func (mathBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos > 3 || !bytes.HasPrefix(line[pos:], []byte("$$")) {
		return nil, parser.NoChildren
	}
	src := reader.Source()
	start := seg.Start + pos + 2
	if !afterBlockBoundary(src, seg.Start) {
		return nil, parser.NoChildren
	}
	end := bytes.Index(src[start:], []byte("$$"))
	if end < 0 {
		return nil, parser.NoChildren
	}
	end += start
	eol := lineEnd(src, end+2)
	if !util.IsBlank(src[end+2:eol]) || !beforeBlockBoundary(src, eol) {
		return nil, parser.NoChildren
	}
	node := &MathBlock{}
	pc.Set(mathBlockCloseKey, end)
	if end < seg.Stop {
		node.Lines().Append(text.NewSegment(start, end))
		reader.AdvanceToEOL()
		pc.Set(mathBlockCloseKey, -1)
		return node, parser.NoChildren
	}
	node.Lines().Append(text.NewSegment(start, seg.Stop))
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (mathBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	end, _ := pc.Get(mathBlockCloseKey).(int)
	line, seg := reader.PeekLine()
	if end < 0 || line == nil {
		return parser.Close
	}
	if end < seg.Stop {
		node.Lines().Append(text.NewSegment(seg.Start, max(seg.Start, end)))
		reader.AdvanceToEOL()
		pc.Set(mathBlockCloseKey, -1)
		return parser.Continue | parser.NoChildren
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (mathBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	pc.Set(mathBlockCloseKey, nil)
}

// CanInterruptParagraph is false: kramdown wants a block boundary
// before `$$`, and a paragraph line is not one.
func (mathBlockParser) CanInterruptParagraph() bool { return false }

func (mathBlockParser) CanAcceptIndentedLine() bool { return false }

// mathInlineParser reads `$$ … $$` (kramdown's INLINE_MATH_START, which
// may span lines of a paragraph) and `$ … $`. A single dollar opens only
// before a non-space and closes only after a non-space and not before a
// digit, so "$5 and $10" stays text.
type mathInlineParser struct{}

func (mathInlineParser) Trigger() []byte { return []byte{'$'} }

func (mathInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) >= 2 && line[1] == '$' {
		if n := scanInlineMath(block, seg, 2); n != nil {
			n.Display = true
			return n
		}
		// Unclosed `$$` is literal; take both so the second is not
		// retried as a single dollar.
		block.Advance(2)
		return ast.NewTextSegment(seg.WithStop(seg.Start + 2))
	}
	if len(line) < 2 || unicode.IsSpace(rune(line[1])) {
		return nil
	}
	if n := scanInlineMath(block, seg, 1); n != nil {
		return n
	}
	return nil
}

// scanInlineMath looks for the closing run of delim dollars from the
// reader position (which sits on the opening run). On success it
// advances past the closer and returns the node; otherwise it leaves
// the reader where it was and returns nil.
func scanInlineMath(block text.Reader, open text.Segment, delim int) *MathInline {
	l, pos := block.Position()
	block.Advance(delim)
	node := &MathInline{}
	src := block.Source()
	for {
		line, seg := block.PeekLine()
		if line == nil {
			block.SetPosition(l, pos)
			return nil
		}
		for i := 0; i < len(line); i++ {
			switch {
			case line[i] == '\\' && delim == 1:
				i++
			case line[i] == '$':
				if delim == 2 && (i+1 >= len(line) || line[i+1] != '$') {
					continue
				}
				if delim == 1 && !closesSingleDollar(src, seg.Start+i) {
					continue
				}
				if seg.Start+i > seg.Start {
					node.AppendChild(node, ast.NewRawTextSegment(seg.WithStop(seg.Start+i)))
				}
				if node.FirstChild() == nil {
					block.SetPosition(l, pos)
					return nil
				}
				block.Advance(i + delim)
				return node
			}
		}
		if delim == 1 && util.IsBlank(line) {
			block.SetPosition(l, pos)
			return nil
		}
		node.AppendChild(node, ast.NewRawTextSegment(seg))
		block.AdvanceLine()
	}
}

// closesSingleDollar reports whether the `$` at offset i of src can end
// a `$ … $` formula.
func closesSingleDollar(src []byte, i int) bool {
	before, _ := utf8.DecodeLastRune(src[:i])
	if unicode.IsSpace(before) {
		return false
	}
	return i+1 >= len(src) || src[i+1] < '0' || src[i+1] > '9'
}

// mathRenderer writes formulas the way kramdown's MathJax engine does,
// so that the page's MathJax finds them.
type mathRenderer struct{}

func (mathRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMathBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`\[`)
			_, _ = w.Write(util.EscapeHTML(n.(*MathBlock).Formula(source)))
			_, _ = w.WriteString("\\]\n")
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindMathInline, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			m := n.(*MathInline)
			open, close := "$", "$"
			if m.Display {
				open, close = `\(`, `\)`
			}
			_, _ = w.WriteString(open)
			_, _ = w.Write(util.EscapeHTML(m.Formula(source)))
			_, _ = w.WriteString(close)
		}
		return ast.WalkSkipChildren, nil
	})
}
