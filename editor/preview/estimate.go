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
	// narrow and wide are the advances of a one-byte and of a CJK
	// character, and line the height of a row, per unit of text size.
	narrow, wide, line float32
	// mono and monoLine are the advance of a monospace character and
	// the height of a monospace row, per unit of text size.
	mono, monoLine float32
	innerPad       float32 // RichText's inset on every side
	lineSpacing    float32 // the gap after each block segment
	textSize       float32
	pad            float32 // the gap between two blocks of the column
}

func newTextMetrics(th fyne.Theme) *textMetrics {
	const size = 100
	const latin = "the quick brown fox jumps over the lazy dog, 1234"
	const hangul = "가나다라마바사아자차"
	m := &textMetrics{th: th}
	m.narrow = fyne.MeasureText(latin, size, fyne.TextStyle{}).Width / float32(len(latin)) / size
	h := fyne.MeasureText(hangul, size, fyne.TextStyle{})
	m.wide = h.Width / float32(len([]rune(hangul))) / size
	m.line = h.Height / size
	mono := fyne.MeasureText(latin, size, fyne.TextStyle{Monospace: true})
	m.mono = mono.Width / float32(len(latin)) / size
	m.monoLine = mono.Height / size
	m.innerPad = th.Size(theme.SizeNameInnerPadding)
	m.lineSpacing = th.Size(theme.SizeNameLineSpacing)
	m.textSize = th.Size(theme.SizeNameText)
	m.pad = th.Size(theme.SizeNamePadding)
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

func (pr *profiler) segments(segs []widget.RichTextSegment) {
	m := pr.m
	for _, s := range segs {
		switch s := s.(type) {
		case *CodeBox:
			pr.box(1+float32(strings.Count(s.Code, "\n")), s.Label != "", s.JoinAbove, s.JoinBelow)
		case *MathBox:
			pr.box(1+float32(strings.Count(s.Formula, "\n")), false, false, false)
		case *PromptBox:
			pr.endRow()
			inner := m.profile(s.Body)
			// The box's text wraps inside the box's own padding.
			pr.p.fixed += inner.fixed + m.line*m.textSize + 2*m.innerPad
			pr.p.area += inner.area
			pr.p.rows += inner.rows
			pr.blocks++
		case *ImageBox:
			pr.endRow()
			pr.image(s)
			pr.blocks++
		case *widget.TableSegment:
			pr.endRow()
			// A row of cells is a row of text inside the cells' insets.
			rows := 1 + float32(strings.Count(strings.TrimSuffix(s.Textual(), "\n"), "\n"))
			pr.p.fixed += rows * (m.line*m.textSize + 3*m.innerPad)
			pr.blocks++
		case *widget.SeparatorSegment:
			pr.endRow()
			pr.p.fixed += m.th.Size(theme.SizeNameSeparatorThickness)
			pr.blocks++
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

// box adds a panel of lines rows of monospace text that scrolls
// sideways rather than wraps, with an optional label above. A panel
// joined to the one above (a piece of a long code block) starts higher,
// over the gap between the blocks and its own top padding, and one
// joined below ends right after its last row; see panel.
func (pr *profiler) box(lines float32, label, joinAbove, joinBelow bool) {
	m := pr.m
	pr.endRow()
	h := lines*m.monoLine*m.textSize + 4*m.innerPad // the panel's and its text's insets
	if label {
		h += m.line * m.textSize
	}
	if joinAbove {
		h -= 4*m.innerPad + m.pad
	}
	if joinBelow {
		h -= 2 * m.innerPad
	}
	pr.p.fixed += h
	pr.blocks++
}

// image adds an image with its caption, or the note shown in its place.
func (pr *profiler) image(im *ImageBox) {
	m := pr.m
	nat := im.Natural()
	if !im.Found || nat.Width <= 0 || nat.Height <= 0 {
		pr.p.fixed += 6 * m.textSize // between a note and a figure of unknown size
		return
	}
	pr.p.images = append(pr.p.images, nat)
	if im.Alt != "" {
		pr.p.fixed += m.pad + m.line*m.th.Size(theme.SizeNameCaptionText)
	}
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
