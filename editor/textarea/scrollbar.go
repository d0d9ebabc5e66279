package textarea

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// scrollBar is one of the TextArea's scroll bars, made to look and act
// like those of Fyne's container.Scroll: a thin thumb that widens, over
// its track, while the pointer is on the bar or drags the thumb;
// dragging the thumb moves the view in proportion, and a click in the
// track before or after the thumb moves it a page. It knows nothing of
// text: the TextArea gives it a position in whatever unit suits the
// direction.
type scrollBar struct {
	widget.BaseWidget

	vertical bool
	// value is how far the view is scrolled, from 0 to limit; page is
	// how much of the content the view shows, in the same unit.
	value, limit, page float32

	// onScroll is called with the value the thumb was dragged to.
	onScroll func(value float32)
	// onPage is called with -1 or 1 for a click in the track before or
	// after the thumb.
	onPage func(dir int)
	// onResize is called when the bar widens or narrows: the TextArea
	// lays it out again at its new thickness.
	onResize func()

	thumb    *scrollThumb
	hovered  bool
	dragging bool
	// dragFrom is where along the track the thumb was when a drag
	// began, dragged how far the pointer has moved since.
	dragFrom, dragged float32
}

func newScrollBar(vertical bool, onScroll func(float32), onPage func(int), onResize func()) *scrollBar {
	b := &scrollBar{vertical: vertical, onScroll: onScroll, onPage: onPage, onResize: onResize}
	b.thumb = &scrollThumb{bar: b, rect: canvas.NewRectangle(nil)}
	b.thumb.ExtendBaseWidget(b.thumb)
	b.ExtendBaseWidget(b)
	return b
}

// set changes the position the bar shows, and reports whether it did.
func (b *scrollBar) set(value, limit, page float32) bool {
	if value == b.value && limit == b.limit && page == b.page {
		return false
	}
	b.value, b.limit, b.page = value, limit, page
	return true
}

// large reports whether the bar is drawn wide.
func (b *scrollBar) large() bool { return b.hovered || b.dragging }

// thickness is how wide a vertical bar is, or how high a horizontal one.
func (b *scrollBar) thickness() float32 {
	th := b.Theme()
	if b.large() {
		return th.Size(theme.SizeNameScrollBar)
	}
	return 2 * th.Size(theme.SizeNameScrollBarSmall)
}

// along returns the coordinate x, y has in the bar's direction.
func (b *scrollBar) along(x, y float32) float32 {
	if b.vertical {
		return y
	}
	return x
}

func (b *scrollBar) trackLength() float32 {
	s := b.Size()
	return b.along(s.Width, s.Height)
}

// thumbSpan returns where the thumb starts along the track and its
// length: the share of the content on screen, but never shorter than a
// wide bar is thick, so that it can be grabbed.
func (b *scrollBar) thumbSpan() (start, length float32) {
	track := b.trackLength()
	if b.limit <= 0 {
		return 0, track
	}
	length = min(track, max(track*b.page/(b.limit+b.page), b.Theme().Size(theme.SizeNameScrollBar)))
	start = (track - length) * min(max(b.value/b.limit, 0), 1)
	return start, length
}

// MouseIn widens the bar.
func (b *scrollBar) MouseIn(*desktop.MouseEvent) {
	b.hovered = true
	b.onResize()
}

// MouseMoved does nothing: the bar is as wide all along.
func (b *scrollBar) MouseMoved(*desktop.MouseEvent) {}

// MouseOut narrows the bar again, unless its thumb is being dragged.
func (b *scrollBar) MouseOut() {
	b.hovered = false
	if !b.dragging {
		b.onResize()
	}
}

// Tapped pages towards a click in the track; the thumb does not take
// taps, so they come here too and do nothing.
func (b *scrollBar) Tapped(ev *fyne.PointEvent) {
	at := b.along(ev.Position.X, ev.Position.Y)
	s, l := b.thumbSpan()
	switch {
	case at < s:
		b.onPage(-1)
	case at > s+l:
		b.onPage(1)
	}
}

// Dragged ignores a drag in the track: without it the drag would go on
// to the TextArea and select text.
func (b *scrollBar) Dragged(*fyne.DragEvent) {}

// DragEnd ends nothing.
func (b *scrollBar) DragEnd() {}

// Cursor is the arrow: the bar is not text.
func (b *scrollBar) Cursor() desktop.Cursor { return desktop.DefaultCursor }

// dragThumb moves the thumb by the pointer's movement d since the last
// call, keeping the view in proportion.
func (b *scrollBar) dragThumb(d fyne.Delta) {
	if !b.dragging {
		b.dragging, b.dragged = true, 0
		b.dragFrom, _ = b.thumbSpan()
		b.onResize()
	}
	b.dragged += b.along(d.DX, d.DY)
	_, l := b.thumbSpan()
	room := b.trackLength() - l
	if room <= 0 || b.limit <= 0 {
		return
	}
	at := min(max(b.dragFrom+b.dragged, 0), room)
	b.onScroll(at / room * b.limit)
}

func (b *scrollBar) endDrag() {
	b.dragging = false
	if !b.hovered {
		b.onResize()
	}
}

