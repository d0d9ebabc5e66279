package app

import (
	"sync"
	"time"
)

// debounce runs work off the UI goroutine once input pauses: each call
// of schedule replaces the work still waiting, and the result of work
// that a later call, or stop, overtook while it ran is dropped rather
// than shown. It is the one way the window's background work comes back
// to the widgets: with no delay it runs work at once (an export, a scan
// of the blog folder), and the newest result wins all the same.
type debounce struct {
	delay time.Duration

	mu    sync.Mutex
	timer *time.Timer
	gen   uint64 // the newest call; the results of older ones are stale
	work  func() (show func())
}

// schedule runs work on a timer goroutine once delay passes without
// another call, and then show, the function work returns, through do,
// which runs it on the UI goroutine, unless another call came meanwhile.
func (d *debounce) schedule(work func() (show func()), do func(func())) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cancel()
	d.work = work
	gen := d.gen
	d.timer = time.AfterFunc(d.delay, func() { d.run(gen, do) })
}

// run runs the work of call gen, on a timer goroutine.
func (d *debounce) run(gen uint64, do func(func())) {
	d.mu.Lock()
	if gen != d.gen {
		d.mu.Unlock()
		return
	}
	// The work holds what it works on, a whole post maybe; the timer
	// keeps its function until the next call, so it must not hold the
	// work.
	work := d.work
	d.work = nil
	d.mu.Unlock()

	show := work()
	do(func() {
		d.mu.Lock()
		stale := gen != d.gen
		d.mu.Unlock()
		if !stale {
			show()
		}
	})
}

// stop drops work still waiting, and the result of work running, as the
// window closes.
func (d *debounce) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.cancel()
}

// cancel makes the work waiting or running stale and stops its timer.
// d.mu must be held.
func (d *debounce) cancel() {
	d.gen++
	d.work = nil
	if d.timer != nil {
		d.timer.Stop()
	}
}
