package app

import (
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// previewDelay is how long typing must pause before the preview renders
// again: long enough that a fast typist's keys do not each cost a render,
// short enough that the preview seems to follow.
const previewDelay = 150 * time.Millisecond

// previewPane shows the rendered post as a column of one RichText per
// top-level block. Rendering runs off the UI goroutine; only the finished
// blocks come back, through do, and only the widgets of blocks whose key
// changed are made again: Fyne lays out a RichText when it is refreshed
// or resized, so the unchanged ones keep their layout and a keystroke
// costs the layout of one block, not of the post.
type previewPane struct {
	stack    *blockStack
	scroll   *container.Scroll
	renderer *editor.Previewer
	// shown are the blocks the stack shows, one per widget, in order;
	// only the UI goroutine touches it.
	shown []editor.PreviewBlock

	mu      sync.Mutex
	timer   *time.Timer
	pending previewJob
	gen     uint64 // the newest job; an older render finishing late is dropped
	// do runs a function on the UI goroutine: fyne.Do in the app; tests
	// run the functions on their own goroutine, which stands for it.
	do func(func())
}

type previewJob struct {
	body string
	opt  editor.PreviewOptions
}

func newPreviewPane() *previewPane {
	p := &previewPane{stack: newBlockStack(), renderer: editor.NewPreviewer(), do: fyne.Do}
	p.scroll = container.NewVScroll(p.stack)
	return p
}

// schedule renders body after the typing pauses, replacing any render
// still waiting.
func (p *previewPane) schedule(body string, opt editor.PreviewOptions) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	p.pending = previewJob{body, opt}
	if p.timer != nil {
		p.timer.Stop()
	}
	gen := p.gen
	p.timer = time.AfterFunc(previewDelay, func() { p.render(gen) })
}

// render runs on a timer goroutine.
func (p *previewPane) render(gen uint64) {
	p.mu.Lock()
	if gen != p.gen {
		p.mu.Unlock()
		return
	}
	job := p.pending
	p.mu.Unlock()

	blocks := p.renderer.RenderBlocks([]byte(job.body), job.opt)
	p.do(func() {
		p.mu.Lock()
		stale := gen != p.gen
		p.mu.Unlock()
		if stale {
			return
		}
		p.apply(blocks)
	})
}

// apply shows blocks, on the UI goroutine. The blocks at the start and
// end whose keys match what is shown keep their widgets untouched; in
// between, a widget whose key reappears (a block moved, or an undo) is
// reused, and the rest are made new. The scroll offset stays as it was,
// so the reader keeps their place above the edit.
func (p *previewPane) apply(blocks []editor.PreviewBlock) {
	old, objs := p.shown, p.stack.objects
	head := 0
	for head < len(old) && head < len(blocks) && old[head].Key == blocks[head].Key {
		head++
	}
	tail := 0
	for tail < len(old)-head && tail < len(blocks)-head && old[len(old)-1-tail].Key == blocks[len(blocks)-1-tail].Key {
		tail++
	}
	spare := map[string][]fyne.CanvasObject{}
	for i := head; i < len(old)-tail; i++ {
		spare[old[i].Key] = append(spare[old[i].Key], objs[i])
	}
	next := make([]fyne.CanvasObject, 0, len(blocks))
	next = append(next, objs[:head]...)
	for _, b := range blocks[head : len(blocks)-tail] {
		if ws := spare[b.Key]; len(ws) > 0 {
			next = append(next, ws[0])
			spare[b.Key] = ws[1:]
			continue
		}
		next = append(next, newBlockText(b.Segments))
	}
	next = append(next, objs[len(objs)-tail:]...)

	p.shown = blocks
	offset := p.scroll.Offset
	p.stack.setObjects(next)
	p.scroll.Offset = offset
	// Scroll's Refresh clamps the offset to the new height and refreshes
	// the stack, whose Refresh lays out without refreshing the blocks.
	p.scroll.Refresh()
}

