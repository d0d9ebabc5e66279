package storage

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// parseCases are small posts, each an edge case of reading a file. They
// also seed the fuzz targets.
var parseCases = []struct {
	name   string
	src    string
	format Format
	fm     string // front matter text between the delimiters
	body   string
	nl     string
	err    error  // sentinel of the expected *ParseError
	at     [2]int // its line and column
}{
	{name: "YAML front matter", src: "---\ntitle: 안녕\n---\n본문\n", format: FormatYAML, fm: "title: 안녕\n", body: "본문\n", nl: "\n"},
	{name: "YAML front matter CRLF", src: "---\r\ntitle: a\r\ntags: [x, y]\r\n---\r\nbody\r\n", format: FormatYAML, fm: "title: a\r\ntags: [x, y]\r\n", body: "body\r\n", nl: "\r\n"},
	{name: "Byte order mark", src: "\uFEFF---\ntitle: a\n---\nbody\n", format: FormatYAML, fm: "title: a\n", body: "body\n", nl: "\n"},
	{name: "Empty front matter", src: "---\n---\nbody\n", format: FormatYAML, fm: "", body: "body\n", nl: "\n"},
	{name: "Front matter of comments only", src: "---\n# nothing yet\n---\n", format: FormatYAML, fm: "# nothing yet\n", body: "", nl: "\n"},
	{name: "Dots terminator", src: "---\ntitle: a\n...\nbody\n", format: FormatYAML, fm: "title: a\n", body: "body\n", nl: "\n"},
	{name: "Trailing spaces on delimiters", src: "---  \ntitle: a\n--- \t\nbody", format: FormatYAML, fm: "title: a\n", body: "body", nl: "\n"},
	{name: "Close line at end of file without newline", src: "---\ntitle: a\n---", format: FormatYAML, fm: "title: a\n", body: "", nl: "\n"},
	{name: "No front matter", src: "# 제목\n\n본문\n", format: FormatNone, fm: "", body: "# 제목\n\n본문\n", nl: "\n"},
	{name: "Thematic break alone is not front matter", src: "---", format: FormatNone, body: "---", nl: "\n"},
	{name: "Blank line before dashes is not front matter", src: "\n---\ntitle: a\n---\n", format: FormatNone, body: "\n---\ntitle: a\n---\n", nl: "\n"},
	{name: "Body with its own rules", src: "---\ntitle: a\n---\ntext\n\n---\n\nmore\n", format: FormatYAML, fm: "title: a\n", body: "text\n\n---\n\nmore\n", nl: "\n"},
	{name: "TOML front matter", src: "+++\ntitle = \"안녕\"\ntags = [\"a\"]\n+++\nbody\n", format: FormatTOML, fm: "title = \"안녕\"\ntags = [\"a\"]\n", body: "body\n", nl: "\n"},
	{name: "Unclosed", src: "---\ntitle: a\nbody\n", format: FormatYAML, err: ErrUnclosed, at: [2]int{1, 1}},
	{name: "Unclosed after BOM", src: "\uFEFF---\ntitle: a\n", format: FormatYAML, err: ErrUnclosed, at: [2]int{1, 1}},
	{name: "Duplicate key", src: "---\ntitle: a\ndate: 2022-01-01\ntitle: b\n---\n", format: FormatYAML, err: ErrDuplicateKey, at: [2]int{4, 1}},
	{name: "Duplicate nested key", src: "---\nimage:\n  path: a\n  path: b\n---\n", format: FormatYAML, err: ErrDuplicateKey, at: [2]int{4, 3}},
	{name: "Tab indent", src: "---\ntitle: a\nimage:\n\tpath: a\n---\n", format: FormatYAML, err: ErrSyntax, at: [2]int{4, 1}},
	{name: "Unclosed flow list", src: "---\ntitle: a\ntags: [a, b\n---\n", format: FormatYAML, err: ErrSyntax, at: [2]int{3, 7}},
	{name: "Bad YAML", src: "---\ntitle: a: b\n---\n", format: FormatYAML, err: ErrSyntax, at: [2]int{2, 1}},
	{name: "Bad date", src: "---\ntitle: a\ndate: 2022-13-45\n---\n", format: FormatYAML, err: ErrBadDate, at: [2]int{3, 7}},
	{name: "Bad last_modified_at", src: "---\nlast_modified_at: '2022-02-30'\n---\n", format: FormatYAML, err: ErrBadDate, at: [2]int{2, 19}},
	{name: "Second YAML document", src: "---\ntitle: a\n--- b\n---\n", format: FormatYAML, err: ErrSyntax, at: [2]int{3, 1}},
	{name: "Not a mapping", src: "---\n- a\n- b\n---\n", format: FormatYAML, err: ErrNotMapping, at: [2]int{2, 1}},
	{name: "A single value is not a mapping", src: "---\njust text\n---\n", format: FormatYAML, err: ErrNotMapping, at: [2]int{2, 1}},
	{name: "Bad TOML", src: "+++\ntitle = \n+++\n", format: FormatTOML, err: ErrSyntax, at: [2]int{2, 9}},
	{name: "Binary", src: "---\ntitle: a\x00\n---\n", err: ErrBinary, at: [2]int{2, 9}},
	{name: "Non-UTF-8", src: "---\ntitle: \xb0\xa1\n---\n", err: ErrNotUTF8, at: [2]int{2, 8}},
	{name: "Non-UTF-8 after Korean", src: "한글\xff", err: ErrNotUTF8, at: [2]int{1, 3}},
	{name: "Empty file", src: "", err: ErrEmpty},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse("post.md", []byte(tc.src))
			if got := string(p.Bytes()); got != tc.src {
				t.Fatalf("Bytes changed the file:\n%s", storagetest.Visible(got))
			}
			if tc.err != nil {
				var perr *ParseError
				if !errors.As(p.Err(), &perr) || !errors.Is(perr, tc.err) {
					t.Fatalf("error = %v, want a *ParseError for %v", p.Err(), tc.err)
				}
				if perr.Line != tc.at[0] || perr.Col != tc.at[1] || perr.Path != "post.md" {
					t.Errorf("error at %s:%d:%d, want post.md:%d:%d (%v)", perr.Path, perr.Line, perr.Col, tc.at[0], tc.at[1], perr)
				}
				if err := p.Set("title", "x"); !errors.Is(err, ErrUnparsed) {
					t.Errorf("Set on a post that did not parse = %v, want ErrUnparsed", err)
				}
				if err := p.Remove("title"); !errors.Is(err, ErrUnparsed) {
					t.Errorf("Remove on a post that did not parse = %v, want ErrUnparsed", err)
				}
				if string(p.Bytes()) != tc.src {
					t.Errorf("a refused edit changed the bytes")
				}
				return
			}
			if p.Err() != nil {
				t.Fatalf("unexpected error: %v", p.Err())
			}
			if p.Format() != tc.format {
				t.Errorf("format = %v, want %v", p.Format(), tc.format)
			}
			assertSame(t, "front matter", string(p.FrontMatter()), tc.fm)
			assertSame(t, "body", string(p.Body()), tc.body)
			assertSame(t, "newline", p.Newline(), tc.nl)
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	p := Parse("_posts/2022-01-01-a.md", []byte("---\ntitle: a\ntitle: b\n---\n"))
	want := `_posts/2022-01-01-a.md:3:1: key "title" is already set on line 2`
	if p.Err() == nil || p.Err().Error() != want {
		t.Errorf("error = %v, want %s", p.Err(), want)
	}
	if p := Parse("empty.md", nil); p.Err() == nil || p.Err().Error() != "empty.md: file is empty" {
		t.Errorf("empty file error = %v", p.Err())
	}
}

