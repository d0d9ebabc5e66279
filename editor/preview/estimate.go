package preview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The preview lays out only the blocks near the viewport; every other
// block stands in the column at an estimated height until it is laid
// out. An estimate only has to be near: it sizes the scroll bar and
// places blocks not yet seen, and is replaced by the real height, with
// the visible content held in place, as soon as the block is laid out.
// Text is estimated here, the way RichText lays it out; each box (code,
// formula, prompt, image, table) estimates itself beside its Visual,
// from the geometry its layout uses.

// blockProfile is what a block's height depends on, gathered once from
// its segments, so that its height can be estimated at any width
// without reading the segments again.
type blockProfile struct {
	fixed float32 // height that does not depend on the width
	area  float32 // wrapping text: the sum of each run's width times its row height
	rows  float32 // wrapping text: the sum of the row heights of its hard rows
	// images are the natural sizes of the block's images, each drawn
	// as wide as that or the text, whichever is narrower.
	images []fyne.Size
}

// height estimates the block's height when its text wraps at avail.
// A hard row of width w takes ceil(w/avail) rows, which is w/avail and
// half a row on average.
func (p blockProfile) height(avail float32) float32 {
	if avail < 1 {
		avail = 1
	}
	h := p.fixed + max(p.rows, p.rows/2+p.area/avail)
	for _, im := range p.images {
		h += min(avail, im.Width) * im.Height / im.Width
	}
	return h
}

// textMetrics are the theme's sizes that block heights are made of,
// read once per column: fyne.MeasureText is too slow to call per run.
type textMetrics struct {
	th fyne.Theme
	boxSizes
	// narrow and wide are the advances of a one-byte and of a CJK
	// character, and line the height of a row, per unit of text size.
	narrow, wide, line float32
	// mono and monoLine are the advance of a monospace character and
	// the height of a monospace row, per unit of text size.
	mono, monoLine float32
	textSize       float32
}

func newTextMetrics(th fyne.Theme) *textMetrics {
	const size = 100
	const latin = "the quick brown fox jumps over the lazy dog, 1234"
	const hangul = "가나다라마바사아자차"
	m := &textMetrics{th: th, boxSizes: boxSizesOf(th)}
	m.narrow = fyne.MeasureText(latin, size, fyne.TextStyle{}).Width / float32(len(latin)) / size
	h := fyne.MeasureText(hangul, size, fyne.TextStyle{})
	m.wide = h.Width / float32(len([]rune(hangul))) / size
	m.line = h.Height / size
	mono := fyne.MeasureText(latin, size, fyne.TextStyle{Monospace: true})
	m.mono = mono.Width / float32(len(latin)) / size
	m.monoLine = mono.Height / size
	m.textSize = th.Size(theme.SizeNameText)
	return m
}

// avail is the width the text of a block wraps at in a column width
// wide.
func (m *textMetrics) avail(width float32) float32 {
	return width - 2*m.innerPad
}

// profile gathers the profile of a block from its segments.
func (m *textMetrics) profile(segs []widget.RichTextSegment) blockProfile {
	pr := profiler{m: m}
	pr.segments(segs)
	pr.endRow()
	pr.p.fixed += 2 * m.innerPad
	if pr.blocks > 1 {
		pr.p.fixed += float32(pr.blocks-1) * m.lineSpacing
	}
	return pr.p
}

// profiler walks segments the way RichText lays them out: inline text
// runs join a row, and a segment that is not inline ends it.
type profiler struct {
	m      *textMetrics
	p      blockProfile
	rowW   float32 // the width of the row being gathered
	rowH   float32 // its height, the tallest run's
	open   bool    // a row is being gathered
	blocks int     // block segments seen, each followed by lineSpacing
}

// boxSegment is a segment that draws a box of its own (code, a formula, a
// prompt, an image, a table) and estimates its own height, as the
// geometry that lays the box out is its own.
type boxSegment interface {
	profile(m *textMetrics) blockProfile
}

func (pr *profiler) segments(segs []widget.RichTextSegment) {
	m := pr.m
	for _, s := range segs {
		switch s := s.(type) {
		case boxSegment:
			pr.block(s.profile(m))
		case *widget.SeparatorSegment:
			pr.block(blockProfile{fixed: m.th.Size(theme.SizeNameSeparatorThickness)})
		case widget.RichTextBlock: // paragraphs, lists and quotes
			pr.segments(s.Segments())
			pr.endRow()
		case *widget.TextSegment:
			pr.text(s.Text, s.Style)
			if !s.Inline() {
				pr.endRow()
				pr.blocks++
			}
		default: // hyperlinks and anything new
			pr.text(s.Textual(), widget.RichTextStyleInline)
			if !s.Inline() {
				pr.endRow()
				pr.blocks++
			}
		}
	}
}

// block adds a segment that stands on rows of its own, of profile p.
func (pr *profiler) block(p blockProfile) {
	pr.endRow()
	pr.p.fixed += p.fixed
	pr.p.area += p.area
	pr.p.rows += p.rows
	pr.p.images = append(pr.p.images, p.images...)
	pr.blocks++
}

// text adds a run to the row being gathered; a line break in it ends
// the row.
func (pr *profiler) text(s string, st widget.RichTextStyle) {
	m := pr.m
	size := m.textSize
	if st.SizeName != "" {
		size = m.th.Size(st.SizeName)
	}
	narrow := m.narrow
	if st.TextStyle.Monospace {
		narrow = m.mono
	}
	for {
		line, rest, more := strings.Cut(s, "\n")
		pr.open = true
		pr.rowW += runWidth(line, narrow, m.wide) * size
		pr.rowH = max(pr.rowH, m.line*size)
		if !more {
			return
		}
		pr.endRow()
		s = rest
	}
}

func (pr *profiler) endRow() {
	if !pr.open {
		return
	}
	pr.p.area += pr.rowW * pr.rowH
	pr.p.rows += pr.rowH
	pr.rowW, pr.rowH, pr.open = 0, 0, false
}

// runWidth is the width of s in units of text size. It reads bytes,
// not runes: a one-byte character is narrow, a character of three or
// four bytes (Hangul, CJK, emoji) wide, and a two-byte one narrow.
func runWidth(s string, narrow, wide float32) float32 {
	var n, w int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x80 || c >= 0xC0 && c < 0xE0:
			n++
		case c >= 0xE0:
			w++
		}
	}
	return float32(n)*narrow + float32(w)*wide
}
