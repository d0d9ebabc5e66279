package preview

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark/ast"
)

// CodeBox is a code block: a fenced block, an indented block, or a raw
// HTML block. It shows the code in monospace on a bordered panel, with a
// label above it (the `file` attribute, the language, "mermaid diagram",
// or "HTML") and its tokens in theme colours. Long lines scroll sideways.
type CodeBox struct {
	blockBase
	// Code is the block's text without its final line end.
	Code string
	// Language is the first word of the fence's info string, "" if none.
	Language string
	// Label is the caption above the code, "" for none.
	Label string
	// Spans colour the code: each runs from the previous span's End (or
	// 0) to its own End, a byte offset into Code. Nil means plain text.
	Spans []CodeSpan
	// Indent insets the box to line up with list or quote text.
	Indent int
	// JoinAbove and JoinBelow make the box one piece of a long code
	// block that RenderBlocks splits into several blocks. A piece joined
	// above has no label and no top edge, one joined below no bottom
	// edge; each reaches over the space a pane leaves between blocks
	// shown in RichTexts of their own, stacked the theme's padding apart
	// (as Column stacks them), so that the pieces read as one
	// box with the code's rows evenly spaced. Each piece scrolls sideways
	// on its own.
	JoinAbove, JoinBelow bool

	page func(*fyne.ScrollEvent) // where a wheel over the box goes; see hscroll
}

// CodeSpan is a run of code in one colour. Color is a theme colour name,
// "" for the foreground colour, so highlighting follows the app's theme.
type CodeSpan struct {
	End   int
	Color fyne.ThemeColorName
}

// Textual returns the code.
func (c *CodeBox) Textual() string { return c.Code }

// TextSegments returns the code as monospace text segments, one per
// span.
func (c *CodeBox) TextSegments() []widget.RichTextSegment {
	st := widget.RichTextStyleCodeBlock
	st.Inline = true
	if len(c.Spans) == 0 {
		return []widget.RichTextSegment{&widget.TextSegment{Style: st, Text: c.Code}}
	}
	out := make([]widget.RichTextSegment, 0, len(c.Spans))
	start := 0
	for _, s := range c.Spans {
		st.ColorName = s.Color
		if s.Color == "" {
			st.ColorName = theme.ColorNameForeground
		}
		out = append(out, &widget.TextSegment{Style: st, Text: c.Code[start:s.End]})
		start = s.End
	}
	return out
}

// frame is the geometry of the box's panel, which its layout and its
// height estimate share.
func (c *CodeBox) frame() panelFrame {
	return panelFrame{indent: c.Indent, joinAbove: c.JoinAbove, joinBelow: c.JoinBelow}
}

// Visual returns the panel with the highlighted code.
func (c *CodeBox) Visual() fyne.CanvasObject {
	return newPanel(&panel{
		panelFrame: c.frame(),
		fill:       theme.ColorNameInputBackground,
		border:     theme.ColorNameInputBorder,
		label:      c.Label,
		labelColor: theme.ColorNamePlaceHolder,
		content:    hscroll(monoText(c.TextSegments()...), c.page),
	})
}

// profile estimates the box's height: the code's rows, which scroll
// sideways rather than wrap, under the label in the panel.
func (c *CodeBox) profile(m *textMetrics) blockProfile {
	return c.frame().profile(m, m.labelHeight(c.Label), m.monoProfile(c.Code))
}

// fencedCode makes the box of a fenced code block.
func (w *segmentWriter) fencedCode(n *ast.FencedCodeBlock, c blockContext) *CodeBox {
	lang, label := fenceLabel(n, w.src)
	return w.codeBox(linesText(n.Lines(), w.src, nil), lang, label, c)
}

