package storage

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// editCases pin the exact bytes a field edit writes.
var editCases = []struct {
	name string
	src  string
	edit func(p *Post) error
	want string
}{
	{
		name: "Set title keeps the other lines",
		src:  "---\ntitle: 옛 제목\ndate: 2022-01-01 17:30:00 +0900\ntags: [A, B] # keep\n---\nbody\n",
		edit: func(p *Post) error { return p.Set("title", "새 제목") },
		want: "---\ntitle: 새 제목\ndate: 2022-01-01 17:30:00 +0900\ntags: [A, B] # keep\n---\nbody\n",
	},
	{
		name: "Set keeps double quotes and extra spaces",
		src:  "---\ntitle:  \"Seq2Seq 정리\"\n---\n",
		edit: func(p *Post) error { return p.Set("title", "Seq2Seq 코드") },
		want: "---\ntitle:  \"Seq2Seq 코드\"\n---\n",
	},
	{
		name: "Set keeps a trailing comment",
		src:  "---\ntitle: a # 제목\n---\n",
		edit: func(p *Post) error { return p.Set("title", "b") },
		want: "---\ntitle: b # 제목\n---\n",
	},
	{
		name: "Set keeps a trailing comment in a CRLF file",
		src:  "---\r\ntitle:  \"a\"  # 제목\r\ntags: [x]\r\n---\r\n",
		edit: func(p *Post) error { return p.SetYAML("title", "b c") },
		want: "---\r\ntitle:  \"b c\"  # 제목\r\ntags: [x]\r\n---\r\n",
	},
	{
		name: "Set quotes a title with colon space",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Set("title", "Go: 시작하기") },
		want: "---\ntitle: 'Go: 시작하기'\n---\n",
	},
	{
		name: "Set quotes a title with hash",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Set("title", "C #1") },
		want: "---\ntitle: 'C #1'\n---\n",
	},
	{
		name: "Set quotes yes, which YAML 1.1 reads as true",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Set("title", "yes") },
		want: "---\ntitle: \"yes\"\n---\n",
	},
	{
		name: "Set quotes a leading bracket",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Set("title", "[공지] 안내") },
		want: "---\ntitle: '[공지] 안내'\n---\n",
	},
	{
		name: "Set flow list stays flow",
		src:  "---\ntags: [A, B]\npin: true\n---\n",
		edit: func(p *Post) error { return p.Set("tags", []string{"A", "C d", "한글"}) },
		want: "---\ntags: [A, C d, 한글]\npin: true\n---\n",
	},
	{
		name: "Set block list stays block with its indent",
		src:  "---\ntags:\n    - a\n    - b\n# next\npin: true\n---\n",
		edit: func(p *Post) error { return p.Set("tags", []string{"x"}) },
		want: "---\ntags:\n    - x\n# next\npin: true\n---\n",
	},
	{
		name: "Set block list at key indent",
		src:  "---\ncategories:\n- a\n- b\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("categories", []string{"c"}) },
		want: "---\ncategories:\n- c\ntitle: t\n---\n",
	},
	{
		name: "Set empty list",
		src:  "---\ntags:\n  - a\n---\n",
		edit: func(p *Post) error { return p.Set("tags", []string{}) },
		want: "---\ntags: []\n---\n",
	},
	{
		name: "Set CRLF keeps CRLF",
		src:  "---\r\ntitle: a\r\ntags: [x]\r\n---\r\nbody\r\n",
		edit: func(p *Post) error { return p.Set("tags", []string{"y", "z"}) },
		want: "---\r\ntitle: a\r\ntags: [y, z]\r\n---\r\nbody\r\n",
	},
	{
		name: "New key appended before close line",
		src:  "---\ntitle: a\n\n---\nbody\n",
		edit: func(p *Post) error { return p.Set("pin", true) },
		want: "---\ntitle: a\n\npin: true\n---\nbody\n",
	},
	{
		name: "New key in CRLF file",
		src:  "---\r\ntitle: a\r\n---\r\n",
		edit: func(p *Post) error { return p.Set("tags", []string{"x"}) },
		want: "---\r\ntitle: a\r\ntags: [x]\r\n---\r\n",
	},
	{
		name: "New key into empty front matter",
		src:  "---\n---\nbody\n",
		edit: func(p *Post) error { return p.Set("title", "a") },
		want: "---\ntitle: a\n---\nbody\n",
	},
	{
		name: "New key makes front matter where there was none",
		src:  "\uFEFFbody\n",
		edit: func(p *Post) error { return p.Set("title", "a") },
		want: "\uFEFF---\ntitle: a\n---\nbody\n",
	},
	{
		name: "Set a value on an empty key",
		src:  "---\npin:\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Set("pin", false) },
		want: "---\npin: false\ntitle: a\n---\n",
	},
	{
		name: "Set nested field in block mapping",
		src:  "---\nimage:\n  path: /a.png\n  alt: 그림\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("image.path", "/b.png") },
		want: "---\nimage:\n  path: /b.png\n  alt: 그림\ntitle: t\n---\n",
	},
	{
		name: "New nested field appended to its mapping",
		src:  "---\nimage:\n  path: /a.png\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("image.alt", "설명") },
		want: "---\nimage:\n  path: /a.png\n  alt: 설명\ntitle: t\n---\n",
	},
	{
		name: "New nested field makes its mapping",
		src:  "---\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("image.path", "/a.png") },
		want: "---\ntitle: t\nimage:\n  path: /a.png\n---\n",
	},
	{
		name: "Nested field in flow mapping stays flow",
		src:  "---\nimage: {path: /a.png, alt: x}\n---\n",
		edit: func(p *Post) error { return p.Set("image.alt", "y") },
		want: "---\nimage: {path: /a.png, alt: y}\n---\n",
	},
	{
		// Regression: quoted, Jekyll reads a date with no offset in the
		// site's zone; plain, with seconds, in UTC.
		name: "Set date keeps the double quotes of a date in the site's zone",
		src:  "---\ndate: \"2022-01-01 17:30:00\"\n---\n",
		edit: func(p *Post) error { return p.Set("date", Date{Text: "2022-01-02 17:30:00"}) },
		want: "---\ndate: \"2022-01-02 17:30:00\"\n---\n",
	},
	{
		name: "Set date to the same text leaves a quoted date as it is",
		src:  "---\ndate: '2022-01-01 17:30:00'  # 한국 시간\n---\n",
		edit: func(p *Post) error { return p.Set("date", Date{Text: "2022-01-01 17:30:00"}) },
		want: "---\ndate: '2022-01-01 17:30:00'  # 한국 시간\n---\n",
	},
	{
		name: "Set date keeps the quotes of a date with an offset",
		src:  "---\ndate: \"2022-01-01 17:30:00 +0900\"\n---\n",
		edit: func(p *Post) error { return p.Set("date", Date{Text: "2022-01-02 09:00:00 +0900"}) },
		want: "---\ndate: \"2022-01-02 09:00:00 +0900\"\n---\n",
	},
	{
		name: "Set date leaves a plain date plain",
		src:  "---\ndate: 2022-01-01 17:30:00\n---\n",
		edit: func(p *Post) error { return p.Set("date", Date{Text: "2022-01-02 17:30:00"}) },
		want: "---\ndate: 2022-01-02 17:30:00\n---\n",
	},
	{
		name: "Set date keeps quotes in a nested date",
		src:  "---\nsitemap:\n  lastmod: \"2022-01-01 17:30:00\"\n---\n",
		edit: func(p *Post) error { return p.Set("sitemap.lastmod", Date{Text: "2022-01-03 17:30:00"}) },
		want: "---\nsitemap:\n  lastmod: \"2022-01-03 17:30:00\"\n---\n",
	},
	{
		name: "SetAt puts a new field after the one named",
		src:  "---\ntitle: a\ntags: [x]\n---\n",
		edit: func(p *Post) error { return p.SetAt("categories", []string{"Blog"}, Place{After: "title"}) },
		want: "---\ntitle: a\ncategories: [Blog]\ntags: [x]\n---\n",
	},
	{
		name: "SetAt puts a new field after the whole entry, not before a comment that belongs to it",
		src:  "---\ntitle: a\ndescription: >-\n  one\n  two\n  # still the description\n# about tags\ntags: [x]\n---\n",
		edit: func(p *Post) error {
			return p.SetAt("date", Date{Text: "2024-01-01 10:00:00 +0900"}, Place{After: "description"})
		},
		want: "---\ntitle: a\ndescription: >-\n  one\n  two\n  # still the description\ndate: 2024-01-01 10:00:00 +0900\n# about tags\ntags: [x]\n---\n",
	},
	{
		name: "SetAt puts a new field before the one named when there is none to follow",
		src:  "---\ndate: 2024-01-01\ntags: [x]\n---\n",
		edit: func(p *Post) error { return p.SetAt("title", "a", Place{After: "nope", Before: "date"}) },
		want: "---\ntitle: a\ndate: 2024-01-01\ntags: [x]\n---\n",
	},
	{
		name: "SetAt with neither field there appends",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.SetAt("pin", true, Place{After: "nope", Before: "nope"}) },
		want: "---\ntitle: a\npin: true\n---\n",
	},
	{
		name: "SetAt places a new nested mapping",
		src:  "---\ntitle: a\ntags: [x]\nlayout: post\n---\n",
		edit: func(p *Post) error { return p.SetAt("image.path", "/a.png", Place{After: "tags"}) },
		want: "---\ntitle: a\ntags: [x]\nimage:\n  path: /a.png\nlayout: post\n---\n",
	},
	{
		name: "SetAt places a new key inside a nested mapping",
		src:  "---\nimage:\n  path: /a.png\n  lqip: x\n---\n",
		edit: func(p *Post) error { return p.SetAt("image.alt", "표지", Place{After: "path"}) },
		want: "---\nimage:\n  path: /a.png\n  alt: 표지\n  lqip: x\n---\n",
	},
	{
		name: "SetAt places a new field in a flow mapping",
		src:  "---\n{title: a, tags: [x]}\n---\n",
		edit: func(p *Post) error { return p.SetAt("categories", []string{"Blog"}, Place{After: "title"}) },
		want: "---\n{title: a, categories: [Blog], tags: [x]}\n---\n",
	},
	{
		name: "SetAt changes a field in place",
		src:  "---\ntitle: a\ntags: [x]\n---\n",
		edit: func(p *Post) error { return p.SetAt("tags", []string{"y"}, Place{After: "title"}) },
		want: "---\ntitle: a\ntags: [y]\n---\n",
	},
	{
		name: "SetAt in TOML",
		src:  "+++\ntitle = 'a'\ntags = ['x']\n+++\n",
		edit: func(p *Post) error { return p.SetAt("categories", []string{"Blog"}, Place{After: "title"}) },
		want: "+++\ntitle = 'a'\ncategories = [\"Blog\"]\ntags = ['x']\n+++\n",
	},
	{
		name: "SetAt before the first field in TOML",
		src:  "+++\n# 머리말\ndate = 2024-01-01\n+++\n",
		edit: func(p *Post) error { return p.SetAt("title", "a", Place{Before: "date"}) },
		want: "+++\n# 머리말\ntitle = \"a\"\ndate = 2024-01-01\n+++\n",
	},
	{
		name: "Set date keeps the line form",
		src:  "---\ndate: 2022-01-01 17:30:00 +0900\n---\n",
		edit: func(p *Post) error {
			return p.Set("date", time.Date(2024, 7, 14, 21, 5, 0, 0, time.FixedZone("", 9*3600)))
		},
		want: "---\ndate: 2024-07-14 21:05:00 +0900\n---\n",
	},
	{
		name: "Set description over a folded block",
		src:  "---\ndescription: >-\n  one\n  two\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("description", "짧게") },
		want: "---\ndescription: 짧게\ntitle: t\n---\n",
	},
	{
		name: "Set a multi-line description",
		src:  "---\ndescription: a\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Set("description", "첫 줄\n둘째 줄") },
		want: "---\ndescription: |-\n  첫 줄\n  둘째 줄\ntitle: t\n---\n",
	},
	{
		name: "Set the same value writes nothing",
		src:  "---\ntitle:   'a'   # c\n---\n",
		edit: func(p *Post) error { return p.Set("title", "a") },
		want: "---\ntitle:   'a'   # c\n---\n",
	},
	{
		name: "SetYAML writes flow syntax as given",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.SetYAML("tags", "[b, 'c d']") },
		want: "---\ntitle: a\ntags: [b, 'c d']\n---\n",
	},
	{
		name: "SetEntryText gives a post without front matter one, as Set does",
		src:  "\uFEFF본문\r\n",
		edit: func(p *Post) error { return p.SetEntryText("series", "series:  \"2022 회고\"  # 연재\n") },
		want: "\uFEFF---\r\nseries:  \"2022 회고\"  # 연재\r\n---\r\n본문\r\n",
	},
	{
		name: "Remove deletes only its lines",
		src:  "---\ntitle: a\n# about pin\npin: true\ntags: [x]\n---\n",
		edit: func(p *Post) error { return p.Remove("pin") },
		want: "---\ntitle: a\n# about pin\ntags: [x]\n---\n",
	},
	{
		name: "Remove a block list",
		src:  "---\ntags:\n  - a\n  - b\n\ntitle: t\n---\n",
		edit: func(p *Post) error { return p.Remove("tags") },
		want: "---\n\ntitle: t\n---\n",
	},
	{
		name: "Remove the last key",
		src:  "---\ntitle: a\npin: true\n---\nbody",
		edit: func(p *Post) error { return p.Remove("pin") },
		want: "---\ntitle: a\n---\nbody",
	},
	{
		name: "Remove a nested key",
		src:  "---\nimage:\n  path: a\n  alt: b\n---\n",
		edit: func(p *Post) error { return p.Remove("image.alt") },
		want: "---\nimage:\n  path: a\n---\n",
	},
	{
		name: "Remove the only nested key removes its mapping",
		src:  "---\ntitle: t\nimage:\n  path: a\npin: true\n---\n",
		edit: func(p *Post) error { return p.Remove("image.path") },
		want: "---\ntitle: t\npin: true\n---\n",
	},
	{
		name: "Remove a missing key does nothing",
		src:  "---\ntitle: a\n---\n",
		edit: func(p *Post) error { return p.Remove("pin") },
		want: "---\ntitle: a\n---\n",
	},
}

