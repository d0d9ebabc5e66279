package preview

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A preview that re-renders on every pause in typing must not pay for
// the whole post each time. RenderBlocks turns into segments only the
// top-level blocks it has not rendered before, and says which blocks
// they are, so that the pane lays out again only the widgets of those
// blocks. Long code blocks come as several blocks (see chunks.go),
// so that typing in one renders and lays out a few dozen lines. And an
// edit inside a code block that cannot change anything outside it is
// rendered without parsing the post again (see edit.go); any
// other edit parses the whole body, as a one-character edit can turn a
// paragraph into a list or open a fence that swallows the rest.

// Block is one top-level block of a post as the preview shows it:
// a heading, a paragraph, a list, a code block or a piece of a long one,
// a table, a prompt box, or the footnotes at the end.
type Block struct {
	// Key is the same for two blocks exactly when they render the same:
	// it hashes the block's source lines together with everything from
	// elsewhere in the post that its rendering reads (see blockCache.key); for
	// a code block, or a piece of one, it hashes what its CodeBox shows.
	Key string
	// StartLine and EndLine are the first and last source line of the
	// block, counted from 0 in the body passed to RenderBlocks. The
	// blocks tile the body in order: the first starts at line 0, each
	// next one starts on the line after the previous one ends, and blank
	// lines, link definitions and anything else that shows nothing
	// belong to the block before them. The footnotes block starts at the
	// first footnote definition when they all come after the last
	// other block, and on the last line otherwise. The pieces of a long
	// code block (CodeBox.JoinAbove and JoinBelow) are blocks of their
	// own: the first starts on the opening fence, the last holds the
	// closing one.
	StartLine, EndLine int
	// Segments show the block. They are shared with the Renderer's
	// cache and with earlier results of the same Key: treat them as
	// read-only.
	Segments []widget.RichTextSegment
}

// blockCache keeps the segments of the blocks recent renders produced,
// keyed by Block.Key, and forgets a block when keepRenders
// renders in a row have not produced it, as the highlighter does.
type blockCache struct {
	mu      sync.Mutex
	seed    maphash.Seed
	gen     uint64
	entries map[string]*blockEntry
}

type blockEntry struct {
	segs []widget.RichTextSegment
	used uint64
}

func newBlockCache() *blockCache {
	return &blockCache{seed: maphash.MakeSeed(), entries: map[string]*blockEntry{}}
}

// RenderBlocks parses a post body (Markdown without front matter) and
// returns its top-level blocks in order. The segments of a block whose
// Key an earlier call of the same Renderer returned are reused rather
// than rendered again. Concatenated, the blocks' segments are what
// Render returns for the same body, except that a long code block comes
// as several CodeBoxes, whose Code joined with line ends is the block's.
// The slice returned is the Renderer's too, which the next call starts
// from, and may be the same slice again: treat it as read-only.
func (p *Renderer) RenderBlocks(body []byte, opt storage.Site) []Block {
	if blocks, ok := p.renderEdit(body, opt); ok {
		return blocks
	}
	return p.renderAll(body, opt)
}

