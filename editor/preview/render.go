// Package preview turns the body of a post into Fyne widgets for the
// live preview. A Renderer reads the body with the kramdown dialect of
// editor/markdown and returns RichText segments, top-level block by
// block, rendering again only the blocks an edit changed; boxes of its
// own draw code (highlighted, long blocks cut into pieces), formulas,
// Chirpy prompts and images found as the blog serves them. A Column
// shows the blocks and lays out only those near its viewport, the
// others standing at an estimated height.
//
// The files follow the data: render.go (a body to segments), blocks.go
// (the body as blocks, each cached by key), edit.go (an edit inside a
// code block, without parsing the post), inline.go and html.go (the text
// of a paragraph), segments.go, box.go, code.go, chunks.go and image.go
// (the segments and the boxes they draw), wheel.go (the mouse wheel over
// boxes that scroll sideways, and tables), column.go (the blocks on
// screen) and estimate.go (the height of a block not laid out yet).
package preview

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Renderer turns post bodies into the segments of a widget.RichText,
// reading the Markdown with the same pipeline as markdown.Render. It
// keeps the syntax highlighting of the code blocks it has seen, so that
// rendering again while the user types lexes only the block being
// edited, and a copy of the body RenderBlocks last rendered, so that an
// edit inside a code block is rendered without parsing the post again;
// use one Renderer per preview pane. A Renderer is safe for concurrent
// use.
//
// Render may run off the UI goroutine: the segments are plain data, and
// their visuals are built only when a RichText shows them.
type Renderer struct {
	parser parser.Parser
	code   *highlighter
	blocks *blockCache // RenderBlocks' segments, by key

	mu   sync.Mutex
	last *renderState // what the last RenderBlocks left for the next

	page func(*fyne.ScrollEvent) // see SetPageWheel
}

// New returns a Renderer with an empty highlighting cache and a parser
// of its own.
func New() *Renderer {
	return &Renderer{parser: markdown.New().Parser(), code: newHighlighter(), blocks: newBlockCache()}
}

// SetPageWheel names where a mouse wheel turned up or down over a box
// that scrolls sideways (code, a formula, a table) goes: the page that
// shows the preview, so that it scrolls on over such boxes as over text
// (see hscroll). Set it
// before the first render; it is called on the UI goroutine.
func (p *Renderer) SetPageWheel(f func(*fyne.ScrollEvent)) { p.page = f }

// Render parses a post body (Markdown without front matter) and returns
// the RichText segments that show it. It is Renderer.Render with nothing
// remembered between calls; a preview that re-renders should hold a
// Renderer instead.
func Render(body []byte, opt storage.Site) []widget.RichTextSegment {
	return New().Render(body, opt)
}

// Render parses a post body (Markdown without front matter) and returns
// the RichText segments that show it. Block constructs the stock
// segments cannot draw come back as this package's segment types
// (CodeBox, MathBox, TableBox, PromptBox, ImageBox, QuoteBlock,
// ListBlock). Render reads the file system only to see whether local
// images exist; it never touches the network.
func (p *Renderer) Render(body []byte, opt storage.Site) []widget.RichTextSegment {
	doc := p.parser.Parse(text.NewReader(body))
	w := segmentWriter{src: body, opt: opt, code: p.code.begin(), page: p.page}
	w.children(doc, blockContext{})
	p.code.end(w.code)
	return w.out
}

// blockContext is where a block sits: inside how many block quotes, and
// how far its boxes must be inset to line up with list and quote text.
type blockContext struct {
	quote  int // block quote depth, for the text style
	list   int // list nesting depth, for bullet indentation
	indent int // inset of block visuals, in quote-indent steps
}

// textStyle is the style of plain paragraph text in this context.
func (c blockContext) textStyle(base widget.RichTextStyle) widget.RichTextStyle {
	if c.quote > 0 {
		base.QuotingDepth = c.quote
	}
	return base
}

// segmentWriter walks one parsed document and collects its segments.
// Inline text is gathered in buf while the style stays the same, so that
// the many Text nodes goldmark splits a line into become one segment.
type segmentWriter struct {
	src  []byte
	opt  storage.Site
	code *highlightRun
	page func(*fyne.ScrollEvent) // the Renderer's; see SetPageWheel

	out []widget.RichTextSegment

	buf      []byte
	bufStyle widget.RichTextStyle
	pending  bool
	// rowStart is true while the current row has no inline content yet,
	// so that the space left by a line break after an image is dropped.
	rowStart bool
	// inlineOnly is set in table cells, where images become text.
	inlineOnly bool
	html       htmlMarks
}

// children renders the block children of n.
func (w *segmentWriter) children(n ast.Node, c blockContext) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		w.block(ch, c)
	}
}

// capture renders with a fresh output list and returns it, for
// containers whose segments nest.
func (w *segmentWriter) capture(render func()) []widget.RichTextSegment {
	saved := w.out
	w.out = nil
	render()
	w.flush()
	got := w.out
	w.out = saved
	return got
}

