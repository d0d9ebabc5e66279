package editor

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage"
)

func session(t *testing.T, src string) *Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "2022-01-01-post.md")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func onDisk(t *testing.T, s *Session) string {
	t.Helper()
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const crlfPost = "---\r\ntitle:  \"회고\"\r\ndate: 2022-01-01 17:30:00 +0900\r\ncategories: [Blog]\r\ntags: [회고]\r\nimage: /assets/img/a.png\r\nredirect_from:\r\n  - /old/   # 옛 주소\r\nseries: 2022\r\n---\r\n\r\n## 제목\r\n\r\n본문\r\n"

func TestSessionFormEdits(t *testing.T) {
	s := session(t, crlfPost)
	if s.Modified() {
		t.Fatal("modified right after opening")
	}
	if got := s.Text("title"); got != "회고" {
		t.Errorf("title = %q", got)
	}
	if got := s.Text("image.path"); got != "/assets/img/a.png" {
		t.Errorf("image.path = %q (short form)", got)
	}
	if !s.Bool("toc") || s.Bool("pin") {
		t.Error("absent booleans do not read as Chirpy's defaults")
	}
	steps := []error{
		s.SetText("title", "2021년 회고"),
		s.SetList("tags", []string{"회고", "일기"}),
		s.SetBool("pin", true),
		s.SetBool("toc", true), // the default, on a post without it: nothing
		s.SetDateText("date", "2022-01-02 09:00:00 +0900"),
		s.SetText("image.alt", "표지"),
		s.SetList("authors", nil), // empty and absent: nothing
	}
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	if !s.Modified() {
		t.Fatal("edits did not mark the session modified")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	// pin, new, goes in the Chirpy order: after tags, before image.
	want := "---\r\ntitle:  \"2021년 회고\"\r\ndate: 2022-01-02 09:00:00 +0900\r\ncategories: [Blog]\r\ntags: [회고, 일기]\r\npin: true\r\nimage:\r\n  path: /assets/img/a.png\r\n  alt: 표지\r\nredirect_from:\r\n  - /old/   # 옛 주소\r\nseries: 2022\r\n---\r\n\r\n## 제목\r\n\r\n본문\r\n"
	if got := onDisk(t, s); got != want {
		t.Errorf("saved\n%q\nwant\n%q", got, want)
	}
	if s.Modified() {
		t.Error("still modified after save")
	}
	if err := s.SetBool("pin", false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(s.Post().Bytes()), "pin:") {
		t.Error("unchecking pin (default false) left the field in")
	}
}

func TestSessionBodyKeepsCRLF(t *testing.T) {
	s := session(t, crlfPost)
	body := s.Body()
	if strings.Contains(body, "\r") {
		t.Fatalf("Body has CR: %q", body)
	}
	s.SetBody(body)
	if s.Modified() {
		t.Fatal("setting the same body modified the post")
	}
	s.SetBody(body + "한 줄 더\n")
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if got := onDisk(t, s); !strings.HasSuffix(got, "\r\n본문\r\n한 줄 더\r\n") {
		t.Errorf("saved body %q", got)
	}
}

func TestSessionOtherFields(t *testing.T) {
	s := session(t, crlfPost)
	want := "redirect_from:\n  - /old/   # 옛 주소\nseries: 2022\n"
	if got := s.OtherFields(); got != want {
		t.Fatalf("OtherFields = %q, want %q", got, want)
	}
	if err := s.SetOtherFields(want); err != nil || s.Modified() {
		t.Fatalf("applying the box unchanged: err %v, modified %v", err, s.Modified())
	}
	if err := s.SetOtherFields("series:  \"2022 회고\"\nimg_cdn: https://cdn.example\n"); err != nil {
		t.Fatal(err)
	}
	got := string(s.Post().Bytes())
	if strings.Contains(got, "redirect_from") || !strings.Contains(got, "series:  \"2022 회고\"\r\nimg_cdn: https://cdn.example\r\n---") {
		t.Errorf("after the box changed:\n%q", got)
	}
}

func TestCheckOtherFields(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		line       int
		sentinel   error
	}{
		{"Bad YAML on line 2", "series: a\nredirect_from: [x\n", 2, storage.ErrSyntax},
		{"Tab indent", "a:\n\tb: 1\n", 2, storage.ErrSyntax},
		{"Key twice", "a: 1\nb: 2\na: 3\n", 3, storage.ErrDuplicateKey},
		{"A form field", "series: a\ntitle: x\n", 2, storage.ErrDuplicateKey},
		{"A list", "- a\n", 1, storage.ErrNotMapping},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckOtherFields(tc.text)
			var perr *storage.ParseError
			if !errors.As(err, &perr) || perr.Line != tc.line || !errors.Is(err, tc.sentinel) {
				t.Errorf("CheckOtherFields = %v, want %v on line %d", err, tc.sentinel, tc.line)
			}
		})
	}
	if err := CheckOtherFields(""); err != nil {
		t.Errorf("empty box: %v", err)
	}
}

