package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownHTMLBlock reads HTML blocks the way kramdown does where it
// differs from CommonMark:
//
//   - A line that starts with a span-level tag such as `<br>`, `<img …>`
//     or `<sup>` is no HTML block. CommonMark's seventh kind of HTML
//     block takes such a line and every line after it up to a blank line
//     as raw HTML, hiding the Markdown there; kramdown reads them as a
//     paragraph with inline HTML.
//   - Any other element runs to its matching end tag, across blank
//     lines, and its content stays raw (kramdown's parse_block_html is
//     off in Jekyll). CommonMark ends a `<div>` at the first blank line,
//     so the indented CSS of a pasted Jupyter table turns into code
//     blocks. An element marked markdown="1", whose content kramdown
//     does parse, is left to goldmark.
//
// Everything else is goldmark's HTML block parser.
type kramdownHTMLBlock struct{}

// HTMLBlock is the goldmark extension for kramdown's HTML
// blocks. It stands in for goldmark's HTML block parser, which must not
// also be installed (New leaves it out).
var HTMLBlock goldmark.Extender = kramdownHTMLBlock{}

// Extend registers the parser at goldmark's own priority for HTML blocks.
func (kramdownHTMLBlock) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(
		util.Prioritized(htmlBlockParser{parser.NewHTMLBlockParser()}, 900),
	))
}

// htmlSpanElements is kramdown's HTML_SPAN_ELEMENTS.
var htmlSpanElements = map[string]bool{}

func init() {
	for _, e := range bytes.Fields([]byte(`a abbr acronym b big bdo br button cite code del dfn em i img input
		ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var`)) {
		htmlSpanElements[string(e)] = true
	}
}

// htmlVoidElements is kramdown's HTML_ELEMENTS_WITHOUT_BODY: they have
// no end tag to look for.
var htmlVoidElements = map[string]bool{}

func init() {
	for _, e := range bytes.Fields([]byte(`area base br col command embed hr img input keygen link
		meta param source track wbr`)) {
		htmlVoidElements[string(e)] = true
	}
}

type htmlBlockParser struct {
	parser.BlockParser
}

// htmlElementKey holds the open element block: its node and the offset
// just past its matching end tag.
var htmlElementKey = parser.NewContextKey()

type htmlElement struct {
	node ast.Node
	end  int
}

// Open reads past the current line, which goldmark's BlockParser contract
// forbids ("Open must not parse beyond the current line"): kramdown keeps
// an HTML element whole up to its matching end tag, blank lines and all,
// so whether the block ends at a blank line (CommonMark's rule, which
// the embedded parser follows) depends on whether that end tag comes.
// It only looks: it consumes the current line, and Continue takes the
// rest line by line up to the end tag. The cost is a scan from each block
// element's start tag to its end tag, or, for an element never closed, to
// the end of the post; k unclosed elements cost k scans of the rest.
func (p htmlBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	name := htmlTagName(line[pos:])
	if htmlSpanElements[name] {
		return nil, parser.NoChildren
	}
	if name == "" || line[pos+1] == '/' || htmlVoidElements[name] || bytes.Contains(line, []byte("markdown=")) {
		return p.BlockParser.Open(parent, reader, pc)
	}
	end := matchingEndTag(reader.Source(), seg.Start+pos, name)
	if end < 0 {
		return p.BlockParser.Open(parent, reader, pc)
	}
	node := ast.NewHTMLBlock(ast.HTMLBlockType6)
	pc.Set(htmlElementKey, &htmlElement{node, end})
	return node, p.Continue(node, reader, pc)
}

func (p htmlBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	el, _ := pc.Get(htmlElementKey).(*htmlElement)
	if el == nil || el.node != node {
		return p.BlockParser.Continue(node, reader, pc)
	}
	_, seg := reader.PeekLine()
	if seg.Start >= el.end {
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	if seg.Stop >= el.end {
		pc.Set(htmlElementKey, &htmlElement{node, -1})
	}
	return parser.Continue | parser.NoChildren
}

func (p htmlBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	if el, _ := pc.Get(htmlElementKey).(*htmlElement); el != nil && el.node == node {
		pc.Set(htmlElementKey, nil)
		return
	}
	p.BlockParser.Close(node, reader, pc)
}

// matchingEndTag returns the offset just past the end tag that closes
// the element `<name` starting at offset start, counting nested elements
// of the same name, or -1.
func matchingEndTag(src []byte, start int, name string) int {
	depth := 0
	for i := start; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		switch htmlTagName(src[i:]) {
		case name:
			if src[i+1] == '/' {
				depth--
			} else {
				depth++
			}
			if depth == 0 {
				if k := bytes.IndexByte(src[i:], '>'); k >= 0 {
					return i + k + 1
				}
				return -1
			}
		}
		i++
	}
	return -1
}

// htmlTagName returns the lower-cased element name of a tag `<name` or
// `</name` at the start of line, or "".
func htmlTagName(line []byte) string {
	if len(line) < 2 || line[0] != '<' {
		return ""
	}
	i := 1
	if line[i] == '/' {
		i++
	}
	j := i
	for j < len(line) && (util.IsAlphaNumeric(line[j]) || line[j] == '-') {
		j++
	}
	return string(bytes.ToLower(line[i:j]))
}