// fenceLabel returns the language of a fenced code block and the label
// its box shows.
func fenceLabel(n *ast.FencedCodeBlock, src []byte) (lang, label string) {
	if n.Info != nil {
		lang = string(n.Language(src))
	}
	label = lang
	if strings.EqualFold(lang, "mermaid") {
		label = "mermaid diagram"
	}
	if v, ok := n.AttributeString("file"); ok {
		if b, ok := v.([]byte); ok && len(b) > 0 {
			label = string(b)
		}
	}
	return lang, label
}

func (w *segmentWriter) codeBox(code, lang, label string, c blockContext) *CodeBox {
	return &CodeBox{Code: code, Language: lang, Label: label, Spans: w.code.spans(lang, code), Indent: c.indent, page: w.page}
}

// Highlighting is by far the slowest part of a preview: lexing the code
// of the longest corpus post takes some twenty times as long as parsing
// it. A highlighter therefore keeps the tokens of every text it lexed,
// keyed by language and text, and forgets a text only when several
// renders in a row have not used it.

// highlighter caches chroma's tokens across renders.
type highlighter struct {
	mu    sync.Mutex
	gen   uint64
	cache map[codeKey]*codeEntry
	// lexers says which languages chroma has a lexer for: looking a
	// name up that it does not know tries every lexer's file patterns.
	lexers map[string]bool
}

type codeKey struct{ lang, code string }

// codeEntry is the lexing of one text. spans colour the whole text; they
// are made from toks when first asked for.
type codeEntry struct {
	toks  []codeToken
	spans []CodeSpan
	used  uint64
}

// codeToken is one of chroma's tokens: its type, where it ends in the
// lexed text, and whether it is only white space, which takes the colour
// before it so that runs of one colour stay whole.
type codeToken struct {
	end   int
	typ   chroma.TokenType
	blank bool
}

// keepRenders is how many renders a block's spans outlive its last use:
// enough to survive an undo or a block being cut and pasted back.
const keepRenders = 8

// maxHighlight is the longest code highlighted; longer blocks are shown
// plain rather than stall the preview.
const maxHighlight = 64 << 10

func newHighlighter() *highlighter {
	return &highlighter{cache: map[codeKey]*codeEntry{}, lexers: map[string]bool{}}
}

// highlightRun is one render's use of the highlighter.
type highlightRun struct {
	h   *highlighter
	gen uint64
	// used collects the entries the run looked up, when not nil, so that
	// a later render that keeps the run's result can keep them too.
	used *[]*codeEntry
}

func (h *highlighter) begin() *highlightRun {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	return &highlightRun{h: h, gen: h.gen}
}

// end forgets the texts that recent renders did not use.
func (h *highlighter) end(run *highlightRun) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for k, e := range h.cache {
		if e.used+keepRenders < run.gen {
			delete(h.cache, k)
		}
	}
}

// keep marks entries an earlier run looked up as used by this one.
func (run *highlightRun) keep(entries []*codeEntry) {
	run.h.mu.Lock()
	defer run.h.mu.Unlock()
	for _, e := range entries {
		e.used = run.gen
	}
}

// highlights reports whether code in language lang is coloured: the
// language is known to chroma and the code is not too long.
func (run *highlightRun) highlights(lang, code string) bool {
	if lang == "" || code == "" || len(code) > maxHighlight {
		return false
	}
	h := run.h
	h.mu.Lock()
	known, ok := h.lexers[lang]
	h.mu.Unlock()
	if !ok {
		known = lexers.Get(lang) != nil
		h.mu.Lock()
		h.lexers[lang] = known
		h.mu.Unlock()
	}
	return known
}

// spans returns the colours of code in language lang, or nil to show it
// plain: the language is unknown or none, or the code is too long.
func (run *highlightRun) spans(lang, code string) []CodeSpan {
	if !run.highlights(lang, code) {
		return nil
	}
	e := run.lex(lang, code)
	h := run.h
	h.mu.Lock()
	defer h.mu.Unlock()
	if e.spans == nil && e.toks != nil {
		e.spans = colourSpans(e.toks, len(code))
	}
	return e.spans
}

