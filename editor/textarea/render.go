package textarea

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// renderer draws the rows on screen and nothing else: one canvas.Text per
// visible row, reused from frame to frame, the selection as one
// rectangle per selected row, the cursor, the placeholder of an empty
// text and the scroll bars.
type renderer struct {
	t           *TextArea
	bg          *canvas.Rectangle
	placeholder *canvas.Text
	rows        []*canvas.Text
	sels        []*canvas.Rectangle
	cursor      *canvas.Rectangle
	cursorAt    [3]float32 // where placeCursor last put it: x, y, height
	vbar, hbar  *scrollBar
	objects     []fyne.CanvasObject
}

// fixedObjects counts the renderer's objects other than rows and
// selections.
const fixedObjects = 5

func newRenderer(t *TextArea) *renderer {
	r := &renderer{
		t:           t,
		bg:          canvas.NewRectangle(color.Transparent),
		placeholder: canvas.NewText("", color.Transparent),
		cursor:      canvas.NewRectangle(color.Transparent),
		vbar:        newScrollBar(true, t.scrollToLinePos, t.pageView, t.Refresh),
		hbar:        newScrollBar(false, t.scrollToX, t.pageSideways, t.Refresh),
	}
	r.placeholder.Hide()
	r.vbar.Hide()
	r.hbar.Hide()
	r.rebuild()
	return r
}

// rebuild lists the objects after a pool grew; selections go under the
// text, the cursor over it, the scroll bars over everything.
func (r *renderer) rebuild() {
	r.objects = r.objects[:0]
	r.objects = append(r.objects, r.bg, r.placeholder)
	for _, s := range r.sels {
		r.objects = append(r.objects, s)
	}
	for _, x := range r.rows {
		r.objects = append(r.objects, x)
	}
	r.objects = append(r.objects, r.cursor, r.vbar, r.hbar)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	return fyne.NewSize(4*pad, r.t.rowHeight()+2*pad)
}

func (r *renderer) Layout(fyne.Size) { r.Refresh() }

func (r *renderer) Destroy() {}

// Refresh lays out and draws the visible rows; objects whose content did
// not change are not refreshed. A resize or a change of theme comes
// through here, so this is where the TextArea takes its wrapping width
// and text size.
func (r *renderer) Refresh() {
	t := r.t
	size := t.Size()
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	selColor := th.Color(theme.ColorNameSelection, v)
	pad := theme.InnerPadding()
	textSize := t.textSize()
	t.fit(textSize)
	rh := t.rowHeight()
	style := t.style()

	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.Resize(size)
	r.bg.Refresh()
	r.showPlaceholder(th, v)

	last := t.clampTop()
	n := t.visibleRows()
	grew := false
	for len(r.rows) < n {
		r.rows = append(r.rows, canvas.NewText("", fg))
		grew = true
	}
	selA, selB := t.ordered()
	hasSel := selA != selB
	nsel := 0
	cursorShown := false
	cursorRow := t.cursorRow()
	vrow := t.top
	ok := true
	for i := range r.rows {
		txt := r.rows[i]
		if i >= n || !ok {
			if !txt.Hidden {
				txt.Hide()
			}
			continue
		}
		rs := t.buf.LineRunes(vrow.Line)
		s, e := t.rowSpan(vrow.Line, vrow.Col)
		y := pad + float32(i)*rh
		x0 := pad - t.scrollX
		show := display(rs[s:e])
		if txt.Text != show || txt.Color != fg || txt.TextSize != textSize || txt.TextStyle != style ||
			txt.Position() != fyne.NewPos(x0, y) || txt.Hidden {
			txt.Text, txt.Color, txt.TextSize, txt.TextStyle = show, fg, textSize, style
			txt.Move(fyne.NewPos(x0, y))
			txt.Resize(fyne.NewSize(t.wrapper.X(rs[s:e]), rh))
			txt.Hidden = false
			txt.Refresh()
		}
		lastRow := vrow.Col+1 == len(t.rows(vrow.Line))
		if hasSel && selA.Line <= vrow.Line && vrow.Line <= selB.Line {
			// Columns of the selection on this line; len+1 takes in the
			// newline, drawn as a space.
			la, lb := 0, len(rs)+1
			if selA.Line == vrow.Line {
				la = selA.Col
			}
			if selB.Line == vrow.Line {
				lb = selB.Col
			}
			rowEnd := e
			if lastRow {
				rowEnd = len(rs) + 1
			}
			if a, b := max(s, la), min(rowEnd, lb); b > a {
				xa := t.wrapper.X(rs[s:a])
				xb := t.wrapper.X(rs[s:min(b, e)])
				if b > len(rs) {
					xb += t.wrapper.RuneWidth(' ')
				}
				r.selRect(nsel, selColor, fyne.NewPos(x0+xa, y), fyne.NewSize(xb-xa, rh))
				nsel++
			}
		}
		if t.cursor.Line == vrow.Line && cursorRow == vrow.Col {
			cx := x0 + t.wrapper.X(rs[s:t.cursor.Col])
			if t.wrapper.Wrapping() {
				cx = min(cx, pad+t.textWidth()) // after spaces hanging past the edge
			}
			r.placeCursor(cx, y, rh, th, v)
			cursorShown = t.focused
		}
		vrow, ok = t.nextRow(vrow)
		if !ok {
			n = i + 1
		}
	}
	for i := nsel; i < len(r.sels); i++ {
		if !r.sels[i].Hidden {
			r.sels[i].Hide()
		}
	}
	r.cursor.Hidden = !cursorShown
	r.cursor.Refresh()
	r.layoutBars(size, last)
	if grew || len(r.objects) != fixedObjects+len(r.sels)+len(r.rows) {
		r.rebuild()
	}
}