func TestRawEditBringsFieldsBack(t *testing.T) {
	p := Parse("a.md", []byte("---\ntitle: [oops\n---\nbody\n"))
	if p.Err() == nil {
		t.Fatal("bad YAML parsed")
	}
	p.SetRaw([]byte("---\ntitle: fixed\n---\nbody\n"))
	if p.Err() != nil {
		t.Fatalf("fixed text still fails: %v", p.Err())
	}
	if title, _ := p.String("title"); title != "fixed" {
		t.Errorf("title = %q", title)
	}
}

func TestFields(t *testing.T) {
	p := Parse("a.md", []byte("---\ntitle: \"제목\"\ntags: [a, b]\ncategories:\n  - 블로그\npin: true\nimage:\n  path: /a.png\n  alt: 그림\ndate: 2022-01-01 17:30:00 +0900\nsolo: one\n---\n"))
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	if got := p.Keys(); len(got) != 7 || got[0] != "title" || got[6] != "solo" {
		t.Errorf("Keys = %q", got)
	}
	if s, ok := p.String("title"); !ok || s != "제목" {
		t.Errorf("title = %q, %v", s, ok)
	}
	if l, ok := p.Strings("categories"); !ok || len(l) != 1 || l[0] != "블로그" {
		t.Errorf("categories = %q, %v", l, ok)
	}
	if l, ok := p.Strings("solo"); !ok || len(l) != 1 {
		t.Errorf("a single value as a list = %q, %v", l, ok)
	}
	if b, ok := p.Bool("pin"); !ok || !b {
		t.Errorf("pin = %v, %v", b, ok)
	}
	if s, ok := p.String("image.alt"); !ok || s != "그림" {
		t.Errorf("image.alt = %q, %v", s, ok)
	}
	if _, ok := p.String("image"); ok {
		t.Error("a mapping read as a string")
	}
	if d, ok := p.Date("date"); !ok || d.Zone != ZoneExplicit || d.Wall.Hour() != 17 {
		t.Errorf("date = %+v, %v", d, ok)
	}
	if _, ok := p.Get("nope.deeper"); ok {
		t.Error("found a field that is not there")
	}
}

