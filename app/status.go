package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// statusBar is the line under the editor: file, saved state, counts and
// the current problem, if any: the post's own (front matter that does not
// parse), else the last form edit's, else the last notice (a failed save,
// an outside change), which stays until the next notice or a successful
// save. While slow work runs in the background, it says what.
type statusBar struct {
	box    *fyne.Container
	path   *widget.Label
	state  *widget.Label
	counts *widget.Label
	err    *widget.Label
	busy   *widget.Label

	problem, field, notice string
	tasks                  []string // the slow work running, as busy shows it

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
		busy:   widget.NewLabel(""),

		counting: debounce{delay: countDelay},
	}
	s.path.Truncation = fyne.TextTruncateEllipsis
	s.err.Importance = widget.DangerImportance
	s.err.Truncation = fyne.TextTruncateEllipsis
	s.busy.Importance = widget.LowImportance
	s.busy.Hide()
	s.box = container.NewBorder(nil, nil, s.state, container.NewHBox(s.busy, s.counts), container.NewGridWithColumns(2, s.path, s.err))
	return s
}

// show is called on every change; a label is set again only when its
// text changes, as Fyne lays a label out again on each SetText.
func (s *statusBar) show(path string, modified bool, problem error) {
	switch {
	case modified:
		setText(s.state, "● Unsaved")
	case path == "":
		setText(s.state, "New")
	default:
		setText(s.state, "Saved")
	}
	if path == "" {
		path = "Untitled post"
	}
	setText(s.path, path)
	s.problem = ""
	if problem != nil {
		s.problem = problem.Error()
	}
	s.showProblem()
}

// scheduleCounts counts body after a pause and shows the counts through
// do, which runs a function on the UI goroutine.
func (s *statusBar) scheduleCounts(body editor.Snapshot, do func(func())) {
	s.counting.schedule(func() func() {
		st := editor.Count(body.LF())
		return func() { s.showCounts(st) }
	}, do)
}

func (s *statusBar) showCounts(st editor.Stats) {
	setText(s.counts, fmt.Sprintf("%d words · %d characters · %d min read", st.Words, st.Chars, st.Minutes))
}

// stop drops a count still waiting, as the window closes.
func (s *statusBar) stop() {
	s.counting.stop()
}

// setError shows a notice; nil clears it.
func (s *statusBar) setError(notice error) {
	s.notice = ""
	if notice != nil {
		s.notice = notice.Error()
	}
	s.showProblem()
}

// setFieldError shows why the last form edit was refused; nil, after an
// edit that worked, clears it.
func (s *statusBar) setFieldError(err error) {
	s.field = ""
	if err != nil {
		s.field = err.Error()
	}
	s.showProblem()
}

func (s *statusBar) showProblem() {
	switch {
	case s.problem != "":
		setText(s.err, s.problem)
	case s.field != "":
		setText(s.err, s.field)
	default:
		setText(s.err, s.notice)
	}
}

// setBusy shows that the slow work named by task ("Exporting…") runs, or,
// with on false, that it is done. A task started again before it was done
// is shown once.
func (s *statusBar) setBusy(task string, on bool) {
	at := slices.Index(s.tasks, task)
	switch {
	case on && at < 0:
		s.tasks = append(s.tasks, task)
	case !on && at >= 0:
		s.tasks = slices.Delete(s.tasks, at, at+1)
	}
	setText(s.busy, strings.Join(s.tasks, " · "))
	if len(s.tasks) > 0 {
		s.busy.Show()
	} else {
		s.busy.Hide()
	}
}

// setText sets a label's text if it differs.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}
