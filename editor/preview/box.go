package preview

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file draws the boxes of the preview: a rounded panel with an
// optional label and accent bar, which code, math and prompts share. A
// panel's geometry is stated once, in panelFrame: the panel lays itself
// out by it, and each box estimates its height by it (see the boxes'
// profile methods), so that the two cannot drift apart.

// boxSizes are the theme's sizes a box's geometry is made of: read from
// the box's own theme when it is laid out, and from the column's when
// its height is estimated.
type boxSizes struct {
	innerPad    float32 // a panel's padding, and a RichText's inset
	pad         float32 // the theme's padding, which a pane leaves between blocks
	lineSpacing float32 // the gap after a block segment, a quarter of a quote's indent
}

func boxSizesOf(th fyne.Theme) boxSizes {
	return boxSizes{
		innerPad:    th.Size(theme.SizeNameInnerPadding),
		pad:         th.Size(theme.SizeNamePadding),
		lineSpacing: th.Size(theme.SizeNameLineSpacing),
	}
}

// sizesFor returns the sizes of w's theme.
func sizesFor(w fyne.Widget) boxSizes { return boxSizesOf(theme.CurrentForWidget(w)) }

// inset is how far a box at list or quote depth indent is set in, in
// the steps RichText indents quotes by, so that it lines up with the
// text: the line spacing, four times per level.
func (s boxSizes) inset(indent int) float32 {
	return s.lineSpacing * 4 * float32(indent)
}

// blockGap is the space between the panels of two blocks shown one under
// the other, each in a RichText of its own, the theme's padding apart:
// the inner padding below the first, the padding, the inner padding
// above the second. Joined panels reach over it.
func (s boxSizes) blockGap() float32 {
	return 2*s.innerPad + s.pad
}

// barWidth is the width of the accent bar.
const barWidth = 4

// panelFrame is what a panel's geometry depends on besides the theme and
// its label.
type panelFrame struct {
	// indent insets the whole panel, in the steps RichText indents
	// quotes by, so that boxes in lists and quotes line up with the text.
	indent int
	bar    bool // an accent bar on the left
	// joinAbove and joinBelow open the panel's top or bottom edge onto
	// the panel of the block above or below it, for a code block shown
	// as several blocks (see CodeBox).
	joinAbove, joinBelow bool
}

// panelInsets place a panel and its content: the panel starts indent
// from the left, and its content left, right, top and bottom from the
// panel's edges. A negative top or bottom reaches past a joined edge.
type panelInsets struct {
	indent, left, right, top, bottom float32
}

// insets returns where a panel in frame f and its content sit, with a
// label label high above the content (0 for none). The content is inset
// by the padding, and on the left by the bar too; a label goes between
// the top padding and the content. Joined above, the content moves up
// over the gap and over its own top padding (the monospace RichText's
// inner padding), so that its first row starts where the last row of
// the panel above ends; joined below, the panel ends right after the
// content's last row, over its own bottom padding.
func (f panelFrame) insets(s boxSizes, label float32) panelInsets {
	in := panelInsets{
		indent: s.inset(f.indent),
		left:   s.innerPad,
		right:  s.innerPad,
		top:    s.innerPad + label,
		bottom: s.innerPad,
	}
	if f.bar {
		in.left += barWidth
	}
	if f.joinAbove {
		in.top = -(s.blockGap() + s.innerPad)
	}
	if f.joinBelow {
		in.bottom = -s.innerPad
	}
	return in
}

// profile estimates the height of a panel in frame f around content,
// with a label label high: the panel's estimate shares its layout's
// insets.
func (f panelFrame) profile(m *textMetrics, label float32, content blockProfile) blockProfile {
	in := f.insets(m.boxSizes, label)
	content.fixed += in.top + in.bottom
	return content
}

// labelHeight estimates the height of a panel's label, 0 for none.
func (m *textMetrics) labelHeight(label string) float32 {
	if label == "" {
		return 0
	}
	return m.line * m.textSize
}

// panel is a tinted, rounded box around content, with an optional label
// above the content and an optional accent bar on its left. Colours are
// theme colour names, read again on every refresh so that the panel
// follows a theme change.
type panel struct {
	widget.BaseWidget
	panelFrame

	// fill is the background; tint, if set, is the colour the background
	// is a light wash of instead.
	fill, tint fyne.ThemeColorName
	border     fyne.ThemeColorName
	accent     fyne.ThemeColorName // the bar's colour
	label      string
	labelColor fyne.ThemeColorName
	labelBold  bool
	content    fyne.CanvasObject
}