func (b *scrollBar) CreateRenderer() fyne.WidgetRenderer {
	r := &scrollBarRenderer{b: b, track: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

var (
	_ fyne.Tappable      = (*scrollBar)(nil)
	_ fyne.Draggable     = (*scrollBar)(nil)
	_ desktop.Hoverable  = (*scrollBar)(nil)
	_ desktop.Cursorable = (*scrollBar)(nil)
	_ fyne.Draggable     = (*scrollThumb)(nil)
)

// scrollBarRenderer draws the track, only while the bar is wide, and
// places the thumb: thin and on the outer side while the bar is narrow.
type scrollBarRenderer struct {
	b     *scrollBar
	track *canvas.Rectangle
}

func (r *scrollBarRenderer) Layout(size fyne.Size) {
	b := r.b
	th := b.Theme()
	across, at := th.Size(theme.SizeNameScrollBarSmall), th.Size(theme.SizeNameScrollBarSmall)
	if b.large() {
		across, at = th.Size(theme.SizeNameScrollBar), 0
	}
	s, l := b.thumbSpan()
	r.track.Resize(size)
	if b.vertical {
		b.thumb.Move(fyne.NewPos(at, s))
		b.thumb.Resize(fyne.NewSize(across, l))
	} else {
		b.thumb.Move(fyne.NewPos(s, at))
		b.thumb.Resize(fyne.NewSize(l, across))
	}
}

func (r *scrollBarRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (r *scrollBarRenderer) Refresh() {
	b := r.b
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.track.FillColor = th.Color(theme.ColorNameScrollBarBackground, v)
	r.track.Hidden = !b.large()
	b.thumb.rect.FillColor = th.Color(theme.ColorNameScrollBar, v)
	b.thumb.rect.CornerRadius = th.Size(theme.SizeNameScrollBarRadius)
	r.Layout(b.Size())
	r.track.Refresh()
	b.thumb.rect.Refresh()
}

func (r *scrollBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.track, r.b.thumb}
}

func (r *scrollBarRenderer) Destroy() {}

// scrollThumb is the part of a scrollBar that drags: a widget of its
// own, so that the driver sends it only drags that start on it.
type scrollThumb struct {
	widget.BaseWidget
	bar  *scrollBar
	rect *canvas.Rectangle
}

// Dragged moves the view with the thumb.
func (t *scrollThumb) Dragged(ev *fyne.DragEvent) { t.bar.dragThumb(ev.Dragged) }

// DragEnd lets the bar narrow once the pointer is off it.
func (t *scrollThumb) DragEnd() { t.bar.endDrag() }

func (t *scrollThumb) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(t.rect)
}

// --- the TextArea's side ---

// The vertical bar counts in lines, with the share of a wrapped line
// scrolled past as a fraction: exact with wrapping off, near enough with
// it on, and it never needs every line wrapped to know the height of
// the text.

// linePos returns the line position of the start of visual row v.
func (t *TextArea) linePos(v Pos) float32 {
	return float32(v.Line) + float32(v.Col)/float32(len(t.rows(v.Line)))
}

// vScroll returns the vertical bar's value, limit and page in lines,
// given the last top row (see lastTop), which costs a screen of rows.
func (t *TextArea) vScroll(last Pos) (value, limit, page float32) {
	limit = t.linePos(last)
	return t.linePos(t.top), limit, float32(t.buf.LineCount()) - limit
}

// scrollToLinePos puts the row at line position f on top.
func (t *TextArea) scrollToLinePos(f float32) {
	line := min(max(int(f), 0), t.buf.LineCount()-1)
	n := len(t.rows(line))
	// A hair over, so that rounding does not land a row short.
	row := min(max(int((f-float32(line))*float32(n)+1e-3), 0), n-1)
	t.top = Pos{line, row}
	t.clampTop()
	t.scrolled()
}

// pageView moves the view, not the cursor, a screen of rows up or down.
func (t *TextArea) pageView(dir int) {
	t.top = t.stepRows(t.top, dir*max(1, t.fullRows()-1))
	t.clampTop()
	t.scrolled()
}

// The horizontal bar, with wrapping off, counts in pixels; the text is
// as wide as its widest line on screen, or as far as the view is
// already scrolled, so the bar's length can change as lines of other
// widths scroll into view, as it does in most editors that do not
// measure every line.

// widestOnScreen returns the width of the widest line on screen, with
// room for the cursor after it.
func (t *TextArea) widestOnScreen() float32 {
	var w float32
	for i, n := t.top.Line, 0; i < t.buf.LineCount() && n < t.visibleRows(); i, n = i+1, n+1 {
		w = max(w, t.wrapper.X(t.buf.LineRunes(i)))
	}
	return w + max(1, theme.InputBorderSize())
}

// maxScrollX is how far the view may scroll right.
func (t *TextArea) maxScrollX() float32 {
	if t.wrapper.Wrapping() {
		return 0
	}
	return max(0, t.widestOnScreen()-t.textWidth())
}

// hScroll returns the horizontal bar's value, limit and page in pixels.
func (t *TextArea) hScroll() (value, limit, page float32) {
	return t.scrollX, max(t.maxScrollX(), t.scrollX), t.textWidth()
}

// scrollToX scrolls sideways to x, within the text.
func (t *TextArea) scrollToX(x float32) {
	t.scrollX = max(0, min(x, max(t.maxScrollX(), t.scrollX)))
	t.Refresh()
}

// pageSideways moves the view most of its width left or right.
func (t *TextArea) pageSideways(dir int) {
	t.scrollToX(t.scrollX + float32(dir)*t.textWidth()*0.9)
}
