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
	"golang.org/x/text/width"
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
	head, tail := sharedEnds(a, b)
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
// ground marked "-" and added lines on a green ground marked "+"; where a
// changed line pairs with one in its place, what differs between the two
// is on a stronger ground. A line wider than cols columns wraps, so that a
// paragraph written as one line shows whole; the grid scrolls inside
// whatever size it is given.
func newDiffGrid(lines []diffLine, cols int) *widget.TextGrid {
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
	ground := map[diffOp]widget.TextGridStyle{
		diffRemoved: &widget.CustomTextGridStyle{BGColor: tint(theme.ColorNameError, 0x40)},
		diffAdded:   &widget.CustomTextGridStyle{BGColor: tint(theme.ColorNameSuccess, 0x40)},
	}
	strong := map[diffOp]widget.TextGridStyle{
		diffRemoved: &widget.CustomTextGridStyle{BGColor: tint(theme.ColorNameError, 0x90)},
		diffAdded:   &widget.CustomTextGridStyle{BGColor: tint(theme.ColorNameSuccess, 0x90)},
	}
	marks := map[diffOp]widget.TextGridStyle{
		diffRemoved: &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNameError), TextStyle: fyne.TextStyle{Bold: true}},
		diffAdded:   &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNameSuccess), TextStyle: fyne.TextStyle{Bold: true}},
	}
	fold := &widget.CustomTextGridStyle{FGColor: theme.Color(theme.ColorNamePlaceHolder)}
	spans := changedSpans(rows)

	indent := 2*width + 4 // "12 13 + "
	g := gridBuilder{indent: indent, cols: max(cols-indent, 20)}
	for i, r := range rows {
		if r.folded > 0 {
			g.line(fmt.Sprintf("%*s(%s)", indent, "", countOf(r.folded, "unchanged line")), fold, nil, nil, span{})
			continue
		}
		gutter := fmt.Sprintf("%s %s %c ", number(r.oldNo), number(r.newNo), r.op)
		g.line(gutter+r.text, ground[r.op], marks[r.op], strong[r.op], spans[i])
	}
	grid := widget.NewTextGrid()
	grid.Scroll = fyne.ScrollBoth
	grid.Rows = g.rows
	return grid
}

// span is the runes [from, to) of a line's text that differ from the
// line paired with it; empty when none are marked.
type span struct{ from, to int }

// changedSpans pairs, in each run of changed rows with as many removed
// as added lines, the k-th removed line with the k-th added one, and
// marks in each what lies between the runes the two share at their
// start and at their end: the edit within a long paragraph.
func changedSpans(rows []diffRow) map[int]span {
	spans := map[int]span{}
	for i := 0; i < len(rows); {
		if rows[i].folded > 0 || rows[i].op == diffSame {
			i++
			continue
		}
		j := i
		for j < len(rows) && rows[j].folded == 0 && rows[j].op != diffSame {
			j++
		}
		n := (j - i) / 2
		if rows[i+n].op == diffAdded && (j-i)%2 == 0 && (n == 0 || rows[i+n-1].op == diffRemoved) {
			for k := i; k < i+n; k++ {
				a, b := []rune(rows[k].text), []rune(rows[k+n].text)
				head, tail := sharedEnds(a, b)
				if head+tail > 0 {
					spans[k] = span{head, len(a) - tail}
					spans[k+n] = span{head, len(b) - tail}
				}
			}
		}
		i = j
	}
	return spans
}

// gridBuilder makes the rows of a text grid from lines of text that
// start with a gutter of indent columns, wrapping each after cols more
// columns; wrapped rows start with a blank gutter.
type gridBuilder struct {
	rows         []widget.TextGridRow
	indent, cols int
}

// diffTabWidth is the columns between tab stops, as TextGrid's own.
const diffTabWidth = 4

// line adds text, styled by the row style, its gutter's last mark cell
// styled by mark, and the runes of hi (counted after the gutter) by
// strong. A wide rune, Hangul among them, takes two cells, as TextGrid
// draws it: the rune and a blank.
func (g *gridBuilder) line(text string, style, mark, strong widget.TextGridStyle, hi span) {
	row := widget.TextGridRow{Style: style}
	col, k := 0, 0 // the column and the rune in the text after the gutter
	for _, r := range text {
		if len(row.Cells) < g.indent {
			row.Cells = append(row.Cells, widget.TextGridCell{Rune: r})
			if len(row.Cells) == g.indent-1 {
				row.Cells[len(row.Cells)-1].Style = mark
			}
			continue
		}
		var cell widget.TextGridStyle
		if k >= hi.from && k < hi.to {
			cell = strong
		}
		k++
		w := runeWidth(r)
		if r == '\t' {
			r, w = ' ', diffTabWidth-col%diffTabWidth
		}
		if col > 0 && col+w > g.cols {
			g.rows = append(g.rows, row)
			row = widget.TextGridRow{Style: style, Cells: make([]widget.TextGridCell, g.indent)}
			for c := range row.Cells {
				row.Cells[c].Rune = ' '
			}
			col = 0
		}
		row.Cells = append(row.Cells, widget.TextGridCell{Rune: r, Style: cell})
		for range w - 1 {
			row.Cells = append(row.Cells, widget.TextGridCell{Rune: ' ', Style: cell})
		}
		col += w
	}
	g.rows = append(g.rows, row)
}

// runeWidth is the columns a rune takes in a monospace grid: two for the
// wide and fullwidth runes of East Asian scripts, one for the rest.
func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// tint is a theme colour made translucent, so that text in the normal
// foreground reads on it in light and dark variants alike.
func tint(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
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
	legend := widget.NewLabel(fmt.Sprintf("− %s only in %s    + %s only in %s",
		countOf(removed, "line"), oldName, countOf(added, "line"), newName))
	if removed+added == 0 {
		legend.SetText("The texts have the same lines; they differ only in line endings or the final line break.")
	}
	legend.Wrapping = fyne.TextWrapWord
	// The dialog fills the window: lines wrap at the grid's width there,
	// less the dialog's padding and the scroll bar.
	margin := 2 * theme.Padding()
	size := u.win.Canvas().Size()
	cell := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{Monospace: true})
	cols := int((size.Width - 2*margin - 6*theme.Padding() - theme.ScrollBarSize()) / cell.Width)
	content := container.NewBorder(legend, nil, nil, nil, newDiffGrid(lines, cols))

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
	d.Resize(fyne.NewSize(size.Width-2*margin, size.Height-2*margin))
	u.showDialog(d)
	return d
}

// showCompare shows how the post here differs from the file on disk, for
// the choice between them that the dialog beneath offers.
func (u *ui) showCompare(title, disk, here string) {
	u.showDiff(title, "the file on disk", "the text here", disk, here)
}

// sharedEnds returns how many elements a and b share at the start, and
// how many of the rest they share at the end.
func sharedEnds[T comparable](a, b []T) (head, tail int) {
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	return head, tail
}