func TestEdit(t *testing.T) {
	for _, tc := range editCases {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse("post.md", []byte(tc.src))
			if p.Err() != nil {
				t.Fatal(p.Err())
			}
			if err := tc.edit(p); err != nil {
				t.Fatal(err)
			}
			assertSame(t, "after edit", string(p.Bytes()), tc.want)
			if p.Err() != nil {
				t.Errorf("result does not parse: %v", p.Err())
			}
		})
	}
}

func TestSetUnderAString(t *testing.T) {
	p := Parse("a.md", []byte("---\nimage: /a.png\n---\n"))
	if err := p.Set("image.alt", "x"); !errors.Is(err, ErrNotMap) {
		t.Errorf("Set under a string = %v, want ErrNotMap", err)
	}
	if string(p.Bytes()) != "---\nimage: /a.png\n---\n" {
		t.Error("a refused edit changed the bytes")
	}
}

func TestSetBadDateIsRefused(t *testing.T) {
	src := "---\ndate: 2022-01-01\n---\n"
	p := Parse("a.md", []byte(src))
	err := p.SetYAML("date", "2022-13-45")
	if !errors.Is(err, ErrBadDate) || !strings.Contains(err.Error(), "a.md:2:7: date: month 13") {
		t.Errorf("error = %v, want the bad date named with its place", err)
	}
	if string(p.Bytes()) != src || p.Err() != nil {
		t.Error("a refused edit changed the post")
	}
}

