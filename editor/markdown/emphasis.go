package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownEmphasis swaps CommonMark's emphasis rules for kramdown's.
//
// CommonMark decides whether `*` or `_` may open or close emphasis from
// the punctuation around it, so `**"강조"**를` stays literal: the closing
// `**` sits between a quote and a Hangul letter. kramdown only looks at
// whitespace: a delimiter opens when it is not followed by whitespace and
// closes when it is not preceded by whitespace. `_` has two extra rules
// that keep snake_case words intact: it does not open after a letter
// (or a letter and a hyphen) and does not close before a letter or digit.
// Pairing is left to goldmark's delimiter stack, which agrees with
// kramdown's recursive descent on everything but pathological overlaps.
type kramdownEmphasis struct{}

// Emphasis is the goldmark extension that parses `*` and `_`
// emphasis the way kramdown does. It produces ordinary ast.Emphasis
// nodes (Level 1 for em, 2 for strong).
var Emphasis goldmark.Extender = kramdownEmphasis{}

// Extend registers the parser ahead of goldmark's own emphasis parser
// (priority 500), which then never sees a `*` or `_`.
func (kramdownEmphasis) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		util.Prioritized(emphasisParser{}, 450),
	))
}

type emphasisDelimiters struct{}

func (emphasisDelimiters) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisDelimiters) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisDelimiters) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

type emphasisParser struct{}

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	c := line[0]
	n := 0
	for n < len(line) && line[n] == c {
		n++
	}
	before := block.PrecendingCharacter()
	after := ' '
	if n < len(line) {
		after, _ = utf8.DecodeRune(line[n:])
	}
	canOpen := !unicode.IsSpace(after)
	canClose := !unicode.IsSpace(before)
	if c == '_' {
		canOpen = canOpen && !afterWord(block.Source(), segment.Start)
		canClose = canClose && !unicode.IsLetter(after) && !unicode.IsDigit(after)
	}
	d := parser.NewDelimiter(canOpen, canClose, n, c, emphasisDelimiters{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// afterWord reports whether the byte offset pos in src follows a letter,
// or a letter and a hyphen: kramdown's /[[:alpha:]]-?[[:alpha:]]*\z/ on
// the text before an `_`.
func afterWord(src []byte, pos int) bool {
	r, size := utf8.DecodeLastRune(src[:pos])
	if r == '-' {
		r, _ = utf8.DecodeLastRune(src[:pos-size])
	}
	return unicode.IsLetter(r)
}
