// Package markdown reads a post body the way Jekyll does (kramdown with
// `input: GFM`), as goldmark extensions: one kramdown rule a file
// (table.go, math.go, footnote.go, …), each with its parser, renderer
// and Extend hook together. New builds the pipeline; Render writes the
// HTML that `postdesk render` prints. It imports no GUI code.
package markdown

import (
	"io"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// New returns the goldmark pipeline shared by the preview and
// `postdesk render`, so that both read a post the same way. It reads
// Markdown as Jekyll does (kramdown with `input: GFM`), not as
// CommonMark: each file of this package holds one kramdown rule as a
// goldmark extension. The resulting AST is goldmark's, plus MathBlock,
// MathInline and Liquid nodes, with IAL attributes (`{: .prompt-tip }`,
// `{: width="700" }`) set on the nodes they belong to.
func New() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(newBaseParser()),
		goldmark.WithExtensions(
			extension.TaskList,
			HTMLBlock,
			Table,
			Math,
			Footnote,
			Link,
			Emphasis,
			Strikethrough,
			Attributes,
			LiquidMarkup,
			HeadingID,
		),
		// Jekyll passes raw HTML through, and posts rely on it (<br>,
		// <sup>, <img>); the preview renders the user's own text.
		goldmark.WithRendererOptions(html.WithUnsafe(), html.WithXHTML()),
	)
}

// newBaseParser is goldmark's default parser without the parts whose
// kramdown counterparts the extensions install: emphasis, links and HTML
// blocks. Removing them, rather than outranking them, keeps goldmark's
// versions from picking up what ours decline.
func newBaseParser() parser.Parser {
	replaced := map[any]bool{
		parser.NewHTMLBlockParser(): true,
		parser.NewEmphasisParser():  true,
		parser.NewLinkParser():      true,
	}
	keep := func(all []util.PrioritizedValue) []util.PrioritizedValue {
		var out []util.PrioritizedValue
		for _, v := range all {
			if !replaced[v.Value] {
				out = append(out, v)
			}
		}
		return out
	}
	return parser.NewParser(
		parser.WithBlockParsers(keep(parser.DefaultBlockParsers())...),
		parser.WithInlineParsers(keep(parser.DefaultInlineParsers())...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	)
}

// Render writes the HTML of a post body (Markdown without front
// matter) to w. The HTML has the element structure Jekyll would give
// the same body.
func Render(w io.Writer, body []byte) error {
	return New().Convert(body, w)
}
