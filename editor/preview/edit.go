package preview

import (
	"bytes"
	"strings"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Typing inside a code block changes nothing outside it as long as the
// block keeps its ends: goldmark hands the lines of an open code block
// to the block alone, so no other construct reads them, and the keys of
// the other blocks hash their own lines only. RenderBlocks then reads
// the edited block again from its own lines, renders the pieces of it
// whose keys changed, and moves the blocks after it, instead of parsing
// the post.
//
// The edit must lie on lines strictly inside a fenced block that has a
// closing fence, and none of the lines it leaves may close the fence;
// or, in an indented block, every line it leaves must still be code
// (indented four columns, or blank between lines of code), its first
// and last line must not become or stop being block boundaries (see
// boundaryLine) for the blocks around, and its first line must keep its
// indent, which decides whether a list above takes it. Two of our
// extensions scan the raw source past the ends of blocks: an HTML
// element block looks for its end tag, and `$$` for its closing `$$`
// and what follows that. So the lines of the edit, and the line before
// them, must hold no `<`, `>` or `$`. Anything else parses the whole
// post again, as do other options and an image found, lost or replaced
// since.

// renderState is what a call of RenderBlocks leaves for the next one.
type renderState struct {
	body  []byte // a copy of the body rendered
	lines []int  // lineStarts(body)
	opt   storage.Site
	// blocks is the result.
	blocks []Block
	// entries are the cache entries of the blocks outside regions.
	entries []*blockEntry
	// regions are the top-level code blocks, in order.
	regions []codeRegion
	// images are the images the keys looked up.
	images []imageCheck
	// incremental is true when the render did not parse the post.
	incremental bool
}

// imageCheck is where the image at address dest was found, or looked
// for; two checks are equal while the image is the same file in the same
// place, or is still missing.
type imageCheck struct {
	dest string
	loc  storage.Location
}

// checkImage looks up the image at address dest.
func checkImage(dest string, opt storage.Site) imageCheck {
	return imageCheck{dest: dest, loc: opt.Resolve(dest)}
}

// remember keeps st for the next render to start from.
func (p *Renderer) remember(st *renderState) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = st
}

// renderEdit renders body from the previous render when the edit
// between them is confined to a code block; ok is false if it is not,
// and body must be parsed.
func (p *Renderer) renderEdit(body []byte, opt storage.Site) (blocks []Block, ok bool) {
	p.mu.Lock()
	st := p.last
	p.mu.Unlock()
	if st == nil || st.opt != opt || !imagesUnchanged(st.images, opt) {
		return nil, false
	}
	pre, suf := commonEnds(st.body, body)
	if pre == len(st.body) && pre == len(body) {
		return p.renderSame(st), true
	}
	first := lineOf(st.lines, pre)
	oldLast := lineOf(st.lines, len(st.body)-suf)
	lines := editLines(st.lines, body, first, oldLast, len(body)-len(st.body))
	newLast := lineOf(lines, len(body)-suf)
	delta := newLast - oldLast

	ri := -1
	for i, r := range st.regions {
		if r.fenced && r.close >= 0 && r.open < first && oldLast < r.close ||
			!r.fenced && r.open <= first && oldLast <= r.close {
			ri = i
			break
		}
	}
	if ri < 0 {
		return nil, false
	}
	r := st.regions[ri]
	for i := max(0, first-1); i <= max(oldLast, newLast); i++ {
		if i <= oldLast && bytes.ContainsAny(lineText(st.body, st.lines, i), "<>$") ||
			i <= newLast && bytes.ContainsAny(lineText(body, lines, i), "<>$") {
			return nil, false
		}
	}
	end := r.close + delta
	for i := first; i <= newLast; i++ {
		line := lineText(body, lines, i)
		if r.fenced {
			if closesFence(line, r.fenceChar, r.fenceLen) {
				return nil, false
			}
			continue
		}
		edge := i == r.open || i == end
		if util.IsBlank(line) {
			if edge {
				return nil, false
			}
			continue
		}
		w, _ := util.IndentWidth(line, 0)
		if w < 4 {
			return nil, false
		}
		if edge {
			// The blocks around may stand only after or before a
			// boundary line.
			was := r.open
			if i == end {
				was = r.close
			}
			if markdown.BoundaryLine(line) != markdown.BoundaryLine(lineText(st.body, st.lines, was)) {
				return nil, false
			}
		}
		if i == r.open {
			// A list item set in further than four columns takes a
			// line indented as far as its text.
			if old, _ := util.IndentWidth(lineText(st.body, st.lines, i), 0); w != old {
				return nil, false
			}
		}
	}

	code, ok := blockCode(body, lines, r, end)
	if !ok {
		// The block on its own parses as it does in the post: it
		// starts a block there, and its end was checked above.
		src := body[lines[r.open]:lineStop(body, lines, end)]
		n := p.parser.Parse(text.NewReader(src)).FirstChild()
		if n == nil || n.NextSibling() != nil {
			return nil, false
		}
		switch n.(type) {
		case *ast.FencedCodeBlock:
			ok = r.fenced && n.Lines().Len() == end-r.open-1
		case *ast.CodeBlock:
			ok = !r.fenced && n.Lines().Len() == end-r.open+1
		}
		if !ok {
			return nil, false
		}
		code = linesText(n.Lines(), src, nil)
	}

	c := p.blocks
	gen := c.next()
	run := p.code.begin()
	nr := r
	nr.close = end
	nr.entries, nr.lexes = nil, nil
	start := st.blocks[r.first].StartLine
	stop := st.blocks[r.first+r.n-1].EndLine + delta
	pieces := p.codePieces(run, gen, &nr, code, start, stop)

	blocks = make([]Block, 0, len(st.blocks)-r.n+len(pieces))
	blocks = append(blocks, st.blocks[:r.first]...)
	blocks = append(blocks, pieces...)
	for _, b := range st.blocks[r.first+r.n:] {
		b.StartLine += delta
		b.EndLine += delta
		blocks = append(blocks, b)
	}
	next := &renderState{
		body: bytes.Clone(body), lines: lines, opt: opt, blocks: blocks,
		entries: st.entries, images: st.images, incremental: true,
		regions: make([]codeRegion, len(st.regions)),
	}
	c.keep(gen, st.entries)
	for i, o := range st.regions {
		switch {
		case i == ri:
			o = nr
		case i > ri:
			o.open += delta
			if o.close >= 0 {
				o.close += delta
			}
			o.first += len(pieces) - r.n
			fallthrough
		default:
			c.keep(gen, o.entries)
			run.keep(o.lexes)
		}
		next.regions[i] = o
	}
	p.code.end(run)
	c.sweep(gen)
	p.remember(next)
	return blocks, true
}