// tokens returns chroma's tokens for text in language lang, lexed from
// the lexer's first state; nil if the lexer failed.
func (run *highlightRun) tokens(lang, text string) []codeToken {
	return run.lex(lang, text).toks
}

func (run *highlightRun) lex(lang, text string) *codeEntry {
	key := codeKey{lang, text}
	h := run.h
	h.mu.Lock()
	e, ok := h.cache[key]
	if ok {
		e.used = run.gen
	}
	h.mu.Unlock()
	if !ok {
		// The key outlives this render; a text cut from a longer one
		// must not keep all of it alive.
		key.code = strings.Clone(text)
		e = &codeEntry{toks: tokenise(lang, key.code), used: run.gen}
		h.mu.Lock()
		h.cache[key] = e
		h.mu.Unlock()
	}
	if run.used != nil {
		*run.used = append(*run.used, e)
	}
	return e
}

// tokenise runs chroma's lexer for lang over code.
func tokenise(lang, code string) (toks []codeToken) {
	l := lexers.Get(lang)
	if l == nil {
		return nil
	}
	defer func() {
		// A lexer bug must cost the colours, not the preview.
		if recover() != nil {
			toks = nil
		}
	}()
	it, err := l.Tokenise(&chroma.TokeniseOptions{State: "root"}, code)
	if err != nil {
		return nil
	}
	pos := 0
	for t := it(); t != chroma.EOF; t = it() {
		if pos >= len(code) {
			break
		}
		pos = min(len(code), pos+len(t.Value))
		toks = append(toks, codeToken{end: pos, typ: t.Type, blank: strings.TrimSpace(t.Value) == ""})
	}
	if pos < len(code) {
		toks = append(toks, codeToken{end: len(code), typ: chroma.Text})
	}
	return toks
}

// colourSpans merges the tokens covering the first n bytes of the lexed
// text into spans of one colour; nil if it is all one plain colour.
func colourSpans(toks []codeToken, n int) []CodeSpan {
	var spans []CodeSpan
	start := 0
	for _, t := range toks {
		s, e := start, min(t.end, n)
		start = t.end
		if s >= e {
			if start >= n {
				break
			}
			continue
		}
		c := tokenColor(t.typ)
		if t.blank && len(spans) > 0 {
			// Blank runs take the colour before them, so they merge.
			c = spans[len(spans)-1].Color
		}
		if k := len(spans); k > 0 && spans[k-1].Color == c {
			spans[k-1].End = e
			continue
		}
		spans = append(spans, CodeSpan{End: e, Color: c})
	}
	if k := len(spans); k == 0 || spans[k-1].End < n {
		spans = append(spans, CodeSpan{End: n})
	}
	if len(spans) == 1 && spans[0].Color == "" {
		return nil
	}
	return spans
}

// tokenColor maps chroma's token types onto the few colours every Fyne
// theme defines, so highlighting works in light and dark themes alike.
func tokenColor(t chroma.TokenType) fyne.ThemeColorName {
	switch {
	case t.InCategory(chroma.Comment):
		return theme.ColorNamePlaceHolder
	case t.InCategory(chroma.Keyword), t == chroma.NameAttribute, t == chroma.GenericHeading, t == chroma.GenericSubheading:
		return theme.ColorNamePrimary
	case t.InSubCategory(chroma.LiteralString), t == chroma.GenericInserted:
		return theme.ColorNameSuccess
	case t.InSubCategory(chroma.LiteralNumber), t == chroma.GenericDeleted, t == chroma.GenericError, t == chroma.Error:
		return theme.ColorNameError
	case t == chroma.NameFunction, t == chroma.NameFunctionMagic, t == chroma.NameClass, t == chroma.NameDecorator,
		t == chroma.NameBuiltin, t == chroma.NameBuiltinPseudo, t == chroma.NameTag, t == chroma.NameException:
		return theme.ColorNameWarning
	case t.InCategory(chroma.Literal):
		return theme.ColorNameWarning
	}
	return ""
}