// renderAll parses the whole body and renders the blocks not cached.
func (p *Renderer) renderAll(body []byte, opt storage.Site) []Block {
	doc := p.parser.Parse(text.NewReader(body))
	lines := lineStarts(body)
	c := p.blocks
	gen := c.next()
	st := &renderState{body: bytes.Clone(body), lines: lines, opt: opt}

	// First where each block starts: the line ranges, and so the keys,
	// are known only once every block's start is.
	type placed struct {
		node  ast.Node
		start int
	}
	var nodes []placed
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		start := -1
		if _, ok := n.(*extast.FootnoteList); ok {
			prev := -1
			if len(nodes) > 0 {
				prev = nodes[len(nodes)-1].start
			}
			start = footnotesLine(n, lines, prev)
		} else if pos := blockStart(n); pos >= 0 {
			start = lineOf(lines, pos)
		}
		if len(nodes) == 0 {
			start = 0
		} else if prev := nodes[len(nodes)-1].start; start < prev {
			// A node a transformer made without a place in the
			// source renders with the block before it.
			start = prev
		}
		nodes = append(nodes, placed{n, start})
	}

	w := segmentWriter{src: body, opt: opt, code: p.code.begin(), page: p.page}
	var blocks []Block
	for i, pl := range nodes {
		n := pl.node
		end := len(lines) - 1
		if i+1 < len(nodes) {
			end = max(pl.start, nodes[i+1].start-1)
		}
		if r, code, ok := topCode(n, body, lines); ok && (len(blocks) == 0 || blocks[len(blocks)-1].StartLine < pl.start) {
			r.first = len(blocks)
			blocks = append(blocks, p.codePieces(w.code, gen, &r, code, pl.start, end)...)
			st.regions = append(st.regions, r)
			continue
		}
		b := Block{StartLine: pl.start, EndLine: end}
		b.Key = c.key(n, body, lines, b, opt, &st.images)
		var e *blockEntry
		b.Segments, e = c.segments(b.Key, gen, func() []widget.RichTextSegment {
			w.out = nil
			w.block(n, blockContext{})
			w.flush()
			return w.out
		})
		st.entries = append(st.entries, e)
		if len(b.Segments) == 0 {
			// Shows nothing (a link definition, an HTML comment): its
			// lines belong to the block before.
			if len(blocks) > 0 {
				blocks[len(blocks)-1].EndLine = end
			}
			continue
		}
		if len(blocks) > 0 && b.StartLine == blocks[len(blocks)-1].StartLine {
			// Two nodes from one source line render as one block.
			prev := &blocks[len(blocks)-1]
			prev.Key = c.combine(prev.Key, b.Key)
			prev.Segments = append(prev.Segments[:len(prev.Segments):len(prev.Segments)], b.Segments...)
			prev.EndLine = end
			if k := len(st.regions) - 1; k >= 0 && st.regions[k].first+st.regions[k].n == len(blocks) {
				// A code block merged with another is no longer one
				// an edit can be confined to.
				st.entries = append(st.entries, st.regions[k].entries...)
				st.regions = st.regions[:k]
			}
			continue
		}
		blocks = append(blocks, b)
	}
	if len(blocks) > 0 {
		// Lines before the first block that shows something are its.
		blocks[0].StartLine = 0
	}
	p.code.end(w.code)
	c.sweep(gen)
	st.blocks = blocks
	p.remember(st)
	return blocks
}

// codePieces renders the top-level code block r, whose code is code, as
// the blocks of its pieces, from source line start to line end.
func (p *Renderer) codePieces(run *highlightRun, gen uint64, r *codeRegion, code string, start, end int) []Block {
	c := p.blocks
	r.lexes = r.lexes[:0]
	r.entries = r.entries[:0]
	run.used = &r.lexes
	defer func() { run.used = nil }()
	chunks := run.chunks(r.lang, code)
	if chunks == nil {
		b := Block{StartLine: start, EndLine: end}
		b.Key = c.pieceKey(r.lang, r.label, false, false, code, "")
		var e *blockEntry
		b.Segments, e = c.segments(b.Key, gen, func() []widget.RichTextSegment {
			return []widget.RichTextSegment{&CodeBox{Code: code, Language: r.lang, Label: r.label, Spans: run.spans(r.lang, code), page: p.page}}
		})
		r.entries = append(r.entries, e)
		r.n = 1
		return []Block{b}
	}
	codeLine := r.open
	if r.fenced {
		codeLine++
	}
	blocks := make([]Block, len(chunks))
	for i, ch := range chunks {
		b := Block{StartLine: start, EndLine: end}
		if i > 0 {
			b.StartLine = codeLine + ch.from
		}
		if i+1 < len(chunks) {
			b.EndLine = codeLine + ch.to - 1
		}
		label := ""
		if i == 0 {
			label = r.label
		}
		above, below := i > 0, i+1 < len(chunks)
		b.Key = c.pieceKey(r.lang, label, above, below, ch.text, ch.lexed)
		var e *blockEntry
		b.Segments, e = c.segments(b.Key, gen, func() []widget.RichTextSegment {
			var spans []CodeSpan
			if ch.toks != nil {
				spans = colourSpans(ch.toks, len(ch.text))
			}
			return []widget.RichTextSegment{&CodeBox{
				// The box outlives the render, and must not keep the
				// whole block's code alive.
				Code: strings.Clone(ch.text), Language: r.lang, Label: label, Spans: spans,
				JoinAbove: above, JoinBelow: below, page: p.page,
			}}
		})
		r.entries = append(r.entries, e)
		blocks[i] = b
	}
	r.n = len(blocks)
	return blocks
}

// codeRegion is a top-level code block of a render.
type codeRegion struct {
	fenced bool
	// open and close are, for a fenced block, the lines of its opening
	// and closing fence (close is -1 when it runs to the end of the
	// post), and for an indented block its first and last line.
	open, close int
	fenceChar   byte
	fenceLen    int
	lang, label string
	// first and n say which blocks of the result are the block's.
	first, n int
	// entries and lexes are the cache entries the blocks came from.
	entries []*blockEntry
	lexes   []*codeEntry
}

