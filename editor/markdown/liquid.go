package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// KindLiquid is the ast.NodeKind of Liquid.
var KindLiquid = ast.NewNodeKind("Liquid")

// Liquid is a Liquid tag `{% … %}` or output `{{ … }}` in the text.
// Chirpy posts are often built with render_with_liquid: false, and the
// preview does not run Liquid either, so the markup stays as written;
// the node exists so that nothing inside it is read as Markdown and so
// that the preview can show it dimmed. Its children are ast.Text
// segments holding the markup, braces included, one per source line.
type Liquid struct {
	ast.BaseInline
	// Tag is true for `{% … %}`, false for `{{ … }}`.
	Tag bool
}

// Kind implements ast.Node.
func (*Liquid) Kind() ast.NodeKind { return KindLiquid }

// IsRaw implements ast.Node.
func (*Liquid) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Liquid) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Markup": string(n.Markup(source))}, nil)
}

// Markup returns the Liquid markup, braces included.
func (n *Liquid) Markup(source []byte) []byte { return rawInlineText(n, source) }

// rawInlineText joins the text segments under a raw inline node (Liquid,
// math, a code span), which keeps its source verbatim as ast.Text
// children, one per source line.
func rawInlineText(n ast.Node, source []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(source))
		}
	}
	return b.Bytes()
}

// liquid parses Liquid markup as opaque inline text.
type liquid struct{}

// LiquidMarkup is the goldmark extension for Liquid tags and outputs.
// HTML output is the markup itself, escaped, as Jekyll prints it when
// Liquid is off.
var LiquidMarkup goldmark.Extender = liquid{}

// Extend registers the parser and renderer. The parser runs after code
// spans (a tag inside backticks is code) and before links.
func (liquid) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(liquidParser{}, 120)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(liquidRenderer{}, 500)))
}

type liquidParser struct{}

func (liquidParser) Trigger() []byte { return []byte{'{'} }

func (liquidParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) < 2 || (line[1] != '%' && line[1] != '{') {
		return nil
	}
	closer := []byte("}}")
	if line[1] == '%' {
		closer = []byte("%}")
	}
	l, pos := block.Position()
	node := &Liquid{Tag: line[1] == '%'}
	for first := true; ; first = false {
		line, seg := block.PeekLine()
		if line == nil || (!first && util.IsBlank(line)) {
			block.SetPosition(l, pos)
			return nil
		}
		from := 0
		if first {
			from = 2
		}
		if i := bytes.Index(line[from:], closer); i >= 0 {
			end := from + i + len(closer)
			node.AppendChild(node, ast.NewRawTextSegment(seg.WithStop(seg.Start+end)))
			block.Advance(end)
			return node
		}
		node.AppendChild(node, ast.NewRawTextSegment(seg))
		block.AdvanceLine()
	}
}

type liquidRenderer struct{}

func (liquidRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindLiquid, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(util.EscapeHTML(n.(*Liquid).Markup(source)))
		}
		return ast.WalkSkipChildren, nil
	})
}
