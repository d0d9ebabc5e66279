package preview

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Column is a preview pane's content: the blocks of a post, as
// RenderBlocks returns them, one under the other, of which only those in
// or near the viewport of its scroll have a widget. Laying out a
// RichText is most of what showing a block costs, in time and in memory
// (every row becomes text objects and textures), so a block far from
// the viewport is only a height: the real one if it has been laid out at
// the current width, an estimate from its profile otherwise. Widgets are made as blocks come near the
// viewport and dropped as they leave it, as widget.List does with its
// rows.
//
// Whenever heights change (an estimate replaced by the real height, an
// edit above the viewport, a new width), the block at the top of the
// viewport is held where it is on screen: the scroll offset follows it,
// so the reader's text does not move.
//
// The column lives inside its own scroll, which is what a window shows
// (see Scroll). All of it runs on the UI goroutine.
type Column struct {
	widget.BaseWidget
	scroll *container.Scroll // the scroll that shows the column, whose offset it keeps

	blocks []Block
	rows   []blockRow
	// tops[i] is where block i starts; tops[len(blocks)] is past the
	// padding after the last one.
	tops []float32
	// live are the blocks that have a widget, in block order, and
	// objects their widgets, for the renderer.
	live    []liveBlock
	objects []fyne.CanvasObject
	// spare holds, during SetBlocks, the widgets of blocks that were live
	// and are now elsewhere in the post, by key, for fill to take.
	spare map[string][]*widget.RichText

	width   float32 // the width blocks are laid out at
	metrics *textMetrics
	filling bool
}

// blockRow is what the column knows of a block's height.
type blockRow struct {
	profile blockProfile
	height  float32 // the laid-out height, if at is the current width
	at      float32 // the width height was measured at; 0 until then
}

type liveBlock struct {
	index int
	text  *widget.RichText
}

// overscan is how far past the viewport, as a share of its height,
// blocks are laid out before they show, so that scrolling by a wheel
// step finds them ready; keep is how far they stay laid out, which is
// further, so that scrolling back and forth does not lay one block
// out again and again.
const (
	overscan = 0.5
	keep     = 1.0
)

// NewColumn returns an empty column in a vertical scroll of its own.
func NewColumn() *Column {
	c := &Column{tops: []float32{0}}
	c.ExtendBaseWidget(c)
	c.scroll = container.NewVScroll(c)
	c.scroll.OnScrolled = func(fyne.Position) { c.fill() }
	return c
}

// Scroll returns the scroll that shows the column: the object to put in
// a window. The column keeps its offset, so it is the column's own.
func (c *Column) Scroll() *container.Scroll { return c.scroll }

// Blocks returns the blocks shown, as SetBlocks was last given them;
// treat them as read-only.
func (c *Column) Blocks() []Block { return c.blocks }

// SetBlocks shows blocks in place of the blocks shown. A block whose key
// was shown keeps its height and, if it has one, its widget; the others
// start at an estimate. The block at the top of the viewport, or the
// block that took its place if it was edited, stays where it is.
func (c *Column) SetBlocks(blocks []Block) {
	old := c.blocks
	head := 0
	for head < len(old) && head < len(blocks) && old[head].Key == blocks[head].Key {
		head++
	}
	tail := 0
	for tail < len(old)-head && tail < len(blocks)-head && old[len(old)-1-tail].Key == blocks[len(blocks)-1-tail].Key {
		tail++
	}
	shift := len(blocks) - len(old)
	at, into := c.anchor()
	switch {
	case len(old) == 0:
		at, into = 0, 0
	case at < head:
	case at >= len(old)-tail:
		at += shift
	case head < len(blocks)-tail: // the anchor was edited: hold what replaced it
		at = min(at, len(blocks)-tail-1)
	default: // the anchor was deleted: hold the block after it
		at, into = min(head, len(blocks)-1), 0
	}

	rows := make([]blockRow, len(blocks))
	copy(rows, c.rows[:head])
	copy(rows[len(blocks)-tail:], c.rows[len(old)-tail:])
	moved := map[string]blockRow{}
	for i := head; i < len(old)-tail; i++ {
		moved[old[i].Key] = c.rows[i]
	}
	for i := head; i < len(blocks)-tail; i++ {
		if r, ok := moved[blocks[i].Key]; ok {
			rows[i] = r
		} else {
			rows[i] = blockRow{profile: c.textMetrics().profile(blocks[i].Segments)}
		}
	}

	live := c.live[:0]
	c.spare = map[string][]*widget.RichText{}
	for _, l := range c.live {
		switch {
		case l.index < head:
		case l.index >= len(old)-tail:
			l.index += shift
		default:
			k := old[l.index].Key
			c.spare[k] = append(c.spare[k], l.text)
			continue
		}
		live = append(live, l)
	}
	clear(c.live[len(live):])
	c.blocks, c.rows, c.live = blocks, rows, live
	c.sumTops()
	if len(blocks) > 0 {
		c.scroll.Offset.Y = c.tops[at] + min(into, c.rowHeight(at))
	}
	c.fill()
	c.spare = nil
	c.scroll.Refresh()
}