// topCode returns the region of a top-level code block and its code.
func topCode(n ast.Node, src []byte, lines []int) (codeRegion, string, bool) {
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		if n.Pos() < 0 {
			return codeRegion{}, "", false
		}
		r := codeRegion{fenced: true, close: -1}
		r.lang, r.label = fenceLabel(n, src)
		r.open = lineOf(lines, n.Pos())
		r.fenceChar, r.fenceLen = fenceOf(lineText(src, lines, r.open))
		next := r.open + 1
		if l := n.Lines(); l.Len() > 0 {
			next = lineOf(lines, l.At(l.Len()-1).Start) + 1
		}
		if r.fenceLen > 0 && next < len(lines) && closesFence(lineText(src, lines, next), r.fenceChar, r.fenceLen) {
			r.close = next
		}
		return r, linesText(n.Lines(), src, nil), true
	case *ast.CodeBlock:
		l := n.Lines()
		if l.Len() == 0 {
			return codeRegion{}, "", false
		}
		r := codeRegion{open: lineOf(lines, l.At(0).Start), close: lineOf(lines, l.At(l.Len()-1).Start)}
		return r, linesText(l, src, nil), true
	}
	return codeRegion{}, "", false
}

// fenceOf returns the character and length of the fence that opens a
// fenced code block on line, or 0, 0.
func fenceOf(line []byte) (byte, int) {
	w, pos := util.IndentWidth(line, 0)
	if w >= 4 || pos >= len(line) || (line[pos] != '`' && line[pos] != '~') {
		return 0, 0
	}
	i := pos
	for i < len(line) && line[i] == line[pos] {
		i++
	}
	if i-pos < 3 {
		return 0, 0
	}
	return line[pos], i - pos
}

// closesFence reports whether line closes a fence of n chars c, as
// goldmark's fenced code parser decides it.
func closesFence(line []byte, c byte, n int) bool {
	w, pos := util.IndentWidth(line, 0)
	if w >= 4 {
		return false
	}
	i := pos
	for i < len(line) && line[i] == c {
		i++
	}
	return i-pos >= n && util.IsBlank(line[i:])
}

// next starts a render.
func (c *blockCache) next() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	return c.gen
}

// segments returns the cached segments of key, or renders and caches
// them, and the cache entry that holds them.
func (c *blockCache) segments(key string, gen uint64, render func() []widget.RichTextSegment) ([]widget.RichTextSegment, *blockEntry) {
	c.mu.Lock()
	e, ok := c.entries[key]
	if ok {
		e.used = gen
	}
	c.mu.Unlock()
	if ok {
		return e.segs, e
	}
	e = &blockEntry{segs: render(), used: gen}
	c.mu.Lock()
	c.entries[key] = e
	c.mu.Unlock()
	return e.segs, e
}

// keep marks entries an earlier render used as used by render gen.
func (c *blockCache) keep(gen uint64, entries []*blockEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range entries {
		e.used = gen
	}
}

// sweep forgets the blocks that recent renders did not produce.
func (c *blockCache) sweep(gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if e.used+keepRenders < gen {
			delete(c.entries, k)
		}
	}
}

// pieceKey is the key of a top-level code block or a piece of one: what
// its CodeBox shows. The colours follow from the language and the text
// lexed, which for a piece runs into the lines after it.
func (c *blockCache) pieceKey(lang, label string, above, below bool, code, lexed string) string {
	h := c.newHash()
	h.str("code")
	h.str(lang)
	h.str(label)
	h.bool(above)
	h.bool(below)
	h.str(code)
	h.str(lexed)
	return h.sum()
}

