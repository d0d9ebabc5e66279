package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// diffOp says whether a line of a line diff is in both texts, only the
// old one or only the new one; its value is the line's gutter mark.
type diffOp byte

// The ops of a line diff.
const (
	diffSame    diffOp = ' '
	diffRemoved diffOp = '-'
	diffAdded   diffOp = '+'
)

// diffLine is one line of a line diff, with its numbers in the old and
// the new text, 0 in the one it is not in.
type diffLine struct {
	op           diffOp
	text         string
	oldNo, newNo int
}

// maxDiffEdits bounds the search for the fewest lines removed and added:
// memory grows with its square. Past it the changed middle shows as all
// removed, then all added, which is still true, only less helpful.
const maxDiffEdits = 2000

// lineDiff compares two texts line by line. Lines in both stretches of
// the head and the tail that the texts share are matched first, so that
// the search runs only over the middle that changed: a few edits in a
// long post cost little.
func lineDiff(old, new string) []diffLine {
	a, b := splitLines(old), splitLines(new)
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ops := slices.Repeat([]diffOp{diffSame}, head)
	ops = append(ops, diffMiddle(a[head:len(a)-tail], b[head:len(b)-tail])...)
	ops = append(ops, slices.Repeat([]diffOp{diffSame}, tail)...)

	lines := make([]diffLine, 0, len(ops))
	i, j := 0, 0
	for _, op := range ops {
		switch op {
		case diffSame:
			lines = append(lines, diffLine{op, a[i], i + 1, j + 1})
			i, j = i+1, j+1
		case diffRemoved:
			lines = append(lines, diffLine{op, a[i], i + 1, 0})
			i++
		case diffAdded:
			lines = append(lines, diffLine{op, b[j], 0, j + 1})
			j++
		}
	}
	return lines
}

// splitLines splits text into lines, CRLF or LF, without the final
// line break.
func splitLines(text string) []string {
	text = strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}

// diffMiddle finds the fewest lines to remove from a and add to turn it
// into b (Myers' algorithm, which takes time in proportion to the lines
// times the edits), and orders each change as its removed lines, then
// its added ones, as a reader expects.
func diffMiddle(a, b []string) []diffOp {
	n, m := len(a), len(b)
	replaced := func() []diffOp {
		return append(slices.Repeat([]diffOp{diffRemoved}, n), slices.Repeat([]diffOp{diffAdded}, m)...)
	}
	if n == 0 || m == 0 {
		return replaced()
	}
	limit := min(n+m, maxDiffEdits)
	off := limit + 1
	v := make([]int, 2*limit+3) // v[off+k]: the furthest x on diagonal k
	var trace [][]int           // trace[d][k+d]: v after d edits
	found := -1
	for d := 0; d <= limit && found < 0; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // a line added
			} else {
				x = v[off+k-1] + 1 // a line removed
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
	}
	if found < 0 {
		return replaced()
	}

	ops := make([]diffOp, 0, n+m)
	x, y := n, m
	for d := found; d > 0; d-- {
		prev := trace[d-1]
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && prev[k-1+d-1] < prev[k+1+d-1]) {
			prevK = k + 1
		}
		prevX := prev[prevK+d-1]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			ops = append(ops, diffSame)
			x, y = x-1, y-1
		}
		if prevK == k+1 {
			ops = append(ops, diffAdded)
		} else {
			ops = append(ops, diffRemoved)
		}
		x, y = prevX, prevY
	}
	for ; x > 0; x-- {
		ops = append(ops, diffSame)
	}
	slices.Reverse(ops)
	return removedFirst(ops)
}

// removedFirst reorders each run of changed lines as its removed lines,
// then its added ones; removals and additions index different texts, so
// the diff says the same.
func removedFirst(ops []diffOp) []diffOp {
	for i := 0; i < len(ops); {
		if ops[i] == diffSame {
			i++
			continue
		}
		j, removed := i, 0
		for ; j < len(ops) && ops[j] != diffSame; j++ {
			if ops[j] == diffRemoved {
				removed++
			}
		}
		for k := i; k < j; k++ {
			ops[k] = diffAdded
			if k < i+removed {
				ops[k] = diffRemoved
			}
		}
		i = j
	}
	return ops
}

// diffContext is how many unchanged lines are shown around a change;
// longer unchanged stretches fold into one line that says how long.
const diffContext = 3

// diffRow is one row of the compare view: a line, or a fold.
type diffRow struct {
	diffLine
	folded int // unchanged lines this row stands for; 0 for a line
}

