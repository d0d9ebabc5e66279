package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// previewDelay is how long typing must pause before the preview renders
// again: long enough that a fast typist's keys do not each cost a render,
// short enough that the preview seems to follow.
const previewDelay = 150 * time.Millisecond

// previewPane shows the rendered post. Rendering runs off the UI
// goroutine; only the finished segments come back, through fyne.Do, so
// typing never waits for the preview.
type previewPane struct {
	rich     *widget.RichText
	scroll   *container.Scroll
	renderer *editor.Previewer

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
	p := &previewPane{rich: widget.NewRichText(), renderer: editor.NewPreviewer(), do: fyne.Do}
	p.rich.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(p.rich)
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

	segs := p.renderer.Render([]byte(job.body), job.opt)
	p.do(func() {
		p.mu.Lock()
		stale := gen != p.gen
		p.mu.Unlock()
		if stale {
			return
		}
		// Keep the reader's place: RichText keeps no scroll state, the
		// Scroll around it does, and it is left as it is.
		p.rich.Segments = segs
		p.rich.Refresh()
	})
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
