package app

import (
	"fmt"

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
}

func newStatusBar() *statusBar {
	s := &statusBar{
		path:   widget.NewLabel(""),
		state:  widget.NewLabel(""),
		counts: widget.NewLabel(""),
		err:    widget.NewLabel(""),
	}
	s.path.Truncation = fyne.TextTruncateEllipsis
	s.err.Importance = widget.DangerImportance
	s.err.Truncation = fyne.TextTruncateEllipsis
	s.box = container.NewBorder(nil, nil, s.state, s.counts, container.NewGridWithColumns(2, s.path, s.err))
	return s
}

func (s *statusBar) show(path string, modified bool, st editor.Stats, problem error) {
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
	s.counts.SetText(fmt.Sprintf("%d words · %d characters · %d min read", st.Words, st.Chars, st.Minutes))
	s.setError(problem)
}

func (s *statusBar) setError(problem error) {
	if problem == nil {
		s.err.SetText("")
		return
	}
	s.err.SetText(problem.Error())
}
