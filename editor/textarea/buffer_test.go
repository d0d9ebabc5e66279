package textarea

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestBufferEdits(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		from, to int
		text     string
		want     string
	}{
		{"insert into empty", "", 0, 0, "가", "가"},
		{"insert mid line", "abc", 1, 1, "X", "aXbc"},
		{"insert newline splits a line", "abc", 1, 1, "\n", "a\nbc"},
		{"insert several lines", "ab", 1, 1, "1\n2\n3", "a1\n2\n3b"},
		{"delete across lines", "ab\ncd\nef", 1, 7, "", "af"},
		{"delete a newline joins lines", "ab\ncd", 2, 3, "", "abcd"},
		{"replace across lines", "한글\n문서", 1, 4, "X\nY", "한X\nY서"},
		{"insert at end", "a\n", 2, 2, "b", "a\nb"},
		{"delete everything", "a\nb\nc", 0, 5, "", ""},
		{"CRLF stays as text", "a\r\nb", 1, 1, "x", "ax\r\nb"},
		{"runes of one to four bytes", "a é\n가😀", 2, 2, "ß", "a ßé\n가😀"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuffer(tc.in)
			b.Edit(b.PosOf(tc.from), b.PosOf(tc.to), tc.text, EditOther, time.Time{})
			if got := b.Text(); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			if b.Len() != utf8.RuneCountInString(tc.want) {
				t.Fatalf("Len %d, want %d", b.Len(), utf8.RuneCountInString(tc.want))
			}
			b.Undo()
			if got := b.Text(); got != tc.in {
				t.Fatalf("after undo %q, want %q", got, tc.in)
			}
			b.Redo()
			if got := b.Text(); got != tc.want {
				t.Fatalf("after redo %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBufferPositions(t *testing.T) {
	b := NewBuffer("ab\n\n한글x\n")
	cases := []struct {
		off int
		pos Pos
	}{{0, Pos{0, 0}}, {2, Pos{0, 2}}, {3, Pos{1, 0}}, {4, Pos{2, 0}}, {6, Pos{2, 2}}, {7, Pos{2, 3}}, {8, Pos{3, 0}}, {99, Pos{3, 0}}}
	for _, c := range cases {
		if got := b.PosOf(c.off); got != c.pos {
			t.Errorf("PosOf(%d) = %v, want %v", c.off, got, c.pos)
		}
		if c.off <= b.Len() {
			if got := b.Offset(c.pos); got != c.off {
				t.Errorf("Offset(%v) = %d, want %d", c.pos, got, c.off)
			}
		}
	}
	if b.LineCount() != 4 || b.Line(2) != "한글x" {
		t.Errorf("lines: %d, %q", b.LineCount(), b.Line(2))
	}
}

func TestUndoGrouping(t *testing.T) {
	t0 := time.Unix(1000, 0)
	type step struct {
		text string // typed rune by rune unless one of the specials
		kind EditKind
		gap  time.Duration
	}
	tests := []struct {
		name  string
		steps []step
		undos []string // text after each Undo
	}{
		{"a word is one group", []step{{"hello", EditTyping, 0}}, []string{""}},
		{"a space starts a new word", []step{{"hello world", EditTyping, 0}}, []string{"hello", ""}},
		{"Korean words", []step{{"안녕 세상", EditTyping, 0}}, []string{"안녕", ""}},
		{"a pause starts a new group", []step{{"ab", EditTyping, 0}, {"cd", EditTyping, 2 * time.Second}}, []string{"ab", ""}},
		{"a newline is its own group", []step{{"ab", EditTyping, 0}, {"\n", EditOther, 0}, {"cd", EditTyping, 0}}, []string{"ab\n", "ab", ""}},
		{"a paste is its own group", []step{{"ab", EditTyping, 0}, {"PASTE", EditOther, 0}, {"c", EditTyping, 0}}, []string{"abPASTE", "ab", ""}},
		{"backspaces after typing are a new group", []step{{"abcd", EditTyping, 0}, {"<<", EditDeleting, 0}}, []string{"abcd", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := NewBuffer("")
			now := t0
			cur := Pos{}
			for _, s := range tc.steps {
				now = now.Add(s.gap)
				switch {
				case s.kind == EditDeleting:
					for range s.text {
						now = now.Add(10 * time.Millisecond)
						cur = b.Edit(Pos{cur.Line, cur.Col - 1}, cur, "", EditDeleting, now)
					}
				case s.kind == EditOther:
					cur = b.Edit(cur, cur, s.text, EditOther, now)
				default:
					for _, r := range s.text {
						now = now.Add(10 * time.Millisecond)
						cur = b.Edit(cur, cur, string(r), EditTyping, now)
					}
				}
			}
			for i, want := range tc.undos {
				if _, ok := b.Undo(); !ok {
					t.Fatalf("undo %d: nothing to undo", i)
				}
				if got := b.Text(); got != want {
					t.Fatalf("after undo %d: %q, want %q", i+1, got, want)
				}
			}
			if b.CanUndo() {
				t.Fatalf("more undo groups than expected")
			}
		})
	}
}

// FuzzBuffer checks Buffer against a plain string model under random
// edits, undo and redo.
func FuzzBuffer(f *testing.F) {
	f.Add("ab\ncd", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add("한글 문서\n\n둘째 줄", []byte{3, 200, 17, 4, 4, 4, 90, 1, 250, 7, 2, 2})
	f.Add("", []byte{1, 1, 1, 1, 5, 5, 6, 6})
	pieces := []string{"", "x", "가", "\n", "a\nb", "\n\n", " ", "긴 줄\n"}
	f.Fuzz(func(t *testing.T, init string, prog []byte) {
		if !utf8.ValidString(init) {
			return
		}
		b := NewBuffer(init)
		// copied follows the text only through the edits Buffer reports.
		copied := []rune(init)
		// states[i] is the text after i undo groups; pos is the current.
		states := []string{init}
		pos := 0
		now := time.Unix(0, 0)
		for i := 0; i+2 < len(prog); i += 3 {
			op, x, y := prog[i]%8, int(prog[i+1]), int(prog[i+2])
			model := []rune(states[pos])
			n := len(model)
			now = now.Add(time.Duration(op) * 200 * time.Millisecond)
			switch op {
			case 6:
				if _, ok := b.Undo(); ok != (pos > 0) {
					t.Fatalf("undo ok=%v with %d states before", ok, pos)
				} else if ok {
					pos--
				}
			case 7:
				if _, ok := b.Redo(); ok != (pos < len(states)-1) {
					t.Fatalf("redo ok=%v at %d of %d", ok, pos, len(states))
				} else if ok {
					pos++
				}
			default:
				from, to := x%(n+1), y%(n+1)
				if from > to {
					from, to = to, from
				}
				kind := EditKind(op % 3)
				text := pieces[int(op+prog[i+1])%len(pieces)]
				if kind == EditDeleting {
					text = ""
				}
				before := len(b.undo)
				b.Edit(b.PosOf(from), b.PosOf(to), text, kind, now)
				next := string(model[:from]) + text + string(model[to:])
				switch {
				case from == to && text == "":
					// nothing recorded, redo kept
				case len(b.undo) == before && pos > 0: // merged into the current group
					states = append(states[:pos], next)
				case len(b.undo) == before+1:
					states = append(states[:pos+1], next)
					pos++
				default:
					t.Fatalf("undo depth %d after %d at state %d", len(b.undo), before, pos)
				}
			}
			if got := b.Text(); got != states[pos] {
				t.Fatalf("step %d: got %q, want %q", i/3, got, states[pos])
			}
			for _, e := range b.TakeEdits() {
				if e.From < 0 || e.From > e.To || e.To > len(copied) {
					t.Fatalf("step %d: edit %+v out of a text of %d runes", i/3, e, len(copied))
				}
				copied = append(copied[:e.From:e.From], append([]rune(e.Text), copied[e.To:]...)...)
			}
			if string(copied) != states[pos] {
				t.Fatalf("step %d: the reported edits give %q, want %q", i/3, string(copied), states[pos])
			}
			if b.Len() != utf8.RuneCountInString(states[pos]) || b.LineCount() != strings.Count(states[pos], "\n")+1 {
				t.Fatalf("step %d: Len %d LineCount %d for %q", i/3, b.Len(), b.LineCount(), states[pos])
			}
			off := x % (b.Len() + 1)
			if got := b.Offset(b.PosOf(off)); got != off {
				t.Fatalf("Offset(PosOf(%d)) = %d", off, got)
			}
		}
	})
}
