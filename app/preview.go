package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/preview"
	poststorage "github.com/postdesk/postdesk/storage"
)

// previewDelay is how long typing must pause before the preview renders
// again: long enough that a fast typist's keys do not each cost a render,
// short enough that the preview seems to follow.
const previewDelay = 150 * time.Millisecond

// previewPane shows the rendered post as a column of one RichText per
// top-level block, of which only the blocks near the viewport are laid
// out (see preview.Column). Rendering runs off the UI goroutine; only the
// finished blocks come back, through do, and a block whose key is
// unchanged keeps its widget and its height, so a keystroke costs the
// layout of the block it changed, and only if that block is in view.
type previewPane struct {
	column    *preview.Column
	scroll    *container.Scroll
	renderer  *preview.Renderer
	rendering debounce
	// do runs a function on the UI goroutine: fyne.Do in the app; tests
	// run the functions on their own goroutine, which stands for it.
	do func(func())
}

func newPreviewPane() *previewPane {
	c := preview.NewColumn()
	p := &previewPane{
		column: c, scroll: c.Scroll(), renderer: preview.New(),
		rendering: debounce{delay: previewDelay}, do: fyne.Do,
	}
	p.renderer.SetPageWheel(p.scroll.Scrolled)
	return p
}

// schedule renders body after the typing pauses, replacing any render
// still waiting.
func (p *previewPane) schedule(body editor.Snapshot, opt poststorage.Site) {
	p.rendering.schedule(func() func() {
		blocks := p.renderer.RenderBlocks([]byte(body.LF()), opt)
		return func() { p.apply(blocks) }
	}, func(f func()) { p.do(f) }) // do as it is once the render is done
}

// apply shows blocks, on the UI goroutine. The block at the top of the
// viewport stays where it is, so the reader keeps their place whatever
// changed above it.
func (p *previewPane) apply(blocks []preview.Block) {
	p.column.SetBlocks(blocks)
}

// showLine scrolls the preview so that the block holding source line
// line (counted from 0 in the body) is at the top, for the preview to
// follow the editor. It must run on the UI goroutine.
func (p *previewPane) showLine(line int) {
	p.column.ShowLine(line)
}

// stop drops any render still waiting or running, as the window closes.
func (p *previewPane) stop() {
	p.rendering.stop()
}
