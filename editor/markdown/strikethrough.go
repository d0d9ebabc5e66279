package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownStrikethrough is GFM strikethrough as kramdown-parser-gfm reads
// it: exactly two tildes, /~~(?!\s|~).*?[^\s~]~~/. goldmark's GFM
// extension also accepts a single `~`, which would strike out the text
// in "2~4 bytes ... 3~5".
type kramdownStrikethrough struct{}

// Strikethrough is the goldmark extension for `~~text~~`. It
// produces goldmark's own extension/ast.Strikethrough nodes so that
// goldmark's renderer (and any walker that knows them) applies.
var Strikethrough goldmark.Extender = kramdownStrikethrough{}

// Extend registers the parser and goldmark's strikethrough renderer.
func (kramdownStrikethrough) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(strikethroughParser{}, 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500),
	))
}

type strikethroughDelimiters struct{}

func (strikethroughDelimiters) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughDelimiters) OnMatch(consumes int) ast.Node { return extast.NewStrikethrough() }

type strikethroughParser struct{}

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	n := 0
	for n < len(line) && line[n] == '~' {
		n++
	}
	if n != 2 {
		// Consume the whole run so that its tail is not retried as `~~`.
		block.Advance(n)
		return ast.NewTextSegment(segment.WithStop(segment.Start + n))
	}
	before := block.PrecendingCharacter()
	after := ' '
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	d := parser.NewDelimiter(!unicode.IsSpace(after), !unicode.IsSpace(before),
		n, '~', strikethroughDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}
