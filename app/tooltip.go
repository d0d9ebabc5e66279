package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tipLayer shows a tooltip above the window's content. Fyne 2.8 has no
// tooltips, and a pop-up would take the mouse from the button it names,
// so the tip is drawn in a layer over the content that takes no events.
type tipLayer struct {
	layer *fyne.Container // spans the window; holds tip alone
	tip   *fyne.Container
	text  *canvas.Text
	// delay is how long the mouse rests on a button before its tip shows;
	// a test sets it to 0 to have the tip at once.
	delay time.Duration
	// shown counts hovers, so that a timer of a hover that has ended does
	// not show its tip.
	shown int
}

func newTipLayer() *tipLayer {
	// Dark on light or light on dark, the theme's colours inverted, so
	// that the tip stands out from whatever it covers.
	l := &tipLayer{text: canvas.NewText("", theme.Color(theme.ColorNameBackground)), delay: 600 * time.Millisecond}
	l.text.TextSize = theme.CaptionTextSize() + 1
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameForeground))
	bg.CornerRadius = theme.InputRadiusSize()
	l.tip = container.NewStack(bg, container.NewPadded(l.text))
	l.tip.Hide()
	l.layer = container.NewWithoutLayout(l.tip)
	return l
}

// hover shows text under anchor once the mouse has rested there.
func (l *tipLayer) hover(anchor fyne.CanvasObject, text string) {
	l.shown++
	if l.delay <= 0 {
		l.show(anchor, text)
		return
	}
	n := l.shown
	time.AfterFunc(l.delay, func() {
		fyne.Do(func() {
			if n == l.shown {
				l.show(anchor, text)
			}
		})
	})
}

// show puts the tip below anchor, inside the window.
func (l *tipLayer) show(anchor fyne.CanvasObject, text string) {
	d := fyne.CurrentApp().Driver()
	l.text.Text = text
	l.text.Refresh()
	size := l.tip.MinSize()
	pos := d.AbsolutePositionForObject(anchor).Subtract(d.AbsolutePositionForObject(l.layer))
	pos = pos.AddXY(0, anchor.Size().Height+2)
	if room := l.layer.Size().Width - size.Width; pos.X > room {
		pos.X = max(room, 0)
	}
	l.tip.Resize(size)
	l.tip.Move(pos)
	l.tip.Show()
	l.layer.Refresh()
}

// hide takes the tip away and cancels one waiting to show.
func (l *tipLayer) hide() {
	l.shown++
	l.tip.Hide()
}

// tipButton is an icon button with a tooltip that says what it does; it
// is also a toolbar item.
type tipButton struct {
	widget.Button
	tip  string
	tips *tipLayer
}

func newTipButton(icon fyne.Resource, tip string, tips *tipLayer, tapped func()) *tipButton {
	b := &tipButton{tip: tip, tips: tips}
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// newToolbarButton is a tipButton styled as a toolbar action.
func newToolbarButton(icon fyne.Resource, tip string, tips *tipLayer, tapped func()) *tipButton {
	b := newTipButton(icon, tip, tips, tapped)
	b.Importance = widget.LowImportance
	return b
}

// ToolbarObject makes the button a widget.ToolbarItem.
func (b *tipButton) ToolbarObject() fyne.CanvasObject { return b }

// MouseIn shows the tip after a moment.
func (b *tipButton) MouseIn(e *desktop.MouseEvent) {
	b.Button.MouseIn(e)
	b.tips.hover(b, b.tip)
}

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.tips.hide()
}

// Tapped hides the tip, which would cover what the button opens.
func (b *tipButton) Tapped(e *fyne.PointEvent) {
	b.tips.hide()
	b.Button.Tapped(e)
}
