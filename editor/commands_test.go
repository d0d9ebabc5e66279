package editor

import "testing"

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name string
		do   func() Change
		want Change
	}{
		{"Bold wraps the selection", func() Change { return ToggleWrap("한글 입력", Selection{0, 2}, "**") }, Change{"**한글** 입력", 2, 4}},
		{"Bold again unwraps the selection with its markers", func() Change { return ToggleWrap("**한글** 입력", Selection{0, 6}, "**") }, Change{"한글 입력", 0, 2}},
		{"Bold again unwraps around the selection", func() Change { return ToggleWrap("**한글** 입력", Selection{2, 4}, "**") }, Change{"한글 입력", 0, 2}},
		{"Italic with nothing selected puts the cursor inside", func() Change { return ToggleWrap("ab", Selection{1, 1}, "*") }, Change{"a**b", 2, 2}},
		{"Selection given backwards", func() Change { return ToggleWrap("abc", Selection{3, 1}, "~~") }, Change{"a~~bc~~", 3, 5}},
		{"Heading on a plain line", func() Change { return Heading("첫 줄\n둘째 줄\n", 5, 2) }, Change{"첫 줄\n## 둘째 줄\n", 8, 8}},
		{"Same heading level again makes a paragraph", func() Change { return Heading("## 제목", 4, 2) }, Change{"제목", 1, 1}},
		{"Other heading level replaces the level", func() Change { return Heading("# 제목", 3, 3) }, Change{"### 제목", 5, 5}},
		{"Hash tag is not a heading", func() Change { return Heading("#태그", 0, 1) }, Change{"# #태그", 2, 2}},
		{"Link from a selection selects the URL", func() Change { return Link("문서 보기", Selection{0, 2}) }, Change{"[문서](https://) 보기", 5, 13}},
		{"Link with nothing selected", func() Change { return Link("", Selection{0, 0}) }, Change{"[](https://)", 1, 1}},
		{"Insert image", func() Change { return InsertImage("a\nb", Selection{2, 2}, "img/a b.png", "그림") }, Change{"a\n![그림](img/a b.png)b", 20, 20}},
		{"Out-of-range selection is clamped", func() Change { return ToggleWrap("ab", Selection{-3, 9}, "*") }, Change{"*ab*", 1, 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.do(); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
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
			m := len([]rune(c.Text))
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
