package editor

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// applyCases are bodies and a run of edits on each; the property is the
// same for all: the edited file reads, with LF line breaks, as the text
// with the edits made, and the bytes outside each edit stay.
var applyCases = []struct {
	name  string
	body  string
	edits string // ';'-separated "from,to,text" with \n and \r spelled out
}{
	{"Typing in LF", "# 제목\n\n본문 한 줄\n", `7,7,가;8,8,나;9,9,\n`},
	{"Typing in CRLF", "# 제목\r\n\r\n본문 한 줄\r\n", `7,7,가;8,8,\n;0,0,x`},
	{"Deleting a CRLF line break", "a\r\nb\r\nc", `1,2,;0,3,`},
	{"A line break typed in a CRLF line takes CRLF", "a\nb\r\nc\n", `3,3,\n`},
	{"A line break typed in an LF line of a mixed file takes LF", "a\nb\r\nc\n", `1,1,\n`},
	{"A lone CR stays a lone CR", "a\rb\n", `2,3,;2,2,\n`},
	{"An LF typed after a lone CR", "a\r", `2,2,\n`},
	{"Replacing across lines", "one\r\ntwo\r\nthree\r\n", `2,9,X\nY`},
	{"Past the end is the end", "ab", `5,9,c`},
	{"Empty body", "", `0,0,첫 줄\n`},
	{"Editing the first line after the last", "a\nb\nc\nd\n", `7,7,D;0,0,A;5,5,C`},
}

// parseEdits reads an applyCases edits string.
func parseEdits(t testing.TB, spec string) []Edit {
	var out []Edit
	for _, e := range strings.Split(spec, ";") {
		parts := strings.SplitN(e, ",", 3)
		if len(parts) != 3 {
			t.Fatalf("bad edit %q", e)
		}
		from, err1 := strconv.Atoi(parts[0])
		to, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil {
			t.Fatalf("bad edit %q", e)
		}
		text := strings.NewReplacer(`\n`, "\n", `\r`, "\r").Replace(parts[2])
		out = append(out, Edit{From: from, To: to, Text: text})
	}
	return out
}

// spliceRunes is Edit's meaning on a plain string.
func spliceRunes(text string, e Edit) string {
	r := []rune(text)
	from, to := min(e.From, len(r)), min(max(e.To, e.From), len(r))
	return string(r[:from]) + e.Text + string(r[to:])
}

// checkApply makes edits one by one through Apply and checks each.
func checkApply(t *testing.T, body string, edits []Edit) {
	t.Helper()
	s := NewSession(storage.Parse("", []byte("---\ntitle: t\n---\n"+body)))
	if s.Err() != nil {
		t.Skipf("not a post: %v", s.Err()) // a NUL byte, say
	}
	want := toLF(body)
	for i, e := range edits {
		before := append([]byte(nil), s.post.Body()...)
		s.Apply(e)
		want = spliceRunes(want, e)
		got := s.post.Body()
		if toLF(string(got)) != want {
			t.Fatalf("edit %d %+v: body reads\n%s\nwant\n%s", i, e, storagetest.Visible(toLF(string(got))), storagetest.Visible(want))
		}
		// The bytes before and after the edit stay, line endings and all.
		pre := 0
		for pre < len(before) && pre < len(got) && before[pre] == got[pre] {
			pre++
		}
		var cold lineIndex
		from, _ := cold.byteOffset(before, e.From)
		if pre < from {
			t.Fatalf("edit %d %+v: byte %d changed, before the edit at byte %d", i, e, pre, from)
		}
		to, _ := cold.byteOffset(before, max(e.To, e.From))
		if !bytes.HasSuffix(got, before[to:]) {
			t.Fatalf("edit %d %+v: the bytes after the edit changed:\n%s", i, e, storagetest.Lines(string(before[to:]), string(got)))
		}
	}
}

func TestApply(t *testing.T) {
	for _, tc := range applyCases {
		t.Run(tc.name, func(t *testing.T) {
			checkApply(t, tc.body, parseEdits(t, tc.edits))
		})
	}
}

// TestApplyCorpus types, deletes and breaks lines all over every corpus
// post, CRLF ones included, each edit checked as in TestApply.
func TestApplyCorpus(t *testing.T) {
	for _, path := range storagetest.CorpusPosts(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(storagetest.Name(t, path), func(t *testing.T) {
			p := storage.Parse(path, src)
			if p.Err() != nil {
				t.Skip("front matter does not parse; raw mode")
			}
			body := string(p.Body())
			n := utf8.RuneCountInString(toLF(body))
			var edits []Edit
			for k := 1; k <= 9; k++ {
				at := n * k / 10
				edits = append(edits, Edit{at, at, "가"}, Edit{at, at + 1, "\n"}, Edit{at + 2, at + 5, ""})
			}
			checkApply(t, body, edits)
		})
	}
}

// FuzzApply checks the same property on any text and edit; its seeds are
// the table's.
func FuzzApply(f *testing.F) {
	for _, tc := range applyCases {
		for _, e := range parseEdits(f, tc.edits) {
			f.Add(tc.body, e.From, e.To, e.Text)
		}
	}
	f.Fuzz(func(t *testing.T, body string, from, to int, text string) {
		if !utf8.ValidString(body) || !utf8.ValidString(text) || from < 0 || to < 0 {
			return
		}
		if strings.HasPrefix(body, "\uFEFF") {
			return // a BOM belongs to the file, not the body
		}
		checkApply(t, body, []Edit{{from, to, text}, {to / 2, to, text}})
	})
}

// TestApplyRaw edits a post whose front matter does not parse, in the
// whole text raw mode shows, and the fixed post leaves raw mode.
func TestApplyRaw(t *testing.T) {
	s := NewSession(storage.Parse("", []byte("\uFEFF---\r\ntitle: [a\r\n---\r\nbody\r\n")))
	if s.Err() == nil {
		t.Fatal("front matter parses")
	}
	raw := s.RawText()
	at := strings.Index(raw, "[a") + 2
	s.ApplyRaw(Edit{From: utf8.RuneCountInString(raw[:at]), To: utf8.RuneCountInString(raw[:at]), Text: "]"})
	if s.Err() != nil {
		t.Fatalf("still raw: %v", s.Err())
	}
	if got, want := string(s.post.Bytes()), "\uFEFF---\r\ntitle: [a]\r\n---\r\nbody\r\n"; got != want {
		t.Fatalf("file\n%s\nwant\n%s", storagetest.Visible(got), storagetest.Visible(want))
	}
}
