package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestJournalRoundTrip(t *testing.T) {
	j := &Journal{Dir: filepath.Join(t.TempDir(), "postdesk", "journal")}
	cases := []JournalEntry{
		{Path: "/blog/_posts/2024-01-01-한글 이름.md", BaseHash: HashBytes([]byte("old")), Text: []byte("---\ntitle: 새 글\n---\n본문\n")},
		{Path: "relative/post.md", Text: []byte("---\r\ntitle: CRLF\r\n---\r\n\r\n")},
		{Path: "/blog/_posts/empty text.md", Text: nil},
		{ID: "draft-1", Text: []byte("\uFEFF---\ntitle: never saved\n---\n")},
		{Path: "/blog/_posts/text with header look.md", Text: []byte("postdesk-journal 1\n\nlength 3\n\n")},
	}
	for _, e := range cases {
		e.Written = time.Date(2024, 7, 14, 21, 5, 0, 123456789, time.FixedZone("KST", 9*3600))
		if err := j.Write(e); err != nil {
			t.Fatalf("write %s: %v", e.Key(), err)
		}
		got, ok, err := j.Read(e.Key())
		if err != nil || !ok {
			t.Fatalf("read %s: ok=%v err=%v", e.Key(), ok, err)
		}
		if got.Path != e.Path || got.ID != e.ID || got.BaseHash != e.BaseHash ||
			!bytes.Equal(got.Text, e.Text) || !got.Written.Equal(e.Written) {
			t.Errorf("read back %+v\nwant %+v", *got, e)
		}
	}
	pending, err := j.Pending()
	if err != nil || len(pending) != len(cases) {
		t.Fatalf("pending: %d entries, err %v; want %d", len(pending), err, len(cases))
	}
	for _, e := range cases {
		if err := j.Remove(e.Key()); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := j.Read(e.Key()); ok || err != nil {
			t.Errorf("after remove %s: ok=%v err=%v", e.Key(), ok, err)
		}
	}
	if err := j.Remove(cases[0].Key()); err != nil {
		t.Errorf("removing twice: %v", err)
	}
}