// setWidth lays the blocks out at a new width. The block at the top of
// the viewport stays there, as far into it as before in proportion, as
// its text wraps anew.
func (c *Column) setWidth(width float32) {
	if width == c.width || c.filling {
		return
	}
	at, into := c.anchor()
	was := float32(0)
	if len(c.blocks) > 0 {
		was = c.rowHeight(at)
	}
	c.width = width
	c.sumTops()
	if was > 0 {
		c.scroll.Offset.Y = c.tops[at] + into*c.rowHeight(at)/was
	}
}

// ShowLine scrolls the column so that the block holding source line
// line (counted from 0 in the body) is at the top, for the preview to
// follow the editor.
func (c *Column) ShowLine(line int) {
	if len(c.blocks) == 0 {
		return
	}
	i := sort.Search(len(c.blocks), func(i int) bool { return c.blocks[i].EndLine >= line })
	c.scrollToBlock(min(i, len(c.blocks)-1))
}

// scrollToBlock scrolls so that block i is at the top of the viewport,
// or as near as the end of the post allows.
func (c *Column) scrollToBlock(i int) {
	if i < 0 || i >= len(c.blocks) {
		return
	}
	c.scroll.Offset.Y = c.tops[i]
	c.fill()
	c.scroll.Refresh()
}

// anchor returns the block at the top of the viewport and how far into
// it the viewport starts.
func (c *Column) anchor() (int, float32) {
	if len(c.blocks) == 0 {
		return 0, 0
	}
	y := c.scroll.Offset.Y
	i := c.blockAt(y)
	return i, y - c.tops[i]
}

// steadyBlock returns the block the view holds on to while heights
// change: the first that starts inside the view, so that a block cut by
// the top edge, laid out for the first time, grows or shrinks upwards
// out of sight; the block at the top edge when none starts inside.
func (c *Column) steadyBlock(y, view float32) int {
	i := c.blockAt(y)
	if c.tops[i] < y && i+1 < len(c.blocks) && c.tops[i+1] < y+view {
		return i + 1
	}
	return i
}

// blockAt returns the block that covers y, or the padding after which
// it starts; the first or last block past the ends.
func (c *Column) blockAt(y float32) int {
	n := len(c.blocks)
	i := sort.Search(n, func(i int) bool { return c.tops[i+1] > y })
	return min(i, n-1)
}

// fill makes widgets for the blocks near the viewport and drops those
// of the blocks far from it. Blocks laid out for the first time, or at a
// new width, may turn out taller or shorter than estimated; the offset
// then moves with the block at the top of the viewport, which can bring
// other blocks near it, so fill repeats until the heights hold.
func (c *Column) fill() {
	if c.filling {
		return
	}
	if c.width <= 0 || len(c.blocks) == 0 {
		c.setLive(c.live[:0])
		canvas.Refresh(c)
		return
	}
	c.filling = true
	defer func() { c.filling = false }()

	view := c.scroll.Size().Height
	y := c.clampOffset(c.scroll.Offset.Y, view)
	for range 8 {
		at := c.steadyBlock(y, view)
		into := y - c.tops[at]
		if !c.layOut(y-overscan*view, y+(1+overscan)*view) {
			break
		}
		c.sumTops()
		y = c.clampOffset(c.tops[at]+into, view)
	}
	c.scroll.Offset.Y = y
	c.release(y-keep*view, y+(1+keep)*view)

	size := fyne.NewSize(c.width, max(c.height(), view))
	if c.Size() != size {
		// The scroll sizes its content to its MinSize, but only when it
		// next refreshes; until then its bar and offset would go by the
		// old height.
		c.BaseWidget.Resize(size)
	}
	for _, l := range c.live {
		l.text.Move(fyne.NewPos(0, c.tops[l.index]))
	}
	canvas.Refresh(c)
}

// layOut gives a laid-out widget to every block that overlaps [from,
// to), and reports whether any block's height changed.
func (c *Column) layOut(from, to float32) (changed bool) {
	first, last := c.blockAt(from), c.blockAt(to)
	next := make([]liveBlock, 0, len(c.live)+last-first+1)
	j := 0
	for ; j < len(c.live) && c.live[j].index < first; j++ {
		next = append(next, c.live[j])
	}
	for i := first; i <= last; i++ {
		var t *widget.RichText
		if j < len(c.live) && c.live[j].index == i {
			t = c.live[j].text
			j++
		} else {
			t = c.widgetFor(c.blocks[i])
		}
		h := c.size(t, c.rows[i])
		r := &c.rows[i]
		if r.at != c.width || r.height != h {
			changed = changed || c.rowHeight(i) != h
			r.height, r.at = h, c.width
		}
		next = append(next, liveBlock{i, t})
	}
	next = append(next, c.live[j:]...)
	c.setLive(next)
	return changed
}