func TestSessionRawMode(t *testing.T) {
	s := session(t, "---\ntitle: [broken\n---\n본문\n")
	if s.Err() == nil {
		t.Fatal("broken front matter parsed")
	}
	if err := s.SetText("title", "x"); !errors.Is(err, storage.ErrUnparsed) {
		t.Errorf("form edit in raw mode = %v", err)
	}
	s.ApplyRaw(Edit{From: 11, To: 18, Text: "fixed"}) // "[broken" in "---\ntitle: [broken\n…"
	if s.Err() != nil || s.Text("title") != "fixed" {
		t.Errorf("fixing the raw text did not bring the form back: %v", s.Err())
	}
}

// Regression: the box showed nothing for a TOML post, so applying it
// removed every field it did not list before failing on the new one.
func TestSessionOtherFieldsRefusedWhereTheBoxCannotShowThem(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"Hugo TOML", "+++\ntitle = \"Hugo\"\nweight = 3\nslug = \"hugo\"\ndraft = true\n+++\nbody\n"},
		{"One flow mapping", "---\n{title: a, series: b, weight: 3}\n---\nbody\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := session(t, tc.src)
			if s.OtherFieldsEditable() {
				t.Error("OtherFieldsEditable = true")
			}
			for _, text := range []string{"series: x\n", ""} {
				if err := s.SetOtherFields(text); !errors.Is(err, storage.ErrRawOnly) {
					t.Errorf("SetOtherFields(%q) = %v, want ErrRawOnly", text, err)
				}
				if got := string(s.Post().Bytes()); got != tc.src {
					t.Fatalf("the file changed:\n%q", got)
				}
			}
		})
	}
}

// Regression: fields left out of the box were removed before a later
// step failed, and stayed removed.
func TestSessionOtherFieldsAllOrNothing(t *testing.T) {
	s := session(t, crlfPost)
	before := string(s.Post().Bytes())
	// Each entry is set on its own, so the alias in b has no anchor then.
	if err := s.SetOtherFields("a: &x 1\nb: *x\n"); err == nil {
		t.Fatal("an entry that cannot be set on its own was accepted")
	}
	if got := string(s.Post().Bytes()); got != before {
		t.Errorf("a failed edit changed the file:\n%q", got)
	}
	if !s.OtherFieldsEditable() {
		t.Error("OtherFieldsEditable = false on block YAML")
	}
}