func TestTOMLFields(t *testing.T) {
	p := Parse("a.md", []byte("+++\ntitle = \"안녕\"\ntags = [\"a\", \"b\"]\ndraft = true\n\n[params]\nx = 1\n+++\nbody\n"))
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	if got := p.Keys(); len(got) != 3 {
		t.Errorf("Keys = %q", got)
	}
	if err := p.Set("title", "바뀐: 제목"); err != nil {
		t.Fatal(err)
	}
	if err := p.Set("description", "새 설명"); err != nil {
		t.Fatal(err)
	}
	if err := p.Remove("draft"); err != nil {
		t.Fatal(err)
	}
	want := "+++\ntitle = \"바뀐: 제목\"\ntags = [\"a\", \"b\"]\ndescription = \"새 설명\"\n\n[params]\nx = 1\n+++\nbody\n"
	assertSame(t, "TOML after edits", string(p.Bytes()), want)
	if err := p.Set("params.x", 2); !errors.Is(err, ErrRawOnly) {
		t.Errorf("nested TOML edit = %v, want ErrRawOnly", err)
	}
}

// Regression: a "key = value" line inside a multi-line string was taken
// for a key, and setting that key rewrote the string.
func TestTOMLKeyLinesInsideMultiLineValues(t *testing.T) {
	src := "+++\ntitle = \"a\"\nnote = \"\"\"\nfoo = 1\n[not.a.table]\n\"\"\"\nlit = '''\nbar = 2\n'''\nmatrix = [\n  [1, 2],\n]\nafter = 3\n+++\nbody\n"
	p := Parse("a.md", []byte(src))
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	if got, want := strings.Join(p.Keys(), " "), "title note lit matrix after"; got != want {
		t.Errorf("Keys = %q, want %q", got, want)
	}
	if err := p.Set("foo", 2); err != nil {
		t.Fatal(err)
	}
	if v, _ := p.Get("note"); v != "foo = 1\n[not.a.table]\n" {
		t.Errorf("note = %q after setting foo", v)
	}
	if v, _ := p.Get("foo"); v != int64(2) {
		t.Errorf("foo = %#v", v)
	}
	if err := p.Set("after", 4); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(p.Bytes()), "]\nafter = 4\n") {
		t.Errorf("after was not set on its own line:\n%s", storagetest.Visible(string(p.Bytes())))
	}
}

// A TOML edit is read back like a YAML one: if any other field would
// decode differently, the file is left as it was.
func TestTOMLEditReadBack(t *testing.T) {
	src := "+++\ntitle = \"a\"\nnote = \"\"\"\nfoo = 1\n\"\"\"\n+++\nbody\n"
	p := Parse("a.md", []byte(src))
	at := strings.Index(src, "foo = 1")
	// An edit of the line inside note, claiming to set only foo.
	err := p.tomlApply(edit{at, at + len("foo = 1\n"), "foo = 2\n"}, func(m map[string]any) { m["foo"] = int64(2) })
	if !errors.Is(err, ErrRawOnly) {
		t.Errorf("tomlApply = %v, want ErrRawOnly", err)
	}
	assertSame(t, "file after a refused edit", string(p.Bytes()), src)
	err = p.tomlApply(edit{at, at, "\"\"\"\nx = \n"}, func(map[string]any) {})
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("an edit that does not parse = %v, want it to wrap ErrSyntax", err)
	}
	assertSame(t, "file after a refused edit", string(p.Bytes()), src)
}

