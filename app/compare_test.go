package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// diffText writes a line diff as the gutter marks and texts, one line each.
func diffText(lines []diffLine) string {
	var b strings.Builder
	for _, l := range lines {
		fmt.Fprintf(&b, "%c%s|%d,%d\n", l.op, l.text, l.oldNo, l.newNo)
	}
	return b.String()
}

func TestLineDiff(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"same", "a\nb\n", "a\nb\n", " a|1,1\n b|2,2\n"},
		{"crlf", "a\r\nb\r\n", "a\nb", " a|1,1\n b|2,2\n"},
		{"from nothing", "", "a\nb\n", "+a|0,1\n+b|0,2\n"},
		{"to nothing", "a\n", "", "-a|1,0\n"},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", " a|1,1\n-b|2,0\n+B|0,2\n c|3,3\n"},
		{"inserted", "a\nc\n", "a\nb\nc\n", " a|1,1\n+b|0,2\n c|2,3\n"},
		{"removed", "a\nb\nc\n", "a\nc\n", " a|1,1\n-b|2,0\n c|3,2\n"},
		{"two changes apart", "a\nb\nc\nd\ne\n", "a\nB\nc\nd\nE\n",
			" a|1,1\n-b|2,0\n+B|0,2\n c|3,3\n d|4,4\n-e|5,0\n+E|0,5\n"},
		{"moved line", "x\na\nb\nc\n", "a\nb\nc\nx\n", "-x|1,0\n a|2,1\n b|3,2\n c|4,3\n+x|0,4\n"},
		{"removed before added", "a\nb\nc\n", "1\n2\n3\n",
			"-a|1,0\n-b|2,0\n-c|3,0\n+1|0,1\n+2|0,2\n+3|0,3\n"},
	} {
		if got := diffText(lineDiff(tc.old, tc.new)); got != tc.want {
			t.Errorf("%s: diff is\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestLineDiffLargeIsFast: two edits far apart in a long post; trimming
// the shared head and tail and searching only the middle keeps it quick,
// and the diff is still the two edits.
func TestLineDiffLargeIsFast(t *testing.T) {
	var lines []string
	for i := range 20000 {
		lines = append(lines, fmt.Sprintf("줄 %d: 긴 글의 한 문단입니다.", i))
	}
	old := strings.Join(lines, "\n")
	lines[10], lines[19990] = "바뀐 줄", "또 바뀐 줄"
	start := time.Now()
	diff := lineDiff(old, strings.Join(lines, "\n"))
	if took := time.Since(start); took > time.Second {
		t.Errorf("diffing took %v", took)
	}
	changed := 0
	for _, l := range diff {
		if l.op != diffSame {
			changed++
		}
	}
	if changed != 4 || len(diff) != 20002 {
		t.Errorf("%d changed lines of %d, want 4 of 20002", changed, len(diff))
	}
	// Past maxDiffEdits the middle shows as replaced, still quickly.
	other := make([]string, len(lines))
	for i := range other {
		other[i] = fmt.Sprintf("다른 %d", i)
	}
	start = time.Now()
	diff = lineDiff(old, strings.Join(other, "\n"))
	if took := time.Since(start); took > 5*time.Second || len(diff) != 40000 {
		t.Errorf("a rewrite took %v and gave %d lines", took, len(diff))
	}
}

func TestDiffRowsFoldUnchanged(t *testing.T) {
	old := strings.Repeat("same\n", 20) + "old\n" + strings.Repeat("same\n", 20)
	rows := diffRows(lineDiff(old, strings.Replace(old, "old", "new", 1)))
	var got []string
	for _, r := range rows {
		if r.folded > 0 {
			got = append(got, fmt.Sprint(r.folded))
		} else {
			got = append(got, string(r.op))
		}
	}
	if want := "17, , , ,-,+, , , ,17"; strings.Join(got, ",") != want {
		t.Errorf("rows %s, want %s", strings.Join(got, ","), want)
	}
}

// The edit within a changed line is on a stronger ground than the rest
// of it (the k-th removed line of a change paired with its k-th added
// one), and a line wider than the grid wraps, wide runes taking two
// cells.
func TestDiffGridMarksEditAndWraps(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("가", 50)
	grid := newDiffGrid(lineDiff("같음\n가나다라마\n"+long+"\n", "같음\n가나X라마\n"+long+"끝\n"), 30)
	var rows []string
	for i := range grid.Rows {
		rows = append(rows, grid.RowText(i))
	}
	want := []string{
		"1 1   같음",
		"2   - 가나다라마",
		"3   - " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      가가",
		"  2 + 가나X라마",
		"  3 + " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      " + strings.Repeat("가", 12),
		"      가가끝",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Fatalf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	strongCells := func(row int) string {
		var b strings.Builder
		for _, c := range grid.Rows[row].Cells {
			if c.Style != nil && c.Style.BackgroundColor() != nil {
				b.WriteRune(c.Rune)
			}
		}
		return b.String()
	}
	if got := strongCells(1); got != "다 " { // the rune and its second cell
		t.Errorf("removed line marks %q, want 다", got)
	}
	if got := strongCells(7); got != "X" {
		t.Errorf("added line marks %q, want X", got)
	}
	if got := strongCells(12); got != "끝 " {
		t.Errorf("wrapped added line marks %q, want 끝", got)
	}
	if got := strongCells(4); got != "" {
		t.Errorf("the unchanged part of a wrapped line is marked: %q", got)
	}
}
