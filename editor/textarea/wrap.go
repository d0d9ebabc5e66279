package textarea

import "unicode"

// TabWidth is how many spaces a tab is drawn as.
const TabWidth = 4

// Wrapper breaks lines into visual rows no wider than a width. It
// measures each distinct rune once, so a line costs its length to wrap;
// the rows of a Buffer line are cached in the line until it is edited or
// the width or font changes.
type Wrapper struct {
	measure func(string) float32
	width   float32
	wrap    bool
	gen     uint64 // bumped whenever every cached wrap becomes stale
	widths  map[rune]float32
}

// NewWrapper returns a Wrapper that measures text with measure and wraps
// at width; a width of zero or less, or SetWrap(false), keeps every line
// on one row.
func NewWrapper(measure func(string) float32, width float32) *Wrapper {
	return &Wrapper{measure: measure, width: width, wrap: true, gen: 1, widths: map[rune]float32{}}
}

// SetWidth changes the wrapping width.
func (w *Wrapper) SetWidth(width float32) {
	if width != w.width {
		w.width = width
		w.gen++
	}
}

// Width returns the wrapping width.
func (w *Wrapper) Width() float32 { return w.width }

// SetWrap turns soft wrapping on or off.
func (w *Wrapper) SetWrap(on bool) {
	if on != w.wrap {
		w.wrap = on
		w.gen++
	}
}

// Wrapping reports whether soft wrapping is on.
func (w *Wrapper) Wrapping() bool { return w.wrap }

// SetMeasure replaces the measuring function, as when the font changes.
func (w *Wrapper) SetMeasure(measure func(string) float32) {
	w.measure = measure
	w.widths = map[rune]float32{}
	w.gen++
}

// RuneWidth returns the drawn width of r; a tab is TabWidth spaces.
func (w *Wrapper) RuneWidth(r rune) float32 {
	if v, ok := w.widths[r]; ok {
		return v
	}
	var v float32
	if r == '\t' {
		v = TabWidth * w.RuneWidth(' ')
	} else {
		v = w.measure(string(r))
	}
	w.widths[r] = v
	return v
}

// X returns the drawn width of rs.
func (w *Wrapper) X(rs []rune) float32 {
	var x float32
	for _, r := range rs {
		x += w.RuneWidth(r)
	}
	return x
}

// Col returns the column in rs nearest to x.
func (w *Wrapper) Col(rs []rune, x float32) int {
	var at float32
	for i, r := range rs {
		rw := w.RuneWidth(r)
		if x < at+rw/2 {
			return i
		}
		at += rw
	}
	return len(rs)
}

// RuneAt returns the index of the rune in rs drawn across x, or len(rs)
// when x is past the end.
func (w *Wrapper) RuneAt(rs []rune, x float32) int {
	var at float32
	for i, r := range rs {
		at += w.RuneWidth(r)
		if x < at {
			return i
		}
	}
	return len(rs)
}

// Wrap returns the columns at which the visual rows of rs start; the
// first is always 0. It breaks after spaces, between Hangul syllables and
// other wide (CJK) characters, and inside a word too long for a row.
// Spaces at the end of a row may hang past the width.
func (w *Wrapper) Wrap(rs []rune) []int {
	rows := []int{0}
	if !w.wrap || w.width <= 0 {
		return rows
	}
	start, brk := 0, 0 // brk: last place a row may start, > start when any
	var x float32
	for i, r := range rs {
		if i > start && breaksBefore(rs[i-1], r) {
			brk = i
		}
		rw := w.RuneWidth(r)
		if x+rw > w.width && i > start && !isSpace(r) {
			if brk <= start {
				brk = i // a word longer than the row: break inside it
			}
			rows = append(rows, brk)
			start = brk
			x = w.X(rs[start:i])
		}
		x += rw
	}
	return rows
}

// Rows returns the wrapped rows of line i of b, from the cache when the
// line has not changed since it was last wrapped at this width.
func (w *Wrapper) Rows(b *Buffer, i int) []int {
	l := &b.lines[i]
	if l.rowsGen != w.gen || l.rows == nil {
		l.rows = w.Wrap(l.r)
		l.rowsGen = w.gen
	}
	return l.rows
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// breaksBefore reports whether a row may start at next when prev comes
// before it.
func breaksBefore(prev, next rune) bool {
	if isSpace(next) {
		return false // spaces hang at the end of the row they follow
	}
	return isSpace(prev) || isWide(next) || isWide(prev) && !unicode.IsPunct(next)
}

// isWide reports whether r is a character that breaks on either side of
// it without spaces: Hangul syllables and jamo, kana and Han ideographs.
func isWide(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) ||
		unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}
