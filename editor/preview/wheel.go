package preview

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// This file keeps the mouse wheel with the page over the boxes that
// scroll sideways: code, formulas and tables. Fyne gives a wheel to the
// topmost scroll under the pointer, and a scroll that only scrolls
// sideways turns a wheel turned up or down into sideways movement, or
// drops it when its content fits; either way the page would stop
// following the wheel over every such box. Every box that scrolls
// sideways builds its scroll with hscroll, which hands that movement to
// the page instead. Boxes that do not scroll (prompts, images) need
// nothing: the page is the topmost scroll over them.

// hscroll lets wide content scroll sideways inside its box, handing
// movement up or down to page (the Renderer's; see SetPageWheel). With
// no page it is a plain sideways scroll.
func hscroll(o fyne.CanvasObject, page func(*fyne.ScrollEvent)) fyne.CanvasObject {
	if page == nil {
		return container.NewHScroll(o)
	}
	s := &sideScroll{page: page}
	s.Direction = container.ScrollHorizontalOnly
	s.Content = o
	s.ExtendBaseWidget(s)
	return s
}

// sideScroll is a sideways scroll that hands up-and-down wheel movement
// to the page.
type sideScroll struct {
	container.Scroll
	page func(*fyne.ScrollEvent)
}

// Scrolled scrolls the page by the movement up or down, as much as over
// a paragraph, and the box by the sideways movement (Shift+wheel, a
// touchpad). A touchpad's swipe is rarely straight, so each part goes
// where it belongs rather than the whole to one of them.
func (s *sideScroll) Scrolled(ev *fyne.ScrollEvent) {
	if ev.Scrolled.DY != 0 {
		up := *ev
		up.Scrolled.DX = 0
		s.page(&up)
	}
	if ev.Scrolled.DX != 0 {
		side := *ev
		side.Scrolled.DY = 0
		s.Scroll.Scrolled(&side)
	}
}

// TableBox is a table: Fyne's table segment, whose cells hold inline
// segments only, drawn in a sideways scroll that hands a wheel turned up
// or down to the page (see hscroll).
type TableBox struct {
	widget.TableSegment

	page func(*fyne.ScrollEvent) // where a wheel turned up or down over the table goes
}

// Visual returns Fyne's grid of cells, in a sideways scroll of hscroll's
// in place of Fyne's own.
func (t *TableBox) Visual() fyne.CanvasObject {
	v := t.TableSegment.Visual()
	if s, ok := v.(*container.Scroll); ok && s.Direction == container.ScrollHorizontalOnly {
		return hscroll(s.Content, t.page)
	}
	return v // a table without columns, which does not scroll
}

// profile estimates the table's height: each row of cells a row of text
// inside the cells' insets.
func (t *TableBox) profile(m *textMetrics) blockProfile {
	rows := 1 + float32(strings.Count(strings.TrimSuffix(t.Textual(), "\n"), "\n"))
	return blockProfile{fixed: rows * (m.line*m.textSize + 3*m.innerPad)}
}