func newPanel(p *panel) *panel {
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer implements fyne.Widget.
func (p *panel) CreateRenderer() fyne.WidgetRenderer {
	r := &panelRenderer{p: p, bg: canvas.NewRectangle(color.Transparent)}
	r.objects = []fyne.CanvasObject{r.bg}
	if p.joined() {
		// A stroke would draw the open edges too: the border is instead
		// a rectangle in the border colour behind the fill, showing
		// only where the fill is inset.
		r.edge = canvas.NewRectangle(color.Transparent)
		r.objects = []fyne.CanvasObject{r.edge, r.bg}
	}
	if p.bar {
		r.bar = canvas.NewRectangle(color.Transparent)
		r.objects = append(r.objects, r.bar)
	}
	if p.label != "" {
		r.label = canvas.NewText(p.label, color.Transparent)
		r.label.TextStyle.Bold = p.labelBold
		r.objects = append(r.objects, r.label)
	}
	r.objects = append(r.objects, p.content)
	r.Refresh()
	return r
}

func (p *panel) joined() bool { return p.joinAbove || p.joinBelow }

type panelRenderer struct {
	p       *panel
	bg, bar *canvas.Rectangle
	edge    *canvas.Rectangle // the border of a joined panel
	label   *canvas.Text
	objects []fyne.CanvasObject
}

// geometry returns the panel's theme sizes and its insets at them.
func (r *panelRenderer) geometry() (boxSizes, panelInsets) {
	s := sizesFor(r.p)
	var label float32
	if r.label != nil {
		label = r.label.MinSize().Height
	}
	return s, r.p.insets(s, label)
}

func (r *panelRenderer) Layout(size fyne.Size) {
	s, in := r.geometry()
	indent := in.indent
	r.bg.Move(fyne.NewPos(indent, 0))
	r.bg.Resize(fyne.NewSize(size.Width-indent, size.Height))
	if r.edge != nil {
		// Joined below, the panel also fills the gap under it, and a
		// pixel more, which the panel below covers, so that no seam
		// shows where they meet.
		height := size.Height
		if r.p.joinBelow {
			height += s.blockGap() + 1
		}
		r.edge.Move(fyne.NewPos(indent, 0))
		r.edge.Resize(fyne.NewSize(size.Width-indent, height))
		var top, bottom float32 = 1, 1
		if r.p.joinAbove {
			top = 0
		}
		if r.p.joinBelow {
			bottom = 0
		}
		r.bg.Move(fyne.NewPos(indent+1, top))
		r.bg.Resize(fyne.NewSize(size.Width-indent-2, height-top-bottom))
	}
	if r.bar != nil {
		r.bar.Move(fyne.NewPos(indent, 0))
		r.bar.Resize(fyne.NewSize(barWidth, size.Height))
	}
	if r.label != nil {
		r.label.Move(fyne.NewPos(indent+in.left, s.innerPad))
		r.label.Resize(r.label.MinSize())
	}
	r.p.content.Move(fyne.NewPos(indent+in.left, in.top))
	r.p.content.Resize(fyne.NewSize(max(0, size.Width-indent-in.left-in.right), max(0, size.Height-in.top-in.bottom)))
}

func (r *panelRenderer) MinSize() fyne.Size {
	_, in := r.geometry()
	c := r.p.content.MinSize()
	w := c.Width
	if r.label != nil {
		w = max(w, r.label.MinSize().Width)
	}
	return fyne.NewSize(in.indent+in.left+w+in.right, max(0, in.top+c.Height+in.bottom))
}

func (r *panelRenderer) Refresh() {
	p := r.p
	if p.tint != "" {
		r.bg.FillColor = wash(theme.ColorForWidget(p.tint, p))
	} else {
		r.bg.FillColor = theme.ColorForWidget(p.fill, p)
	}
	radius := theme.SizeForWidget(theme.SizeNameInputRadius, p)
	if r.edge != nil {
		r.edge.FillColor = theme.ColorForWidget(p.border, p)
		setCorners(r.edge, p, radius)
		setCorners(r.bg, p, max(0, radius-1))
	} else {
		if p.border != "" {
			r.bg.StrokeColor = theme.ColorForWidget(p.border, p)
			r.bg.StrokeWidth = 1
		}
		r.bg.CornerRadius = radius
	}
	if r.bar != nil {
		r.bar.FillColor = theme.ColorForWidget(p.accent, p)
	}
	if r.label != nil {
		r.label.Color = theme.ColorForWidget(p.labelColor, p)
		r.label.TextSize = theme.SizeForWidget(theme.SizeNameText, p)
	}
	canvas.Refresh(p)
	r.p.content.Refresh()
}

// setCorners rounds the corners of a joined panel's rectangle that are
// not on an open edge.
func setCorners(rect *canvas.Rectangle, p *panel, radius float32) {
	// A corner radius of 0 means "the rectangle's CornerRadius", so that
	// must be 0 for the open corners to be square.
	rect.CornerRadius = 0
	top, bottom := radius, radius
	if p.joinAbove {
		top = 0
	}
	if p.joinBelow {
		bottom = 0
	}
	rect.TopLeftCornerRadius, rect.TopRightCornerRadius = top, top
	rect.BottomLeftCornerRadius, rect.BottomRightCornerRadius = bottom, bottom
}

func (r *panelRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *panelRenderer) Destroy() {}

// wash is c at low opacity, a tint that keeps text on it readable in
// light and dark themes.
func wash(c color.Color) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0x30
	return n
}