// newBlockText makes the widget of one block. Text wraps at words; a
// block that is only a code box does not wrap, as the box scrolls its
// code sideways, and so RichText lays it out once rather than again each
// time its height is set, which for a long block is most of an edit's
// cost.
func newBlockText(segs []widget.RichTextSegment) *widget.RichText {
	rich := widget.NewRichText(segs...)
	rich.Wrapping = fyne.TextWrapWord
	if len(segs) == 1 {
		if _, ok := segs[0].(*editor.CodeBox); ok {
			rich.Wrapping = fyne.TextWrapOff
		}
	}
	return rich
}

// showLine scrolls the preview so that the block holding source line
// line (counted from 0 in the body) is at the top, for the preview to
// follow the editor. It must run on the UI goroutine.
func (p *previewPane) showLine(line int) {
	if len(p.shown) == 0 {
		return
	}
	i := sort.Search(len(p.shown), func(i int) bool { return p.shown[i].EndLine >= line })
	i = min(i, len(p.shown)-1)
	y := p.stack.objects[i].Position().Y
	p.scroll.ScrollToOffset(fyne.NewPos(0, y))
}

// stop drops any render still waiting or running, as the window closes.
func (p *previewPane) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gen++
	if p.timer != nil {
		p.timer.Stop()
	}
}

// blockStack is a vertical column of widgets, like a VBox, except that
// refreshing it lays its children out again without refreshing them: a
// Container's Refresh refreshes every child, and a RichText's Refresh
// wraps all its text again. A child is resized, and so laid out, only
// when the column's width changes or it is new; its height is its
// MinSize, which a RichText caches.
type blockStack struct {
	widget.BaseWidget
	objects []fyne.CanvasObject
	width   float32 // the width the children were last placed at
	min     fyne.Size
}

func newBlockStack() *blockStack {
	s := &blockStack{}
	s.ExtendBaseWidget(s)
	return s
}

// setObjects replaces the children and places them at the current
// width, so that MinSize is right when the scroll asks for it.
func (s *blockStack) setObjects(objs []fyne.CanvasObject) {
	s.objects = objs
	s.place(s.Size().Width)
}

// place sizes the children to width and stacks them, with the theme's
// padding between blocks.
func (s *blockStack) place(width float32) {
	pad := s.Theme().Size(theme.SizeNamePadding)
	var y, minWidth float32
	for i, o := range s.objects {
		if i > 0 {
			y += pad
		}
		if o.Size().Width != width {
			// Wrapping depends on the width; the height follows from it.
			o.Resize(fyne.NewSize(width, o.Size().Height))
		}
		m := o.MinSize()
		if o.Size().Height != m.Height {
			o.Resize(fyne.NewSize(width, m.Height))
		}
		o.Move(fyne.NewPos(0, y))
		y += m.Height
		minWidth = max(minWidth, m.Width)
	}
	s.width = width
	s.min = fyne.NewSize(minWidth, y)
}

// MinSize returns the size of the children as last placed.
func (s *blockStack) MinSize() fyne.Size {
	s.ExtendBaseWidget(s)
	return s.min
}

// CreateRenderer returns the renderer that places the children.
func (s *blockStack) CreateRenderer() fyne.WidgetRenderer {
	return &blockStackRenderer{s: s}
}

type blockStackRenderer struct{ s *blockStack }

func (r *blockStackRenderer) Layout(size fyne.Size) { r.s.place(size.Width) }

func (r *blockStackRenderer) MinSize() fyne.Size { return r.s.min }

func (r *blockStackRenderer) Objects() []fyne.CanvasObject { return r.s.objects }

// Refresh places the children again and repaints the column; it does
// not refresh the children, whose content has not changed.
func (r *blockStackRenderer) Refresh() {
	r.s.place(r.s.Size().Width)
	canvas.Refresh(r.s)
}

func (r *blockStackRenderer) Destroy() {}