// TestJournalKeyIsAbsolutePath: the same file named two ways is one entry.
func TestJournalKeyIsAbsolutePath(t *testing.T) {
	j := &Journal{Dir: t.TempDir()}
	t.Chdir(t.TempDir())
	abs, _ := filepath.Abs("a.md")
	if err := j.Write(JournalEntry{Path: "a.md", Text: []byte("x")}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := j.Read(abs); !ok || err != nil {
		t.Errorf("read by absolute path: ok=%v err=%v", ok, err)
	}
	if _, ok, _ := j.Read(UntitledKey("a.md")); ok {
		t.Error("an untitled key found a path's entry")
	}
}

// TestJournalFormatV1 pins the format: a journal written by this version
// must stay readable by the next.
func TestJournalFormatV1(t *testing.T) {
	data, err := os.ReadFile("testdata/journal/v1.journal")
	if err != nil {
		t.Fatal(err)
	}
	e, err := decodeJournal(data)
	if err != nil {
		t.Fatal(err)
	}
	if e.Path != "/home/me/blog/_posts/2024-07-14-저널.md" || e.ID != "" ||
		e.BaseHash != HashBytes([]byte("---\r\ntitle: old\r\n---\r\n")) ||
		!strings.HasSuffix(string(e.Text), "아직 저장하지 않은 문단.\r\n") ||
		e.Written.UnixMilli() != time.Date(2024, 7, 14, 12, 5, 0, 5e8, time.UTC).UnixMilli() {
		t.Errorf("decoded %+v", *e)
	}
	if p := Parse(e.Path, e.Text); p.Err() != nil {
		t.Errorf("journal text does not parse: %v", p.Err())
	}
}

// TestJournalTornWrite cuts a journal file at every length and flips a
// byte of its text: each must read as ErrJournalCorrupt, never as an
// entry with part of the text.
func TestJournalTornWrite(t *testing.T) {
	whole, err := os.ReadFile("testdata/journal/v1.journal")
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(whole); n++ {
		if e, err := decodeJournal(whole[:n]); !errors.Is(err, ErrJournalCorrupt) {
			t.Fatalf("cut at %d of %d: entry %v, err %v; want ErrJournalCorrupt", n, len(whole), e, err)
		}
	}
	flipped := bytes.Clone(whole)
	flipped[len(flipped)-3] ^= 1
	if _, err := decodeJournal(flipped); !errors.Is(err, ErrJournalCorrupt) {
		t.Errorf("flipped byte: err %v, want ErrJournalCorrupt", err)
	}
	torn, _ := os.ReadFile("testdata/journal/torn.journal")
	if _, err := decodeJournal(torn); !errors.Is(err, ErrJournalCorrupt) || !strings.Contains(err.Error(), "header says") {
		t.Errorf("torn.journal: err %v", err)
	}
}

// TestJournalPendingSkipsDamaged: one damaged file is reported, the
// others still come back, and WriteFile's temporary files are ignored.
func TestJournalPendingSkipsDamaged(t *testing.T) {
	j := &Journal{Dir: t.TempDir()}
	old := JournalEntry{Path: "/b/old.md", Text: []byte("old"), Written: time.Unix(100, 0)}
	recent := JournalEntry{Path: "/b/new.md", Text: []byte("new"), Written: time.Unix(200, 0)}
	for _, e := range []JournalEntry{recent, old} {
		if err := j.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	torn, _ := os.ReadFile("testdata/journal/torn.journal")
	for name, data := range map[string][]byte{
		"0123.journal":                             torn,
		"garbage.journal":                          []byte("\x00\x01 not a journal"),
		".abc.journal.postdesk-123.tmp":            torn,
		"notes.txt":                                []byte("not ours"),
		".0123.journal.postdesk-1.tmp":             nil,
		"ffffffffffffffffffffffffffffffff.journal": {},
	} {
		if err := os.WriteFile(filepath.Join(j.Dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := j.Pending()
	if len(entries) != 2 || entries[0].Path != old.Path || entries[1].Path != recent.Path {
		t.Errorf("entries = %v, want old then new", entries)
	}
	if !errors.Is(err, ErrJournalCorrupt) || strings.Count(err.Error(), "damaged") != 3 {
		t.Errorf("err = %v, want three damaged files", err)
	}
}

func TestJournalPendingNoFolder(t *testing.T) {
	j := &Journal{Dir: filepath.Join(t.TempDir(), "never-made")}
	if entries, err := j.Pending(); entries != nil || err != nil {
		t.Errorf("got %v, %v", entries, err)
	}
}

func TestJournalRefusesEntryWithoutKey(t *testing.T) {
	j := &Journal{Dir: t.TempDir()}
	if err := j.Write(JournalEntry{Text: []byte("x")}); err == nil {
		t.Error("an entry with no path and no id was written")
	}
	if err := (&Journal{}).Write(JournalEntry{Path: "/a.md"}); err == nil {
		t.Error("a journal with no folder wrote")
	}
}

// TestJournalWriteFails: a journal that cannot be written (its folder is
// a file here, which refuses even root) is an error, not a panic.
func TestJournalWriteFails(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "journal")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	j := &Journal{Dir: blocker}
	if err := j.Write(JournalEntry{Path: "/a.md", Text: []byte("x")}); err == nil {
		t.Error("write into a file as folder succeeded")
	}
}

func TestJournalEntryDecisions(t *testing.T) {
	base := []byte("---\ntitle: a\n---\n")
	edited := []byte("---\ntitle: b\n---\n")
	e := JournalEntry{Path: "/a.md", BaseHash: HashBytes(base), Text: edited}
	unsaved := JournalEntry{Path: "/new.md", Text: edited}
	cases := []struct {
		name             string
		e                JournalEntry
		current          []byte
		differs, changed bool
	}{
		{"file as the edits found it", e, base, true, false},
		{"file already saved with the edits", e, edited, false, true},
		{"file changed by something else", e, []byte("---\ntitle: c\n---\n"), true, true},
		{"file deleted", e, nil, true, true},
		{"file emptied", e, []byte{}, true, true},
		{"new post, still no file", unsaved, nil, true, false},
		{"new post, a file appeared", unsaved, base, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Differs(tc.current); got != tc.differs {
				t.Errorf("Differs = %v, want %v", got, tc.differs)
			}
			if got := tc.e.FileChangedSince(tc.current); got != tc.changed {
				t.Errorf("FileChangedSince = %v, want %v", got, tc.changed)
			}
		})
	}
}
