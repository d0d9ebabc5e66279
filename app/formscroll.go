package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a mouse wheel to the topmost scroll under the pointer, and
// every text box has one of its own, which takes the wheel even when its
// text cannot move that way: over the form's fields (and the form is
// mostly fields) the form would not scroll. A layer over the whole form
// takes the wheel instead and scrolls the form, unless the pointer is
// over a box with more lines than it shows.

// scroll puts the form's content in the vertical scroll that shows it,
// under a layer that takes the wheel (see formWheel).
func (f *form) scroll(content fyne.CanvasObject) *container.Scroll {
	w := &formWheel{form: f}
	w.ExtendBaseWidget(w)
	w.box = container.NewVScroll(container.NewStack(content, w))
	return w.box
}

// formWheel lies over the form and handles every wheel turned over it.
// It draws nothing and handles nothing else, so taps, drags and the
// pointer's shape still go to the fields under it.
type formWheel struct {
	widget.BaseWidget
	form *form
	box  *container.Scroll
}

// CreateRenderer returns an empty renderer: the layer is invisible.
func (w *formWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// Scrolled gives the wheel to the text box under the pointer, which
// scrolls its text sideways and takes the movement up or down only if it
// has more lines than it shows; the form scrolls by the rest, as much as
// over a label.
func (w *formWheel) Scrolled(ev *fyne.ScrollEvent) {
	if e := w.entryAt(ev.AbsolutePosition); e != nil && e.ScrollText(ev) {
		return
	}
	if ev.Scrolled.DY != 0 {
		up := *ev
		up.Scrolled.DX = 0
		w.box.Scrolled(&up)
	}
}

// entryAt returns the form's text box at pos on the canvas, nil if none
// is shown there. The text boxes of the list and date fields scroll only
// sideways, so for the wheel they are the form.
func (w *formWheel) entryAt(pos fyne.Position) *formEntry {
	d := fyne.CurrentApp().Driver()
	for _, e := range w.form.textBoxes() {
		at := d.AbsolutePositionForObject(e)
		if at.IsZero() { // not shown: the driver finds only what is
			continue
		}
		size := e.Size()
		if pos.X >= at.X && pos.Y >= at.Y && pos.X < at.X+size.Width && pos.Y < at.Y+size.Height {
			return e
		}
	}
	return nil
}

// textBoxes returns the form's own text boxes.
func (f *form) textBoxes() []*formEntry {
	out := make([]*formEntry, 0, len(f.texts)+1)
	for _, e := range f.texts {
		out = append(out, e)
	}
	return append(out, f.other)
}