// Regression: every TOML date was taken for one with an offset, so a
// local date-time was read in the machine's zone instead of the site's.
func TestTOMLDates(t *testing.T) {
	src := "+++\ndate = 2024-01-02T10:00:00\nlastmod = 2024-01-03 # 고침\npublishDate = 2024-01-02T10:00:00+09:00\nexpiryDate = 2024-01-09 10:30:00Z\nat = 10:30:00\n[params]\nwhen = 2024-01-04T08:00:00\n+++\nbody\n"
	p := Parse("a.md", []byte(src))
	if p.Err() != nil {
		t.Fatal(p.Err())
	}
	kst := time.FixedZone("KST", 9*3600)
	for _, tc := range []struct {
		key, text string
		zone      DateZone
		hasTime   bool
		in        time.Time // the instant in a site at +0900
	}{
		{"date", "2024-01-02T10:00:00", ZoneSite, true, time.Date(2024, 1, 2, 10, 0, 0, 0, kst)},
		{"lastmod", "2024-01-03", ZoneSite, false, time.Date(2024, 1, 3, 0, 0, 0, 0, kst)},
		{"publishDate", "2024-01-02T10:00:00+09:00", ZoneExplicit, true, time.Date(2024, 1, 2, 10, 0, 0, 0, kst)},
		{"expiryDate", "2024-01-09 10:30:00Z", ZoneExplicit, true, time.Date(2024, 1, 9, 10, 30, 0, 0, time.UTC)},
		{"params.when", "2024-01-04T08:00:00", ZoneSite, true, time.Date(2024, 1, 4, 8, 0, 0, 0, kst)},
	} {
		d, ok := p.Date(tc.key)
		if !ok || d.Text != tc.text || d.Zone != tc.zone || d.HasTime != tc.hasTime || !d.In(kst).Equal(tc.in) {
			t.Errorf("Date(%s) = %+v, %v; want text %q, zone %v, time %v, instant %v", tc.key, d, ok, tc.text, tc.zone, tc.hasTime, tc.in)
		}
	}
	if d, ok := p.Date("at"); ok {
		t.Errorf("a time of day alone read as a date: %+v", d)
	}
}

// A date set on a TOML post is written in the TOML form that keeps its
// zone: a date without an offset stays local, for Hugo to read in the
// site's zone.
func TestTOMLSetDate(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"2024-01-05 10:00:00", "date = 2024-01-05T10:00:00\n"},
		{"2024-01-05 10:00", "date = 2024-01-05T10:00:00\n"},
		{"2024-01-05", "date = 2024-01-05\n"},
		{"2024-01-05 10:00:00 +0900", "date = 2024-01-05T10:00:00+09:00\n"},
		{"2024-01-05T10:00:00.5Z", "date = 2024-01-05T10:00:00.5Z\n"},
	} {
		p := Parse("a.md", []byte("+++\ntitle = 'a'\ndate = 2024-01-02T10:00:00\n+++\n"))
		if err := p.Set("date", Date{Text: tc.text}); err != nil {
			t.Errorf("Set(%q): %v", tc.text, err)
			continue
		}
		assertSame(t, "set "+tc.text, string(p.Bytes()), "+++\ntitle = 'a'\n"+tc.want+"+++\n")
	}
}

// The delimiter rules that Parse, the library's reader and the YAML
// checks share.
func TestDelimiters(t *testing.T) {
	for _, tc := range []struct {
		line       string
		open       Format
		yaml, toml bool // closes YAML, TOML front matter
		docMarker  bool
	}{
		{"---\n", FormatYAML, true, false, true},
		{"---  \t\r\n", FormatYAML, true, false, true},
		{"+++\n", FormatTOML, false, true, false},
		{"...\n", FormatNone, true, false, true},
		{"----\n", FormatNone, false, false, false},
		{"--- x\n", FormatNone, false, false, true},
		{"...\tx\n", FormatNone, false, false, true},
		{"---\rx\n", FormatNone, false, false, true},
		{" ---\n", FormatNone, false, false, false},
		{"---x\n", FormatNone, false, false, false},
		{"+++ x\n", FormatNone, false, false, false},
	} {
		if got := openFormat([]byte(tc.line)); got != tc.open {
			t.Errorf("openFormat(%q) = %v, want %v", tc.line, got, tc.open)
		}
		if got := closes([]byte(tc.line), FormatYAML); got != tc.yaml {
			t.Errorf("closes(%q, YAML) = %v", tc.line, got)
		}
		if got := closes([]byte(tc.line), FormatTOML); got != tc.toml {
			t.Errorf("closes(%q, TOML) = %v", tc.line, got)
		}
		if got := docMarker([]byte("a: b\n"+tc.line)) >= 0; got != tc.docMarker {
			t.Errorf("docMarker(%q) = %v", tc.line, got)
		}
	}
}
