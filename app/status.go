package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// statusBar is the line under the editor: file, saved state, counts and
// the current problem, if any.
type statusBar struct {
	box    *fyne.Container
	path   *widget.Label
	state  *widget.Label
	counts *widget.Label
	err    *widget.Label

	// Counting a long post's words takes a while, so it waits for a pause
	// in typing and runs off the UI goroutine.
	counting debounce
}

// countDelay is how long typing must pause before the counts update.
const countDelay = 300 * time.Millisecond

func newStatusBar() *statusBar {
	s := &statusBar{
		path:   widget.NewLabel(""),
		state:  widget.NewLabel(""),
		counts: widget.NewLabel(""),
		err:    widget.NewLabel(""),

		counting: debounce{delay: countDelay},
	}
	s.path.Truncation = fyne.TextTruncateEllipsis
	s.err.Importance = widget.DangerImportance
	s.err.Truncation = fyne.TextTruncateEllipsis
	s.box = container.NewBorder(nil, nil, s.state, s.counts, container.NewGridWithColumns(2, s.path, s.err))
	return s
}

func (s *statusBar) show(path string, modified bool, problem error) {
	switch {
	case modified:
		s.state.SetText("● Unsaved")
	case path == "":
		s.state.SetText("New")
	default:
		s.state.SetText("Saved")
	}
	if path == "" {
		path = "Untitled post"
	}
	s.path.SetText(path)
	s.setError(problem)
}

// scheduleCounts counts body after a pause and shows the counts through
// do, which runs a function on the UI goroutine.
func (s *statusBar) scheduleCounts(body string, do func(func())) {
	s.counting.schedule(func() func() {
		st := editor.Count(body)
		return func() { s.showCounts(st) }
	}, do)
}

func (s *statusBar) showCounts(st editor.Stats) {
	s.counts.SetText(fmt.Sprintf("%d words · %d characters · %d min read", st.Words, st.Chars, st.Minutes))
}

// stop drops a count still waiting, as the window closes.
func (s *statusBar) stop() {
	s.counting.stop()
}

func (s *statusBar) setError(problem error) {
	if problem == nil {
		s.err.SetText("")
		return
	}
	s.err.SetText(problem.Error())
}