func TestEntryText(t *testing.T) {
	src := "---\r\ntitle: a\r\nredirect_from:\r\n  - /old/  # 옛 주소\r\n# 설명\r\nseries: 회고\r\n---\r\n"
	p := Parse("a.md", []byte(src))
	assertSame(t, "entry", p.EntryText("redirect_from"), "redirect_from:\r\n  - /old/  # 옛 주소\r\n")
	if err := p.SetEntryText("series", "series:   \"2022 회고\"  # 연재\n"); err != nil {
		t.Fatal(err)
	}
	if err := p.SetEntryText("img_path", "img_path: /assets/img\n"); err != nil {
		t.Fatal(err)
	}
	if err := p.SetEntryText("redirect_from", ""); err != nil {
		t.Fatal(err)
	}
	want := "---\r\ntitle: a\r\n# 설명\r\nseries:   \"2022 회고\"  # 연재\r\nimg_path: /assets/img\r\n---\r\n"
	assertSame(t, "after entry edits", string(p.Bytes()), want)
	for _, bad := range []string{"other: x\n", "series: [x\n", "series: a\nmore: b\n"} {
		if err := p.SetEntryText("series", bad); err == nil {
			t.Errorf("SetEntryText(%q) was accepted", bad)
		}
	}
	assertSame(t, "after refused edits", string(p.Bytes()), want)
}