func (w *segmentWriter) block(n ast.Node, c blockContext) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		w.paragraph(n, c.textStyle(widget.RichTextStyleInline), c)
	case *ast.Heading:
		w.paragraph(n, c.textStyle(headingStyle(n.Level)), c)
	case *ast.ThematicBreak:
		w.emit(&widget.SeparatorSegment{})
	case *ast.FencedCodeBlock:
		w.emit(w.fencedCode(n, c))
	case *ast.CodeBlock:
		w.emit(w.codeBox(linesText(n.Lines(), w.src, nil), "", "", c))
	case *ast.HTMLBlock:
		var closure *text.Segment
		if n.HasClosure() {
			closure = &n.ClosureLine
		}
		code := linesText(n.Lines(), w.src, closure)
		if onlyComments(code) {
			// Browsers never show comments; Chirpy's own posts use
			// them for markdownlint switches.
			return
		}
		w.emit(w.codeBox(code, "html", "HTML", c))
	case *markdown.MathBlock:
		w.emit(&MathBox{Formula: string(n.Formula(w.src)), Indent: c.indent, page: w.page})
	case *ast.Blockquote:
		w.blockquote(n, c)
	case *ast.List:
		w.list(n, c)
	case *extast.Table:
		w.emit(w.table(n))
	case *extast.FootnoteList:
		w.footnotes(n, c)
	case *ast.LinkReferenceDefinition:
		// Definitions print nothing; their links already carry the URL.
	default:
		w.children(n, c)
	}
}

// headingStyle gives h1 and h2 the theme's heading sizes; the theme has
// no smaller heading sizes, so h3–h6 are bold body text, h5 and h6 in a
// dimmer colour. (Italic would not tell h4 apart: see emphasis in
// inlines.)
func headingStyle(level int) widget.RichTextStyle {
	switch level {
	case 1:
		return widget.RichTextStyleHeading
	case 2:
		return widget.RichTextStyleSubHeading
	}
	s := widget.RichTextStyleStrong
	if level > 4 {
		s.ColorName = theme.ColorNamePlaceHolder
	}
	return s
}

// paragraph renders the inline content of n as one block of text.
func (w *segmentWriter) paragraph(n ast.Node, st widget.RichTextStyle, c blockContext) {
	start := len(w.out)
	w.html = htmlMarks{}
	w.rowStart = true
	w.inlines(n, st, c)
	w.endRow(start, st)
}

// endRow ends the current row of inline segments: RichText starts a new
// line after a segment that is not inline. The last text segment of the
// row becomes that segment when it can; otherwise (a link ends the row)
// an empty paragraph segment is added, as Fyne's own Markdown does.
func (w *segmentWriter) endRow(start int, st widget.RichTextStyle) {
	w.flush()
	w.rowStart = true
	if len(w.out) == start {
		return
	}
	switch last := w.out[len(w.out)-1].(type) {
	case *widget.TextSegment:
		last.Style.Inline = false
		return
	default:
		if !last.Inline() {
			return
		}
	}
	st.Inline = false
	w.out = append(w.out, &widget.TextSegment{Style: st})
}

// emit adds a segment after any pending text.
func (w *segmentWriter) emit(s widget.RichTextSegment) {
	w.flush()
	w.out = append(w.out, s)
	w.rowStart = !s.Inline()
}

// text adds inline text in style st, joining it to the pending text
// when the style is the same.
func (w *segmentWriter) text(s []byte, st widget.RichTextStyle) {
	st = w.html.apply(st)
	if w.rowStart {
		s = bytes.TrimLeft(s, " \t\n")
		if len(s) == 0 {
			return
		}
		w.rowStart = false
	}
	if w.pending && st != w.bufStyle {
		w.flush()
	}
	w.bufStyle = st
	w.pending = true
	w.buf = append(w.buf, s...)
}

func (w *segmentWriter) textString(s string, st widget.RichTextStyle) {
	w.text([]byte(s), st)
}

// flush turns the pending text into a segment.
func (w *segmentWriter) flush() {
	if !w.pending {
		return
	}
	w.out = append(w.out, &widget.TextSegment{Style: w.bufStyle, Text: string(w.buf)})
	w.buf = w.buf[:0]
	w.pending = false
}

// linesText joins the raw lines of a block, plus its closing line, and
// drops the final newline.
func linesText(lines *text.Segments, src []byte, closure *text.Segment) string {
	var b strings.Builder
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len() + 1
	}
	if closure != nil {
		size += closure.Len() + 1
	}
	b.Grow(size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if closure != nil {
		b.Write(closure.Value(src))
	}
	return codeString(b.String())
}

// codeString is the code of a block from its lines as written.
func codeString(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		// A post saved with CRLF line ends would show a stray glyph
		// at the end of every code line.
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	return strings.TrimRight(s, "\r\n")
}