// key hashes what block b's rendering depends on. What crosses block
// boundaries, and so is hashed besides the block's own source lines:
//
//   - reference links and images: goldmark resolves `[text][ref]`
//     against definitions anywhere in the post while parsing, so the
//     destination and title of every link and image in the block;
//   - footnote references: their numbers follow the order of first
//     reference in the whole post, so each reference's number and label;
//   - the footnotes block: its definitions are spread over the post, so
//     its key hashes the definitions' content, not a line range;
//   - block attributes: a kramdown IAL line (`{: .prompt-tip }`) may
//     stand in the range of the block before the one it applies to, so
//     the attributes of the block's nodes;
//   - images: whether and where the file is found, which depends on the
//     options and the file system, and which version of the file it is,
//     as the ImageBox holds the size read from it;
//   - the options themselves.
//
// Lists are one top-level block, so their continuation lines and
// looseness stay inside one key.
func (c *blockCache) key(n ast.Node, src []byte, lines []int, b Block, opt storage.Site, images *[]imageCheck) string {
	h := c.newHash()
	h.str(opt.PostDir)
	h.str(opt.BlogDir)
	h.str(opt.MediaSubpath)
	_, footnotes := n.(*extast.FootnoteList)
	if !footnotes {
		h.bytes(src[lines[b.StartLine]:lineStop(src, lines, b.EndLine)])
	}
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h.num(int64(n.Kind()))
		for _, a := range n.Attributes() {
			h.bytes(a.Name)
			if v, ok := a.Value.([]byte); ok {
				h.bytes(v)
			} else if s, ok := a.Value.(string); ok {
				h.str(s)
			}
		}
		if footnotes && n.Type() == ast.TypeBlock {
			blockSource(n, src, &h)
		}
		switch n := n.(type) {
		case *ast.Link:
			h.bytes(n.Destination)
			h.bytes(n.Title)
		case *ast.Image:
			h.bytes(n.Destination)
			h.bytes(n.Title)
			im := checkImage(string(n.Destination), opt)
			*images = append(*images, im)
			h.str(im.loc.File)
			h.num(int64(im.loc.Where))
			h.num(im.loc.Stamp.Size)
			h.num(im.loc.Stamp.Mod)
		case *extast.FootnoteLink:
			h.num(int64(n.Index))
			h.bytes(markdown.FootnoteName(n, n.Index))
		case *extast.Footnote:
			h.num(int64(n.Index))
			h.bytes(n.Ref)
		}
		return ast.WalkContinue, nil
	})
	return h.sum()
}

// blockSource hashes what a block node of the footnotes shows, for want
// of one line range that holds it.
func blockSource(n ast.Node, src []byte, h *keyHash) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		h.bytes(seg.Value(src))
	}
	switch n := n.(type) {
	case *ast.FencedCodeBlock:
		if n.Info != nil {
			h.bytes(n.Info.Value(src))
		}
	case *ast.Heading:
		h.num(int64(n.Level))
	case *ast.List:
		h.num(int64(n.Start))
		h.bytes([]byte{n.Marker})
		h.bool(n.IsTight)
	}
}

// combine makes the key of two blocks shown as one.
func (c *blockCache) combine(a, b string) string {
	h := c.newHash()
	h.str(a)
	h.str(b)
	return h.sum()
}

// keyHash hashes the parts of a key. Each part is written with its
// length, so that no two different lists of parts run together into
// the same bytes.
type keyHash struct{ h maphash.Hash }

// newHash starts a key, with the cache's seed.
func (c *blockCache) newHash() keyHash {
	var k keyHash
	k.h.SetSeed(c.seed)
	return k
}

func (k *keyHash) str(s string) {
	k.num(int64(len(s)))
	_, _ = k.h.WriteString(s)
}

func (k *keyHash) bytes(b []byte) {
	k.num(int64(len(b)))
	_, _ = k.h.Write(b)
}

func (k *keyHash) num(v int64) {
	var l [8]byte
	binary.LittleEndian.PutUint64(l[:], uint64(v))
	_, _ = k.h.Write(l[:])
}

func (k *keyHash) bool(v bool) {
	if v {
		_ = k.h.WriteByte(1)
	} else {
		_ = k.h.WriteByte(0)
	}
}

// sum is the key.
func (k *keyHash) sum() string {
	return strconv.FormatUint(k.h.Sum64(), 36)
}

// blockStart returns the byte offset where a block begins in the
// source, or -1 if neither it nor its descendants have a place there.
func blockStart(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l.Len() > 0 {
			return l.At(0).Start
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if p := blockStart(ch); p >= 0 {
			return p
		}
	}
	return -1
}

// footnotesLine is where the footnotes block starts: at its first
// definition, if that comes after every other block, else on the last
// line.
func footnotesLine(n ast.Node, lines []int, prev int) int {
	first := -1
	for f := n.FirstChild(); f != nil; f = f.NextSibling() {
		if p := blockStart(f); p >= 0 && (first < 0 || p < first) {
			first = p
		}
	}
	last := len(lines) - 1
	if first < 0 {
		return last
	}
	line := lineOf(lines, first)
	if line <= prev {
		return last
	}
	return line
}

// lineStarts returns the offset of the start of every line of src.
func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 || i+j+1 >= len(src) {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// lineOf returns the line holding byte offset pos.
func lineOf(starts []int, pos int) int {
	lo, hi := 0, len(starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if starts[mid] <= pos {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// lineStop returns the offset just past line i and its line end.
func lineStop(src []byte, starts []int, i int) int {
	if i+1 < len(starts) {
		return starts[i+1]
	}
	return len(src)
}

// lineText returns line i of src with its line end.
func lineText(src []byte, starts []int, i int) []byte {
	return src[starts[i]:lineStop(src, starts, i)]
}
