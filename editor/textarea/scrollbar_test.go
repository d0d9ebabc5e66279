package textarea

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// thumbPoint returns the middle of b's thumb in canvas coordinates.
func thumbPoint(b *scrollBar) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b.thumb)
	return at.Add(fyne.NewPos(b.thumb.Size().Width/2, b.thumb.Size().Height/2))
}

// trackPoint returns a point in canvas coordinates frac of the way along
// b's track, in the middle of its thickness.
func trackPoint(b *scrollBar, frac float32) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	s := b.Size()
	if b.vertical {
		return at.Add(fyne.NewPos(s.Width/2, s.Height*frac))
	}
	return at.Add(fyne.NewPos(s.Width*frac, s.Height/2))
}

// room is how far b's thumb can travel.
func room(b *scrollBar) float32 {
	_, l := b.thumbSpan()
	return b.trackLength() - l
}

func TestScrollBarShownOnlyWhenNeeded(t *testing.T) {
	ta, _, _ := newArea(t, "short")
	r := test.WidgetRenderer(ta).(*renderer)
	if r.vbar.Visible() || r.hbar.Visible() {
		t.Fatalf("bars on a text that fits: vertical %v, horizontal %v", r.vbar.Visible(), r.hbar.Visible())
	}
	ta.SetText(manyLines(200))
	if !r.vbar.Visible() || r.hbar.Visible() {
		t.Fatalf("200 lines: vertical %v, horizontal %v", r.vbar.Visible(), r.hbar.Visible())
	}
	small := ta.Theme().Size(theme.SizeNameScrollBarSmall)
	if w := r.vbar.Size().Width; w != 2*small || r.vbar.Position().X != ta.Size().Width-w {
		t.Fatalf("narrow bar %v wide at x %v in a %v wide area", w, r.vbar.Position().X, ta.Size().Width)
	}
	if w := r.vbar.thumb.Size().Width; w != small {
		t.Fatalf("narrow thumb %v wide, want %v", w, small)
	}
	_, l := r.vbar.thumbSpan()
	if want := ta.Size().Height * float32(ta.fullRows()) / 200; l < want-1 || l > want+1 {
		t.Fatalf("thumb %v long, want about %v for %d of 200 lines", l, want, ta.fullRows())
	}
}

func TestScrollBarWidensOnHover(t *testing.T) {
	ta, w, _ := newArea(t, manyLines(200))
	r := test.WidgetRenderer(ta).(*renderer)
	big := ta.Theme().Size(theme.SizeNameScrollBar)
	test.MoveMouse(w.Canvas(), trackPoint(r.vbar, 0.5))
	if r.vbar.Size().Width != big || r.vbar.thumb.Size().Width != big {
		t.Fatalf("hovered bar %v, thumb %v wide, want %v", r.vbar.Size().Width, r.vbar.thumb.Size().Width, big)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(50, 50))
	if r.vbar.Size().Width == big {
		t.Fatal("bar still wide after the pointer left it")
	}
}

func TestScrollBarDragMovesViewInProportion(t *testing.T) {
	ta, w, _ := newArea(t, manyLines(200))
	r := test.WidgetRenderer(ta).(*renderer)
	last := 200 - ta.fullRows()
	test.Drag(w.Canvas(), thumbPoint(r.vbar), 0, room(r.vbar)/2)
	if top := ta.TopLine(); top < last/2-1 || top > last/2+1 {
		t.Fatalf("half way down the track: top line %d, want about %d", top, last/2)
	}
	test.Drag(w.Canvas(), thumbPoint(r.vbar), 0, 10*room(r.vbar))
	if top := ta.TopLine(); top != last {
		t.Fatalf("past the end of the track: top line %d, want %d", top, last)
	}
	if s, _ := r.vbar.thumbSpan(); s != room(r.vbar) {
		t.Fatalf("thumb at %v after dragging to the end, want %v", s, room(r.vbar))
	}
	test.Drag(w.Canvas(), thumbPoint(r.vbar), 0, -10*room(r.vbar))
	if top := ta.TopLine(); top != 0 {
		t.Fatalf("back to the start: top line %d", top)
	}
	if ta.CursorOffset() != 0 {
		t.Fatalf("dragging the bar moved the cursor to %d", ta.CursorOffset())
	}
}