// blockquote renders a Chirpy prompt as a PromptBox and any other quote
// as an indented QuoteBlock.
func (w *segmentWriter) blockquote(n *ast.Blockquote, c blockContext) {
	if kind := markdown.PromptKind(n); kind != "" {
		// The box draws its own frame, so its content starts afresh.
		body := w.capture(func() { w.children(n, blockContext{}) })
		w.emit(&PromptBox{Kind: kind, Body: body, Indent: c.indent})
		return
	}
	inner := c
	inner.quote++
	inner.indent++
	q := &QuoteBlock{Depth: inner.quote}
	q.Texts = w.capture(func() { w.children(n, inner) })
	w.emit(q)
}

// list renders a list as a ListBlock whose items are paragraphs of a
// bullet and the item's content, the shape widget.ListSegment gives
// them, so RichText indents wrapped lines under the text.
func (w *segmentWriter) list(n *ast.List, c blockContext) {
	l := &ListBlock{Ordered: n.IsOrdered(), Start: n.Start}
	num := n.Start
	for item := n.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if c.list%2 == 1 {
			marker = "◦"
		}
		if l.Ordered {
			marker = strconv.Itoa(num) + "."
			num++
		}
		if box, ok := taskBox(item); ok {
			marker = box
		}
		l.Texts = append(l.Texts, w.listItem(item, marker, c))
	}
	w.emit(l)
}

// Task boxes are drawn from the geometric shapes block because the
// bundled fonts have □ and ▣ but not ☐ and ☑.
const (
	taskOpen = "□"
	taskDone = "▣"
)

// taskBox returns the box that stands for the bullet of a task item.
func taskBox(item ast.Node) (string, bool) {
	first := item.FirstChild()
	if first == nil {
		return "", false
	}
	if cb, ok := first.FirstChild().(*extast.TaskCheckBox); ok {
		if cb.IsChecked {
			return taskDone, true
		}
		return taskOpen, true
	}
	return "", false
}

// listItem renders a list item or a footnote: the bullet, then the first
// paragraph beside it, then the other blocks one level in.
func (w *segmentWriter) listItem(item ast.Node, marker string, c blockContext) widget.RichTextSegment {
	inner := c
	inner.list++
	inner.indent++
	bulletStyle := widget.RichTextStyleStrong
	bulletStyle.QuotingDepth = c.quote
	indent := strings.Repeat("    ", c.list)
	texts := w.capture(func() {
		bullet := &widget.TextSegment{Style: bulletStyle, Text: indent + marker + " "}
		w.out = append(w.out, bullet)
		ch := item.FirstChild()
		switch ch.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			w.out = append(w.out, &widget.ParagraphSegment{Texts: w.capture(func() { w.block(ch, inner) })})
			ch = ch.NextSibling()
		default:
			bullet.Style.Inline = false
		}
		for ; ch != nil; ch = ch.NextSibling() {
			switch ch.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				// A later paragraph lines up with the first one.
				pad := &widget.TextSegment{Style: widget.RichTextStyleInline, Text: strings.Repeat("    ", inner.list)}
				body := w.capture(func() { w.block(ch, inner) })
				w.out = append(w.out, &widget.ParagraphSegment{Texts: []widget.RichTextSegment{pad, &widget.ParagraphSegment{Texts: body}}})
			default:
				w.block(ch, inner)
			}
		}
	})
	return &widget.ParagraphSegment{Texts: texts}
}

// footnotes renders the notes at the end of the post as a list numbered
// with the same "[1]" markers as the references.
func (w *segmentWriter) footnotes(n *extast.FootnoteList, c blockContext) {
	w.emit(&widget.SeparatorSegment{})
	l := &ListBlock{Ordered: true, Start: 1}
	for f := n.FirstChild(); f != nil; f = f.NextSibling() {
		fn, ok := f.(*extast.Footnote)
		if !ok {
			continue
		}
		l.Texts = append(l.Texts, w.listItem(fn, "["+strconv.Itoa(fn.Index)+"]", c))
	}
	w.emit(l)
}

// table renders a table; cells hold inline segments only.
func (w *segmentWriter) table(n *extast.Table) *TableBox {
	t := &TableBox{page: w.page}
	for _, a := range n.Alignments {
		switch a {
		case extast.AlignCenter:
			t.Alignments = append(t.Alignments, fyne.TextAlignCenter)
		case extast.AlignRight:
			t.Alignments = append(t.Alignments, fyne.TextAlignTrailing)
		default:
			t.Alignments = append(t.Alignments, fyne.TextAlignLeading)
		}
	}
	w.inlineOnly = true
	defer func() { w.inlineOnly = false }()
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells [][]widget.RichTextSegment
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, w.capture(func() {
				w.html = htmlMarks{}
				w.rowStart = true
				w.inlines(cell, widget.RichTextStyleInline, blockContext{})
			}))
		}
		if _, ok := row.(*extast.TableHeader); ok {
			t.Headers = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}
