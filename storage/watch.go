package storage

import (
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// WatchQuiet is how long Watch waits after the last event before it
// reports: a save by another program, or a git checkout, is a burst of
// events.
const WatchQuiet = 100 * time.Millisecond

// Watch calls onChange, on a goroutine of its own, when the file at path
// may have changed: written, replaced, renamed or removed. It watches the
// folder, not the file, because editors and git replace a file by renaming
// another over it, which a watch on the file itself would lose. Bursts of
// events are reported once, WatchQuiet after the last one. onChange only
// says "look again": use FileState.Changed to tell whether the content
// really changed.
//
// stop ends the watch; onChange is not called once stop has returned.
// stop must not be called from inside onChange.
func Watch(path string, onChange func()) (stop func(), err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	if err := w.Add(filepath.Dir(abs)); err != nil {
		_ = w.Close()
		return nil, fmt.Errorf("watch %s: %w", path, err)
	}
	done := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		timer := time.NewTimer(WatchQuiet)
		timer.Stop()
		for {
			select {
			case <-done:
				timer.Stop()
				return
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				// A change of mode alone (a backup tool, a virus scanner)
				// is not a change of content.
				if filepath.Clean(ev.Name) == abs && ev.Op != fsnotify.Chmod {
					timer.Reset(WatchQuiet)
				}
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
				// An overflow loses events; report, so the caller looks.
				timer.Reset(WatchQuiet)
			case <-timer.C:
				select {
				case <-done:
					return
				default:
					onChange()
				}
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			_ = w.Close()
			<-exited
		})
	}, nil
}