// blockCode returns the code of block r, from line r.open to line end
// of src, as goldmark reads it, when the block is fenced at the margin
// or indented with spaces; ok is false if it is not, and the block must
// be parsed.
func blockCode(src []byte, lines []int, r codeRegion, end int) (code string, ok bool) {
	if r.fenced {
		if src[lines[r.open]] != r.fenceChar {
			// Set in: goldmark takes the fence's indent off each line.
			return "", false
		}
		return codeString(string(src[lines[r.open+1]:lines[end]])), true
	}
	var b strings.Builder
	b.Grow(lines[end] - lines[r.open] + 1)
	for i := r.open; i <= end; i++ {
		line := lineText(src, lines, i)
		switch {
		case bytes.HasPrefix(line, []byte("    ")):
			b.Write(line[4:])
		case util.IsBlank(line) && bytes.IndexByte(line, '\t') < 0:
			// goldmark keeps a blank line's line end only.
			b.WriteByte(line[len(line)-1])
		default:
			return "", false
		}
	}
	return codeString(b.String()), true
}

// editLines returns the line starts of body, an edit of the body whose
// line starts are old: its lines up to line first are the same, its
// lines after old line last are the same, moved by shift bytes.
func editLines(old []int, body []byte, first, last, shift int) []int {
	stop := len(body)
	if last+1 < len(old) {
		stop = old[last+1] + shift
	}
	lines := make([]int, first+1, len(old)+bytes.Count(body[old[first]:stop], []byte{'\n'}))
	copy(lines, old[:first+1])
	for i := old[first]; ; {
		j := bytes.IndexByte(body[i:stop], '\n')
		if j < 0 || i+j+1 >= len(body) {
			break
		}
		i += j + 1
		if i < stop {
			lines = append(lines, i)
		}
	}
	for _, l := range old[last+1:] {
		lines = append(lines, l+shift)
	}
	return lines
}

// renderSame returns the blocks of the previous render again, for the
// same body.
func (p *Renderer) renderSame(st *renderState) []Block {
	c := p.blocks
	gen := c.next()
	run := p.code.begin()
	c.keep(gen, st.entries)
	for _, r := range st.regions {
		c.keep(gen, r.entries)
		run.keep(r.lexes)
	}
	p.code.end(run)
	c.sweep(gen)
	same := *st
	same.incremental = true
	p.remember(&same)
	return st.blocks
}

// imagesUnchanged reports whether every image is still found where it
// was, and is the same file, or is still missing.
func imagesUnchanged(images []imageCheck, opt storage.Site) bool {
	for _, im := range images {
		if checkImage(im.dest, opt) != im {
			return false
		}
	}
	return true
}

// commonEnds returns how many bytes a and b share at the start, and how
// many more at the end.
func commonEnds(a, b []byte) (pre, suf int) {
	// Comparing in blocks lets bytes.Equal use wide instructions; a
	// byte at a time takes a tenth of a millisecond for 100 KB.
	const step = 256
	n := min(len(a), len(b))
	for pre+step <= n && bytes.Equal(a[pre:pre+step], b[pre:pre+step]) {
		pre += step
	}
	for pre < n && a[pre] == b[pre] {
		pre++
	}
	m := n - pre
	for suf+step <= m && bytes.Equal(a[len(a)-suf-step:len(a)-suf], b[len(b)-suf-step:len(b)-suf]) {
		suf += step
	}
	for suf < m && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	return pre, suf
}