func TestScrollBarDragThroughWrappedLine(t *testing.T) {
	ta, w, _ := newArea(t, strings.Repeat("word ", 2000))
	r := test.WidgetRenderer(ta).(*renderer)
	rows := len(ta.rows(0))
	if !r.vbar.Visible() {
		t.Fatalf("no bar for one line of %d rows", rows)
	}
	test.Drag(w.Canvas(), thumbPoint(r.vbar), 0, room(r.vbar)/2)
	last := rows - ta.fullRows()
	if top := ta.top; top.Line != 0 || top.Col < last/2-1 || top.Col > last/2+1 {
		t.Fatalf("half way down one wrapped line: top row %v, want about %d of %d", top, last/2, rows)
	}
	test.Drag(w.Canvas(), thumbPoint(r.vbar), 0, room(r.vbar))
	if top := ta.top; top.Col != last {
		t.Fatalf("to the end: top row %v, want %d", top, last)
	}
}

func TestScrollBarTrackClickPages(t *testing.T) {
	ta, w, _ := newArea(t, manyLines(200))
	r := test.WidgetRenderer(ta).(*renderer)
	page := ta.fullRows() - 1
	test.TapCanvas(w.Canvas(), trackPoint(r.vbar, 0.9))
	if top := ta.TopLine(); top != page {
		t.Fatalf("click below the thumb: top line %d, want %d", top, page)
	}
	test.TapCanvas(w.Canvas(), trackPoint(r.vbar, 0.9))
	if top := ta.TopLine(); top != 2*page {
		t.Fatalf("second click below the thumb: top line %d, want %d", top, 2*page)
	}
	test.TapCanvas(w.Canvas(), thumbPoint(r.vbar))
	if top := ta.TopLine(); top != 2*page {
		t.Fatalf("click on the thumb: top line %d, want it unchanged at %d", top, 2*page)
	}
	test.TapCanvas(w.Canvas(), trackPoint(r.vbar, 0.01))
	if top := ta.TopLine(); top != page {
		t.Fatalf("click above the thumb: top line %d, want %d", top, page)
	}
	if ta.CursorOffset() != 0 || ta.hasSelection() {
		t.Fatalf("clicks in the track moved the cursor to %d", ta.CursorOffset())
	}
}

func TestHorizontalScrollBarWithWrapOff(t *testing.T) {
	ta, w, _ := newArea(t, "short\n"+strings.Repeat("x", 300)+"\nshort")
	r := test.WidgetRenderer(ta).(*renderer)
	if r.hbar.Visible() {
		t.Fatal("horizontal bar with wrapping on")
	}
	ta.SetWrap(false)
	if !r.hbar.Visible() || r.vbar.Visible() {
		t.Fatalf("wrap off: horizontal %v, vertical %v", r.hbar.Visible(), r.vbar.Visible())
	}
	limit := ta.maxScrollX()
	want := 300*ta.wrapper.RuneWidth('x') + 1 - ta.textWidth()
	if limit < want-1 || limit > want+1 {
		t.Fatalf("scrolls right up to %v, want %v", limit, want)
	}
	test.Drag(w.Canvas(), thumbPoint(r.hbar), room(r.hbar)/2, 0)
	if x := ta.scrollX; x < limit/2-1 || x > limit/2+1 {
		t.Fatalf("half way along the track: scrolled %v, want %v", x, limit/2)
	}
	test.Drag(w.Canvas(), thumbPoint(r.hbar), 10*room(r.hbar), 0)
	if ta.scrollX != limit {
		t.Fatalf("past the end of the track: scrolled %v, want %v", ta.scrollX, limit)
	}
	test.TapCanvas(w.Canvas(), trackPoint(r.hbar, 0.01))
	if want := limit - 0.9*ta.textWidth(); ta.scrollX != want {
		t.Fatalf("click left of the thumb: scrolled %v, want %v", ta.scrollX, want)
	}
	ta.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-10000, 0)})
	if ta.scrollX != limit {
		t.Fatalf("wheel far right: scrolled %v, want no further than %v", ta.scrollX, limit)
	}
	if ta.CursorOffset() != 0 {
		t.Fatalf("scrolling sideways moved the cursor to %d", ta.CursorOffset())
	}
}

// Saving the settings sets the font and wrapping again, mostly to what
// they were; that must not lose the view.
func TestUnchangedLookKeepsSidewaysScroll(t *testing.T) {
	ta, _, _ := newArea(t, strings.Repeat("x", 300))
	ta.SetWrap(false)
	ta.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(-100, 0)})
	if ta.scrollX == 0 {
		t.Fatal("did not scroll sideways")
	}
	x := ta.scrollX
	ta.SetMonospace(true)
	ta.SetWrap(false)
	if ta.scrollX != x {
		t.Fatalf("setting the same look scrolled from %v to %v", x, ta.scrollX)
	}
	ta.SetWrap(true)
	if ta.scrollX != 0 {
		t.Fatalf("wrapping on left the view scrolled %v sideways", ta.scrollX)
	}
}
