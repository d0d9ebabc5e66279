package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownHeadingID gives headings the ids kramdown's GFM parser gives
// them, because Chirpy's table of contents and links between posts
// (`/posts/x/#상대론적-효과`) point at those ids. The rule: take the
// heading's text (code and math included, footnote markers and tags
// left out), lower-case it, drop every character that is not a letter,
// mark, digit, connector, hyphen, space or tab, and turn spaces and tabs
// into hyphens; a repeated id gets "-1", "-2", … appended. A heading
// that already has an id (`{: #intro}`) keeps it.
type kramdownHeadingID struct{}

// HeadingID is the goldmark extension that sets the "id"
// attribute of every heading.
var HeadingID goldmark.Extender = kramdownHeadingID{}

// Extend registers the transformer after the IAL transformer (100), so
// that explicit ids are already in place.
func (kramdownHeadingID) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headingIDs{}, 200)))
}

type headingIDs struct{}

func (headingIDs) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	seen := map[string]int{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindHeading {
			return ast.WalkContinue, nil
		}
		if _, ok := n.AttributeString("id"); !ok {
			id := gfmHeadingID(headingText(n, src))
			if c, dup := seen[id]; dup {
				seen[id] = c + 1
				id += "-" + strconv.Itoa(c+1)
			} else {
				seen[id] = 0
			}
			if id != "" {
				n.SetAttributeString("id", []byte(id))
			}
		}
		return ast.WalkSkipChildren, nil
	})
}

// headingText is kramdown-parser-gfm's update_raw_text: text, code and
// math, with entities resolved and `--`/`---` already typographic dashes.
func headingText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(c.Segment.Value(src))))
				b.WriteString(strings.NewReplacer("---", "—", "--", "–").Replace(string(v)))
				if c.SoftLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				b.Write(rawInlineText(c, src))
			case *MathInline:
				b.Write(c.Formula(src))
			case *Liquid:
				b.Write(c.Markup(src))
			case *ast.RawHTML:
			default:
				if c.Kind().String() != "FootnoteLink" {
					walk(c)
				}
			}
		}
	}
	walk(n)
	return b.String()
}

// gfmHeadingID is kramdown-parser-gfm's generate_gfm_header_id without
// the counter.
func gfmHeadingID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '\t':
			b.WriteByte('-')
		case r == '-' || unicode.IsLetter(r) || unicode.Is(unicode.M, r) ||
			unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
