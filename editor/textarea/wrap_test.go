package textarea

import (
	"fmt"
	"testing"
	"time"
	"unicode/utf8"
)

// cells measures a string as one unit per rune, two per wide rune.
func cells(s string) float32 {
	var w float32
	for _, r := range s {
		w++
		if isWide(r) {
			w++
		}
	}
	return w
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		width float32
		want  []int
	}{
		{"empty line", "", 10, []int{0}},
		{"fits", "hello", 10, []int{0}},
		{"exactly the width", "0123456789", 10, []int{0}},
		{"breaks after a space", "hello world foo", 10, []int{0, 6}},
		{"breaks after each space", "hello world foo bar", 10, []int{0, 6, 16}},
		{"spaces hang at the row end", "hello     world", 10, []int{0, 10}},
		{"long word breaks inside", "abcdefghijklmnop", 10, []int{0, 10}},
		{"long word after a short one", "ab abcdefghijklmnop", 10, []int{0, 3, 13}},
		{"Hangul breaks between syllables", "가나다라마바사", 6, []int{0, 3, 6}},
		{"Hangul breaks inside a word too", "안녕 세상아", 8, []int{0, 4}},
		{"Hangul after a space", "안녕 세상아", 6, []int{0, 3}},
		{"no break before punctuation after Hangul", "가나다.", 6, []int{0, 2}},
		{"tab counts as four spaces", "\tabcdefg", 8, []int{0, 1}},
		{"no width keeps one row", "hello world", 0, []int{0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := NewWrapper(cells, tc.width)
			got := w.Wrap([]rune(tc.in))
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Fatalf("Wrap(%q, %v) = %v, want %v", tc.in, tc.width, got, tc.want)
			}
		})
	}
}

func TestWrapCache(t *testing.T) {
	calls := 0
	measure := func(s string) float32 { calls++; return cells(s) }
	b := NewBuffer("aaaa bbbb cccc\nsecond line")
	w := NewWrapper(measure, 10)
	rows := w.Rows(b, 0)
	if fmt.Sprint(rows) != "[0 10]" {
		t.Fatalf("rows %v", rows)
	}
	if &w.Rows(b, 0)[0] != &rows[0] {
		t.Fatalf("unchanged line wrapped again")
	}
	b.Edit(Pos{0, 0}, Pos{0, 0}, "xx", EditOther, zeroTime)
	if got := w.Rows(b, 0); fmt.Sprint(got) != "[0 7]" {
		t.Fatalf("after edit: %v", got)
	}
	w.SetWidth(100)
	if got := w.Rows(b, 0); fmt.Sprint(got) != "[0]" {
		t.Fatalf("after widening: %v", got)
	}
	if calls > 8 {
		t.Fatalf("measured %d times; each rune should be measured once", calls)
	}
}

// FuzzWrap checks that rows cover the line in order and that a row only
// overflows when it holds one rune or ends in spaces.
func FuzzWrap(f *testing.F) {
	f.Add("hello world 안녕하세요 세상", uint8(7))
	f.Add("\t\tx  y", uint8(3))
	f.Fuzz(func(t *testing.T, s string, width uint8) {
		if !utf8.ValidString(s) {
			return
		}
		rs := []rune(s)
		w := NewWrapper(cells, float32(width%40))
		rows := w.Wrap(rs)
		if rows[0] != 0 {
			t.Fatalf("first row at %d", rows[0])
		}
		for i := 1; i < len(rows); i++ {
			if rows[i] <= rows[i-1] || rows[i] > len(rs) {
				t.Fatalf("rows %v for %d runes", rows, len(rs))
			}
			row := rs[rows[i-1]:rows[i]]
			end := len(row)
			for end > 1 && isSpace(row[end-1]) {
				end--
			}
			if len(row[:end]) > 1 && w.X(row[:end]) > w.Width() {
				t.Fatalf("row %q wider than %v", string(row), w.Width())
			}
		}
	})
}

var zeroTime time.Time
