package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// wheelAt turns the mouse wheel at pos on canvas c as Fyne's driver
// does: the topmost scrollable object under the pointer (the last one
// drawn, that is the deepest and latest in the tree) gets the event, with
// the pointer's position. test.Scroll leaves the position out.
func wheelAt(c fyne.Canvas, pos fyne.Position, dx, dy float32) {
	var found fyne.Scrollable
	var foundAt fyne.Position
	var walk func(o fyne.CanvasObject, origin fyne.Position)
	walk = func(o fyne.CanvasObject, origin fyne.Position) {
		at := origin.Add(o.Position())
		size := o.Size()
		if !o.Visible() || pos.X < at.X || pos.Y < at.Y || pos.X >= at.X+size.Width || pos.Y >= at.Y+size.Height {
			return
		}
		if s, ok := o.(fyne.Scrollable); ok {
			found, foundAt = s, at
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, ch := range o.Objects {
				walk(ch, at)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(o).Objects() {
				walk(ch, at)
			}
		}
	}
	walk(c.Content(), fyne.Position{})
	if found == nil {
		return
	}
	found.Scrolled(&fyne.ScrollEvent{
		PointEvent: fyne.PointEvent{Position: pos.Subtract(foundAt), AbsolutePosition: pos},
		Scrolled:   fyne.NewDelta(dx, dy),
	})
}

// middleOf returns the middle of o on its canvas.
func middleOf(o fyne.CanvasObject) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	return at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
}

// A mouse wheel turned down over any field of the form scrolls the form
// as far as over a label; only a text box with more lines than it shows
// keeps the wheel for its own text (issue 14, point 3).
func TestWheelOverFormFieldsScrollsTheForm(t *testing.T) {
	u := newTestUI(t, "")
	f := u.form
	u.win.Resize(fyne.NewSize(1280, 600)) // the form taller than its pane
	c := u.win.Canvas()

	over := []struct {
		name string
		o    fyne.CanvasObject
	}{
		{"the label of the title", nil}, // the yardstick, found below
		{"the title", f.texts["title"]},
		{"the description", f.texts["description"]},
		{"the date", f.dates["date"]},
		{"the authors", f.lists["authors"]},
	}
	f.texts["title"].SetText(strings.Repeat("a title far too long for its box ", 10))
	titleAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.texts["title"])
	boxAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.box)
	var want float32
	for i, o := range over {
		f.box.ScrollToTop()
		at := fyne.NewPos(titleAt.X+40, titleAt.Y-12) // the label above the title
		if o.o != nil {
			at = middleOf(o.o)
		}
		if at.Y >= boxAt.Y+f.box.Size().Height {
			t.Fatalf("%s is not in view at %v", o.name, at)
		}
		wheelAt(c, at, 0, -40)
		moved := f.box.Offset.Y
		if i == 0 {
			if want = moved; want <= 0 {
				t.Fatalf("the wheel over a label moved the form by %v", moved)
			}
			continue
		}
		if moved != want {
			t.Errorf("the wheel over %s moved the form by %v; over a label, %v", o.name, moved, want)
		}
	}

	// Sideways movement still scrolls a text box's text.
	f.box.ScrollToTop()
	title := textScrollOf(f.texts["title"])
	wheelAt(c, middleOf(f.texts["title"]), -30, 0)
	if title.Offset.X != 30 || f.box.Offset.Y != 0 {
		t.Errorf("sideways over the title: its text at %v, the form at %v; want 30 and 0", title.Offset.X, f.box.Offset.Y)
	}

	// The Other fields box with more lines than it shows scrolls its
	// own text; the form stays.
	f.other.SetText(strings.Repeat("key: value\n", 20))
	f.box.ScrollToBottom()
	stay := f.box.Offset.Y
	text := textScrollOf(f.other)
	wheelAt(c, middleOf(f.other), 0, -40)
	if f.box.Offset.Y != stay || text.Offset.Y != 40 {
		t.Errorf("the wheel over a box of 20 lines: form from %v to %v, its text at %v; want the form still and the text at 40", stay, f.box.Offset.Y, text.Offset.Y)
	}
}

// textScrollOf returns the scroll an entry moves its text in.
func textScrollOf(e fyne.Widget) *container.Scroll {
	for _, o := range test.WidgetRenderer(e).Objects() {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	return nil
}