// Regression: "postdesk post.md" kept the relative path, so the journal
// entry named a file that a later start from another folder could not find.
func TestSessionPathsAreAbsolute(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("post.md", []byte("---\ntitle: a\n---\nbody\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open("post.md")
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "post.md")
	if s.Path() != want {
		t.Errorf("Open: Path = %q, want %q", s.Path(), want)
	}
	if e := journalEntryOf(s); e.Path != want {
		t.Errorf("journal entry path = %q, want %q", e.Path, want)
	}
	s.SetPath("other.md")
	if want := filepath.Join(dir, "other.md"); s.Path() != want {
		t.Errorf("SetPath: Path = %q, want %q", s.Path(), want)
	}
	if r := Recovered(storage.JournalEntry{Path: "gone.md", Text: []byte("text\n")}); r.Path() != filepath.Join(dir, "gone.md") {
		t.Errorf("Recovered: Path = %q", r.Path())
	}
	if r := Recovered(storage.JournalEntry{Text: []byte("text\n")}); r.Path() != "" {
		t.Errorf("Recovered with no path: Path = %q", r.Path())
	}
}

// Regression: Open read the file once to parse it and again for its disk
// state; a write in between left the session holding one text and the
// hash of another, so a later Save could overwrite that write unasked.
func TestSessionOpenStateIsOfTheTextRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "post.md")
	texts := [][]byte{[]byte("---\ntitle: a\n---\nbody\n"), []byte("---\ntitle: b\n---\nbody\n")}
	if err := os.WriteFile(path, texts[0], 0o644); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // another program saving the file again and again
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			tmp := filepath.Join(dir, "tmp")
			if os.WriteFile(tmp, texts[i%2], 0o644) != nil || os.Rename(tmp, path) != nil {
				return
			}
		}
	}()
	defer func() { close(stop); <-done }()
	for range 300 {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := storage.HashBytes(s.Post().Bytes()); s.disk.Hash != got {
			t.Fatalf("disk state hash %s, but the post read hashes to %s", s.disk.Hash, got)
		}
	}
}

// Regression: SetBody wrote the whole body again in the first line's
// ending, so one character typed into a file with mixed line endings
// turned the LF lines into CRLF ones.
func TestSessionSetBodyMixedLineEndings(t *testing.T) {
	const fm = "---\r\ntitle: a\r\n---\r\n"
	for _, tc := range []struct {
		name, body, edit, want string
	}{
		{"A letter on an LF line", "a\r\nb\nc\r\nd\n", "a\nbX\nc\nd\n", "a\r\nbX\nc\r\nd\n"},
		{"A letter on a CRLF line", "a\r\nb\nc\r\nd\n", "a\nb\ncX\nd\n", "a\r\nb\ncX\r\nd\n"},
		{"Enter on an LF line", "a\r\nb\nc\r\n", "a\nb\n\nc\n", "a\r\nb\n\nc\r\n"},
		{"Enter on a CRLF line", "a\r\nb\nc\r\n", "a\n\nb\nc\n", "a\r\n\r\nb\nc\r\n"},
		{"Lines pasted on an LF line", "a\r\nb\n", "a\nb\nx\ny\n", "a\r\nb\nx\ny\n"},
		{"A line break removed", "a\r\nb\nc\r\n", "ab\nc\n", "ab\nc\r\n"},
		{"The last line, with no line break", "a\r\nb", "a\nbc", "a\r\nbc"},
		{"Everything removed", "a\r\nb\n", "", ""},
		{"A lone CR kept", "a\rb\r\n", "a\rbX\n", "a\rbX\r\n"},
		{"A line break after a lone CR", "a\r\nb\rc\n", "a\nb\r\nc\n", "a\r\nb\r\r\nc\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSession(storage.Parse("", []byte(fm+tc.body)))
			s.SetBody(tc.edit)
			if got := string(s.Post().Body()); got != tc.want {
				t.Errorf("body %q, want %q", got, tc.want)
			}
			if got := s.Body(); got != tc.edit {
				t.Errorf("Body() = %q, want what was set, %q", got, tc.edit)
			}
		})
	}
	// Raw mode edits the whole file the same way.
	s := NewSession(storage.Parse("", []byte("---\r\ntitle: [a\n---\r\nb\n")))
	s.ApplyRaw(Edit{From: 13, To: 13, Text: "]"}) // after "---\ntitle: [a"
	if got := string(s.Post().Bytes()); got != "---\r\ntitle: [a]\n---\r\nb\n" {
		t.Errorf("raw edit: %q", got)
	}
}

