package markdown

import (
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// footnoteNameAttr is the attribute that footnoteNamer puts on goldmark's
// FootnoteLink and FootnoteBacklink nodes: the label the author wrote
// (`ref1` in `[^ref1]`). goldmark's nodes only carry the number, while
// kramdown builds its ids (`fn:ref1`, `fnref:ref1:1`) from the label, and
// the preview wants it for tooltips.
const footnoteNameAttr = "footnote-name"

// kramdownFootnote is goldmark's footnote parser with kramdown's HTML:
// ids from the label, `&#8617;` back links numbered with a `<sup>` from
// the second reference on, and no `<hr>` inside the footnote block.
type kramdownFootnote struct{}

// Footnote is the goldmark extension for `[^label]` footnotes.
// The AST is goldmark's (extension/ast.Footnote, FootnoteLink,
// FootnoteBacklink, FootnoteList); links and back links also carry the
// label in the "footnote-name" attribute.
var Footnote goldmark.Extender = kramdownFootnote{}

// Extend installs goldmark's footnote extension, a transformer that runs
// after goldmark's own (999) to name the links, and a renderer that
// outranks goldmark's (500).
func (kramdownFootnote) Extend(m goldmark.Markdown) {
	extension.Footnote.Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(footnoteNamer{}, 1000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(footnoteRenderer{}, 100)))
}

type footnoteNamer struct{}

func (footnoteNamer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	names := map[int][]byte{}
	for n := doc.LastChild(); n != nil; n = n.PreviousSibling() {
		if list, ok := n.(*extast.FootnoteList); ok {
			for c := list.FirstChild(); c != nil; c = c.NextSibling() {
				if f, ok := c.(*extast.Footnote); ok {
					names[f.Index] = f.Ref
				}
			}
			break
		}
	}
	if len(names) == 0 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch f := n.(type) {
		case *extast.FootnoteLink:
			f.SetAttributeString(footnoteNameAttr, names[f.Index])
		case *extast.FootnoteBacklink:
			f.SetAttributeString(footnoteNameAttr, names[f.Index])
		}
		return ast.WalkContinue, nil
	})
}

// FootnoteName returns the label of a footnote link or back link, or its
// number if the transformer did not name it.
func FootnoteName(n ast.Node, index int) []byte {
	if v, ok := n.AttributeString(footnoteNameAttr); ok {
		if b, ok := v.([]byte); ok {
			return b
		}
	}
	return []byte(strconv.Itoa(index))
}

// footnoteRefID returns kramdown's id for the i-th (from 0) reference.
func footnoteRefID(name []byte, i int) []byte {
	id := append([]byte("fnref:"), name...)
	if i > 0 {
		id = append(append(id, ':'), strconv.Itoa(i)...)
	}
	return util.EscapeHTML(id)
}

type footnoteRenderer struct{}

func (footnoteRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindFootnoteLink, renderFootnoteLink)
	reg.Register(extast.KindFootnoteBacklink, renderFootnoteBacklink)
	reg.Register(extast.KindFootnote, renderFootnote)
	reg.Register(extast.KindFootnoteList, renderFootnoteList)
}

func renderFootnoteLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.FootnoteLink)
	name := FootnoteName(n, n.Index)
	_, _ = w.WriteString(`<sup id="`)
	_, _ = w.Write(footnoteRefID(name, n.RefIndex))
	_, _ = w.WriteString(`" role="doc-noteref"><a href="#fn:`)
	_, _ = w.Write(util.EscapeHTML(name))
	_, _ = w.WriteString(`" class="footnote" rel="footnote">`)
	_, _ = w.WriteString(strconv.Itoa(n.Index))
	_, _ = w.WriteString(`</a></sup>`)
	return ast.WalkContinue, nil
}

func renderFootnoteBacklink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.FootnoteBacklink)
	_, _ = w.WriteString(` <a href="#`)
	_, _ = w.Write(footnoteRefID(FootnoteName(n, n.Index), n.RefIndex))
	_, _ = w.WriteString(`" class="reversefootnote" role="doc-backlink">&#8617;`)
	if n.RefIndex > 0 {
		_, _ = w.WriteString(`<sup>` + strconv.Itoa(n.RefIndex+1) + `</sup>`)
	}
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

func renderFootnote(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<li id="fn:`)
		_, _ = w.Write(util.EscapeHTML(node.(*extast.Footnote).Ref))
		_, _ = w.WriteString("\" role=\"doc-endnote\">\n")
	} else {
		_, _ = w.WriteString("</li>\n")
	}
	return ast.WalkContinue, nil
}

func renderFootnoteList(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</div>\n")
	}
	return ast.WalkContinue, nil
}