// widgetFor returns a widget for block b: the one it had if it was live
// before the blocks changed, else a new one.
func (c *Column) widgetFor(b Block) *widget.RichText {
	if ws := c.spare[b.Key]; len(ws) > 0 {
		c.spare[b.Key] = ws[1:]
		return ws[0]
	}
	return newBlockText(b.Segments)
}

// size lays t out at the column's width and makes it as high as it
// needs, which it returns. The text wraps again only when the width
// changes: RichText.Resize wraps again on any change of size, but the
// rows depend on the width alone, so a new height goes to the
// BaseWidget, which only places them. A new widget is given its width
// before its renderer exists, so that the renderer wraps it once, at
// that width, rather than first at none.
func (c *Column) size(t *widget.RichText, r blockRow) float32 {
	switch w := t.Size().Width; {
	case w == 0:
		t.BaseWidget.Resize(fyne.NewSize(c.width, r.height))
	case w != c.width:
		t.Resize(fyne.NewSize(c.width, t.Size().Height))
	}
	h := t.MinSize().Height
	if t.Size().Height != h {
		t.BaseWidget.Resize(fyne.NewSize(c.width, h))
	}
	return h
}

// release drops the widgets of the blocks that do not overlap [from,
// to), and of those laid out at another width.
func (c *Column) release(from, to float32) {
	kept := c.live[:0]
	for _, l := range c.live {
		if c.tops[l.index+1] > from && c.tops[l.index] < to && c.rows[l.index].at == c.width {
			kept = append(kept, l)
		}
	}
	clear(c.live[len(kept):])
	c.setLive(kept)
}

func (c *Column) setLive(live []liveBlock) {
	c.live = live
	clear(c.objects)
	c.objects = c.objects[:0]
	for _, l := range live {
		c.objects = append(c.objects, l.text)
	}
}

// rowHeight is the height block i stands at: laid out, or estimated.
func (c *Column) rowHeight(i int) float32 {
	r := c.rows[i]
	if r.at == c.width {
		return r.height
	}
	return r.profile.height(c.textMetrics().avail(c.width))
}

// sumTops places the blocks one under the other.
func (c *Column) sumTops() {
	c.tops = append(c.tops[:0], 0)
	pad := c.textMetrics().pad
	var y float32
	for i := range c.rows {
		y += c.rowHeight(i) + pad
		c.tops = append(c.tops, y)
	}
}

// height is the height of the column: the blocks and the gaps between.
func (c *Column) height() float32 {
	if len(c.blocks) == 0 {
		return 0
	}
	return c.tops[len(c.blocks)] - c.textMetrics().pad
}

func (c *Column) clampOffset(y, view float32) float32 {
	return max(0, min(y, c.height()-view))
}

func (c *Column) textMetrics() *textMetrics {
	if c.metrics == nil {
		c.metrics = newTextMetrics(c.Theme())
	}
	return c.metrics
}

// newBlockText makes the widget of one block. Text wraps at words; a
// block that is only a code box does not wrap, as the box scrolls its
// code sideways.
func newBlockText(segs []widget.RichTextSegment) *widget.RichText {
	rich := widget.NewRichText(segs...)
	rich.Wrapping = fyne.TextWrapWord
	if len(segs) == 1 {
		if _, ok := segs[0].(*CodeBox); ok {
			rich.Wrapping = fyne.TextWrapOff
		}
	}
	return rich
}

// MinSize is the height of all the blocks; the column takes the width
// it is given.
func (c *Column) MinSize() fyne.Size {
	return fyne.NewSize(0, c.height())
}

// CreateRenderer returns the renderer that shows the live widgets.
func (c *Column) CreateRenderer() fyne.WidgetRenderer {
	return &columnRenderer{c: c}
}

type columnRenderer struct{ c *Column }

// Layout lays the blocks out again when the width changes, holding the
// block at the top of the viewport, and fills a viewport that grew.
func (r *columnRenderer) Layout(size fyne.Size) {
	r.c.setWidth(size.Width)
	r.c.fill()
}

func (r *columnRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *columnRenderer) Objects() []fyne.CanvasObject { return r.c.objects }

// Refresh repaints the column; the blocks' widgets are not refreshed, as
// their content has not changed.
func (r *columnRenderer) Refresh() { canvas.Refresh(r.c) }

func (r *columnRenderer) Destroy() {}
