package editor

import "testing"

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name             string
		text             string
		do               func(string) Change
		want             string
		selStart, cursor int
	}{
		{"Bold wraps the selection", "한글 입력", func(text string) Change { return ToggleWrap(text, Selection{0, 2}, "**") }, "**한글** 입력", 2, 4},
		{"Bold again unwraps the selection with its markers", "**한글** 입력", func(text string) Change { return ToggleWrap(text, Selection{0, 6}, "**") }, "한글 입력", 0, 2},
		{"Bold again unwraps around the selection", "**한글** 입력", func(text string) Change { return ToggleWrap(text, Selection{2, 4}, "**") }, "한글 입력", 0, 2},
		{"Italic with nothing selected puts the cursor inside", "ab", func(text string) Change { return ToggleWrap(text, Selection{1, 1}, "*") }, "a**b", 2, 2},
		{"Selection given backwards", "abc", func(text string) Change { return ToggleWrap(text, Selection{3, 1}, "~~") }, "a~~bc~~", 3, 5},
		{"Heading on a plain line", "첫 줄\n둘째 줄\n", func(text string) Change { return Heading(text, 5, 2) }, "첫 줄\n## 둘째 줄\n", 8, 8},
		{"Same heading level again makes a paragraph", "## 제목", func(text string) Change { return Heading(text, 4, 2) }, "제목", 1, 1},
		{"Other heading level replaces the level", "# 제목", func(text string) Change { return Heading(text, 3, 3) }, "### 제목", 5, 5},
		{"Hash tag is not a heading", "#태그", func(text string) Change { return Heading(text, 0, 1) }, "# #태그", 2, 2},
		{"Link from a selection selects the URL", "문서 보기", func(text string) Change { return Link(text, Selection{0, 2}) }, "[문서](https://) 보기", 5, 13},
		{"Link with nothing selected", "", func(text string) Change { return Link(text, Selection{0, 0}) }, "[](https://)", 1, 1},
		{"Insert image", "a\nb", func(text string) Change { return InsertImage(text, Selection{2, 2}, "img/a b.png", "그림") }, "a\n![그림](img/a b.png)b", 20, 20},
		{"Out-of-range selection is clamped", "ab", func(text string) Change { return ToggleWrap(text, Selection{-3, 9}, "*") }, "*ab*", 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.do(tc.text)
			if got := spliceRunes(tc.text, c.Edit); got != tc.want || c.SelStart != tc.selStart || c.Cursor != tc.cursor {
				t.Errorf("got %q selecting %d..%d (%+v), want %q selecting %d..%d", got, c.SelStart, c.Cursor, c, tc.want, tc.selStart, tc.cursor)
			}
		})
	}
}

func FuzzCommands(f *testing.F) {
	f.Add("**한글** 입력", 0, 4, 2)
	f.Add("## 제목\n본문", 3, 3, 1)
	f.Fuzz(func(t *testing.T, text string, a, b, level int) {
		for _, c := range []Change{
			ToggleWrap(text, Selection{a, b}, "**"),
			Heading(text, a, 1+abs(level)%6),
			Link(text, Selection{a, b}),
			InsertImage(text, Selection{a, b}, "a.png", ""),
		} {
			n := len([]rune(text))
			if c.From < 0 || c.From > c.To || c.To > n {
				t.Fatalf("change %+v out of range for %q", c, text)
			}
			m := len([]rune(spliceRunes(text, c.Edit)))
			if c.SelStart < 0 || c.Cursor < 0 || c.SelStart > m || c.Cursor > m {
				t.Fatalf("change %+v out of range for %q", c, text)
			}
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