// diffRows keeps the changed lines and diffContext lines around each,
// folding the unchanged stretches between.
func diffRows(lines []diffLine) []diffRow {
	near := make([]bool, len(lines))
	for i, l := range lines {
		if l.op == diffSame {
			continue
		}
		for j := max(0, i-diffContext); j <= min(len(lines)-1, i+diffContext); j++ {
			near[j] = true
		}
	}
	var rows []diffRow
	for i := 0; i < len(lines); {
		if near[i] {
			rows = append(rows, diffRow{diffLine: lines[i]})
			i++
			continue
		}
		j := i
		for j < len(lines) && !near[j] {
			j++
		}
		rows = append(rows, diffRow{folded: j - i})
		i = j
	}
	return rows
}

// newDiffGrid lays the diff out as monospace text in the normal
// foreground colour, numbered in both texts, with removed lines on a red
// ground marked "-" and added lines on a green ground marked "+". It
// scrolls both ways inside whatever size it is given.
func newDiffGrid(lines []diffLine) *widget.TextGrid {
	rows := diffRows(lines)
	width := 1
	if len(lines) > 0 {
		last := lines[len(lines)-1]
		width = len(strconv.Itoa(max(last.oldNo, last.newNo, 1)))
	}
	number := func(n int) string {
		if n == 0 {
			return strings.Repeat(" ", width)
		}
		return fmt.Sprintf("%*d", width, n)
	}
	var text strings.Builder
	for i, r := range rows {
		if i > 0 {
			text.WriteByte('\n')
		}
		if r.folded > 0 {
			fmt.Fprintf(&text, "%s ⋯ %d unchanged %s", strings.Repeat(" ", 2*width), r.folded, plural(r.folded, "line"))
			continue
		}
		fmt.Fprintf(&text, "%s %s %c %s", number(r.oldNo), number(r.newNo), r.op, r.text)
	}
	grid := widget.NewTextGrid()
	grid.Scroll = fyne.ScrollBoth
	grid.SetText(text.String())

	styles := map[diffOp]*widget.CustomTextGridStyle{
		diffRemoved: {BGColor: tint(theme.ColorNameError)},
		diffAdded:   {BGColor: tint(theme.ColorNameSuccess)},
	}
	marks := map[diffOp]*widget.CustomTextGridStyle{
		diffRemoved: {FGColor: theme.Color(theme.ColorNameError), TextStyle: fyne.TextStyle{Bold: true}},
		diffAdded:   {FGColor: theme.Color(theme.ColorNameSuccess), TextStyle: fyne.TextStyle{Bold: true}},
	}
	fold := &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNamePlaceHolder)}
	for i, r := range rows {
		switch {
		case r.folded > 0:
			grid.SetRowStyle(i, fold)
		case r.op != diffSame:
			grid.SetRowStyle(i, styles[r.op])
			grid.SetStyle(i, 2*width+2, marks[r.op])
		}
	}
	return grid
}

// tint is a theme colour faint enough to lay text in the normal
// foreground on, in light and dark variants alike.
func tint(name fyne.ThemeColorName) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x40}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// compareAction is a button of the compare dialog: its label, and what
// it does once the dialog has closed.
type compareAction struct {
	label   string
	do      func()
	primary bool
}

// showDiff shows the line diff from old to new in a dialog that fills
// the window, the diff scrolling inside it, with a Close button and the
// actions given. oldName and newName say, in the legend, what the texts
// are.
func (u *ui) showDiff(title, oldName, newName, old, new string, actions ...compareAction) *dialog.CustomDialog {
	lines := lineDiff(old, new)
	removed, added := 0, 0
	for _, l := range lines {
		switch l.op {
		case diffRemoved:
			removed++
		case diffAdded:
			added++
		}
	}
	legend := widget.NewLabel(fmt.Sprintf("− %d %s only in %s    + %d %s only in %s",
		removed, plural(removed, "line"), oldName, added, plural(added, "line"), newName))
	if removed+added == 0 {
		legend.SetText("The texts have the same lines; they differ only in line endings or the final line break.")
	}
	legend.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(legend, nil, nil, nil, newDiffGrid(lines))

	var d *dialog.CustomDialog
	buttons := []fyne.CanvasObject{widget.NewButton("Close", func() { d.Hide() })}
	for _, a := range actions {
		b := widget.NewButton(a.label, func() { d.Hide(); a.do() })
		if a.primary {
			b.Importance = widget.HighImportance
		}
		buttons = append(buttons, b)
	}
	d = dialog.NewCustomWithoutButtons(title, content, u.win)
	d.SetButtons(buttons)
	// Sized before it shows: the overlay centres the dialog only then.
	margin := 2 * theme.Padding()
	size := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(size.Width-2*margin, size.Height-2*margin))
	d.Show()
	return d
}