// monoText is a RichText that shows source text as it is: monospace, not
// wrapped, in segments that may carry colours.
func monoText(segs ...widget.RichTextSegment) fyne.CanvasObject {
	t := widget.NewRichText(segs...)
	t.Wrapping = fyne.TextWrapOff
	return t
}

// monoProfile estimates the height of a monoText showing text: its rows,
// which do not wrap, inside the RichText's inset.
func (m *textMetrics) monoProfile(text string) blockProfile {
	rows := 1 + float32(strings.Count(text, "\n"))
	return blockProfile{fixed: rows*m.monoLine*m.textSize + 2*m.innerPad}
}

// MathBox is a display formula (`$$ … $$` on lines of its own), shown as
// its TeX source in monospace on a box tinted with the primary colour.
// The preview has no TeX typesetter; the source is shown verbatim.
type MathBox struct {
	blockBase
	// Formula is the TeX source between the dollar signs.
	Formula string
	// Indent insets the box to line up with list or quote text.
	Indent int

	page func(*fyne.ScrollEvent) // where a wheel turned up or down over the box goes; see hscroll
}

// Textual returns the formula.
func (m *MathBox) Textual() string { return m.Formula }

// frame is the geometry of the box's panel.
func (m *MathBox) frame() panelFrame { return panelFrame{indent: m.Indent} }

// Visual returns the tinted box with the formula in it; a long formula
// scrolls sideways rather than wrapping.
func (m *MathBox) Visual() fyne.CanvasObject {
	st := widget.RichTextStyleCodeBlock
	st.Inline = true
	text := monoText(&widget.TextSegment{Style: st, Text: m.Formula})
	return newPanel(&panel{panelFrame: m.frame(), tint: theme.ColorNamePrimary, content: hscroll(text, m.page)})
}

// profile estimates the box's height: the formula's rows in the panel.
func (m *MathBox) profile(tm *textMetrics) blockProfile {
	return m.frame().profile(tm, 0, tm.monoProfile(m.Formula))
}

// promptColor is the theme's nearest colour to Chirpy's green, blue,
// amber and red prompts.
func promptColor(kind string) fyne.ThemeColorName {
	switch kind {
	case "tip":
		return theme.ColorNameSuccess
	case "info":
		return theme.ColorNamePrimary
	case "warning":
		return theme.ColorNameWarning
	}
	return theme.ColorNameError
}

// PromptBox is a Chirpy prompt, a block quote marked `{: .prompt-tip }`
// (or info, warning, danger): a box washed in the prompt's colour with
// an accent bar and the label "Tip", "Info", "Warning" or "Danger" above
// its content. The attribute line itself is never shown.
type PromptBox struct {
	blockBase
	// Kind is "tip", "info", "warning" or "danger".
	Kind string
	// Body holds the segments of the quote's content, laid out by a
	// RichText of its own inside the box. (It is not called Segments:
	// RichText would then flatten the box instead of drawing it.)
	Body []widget.RichTextSegment
	// Indent insets the box to line up with list or quote text.
	Indent int
}

// Label returns the label the box shows, as Chirpy prints it: the kind
// with a capital.
func (p *PromptBox) Label() string {
	if p.Kind == "" {
		return ""
	}
	return strings.ToUpper(p.Kind[:1]) + p.Kind[1:]
}

// Textual returns the label; the content's text is in Body.
func (p *PromptBox) Textual() string { return p.Label() }

// frame is the geometry of the box's panel: an accent bar on the left.
func (p *PromptBox) frame() panelFrame { return panelFrame{indent: p.Indent, bar: true} }

// Visual returns the coloured box. Its text wraps to the box's width, so
// its height follows the width it is given; Fyne lays the preview out
// again when that height changes.
func (p *PromptBox) Visual() fyne.CanvasObject {
	body := widget.NewRichText(p.Body...)
	body.Wrapping = fyne.TextWrapWord
	c := promptColor(p.Kind)
	return newPanel(&panel{
		panelFrame: p.frame(),
		tint:       c,
		accent:     c,
		label:      p.Label(),
		labelColor: c,
		labelBold:  true,
		content:    &fyne.Container{Layout: &wrapLayout{}, Objects: []fyne.CanvasObject{body}},
	})
}

// profile estimates the box's height: its content, wrapped as the
// column's text is, under the label in the panel.
func (p *PromptBox) profile(m *textMetrics) blockProfile {
	return p.frame().profile(m, m.labelHeight(p.Label()), m.profile(p.Body))
}

// wrapLayout holds a wrapping RichText. Until it has been given a width
// a wrapping RichText measures as one character per line, so its height
// is ignored until then.
type wrapLayout struct{}

func (wrapLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}

func (wrapLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if objs[0].Size().Width <= 0 {
		return fyne.NewSize(0, theme.CurrentForWidget(objs[0]).Size(theme.SizeNameText))
	}
	m := objs[0].MinSize()
	return fyne.NewSize(0, m.Height)
}