func (r *renderer) selRect(i int, c color.Color, pos fyne.Position, size fyne.Size) {
	for len(r.sels) <= i {
		r.sels = append(r.sels, canvas.NewRectangle(c))
	}
	s := r.sels[i]
	s.FillColor = c
	s.Hidden = false
	s.Move(pos)
	s.Resize(size)
	s.Refresh()
}

// showPlaceholder shows the PlaceHolder while the text is empty, or
// holds nothing but the one newline a new post's body starts with.
func (r *renderer) showPlaceholder(th fyne.Theme, v fyne.ThemeVariant) {
	t, ph := r.t, r.placeholder
	blank := t.buf.Len() == 0 || t.buf.Len() == 1 && t.buf.LineLen(0) == 0
	if t.PlaceHolder == "" || !blank {
		if !ph.Hidden {
			ph.Hide()
		}
		return
	}
	pad := theme.InnerPadding()
	ph.Text, ph.TextSize, ph.TextStyle = t.PlaceHolder, t.textSize(), t.style()
	ph.Color = th.Color(theme.ColorNamePlaceHolder, v)
	ph.Move(fyne.NewPos(pad, pad))
	ph.Resize(fyne.NewSize(t.textWidth(), t.rowHeight()))
	ph.Hidden = false
	ph.Refresh()
}

// layoutBars shows the scroll bars the text needs: the vertical one at
// the right edge, the horizontal one, with wrapping off, at the bottom,
// each as thick as the pointer over it makes it. Where both show, the
// corner is left to the horizontal one. last is lastTop.
func (r *renderer) layoutBars(size fyne.Size, last Pos) {
	t := r.t
	small := 2 * theme.ScrollBarSmallSize()
	value, limit, page := t.vScroll(last)
	hvalue, hlimit, hpage := t.hScroll()
	vShown, hShown := limit > 0, hlimit > 0

	height := size.Height
	if hShown {
		height -= small
	}
	w := r.vbar.thickness()
	placeBar(r.vbar, vShown, fyne.NewPos(size.Width-w, 0), fyne.NewSize(w, height), value, limit, page)

	width := size.Width
	if vShown {
		width -= small
	}
	h := r.hbar.thickness()
	placeBar(r.hbar, hShown, fyne.NewPos(0, size.Height-h), fyne.NewSize(width, h), hvalue, hlimit, hpage)
}

// placeBar shows or hides b, and refreshes it only when it changed.
func placeBar(b *scrollBar, shown bool, pos fyne.Position, size fyne.Size, value, limit, page float32) {
	if !shown {
		if b.Visible() {
			b.Hide()
		}
		return
	}
	changed := b.set(value, limit, page) || b.Position() != pos || b.Size() != size || !b.Visible()
	if !changed {
		return
	}
	b.Move(pos)
	b.Resize(size)
	b.Show()
	b.Refresh()
}

// display returns rs as drawn: tabs become spaces, since canvas.Text
// does not expand them.
func display(rs []rune) string {
	s := string(rs)
	if strings.IndexByte(s, '\t') >= 0 {
		s = strings.ReplaceAll(s, "\t", strings.Repeat(" ", TabWidth))
	}
	return s
}

// placeCursor draws the cursor at x, y: a bar, or while an input method
// composes a syllable that has not reached the text, an outlined cell
// where the syllable will land (the input method shows the syllable
// itself in its own window, which GLFW cannot place at the cursor).
func (r *renderer) placeCursor(x, y, h float32, th fyne.Theme, v fyne.ThemeVariant) {
	r.cursorAt = [3]float32{x, y, h}
	primary := th.Color(theme.ColorNamePrimary, v)
	r.cursor.Move(fyne.NewPos(x, y))
	if r.t.Composing() {
		r.cursor.FillColor = color.Transparent
		r.cursor.StrokeColor = primary
		r.cursor.StrokeWidth = max(1, theme.InputBorderSize())
		r.cursor.Resize(fyne.NewSize(r.t.wrapper.RuneWidth('가'), h))
		return
	}
	r.cursor.FillColor = primary
	r.cursor.StrokeWidth = 0
	r.cursor.Resize(fyne.NewSize(max(1, theme.InputBorderSize()), h))
}

// restyleCursor redraws the cursor where it is, for a change of the
// composing state alone: a Latin key is "composing" from its key press
// to its own character, and must not cost a layout of the rows.
func (r *renderer) restyleCursor() {
	x, y, h := r.cursorAt[0], r.cursorAt[1], r.cursorAt[2]
	r.placeCursor(x, y, h, r.t.Theme(), fyne.CurrentApp().Settings().ThemeVariant())
	if !r.cursor.Hidden {
		r.cursor.Refresh()
	}
}
