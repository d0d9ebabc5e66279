package preview

import (
	"bytes"
	"net/url"
	"strconv"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// This file turns the inline nodes of a paragraph, heading or table cell
// into text segments. Styles nest the way the nodes do: a parent's style
// is handed down and each node adds to it.

// inlines renders the inline children of n in style st.
func (w *segmentWriter) inlines(n ast.Node, st widget.RichTextStyle, c blockContext) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		w.inline(ch, st, c)
	}
}

func (w *segmentWriter) inline(n ast.Node, st widget.RichTextStyle, c blockContext) {
	switch n := n.(type) {
	case *ast.Text:
		w.text(plainText(n.Segment.Value(w.src)), st)
		switch {
		case n.HardLineBreak():
			w.text([]byte{'\n'}, st)
		case n.SoftLineBreak():
			w.text([]byte{' '}, st)
		}
	case *ast.String:
		if n.IsRaw() {
			w.text(n.Value, st)
		} else {
			w.text(plainText(n.Value), st)
		}
	case *ast.CodeSpan:
		w.text(rawText(n, w.src), codeStyle(st))
	case *ast.Emphasis:
		// Single emphasis stays upright. The bundled fonts have no italic
		// and Fyne does not slant text, so an italic style would look the
		// same, yet Fyne parses a separate set of fonts (about 13 MB) for
		// every style it is asked for.
		if n.Level >= 2 {
			st.TextStyle.Bold = true
		}
		w.inlines(n, st, c)
	case *extast.Strikethrough:
		st.TextStyle.Strikethrough = true
		w.inlines(n, st, c)
	case *ast.Link:
		w.link(n, n.Destination, st, c)
	case *ast.AutoLink:
		dest := n.URL(w.src)
		if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(dest), []byte("mailto:")) {
			dest = append([]byte("mailto:"), dest...)
		}
		w.emit(hyperlink(string(n.Label(w.src)), dest, w.html.apply(st)))
		w.rowStart = false
	case *ast.Image:
		w.image(n, st, c)
	case *ast.RawHTML:
		w.rawHTML(n, st)
	case *markdown.MathInline:
		w.text(n.Formula(w.src), mathStyle(st))
	case *markdown.Liquid:
		w.text(n.Markup(w.src), liquidStyle(st))
	case *extast.FootnoteLink:
		w.text([]byte("["+strconv.Itoa(n.Index)+"]"), footnoteRefStyle(st))
	case *extast.FootnoteBacklink, *extast.TaskCheckBox:
		// The notes list says which note is which, and task boxes
		// replace the bullet of their item.
	default:
		w.inlines(n, st, c)
	}
}

// plainText is what a Text node shows: backslash escapes and character
// references resolved, as goldmark's HTML writer resolves them.
func plainText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return util.ResolveNumericReferences(util.ResolveEntityNames(util.UnescapePunctuations(v)))
}

// rawText joins the raw Text children of a code span (or of a formula or
// Liquid node), with line ends as spaces, as HTML shows a code span's.
func rawText(n ast.Node, src []byte) []byte {
	var b []byte
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := ch.(*ast.Text); ok {
			b = append(b, t.Segment.Value(src)...)
		}
	}
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return b
}

// codeStyle is Fyne's inline code style (monospace on a tint) at the
// size, weight and quote depth around it.
func codeStyle(st widget.RichTextStyle) widget.RichTextStyle {
	c := widget.RichTextStyleCodeInline
	c.SizeName = st.SizeName
	c.QuotingDepth = st.QuotingDepth
	c.TextStyle.Bold = st.TextStyle.Bold
	c.TextStyle.Strikethrough = st.TextStyle.Strikethrough
	return c
}

// mathStyle shows an inline formula as its TeX source in monospace and
// the success colour, so it reads neither as prose nor as a link.
func mathStyle(st widget.RichTextStyle) widget.RichTextStyle {
	st.ColorName = theme.ColorNameSuccess
	st.TextStyle.Monospace = true
	return st
}

// liquidStyle dims Liquid markup: Jekyll would replace it, and the
// preview does not run Liquid.
func liquidStyle(st widget.RichTextStyle) widget.RichTextStyle {
	st.ColorName = theme.ColorNamePlaceHolder
	st.TextStyle.Monospace = true
	return st
}

// footnoteRefStyle makes a footnote reference small and coloured, the
// closest RichText comes to a superscript.
func footnoteRefStyle(st widget.RichTextStyle) widget.RichTextStyle {
	st.SizeName = theme.SizeNameCaptionText
	st.ColorName = theme.ColorNamePrimary
	return st
}

// hyperlink makes a link segment in the weight and size around it. An
// unparsable URL still shows its text; tapping it does nothing.
func hyperlink(label string, dest []byte, st widget.RichTextStyle) *widget.HyperlinkSegment {
	u, err := url.Parse(string(dest))
	if err != nil {
		u = nil
	}
	return &widget.HyperlinkSegment{Text: label, URL: u, TextStyle: st.TextStyle, SizeName: st.SizeName}
}

// link renders a link as a hyperlink with the plain text of its content.
// Images inside it (a linked badge or thumbnail) still show as images.
func (w *segmentWriter) link(n ast.Node, dest []byte, st widget.RichTextStyle, c blockContext) {
	var images []*ast.Image
	label := plainLabel(n, w.src, &images)
	for _, img := range images {
		w.image(img, st, c)
	}
	if len(label) == 0 && len(images) > 0 {
		return
	}
	if len(label) == 0 {
		label = dest
	}
	if w.rowStart {
		label = bytes.TrimLeft(label, " \t\n")
	}
	w.emit(hyperlink(string(label), dest, w.html.apply(st)))
	w.rowStart = false
}

// image renders an image as an ImageBox on its own row, or, where only
// text fits (a table cell), as its alt text in brackets.
func (w *segmentWriter) image(n *ast.Image, st widget.RichTextStyle, c blockContext) {
	alt := string(plainLabel(n, w.src, nil))
	if w.inlineOnly {
		st.ColorName = theme.ColorNamePlaceHolder
		w.textString("["+alt+"]", st)
		return
	}
	if !w.rowStart {
		w.endRow(0, st)
	}
	w.emit(w.imageBox(n, alt, c))
}

// plainLabel is the text of a link's label or an image's alt text, as
// goldmark's HTML shows it: line breaks are spaces, and code spans,
// formulas and Liquid are their source. When images is not nil, the
// images inside n are added to it and their alt text left out, as a
// link shows them as images.
func plainLabel(n ast.Node, src []byte, images *[]*ast.Image) []byte {
	var b []byte
	_ = ast.Walk(n, func(d ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || d == n {
			return ast.WalkContinue, nil
		}
		switch d := d.(type) {
		case *ast.Image:
			if images != nil {
				*images = append(*images, d)
				return ast.WalkSkipChildren, nil
			}
		case *ast.Text:
			b = append(b, plainText(d.Segment.Value(src))...)
			if d.SoftLineBreak() || d.HardLineBreak() {
				b = append(b, ' ')
			}
		case *ast.String:
			b = append(b, d.Value...)
		case *ast.CodeSpan:
			b = append(b, rawText(d, src)...)
			return ast.WalkSkipChildren, nil
		case *markdown.MathInline:
			b = append(b, d.Formula(src)...)
			return ast.WalkSkipChildren, nil
		case *markdown.Liquid:
			b = append(b, d.Markup(src)...)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b
}