// Regression: setting a quoted date to the text it already had wrote it
// unquoted, which Jekyll reads in UTC rather than the site's zone.
func TestSessionSetDateTextUnchanged(t *testing.T) {
	const src = "---\ndate: \"2022-01-01 17:30:00\"\n---\nbody\n"
	s := session(t, src)
	text := s.DateText("date")
	if text != "2022-01-01 17:30:00" {
		t.Fatalf("DateText = %q", text)
	}
	if err := s.SetDateText("date", text); err != nil || s.Modified() {
		t.Errorf("setting the same date: err %v, modified %v:\n%q", err, s.Modified(), s.Post().Bytes())
	}
	if err := s.SetDateText("date", "2022-01-02 17:30:00"); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.Post().Date("date"); d.Zone != storage.ZoneSite {
		t.Errorf("a new day moved the date to zone %v:\n%q", d.Zone, s.Post().Bytes())
	}
}

// Regression: DateText read TOML dates as strings, so the form showed
// them empty.
func TestSessionTOMLDateText(t *testing.T) {
	const src = "+++\ntitle = 'Hugo'\ndate = 2024-01-02T10:00:00 # 서울\n+++\nbody\n"
	s := session(t, src)
	if got := s.DateText("date"); got != "2024-01-02T10:00:00" {
		t.Errorf("DateText = %q", got)
	}
	if err := s.SetDateText("date", s.DateText("date")); err != nil || s.Modified() {
		t.Errorf("setting the same date: err %v, modified %v", err, s.Modified())
	}
	if err := s.SetDateText("date", "2024-01-03 10:00:00"); err != nil {
		t.Fatal(err)
	}
	if got, want := string(s.Post().Bytes()), "+++\ntitle = 'Hugo'\ndate = 2024-01-03T10:00:00\n+++\nbody\n"; got != want {
		t.Errorf("after a new day:\n%q\nwant\n%q", got, want)
	}
}

// Regression: new fields were appended at the end, in the order the user
// set them; the spec wants them in the Chirpy order.
func TestSessionNewFieldsInChirpyOrder(t *testing.T) {
	s := session(t, "---\ntitle: a\ntags: [x]\nseries: s\n---\nbody\n")
	steps := []error{
		s.SetList("categories", []string{"Blog"}),
		s.SetText("layout", "post"),
		s.SetText("image.alt", "표지"),
		s.SetText("description", "요약"),
		s.SetDateText("date", "2024-01-01 10:00:00 +0900"),
		s.SetOtherFields("series: s\nimg_cdn: x\n"),
		s.SetText("image.path", "/a.png"),
	}
	for _, err := range steps {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := "---\ntitle: a\ndescription: 요약\ndate: 2024-01-01 10:00:00 +0900\ncategories: [Blog]\ntags: [x]\nimage:\n  path: /a.png\n  alt: 표지\nlayout: post\nseries: s\nimg_cdn: x\n---\nbody\n"
	if got := string(s.Post().Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	s = session(t, "---\ndate: 2024-01-01\n---\n")
	if err := s.SetText("title", "a"); err != nil {
		t.Fatal(err)
	}
	if got := string(s.Post().Bytes()); got != "---\ntitle: a\ndate: 2024-01-01\n---\n" {
		t.Errorf("title, first in the order, went elsewhere:\n%s", got)
	}
}

// Regression: the Other fields box refused a post without front matter,
// though the form's fields give it one.
func TestSessionOtherFieldsWithoutFrontMatter(t *testing.T) {
	s := session(t, "본문만\n")
	if !s.OtherFieldsEditable() {
		t.Error("OtherFieldsEditable = false")
	}
	if err := s.SetOtherFields("series: x\n"); err != nil {
		t.Fatal(err)
	}
	if got := string(s.Post().Bytes()); got != "---\nseries: x\n---\n본문만\n" {
		t.Errorf("got %q", got)
	}
}
