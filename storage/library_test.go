package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage/storagetest"
)

// writeTree writes files (slash-separated paths relative to dir, created
// with their folders) and returns dir.
func writeTree(t testing.TB, dir string, files map[string]string) string {
	t.Helper()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("SKIPPED: no time zone data for %s: %v", name, err)
	}
	return loc
}

// entryByName finds an entry by the base name of its file, or the folder
// name of a Hugo bundle's index.md.
func entryByName(t *testing.T, lib *Library, rel string) LibraryEntry {
	t.Helper()
	for _, e := range lib.Entries {
		if strings.HasSuffix(filepath.ToSlash(e.Path), "/"+rel) {
			return e
		}
	}
	t.Fatalf("no entry for %s among %v", rel, names(lib.Entries))
	return LibraryEntry{}
}

// names lists the entries by file path relative to the blog, for messages
// and order checks.
func names(entries []LibraryEntry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = filepath.Base(filepath.Dir(e.Path)) + "/" + filepath.Base(e.Path)
	}
	return out
}

// jekyllBlog is a small Chirpy blog with one of each kind of post the
// library must handle, and Postdesk's own drafts folder beside it.
var jekyllBlog = map[string]string{
	"_config.yml": "title: 블로그\ntimezone: Asia/Seoul\n",
	"_posts/2024-03-01-hello.md": "---\ntitle: 안녕하세요 Postdesk\ndate: 2024-03-01 09:00:00 +0900\n" +
		"categories: [Blog, Dev]\ntags: [Go, 한국어]\n---\n\n본문입니다.\n",
	"_posts/2024-02-10-name-dated.md":      "---\ntitle: Dated by name\ntags: [go]\n---\nbody\n",
	"_posts/2024-01-05-unpublished.md":     "---\ntitle: Not yet\npublished: false\ndate: 2024-01-05 10:00:00 +0900\n---\n",
	"_posts/2023-12-31-broken.md":          "---\ntitle: [unclosed\ndate: 2023-12-31\n---\nbody\n",
	"_posts/2023-11-01-untitled-post.md":   "---\ndate: 2023-11-01 12:00:00 +0900\ncategories: Dev\n---\n",
	"_posts/2023-10-01-utc-timestamp.md":   "---\ntitle: Psych reads this in UTC\ndate: 2023-09-30 17:30:00\ntags: go yaml\n---\n",
	"_posts/2023-05-05-no-front-matter.md": "Just Markdown, which Jekyll copies as is.\n",
	"_posts/2023-05-06-empty.md":           "",
	"_posts/2022/2022-06-01-nested.md":     "---\ntitle: In a subfolder\ntag: single tag\n---\n",
	"_posts/notes.md":                      "---\ntitle: Forgot the date in the name\ndate: 2021-01-01 08:00:00 +0900\n---\n",
	"_posts/2024-02-30-no-such-day.md":     "---\ntitle: February 30\n---\n",
	"_posts/.hidden.md":                    "---\ntitle: dot-file\n---\n",
	"_posts/.git/2020-01-01-in-git.md":     "---\ntitle: dot-folder\n---\n",
	"_posts/_site/2020-01-01-built.md":     "---\ntitle: generated\n---\n",
	"_posts/2020-01-01-picture.png":        "not a post",
	"_drafts/idea.md":                      "---\ntitle: 아이디어 메모\ntags: [Go, 메모]\ncategories: [Blog]\n---\n",
	"_drafts/2024-04-01-later.md":          "---\ntitle: Later\n---\n",
	"_drafts/no-date-draft.md":             "---\ntitle: Undated draft\n---\n",
}

func TestScanJekyll(t *testing.T) {
	seoul := mustZone(t, "Asia/Seoul")
	dir := writeTree(t, t.TempDir(), jekyllBlog)
	mine := writeTree(t, t.TempDir(), map[string]string{"postdesk-draft.md": "---\ntitle: Postdesk draft\ndate: 2025-01-01 00:00:00 +0900\n---\n"})
	mtime := time.Date(2019, 6, 1, 12, 0, 0, 0, time.UTC)
	for _, name := range []string{"_drafts/idea.md", "_drafts/no-date-draft.md"} {
		if err := os.Chtimes(filepath.Join(dir, name), mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	lib := scanBlog(t, dir, mine)
	if len(lib.Errs) != 0 {
		t.Errorf("Errs = %v", lib.Errs)
	}

	kst := func(s string) time.Time {
		tm, err := time.ParseInLocation("2006-01-02 15:04", s, seoul)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	for _, tc := range []struct {
		name    string
		title   string
		date    time.Time
		draft   bool
		tags    []string
		cats    []string
		errIs   error
		nameErr bool
	}{
		{name: "2024-03-01-hello.md", title: "안녕하세요 Postdesk", date: kst("2024-03-01 09:00"), tags: []string{"Go", "한국어"}, cats: []string{"Blog", "Dev"}},
		{name: "2024-02-10-name-dated.md", title: "Dated by name", date: kst("2024-02-10 00:00"), tags: []string{"go"}},
		{name: "2024-01-05-unpublished.md", title: "Not yet", date: kst("2024-01-05 10:00"), draft: true},
		{name: "2023-12-31-broken.md", title: "broken", date: kst("2023-12-31 00:00"), errIs: ErrSyntax},
		{name: "2023-11-01-untitled-post.md", title: "untitled-post", date: kst("2023-11-01 12:00"), cats: []string{"Dev"}},
		{name: "2023-10-01-utc-timestamp.md", title: "Psych reads this in UTC", date: time.Date(2023, 9, 30, 17, 30, 0, 0, time.UTC), tags: []string{"go", "yaml"}},
		{name: "2023-05-05-no-front-matter.md", title: "no-front-matter", date: kst("2023-05-05 00:00")},
		{name: "2023-05-06-empty.md", title: "empty", date: kst("2023-05-06 00:00"), errIs: ErrEmpty},
		{name: "2022-06-01-nested.md", title: "In a subfolder", date: kst("2022-06-01 00:00"), tags: []string{"single tag"}},
		{name: "notes.md", title: "Forgot the date in the name", date: kst("2021-01-01 08:00"), nameErr: true},
		{name: "2024-02-30-no-such-day.md", title: "February 30", date: mtimeOf(t, filepath.Join(dir, "_posts/2024-02-30-no-such-day.md")), nameErr: true},
		{name: "idea.md", title: "아이디어 메모", date: mtime, draft: true, tags: []string{"Go", "메모"}, cats: []string{"Blog"}},
		{name: "2024-04-01-later.md", title: "Later", date: kst("2024-04-01 00:00"), draft: true},
		{name: "no-date-draft.md", title: "Undated draft", date: mtime, draft: true},
		{name: "postdesk-draft.md", title: "Postdesk draft", date: kst("2025-01-01 00:00"), draft: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := entryByName(t, lib, tc.name)
			if e.Title != tc.title {
				t.Errorf("Title = %q, want %q", e.Title, tc.title)
			}
			if !e.Date.Equal(tc.date) {
				t.Errorf("Date = %v, want %v", e.Date, tc.date)
			}
			if e.Date.Location().String() != seoul.String() {
				t.Errorf("Date is in %v, want the blog's zone", e.Date.Location())
			}
			if e.Draft != tc.draft {
				t.Errorf("Draft = %v", e.Draft)
			}
			if !slices.Equal(e.Tags, tc.tags) || !slices.Equal(e.Categories, tc.cats) {
				t.Errorf("Tags = %q, Categories = %q; want %q, %q", e.Tags, e.Categories, tc.tags, tc.cats)
			}
			var pe *ParseError
			switch {
			case tc.errIs == nil && e.Err != nil:
				t.Errorf("Err = %v", e.Err)
			case tc.errIs != nil && (!errors.Is(e.Err, tc.errIs) || !errors.As(e.Err, &pe)):
				t.Errorf("Err = %v, want a *ParseError for %v", e.Err, tc.errIs)
			}
			if got := e.NameErr != nil; got != tc.nameErr || got && !errors.Is(e.NameErr, ErrPostName) {
				t.Errorf("NameErr = %v", e.NameErr)
			}
		})
	}
	if len(lib.Entries) != 15 {
		t.Errorf("%d entries, want 15 (no dot-files, _site or pictures): %v", len(lib.Entries), names(lib.Entries))
	}
}

// scanBlog opens the blog at dir and scans it, failing the test on any
// error.
func scanBlog(t testing.TB, dir string, extra ...string) *Library {
	t.Helper()
	blog, err := OpenBlog(dir)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := blog.Scan(extra...)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func mtimeOf(t *testing.T, path string) time.Time {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.ModTime()
}

func TestScanOrder(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{
		"_config.yml":             "timezone: UTC\n",
		"_posts/2024-01-01-a.md":  "---\ntitle: a\n---\n",
		"_posts/2024-01-01-b.md":  "---\ntitle: b\n---\n",
		"_posts/2024-05-01-c.md":  "---\ntitle: c\ndate: 2023-01-01 00:00:00 +0000\n---\n",
		"_posts/2024-03-01-d.md":  "---\ntitle: d\n---\n",
		"_drafts/2024-02-01-e.md": "---\ntitle: e\n---\n",
		"_drafts/2024-01-01-f.md": "---\ntitle: f\n---\n",
	})
	lib := scanBlog(t, dir)
	// Same date: Jekyll sorts by path, and site.posts is newest first, so
	// _posts/…-b before _posts/…-a before _drafts/…-f.
	want := []string{"_posts/2024-03-01-d.md", "_drafts/2024-02-01-e.md", "_posts/2024-01-01-b.md", "_posts/2024-01-01-a.md", "_drafts/2024-01-01-f.md", "_posts/2024-05-01-c.md"}
	if got := names(lib.Entries); !slices.Equal(got, want) {
		t.Errorf("order:\n got %q\nwant %q", got, want)
	}
}

func TestSortEntriesUndatedLast(t *testing.T) {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	entries := []LibraryEntry{
		{Path: "/b/z.md"},
		{Path: "/b/old.md", Date: day},
		{Path: "/b/a.md"},
		{Path: "/b/new.md", Date: day.Add(time.Hour)},
	}
	sortEntries(entries)
	want := []string{"/b/new.md", "/b/old.md", "/b/a.md", "/b/z.md"}
	for i, e := range entries {
		if e.Path != want[i] {
			t.Fatalf("order = %v, want %q", entries, want)
		}
	}
}

func TestScanTagCounts(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{
		"_config.yml":            "timezone: UTC\n",
		"_posts/2024-01-01-a.md": "---\ntags: [go, Go, yaml]\ncategories: [Dev]\n---\n",
		"_posts/2024-01-02-b.md": "---\ntags: [go, 한국어, go]\ncategories: [Dev, Blog]\n---\n",
		"_posts/2024-01-03-c.md": "---\ntags: [yaml, apple]\n---\n",
		"_drafts/d.md":           "---\ntags: [go]\ncategories: Blog\n---\n",
		"_drafts/e.md":           "---\ntag:\ntags: apple  pie\n---\n",
	})
	lib := scanBlog(t, dir)
	// A tag twice in one post counts once; ties go by name, ignoring case;
	// an empty `tag:` leaves `tags:` in force, split at spaces.
	wantTags := []TagCount{{"go", 3}, {"apple", 2}, {"yaml", 2}, {"Go", 1}, {"pie", 1}, {"한국어", 1}}
	if !slices.Equal(lib.Tags, wantTags) {
		t.Errorf("Tags = %v, want %v", lib.Tags, wantTags)
	}
	wantCats := []TagCount{{"Blog", 2}, {"Dev", 2}}
	if !slices.Equal(lib.Categories, wantCats) {
		t.Errorf("Categories = %v, want %v", lib.Categories, wantCats)
	}
}

func TestScanHugo(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	dir := writeTree(t, t.TempDir(), map[string]string{
		"hugo.toml":                           "title = 'x'\ntimeZone = 'Europe/Berlin'\n",
		"content/posts/_index.md":             "---\ntitle: Posts\n---\n",
		"content/posts/toml-draft.md":         "+++\ntitle = '초안'\ndate = 2024-01-02T10:00:00+09:00\ndraft = true\ntags = ['hugo']\n+++\nbody\n",
		"content/posts/yaml-post.md":          "---\ntitle: YAML post\ndate: '2024-01-03 10:00'\ndraft: false\ncategories: [Dev]\n---\n",
		"content/posts/bundle/index.md":       "---\ntitle: \"\"\ndraft: true\n---\n",
		"content/posts/2024-01-01-undated.md": "+++\ntitle = 'No date'\n+++\n",
	})
	lib := scanBlog(t, dir)
	want := []string{"posts/yaml-post.md", "posts/toml-draft.md", "posts/2024-01-01-undated.md", "bundle/index.md"}
	if got := names(lib.Entries); !slices.Equal(got, want) {
		t.Fatalf("entries %q, want %q (no _index.md; undated last)", got, want)
	}
	for _, tc := range []struct {
		name  string
		title string
		date  time.Time
		draft bool
	}{
		{"toml-draft.md", "초안", time.Date(2024, 1, 2, 1, 0, 0, 0, time.UTC), true},
		{"yaml-post.md", "YAML post", time.Date(2024, 1, 3, 10, 0, 0, 0, berlin), false},
		{"bundle/index.md", "bundle", time.Time{}, true},
		{"2024-01-01-undated.md", "No date", time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := entryByName(t, lib, tc.name)
			if e.Title != tc.title || !e.Date.Equal(tc.date) || e.Draft != tc.draft || e.Err != nil || e.NameErr != nil {
				t.Errorf("entry = %+v, want title %q, date %v, draft %v", e, tc.title, tc.date, tc.draft)
			}
		})
	}
}

func TestScanFolders(t *testing.T) {
	for _, tc := range []struct {
		name    string
		files   map[string]string
		extra   []string
		wantErr bool
		entries int
	}{
		{name: "Missing _posts is an error", files: map[string]string{"_config.yml": "x: 1\n", "_drafts/a.md": "a"}, wantErr: true},
		{name: "Missing _drafts is fine", files: map[string]string{"_config.yml": "x: 1\n", "_posts/2024-01-01-a.md": "a"}, entries: 1},
		{name: "Empty _posts is fine", files: map[string]string{"_config.yml": "x: 1\n", "_posts/README.txt": "x"}, entries: 0},
		{name: "Missing extra folder is fine", files: map[string]string{"_config.yml": "x: 1\n", "_posts/2024-01-01-a.md": "a"}, extra: []string{"nowhere"}, entries: 1},
		{name: "Extra folder inside _drafts lists each file once", files: map[string]string{"_config.yml": "x: 1\n", "_posts/2024-01-01-a.md": "a", "_drafts/mine/b.md": "b"}, extra: []string{"_drafts/mine"}, entries: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeTree(t, t.TempDir(), tc.files)
			blog, err := OpenBlog(dir)
			if err != nil {
				t.Fatal(err)
			}
			var extra []string
			for _, e := range tc.extra {
				extra = append(extra, filepath.Join(dir, e))
			}
			lib, err := blog.Scan(extra...)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), blog.PostsDir) {
					t.Fatalf("err = %v, want one naming %s", err, blog.PostsDir)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(lib.Entries) != tc.entries || len(lib.Errs) != 0 {
				t.Errorf("entries %v, Errs %v", names(lib.Entries), lib.Errs)
			}
		})
	}
}

func TestScanSymlinkedPosts(t *testing.T) {
	elsewhere := writeTree(t, t.TempDir(), map[string]string{"2024-01-01-linked.md": "---\ntitle: Linked\n---\n"})
	dir := writeTree(t, t.TempDir(), map[string]string{"_config.yml": "timezone: UTC\n"})
	if err := os.Symlink(elsewhere, filepath.Join(dir, "_posts")); err != nil {
		t.Skipf("SKIPPED: cannot make a symlink here: %v", err)
	}
	// A link back up must not walk forever.
	if err := os.Symlink(elsewhere, filepath.Join(elsewhere, "loop")); err != nil {
		t.Fatal(err)
	}
	lib := scanBlog(t, dir)
	if len(lib.Entries) != 1 || lib.Entries[0].Title != "Linked" || lib.Entries[0].Path != filepath.Join(dir, "_posts", "2024-01-01-linked.md") {
		t.Errorf("entries = %+v", lib.Entries)
	}
}

func TestScanUnreadableFile(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{
		"_config.yml":               "timezone: UTC\n",
		"_posts/2024-01-01-fine.md": "---\ntitle: Fine\n---\n",
	})
	// A link to nowhere cannot be opened, even by root, which a file
	// with mode 0 can.
	dangling := filepath.Join(dir, "_posts", "2024-01-02-dangling.md")
	if err := os.Symlink(filepath.Join(dir, "gone.md"), dangling); err != nil {
		t.Skipf("SKIPPED: cannot make a symlink here: %v", err)
	}
	lib := scanBlog(t, dir)
	e := entryByName(t, lib, "2024-01-02-dangling.md")
	if !errors.Is(e.Err, os.ErrNotExist) || e.Title != "dangling" || !e.Date.Equal(time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("unreadable entry = %+v", e)
	}
	if e := entryByName(t, lib, "2024-01-01-fine.md"); e.Err != nil || e.Title != "Fine" {
		t.Errorf("fine entry = %+v", e)
	}
}

func TestSplitDateName(t *testing.T) {
	for _, tc := range []struct {
		stem string
		date string // "" for no date
		rest string
		err  bool
	}{
		{"2024-07-14-hello", "2024-07-14", "hello", false},
		{"2024-7-4-one-digit-month-and-day", "2024-7-4", "one-digit-month-and-day", false},
		{"2024-07-14-", "2024-07-14", "", false},
		{"2024-07-14-한글-제목", "2024-07-14", "한글-제목", false},
		{"2024-07-14", "", "2024-07-14", false},
		{"notes", "", "notes", false},
		{"2024-07-14hello", "", "2024-07-14hello", false},
		{"2024-02-30-no-such-day", "", "2024-02-30-no-such-day", true},
		{"2024-13-01-month-13", "", "2024-13-01-month-13", true},
		{"24-07-14-two-digit-year", "", "24-07-14-two-digit-year", true},
		{"20240-07-14-five-digit-year", "", "20240-07-14-five-digit-year", false},
	} {
		t.Run(tc.stem, func(t *testing.T) {
			d, rest, err := splitDateName(tc.stem)
			if (err != nil) != tc.err || err != nil && !errors.Is(err, ErrPostName) {
				t.Errorf("err = %v", err)
			}
			got := ""
			if d != nil {
				got = d.Text
			}
			if got != tc.date || rest != tc.rest {
				t.Errorf("got %q, %q; want %q, %q", got, rest, tc.date, tc.rest)
			}
		})
	}
}

// prefixCases are files whose front matter the chunked reader must find
// exactly where Parse finds it in the whole file.
var prefixCases = []struct {
	name string
	src  string
}{
	{"YAML front matter", "---\ntitle: a\n---\nbody\n"},
	{"YAML front matter CRLF", "---\r\ntitle: a\r\n---\r\nbody\r\n"},
	{"Byte order mark", "\uFEFF---\ntitle: a\n---\nbody\n"},
	{"Closed with dots", "---\ntitle: a\n...\nbody\n"},
	{"Closing line with trailing spaces", "---\ntitle: a\n---  \t\nbody\n"},
	{"Four dashes do not close", "---\ntitle: a\n----\nb: c\n---\nbody\n"},
	{"TOML front matter", "+++\ntitle = 'a'\n+++\nbody\n"},
	{"TOML ignores a dash line", "+++\ntitle = 'a'\n---\n+++\n"},
	{"Closing line at end of file without newline", "---\ntitle: a\n---"},
	{"Unclosed front matter", "---\ntitle: a\nbody\n"},
	{"No front matter", "# Title\n\n---\n\ntext\n"},
	{"No front matter, one line without newline", "hello"},
	{"Thematic break alone", "---"},
	{"Empty file", ""},
	{"Empty front matter", "---\n---\nbody\n"},
	{"Binary body after front matter", "---\ntitle: a\n---\n\x00\x01"},
	{"Korean split across reads", "---\ntitle: " + strings.Repeat("가나다", 50) + "\n---\n"},
	{"Front matter longer than the first read", "---\n" + strings.Repeat("key"+strings.Repeat("x", 60)+": 값\n", 300) + "---\nbody\n"},
	{"First line longer than the first read", strings.Repeat("본문", 5000) + "\n---\n"},
	{"Not UTF-8 in front matter", "---\ntitle: \xff\n---\n"},
	{"Not UTF-8 first line, NUL after it", "\xad\n\x00"},
	{"Front matter not a mapping, body not UTF-8", "---\n0\n---\n\xe0"},
}

// checkPrefix reads src through frontReader with first reads of several
// sizes, and compares what Parse makes of the prefix with what it makes of
// the whole file.
func checkPrefix(t *testing.T, dir string, src []byte) {
	t.Helper()
	path := filepath.Join(dir, "post.md")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	full := Parse(path, src)
	for _, size := range []int{0, 1, 3, 64, 8 << 10} {
		r := frontReader{buf: make([]byte, 0, size)}
		prefix, err := r.read(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(src, prefix) {
			t.Fatalf("first read %d: prefix %q is not a prefix of the file", size, storagetest.Visible(string(prefix)))
		}
		p := Parse(path, bytes.Clone(prefix))
		switch {
		case full.Err() == nil && p.Err() != nil:
			t.Fatalf("first read %d: prefix %q fails with %v", size, storagetest.Visible(string(prefix)), p.Err())
		case p.Err() != nil && full.Err() == nil:
			t.Fatalf("first read %d: prefix error %v, file parses", size, p.Err())
		case p.Err() != nil && !sameKind(p.Err(), full.Err()) && !errors.Is(full.Err(), ErrBinary) && !errors.Is(full.Err(), ErrNotUTF8):
			// The whole file is checked for text before its front matter
			// is parsed, so a NUL or broken UTF-8 in the body, which the
			// prefix does not hold, may win over the prefix's error.
			t.Fatalf("first read %d: prefix error %v, file error %v", size, p.Err(), full.Err())
		case p.Err() == nil && full.Err() == nil:
			if p.Format() != full.Format() || !bytes.Equal(p.FrontMatter(), full.FrontMatter()) {
				t.Fatalf("first read %d: prefix front matter %s %q, file %s %q", size,
					p.Format(), storagetest.Visible(string(p.FrontMatter())), full.Format(), storagetest.Visible(string(full.FrontMatter())))
			}
		}
	}
}

// sameKind says whether two parse errors wrap the same sentinel.
func sameKind(a, b error) bool {
	for _, s := range []error{ErrEmpty, ErrBinary, ErrNotUTF8, ErrUnclosed, ErrSyntax, ErrNotMapping, ErrDuplicateKey, ErrBadDate} {
		if errors.Is(a, s) {
			return errors.Is(b, s)
		}
	}
	return false
}

func TestFrontReader(t *testing.T) {
	for _, tc := range prefixCases {
		t.Run(tc.name, func(t *testing.T) {
			checkPrefix(t, t.TempDir(), []byte(tc.src))
		})
	}
}

// FuzzFrontReader: whatever the file, the front matter read in chunks is
// the front matter of the whole file.
func FuzzFrontReader(f *testing.F) {
	for _, tc := range prefixCases {
		f.Add([]byte(tc.src))
	}
	for _, tc := range parseCases {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkPrefix(t, t.TempDir(), src)
	})
}

// filterLibrary is a library as Scan would leave it, for Filter cases.
var filterLibrary = &Library{Entries: []LibraryEntry{
	{Path: "/b/1.md", Title: "파이썬 비동기 프로그래밍", Tags: []string{"python", "asyncio"}, Categories: []string{"CS", "Basic"}},
	{Path: "/b/2.md", Title: "Go로 만드는 Markdown 편집기", Tags: []string{"Go", "Fyne"}, Categories: []string{"Dev"}},
	{Path: "/b/3.md", Title: "2021년 회고", Tags: []string{"retrospective"}, Categories: []string{"ETC", "Retrospective"}},
	{Path: "/b/4.md", Title: "HTTPS의 동작 원리", Tags: []string{"https", "ssl"}, Categories: []string{"CS", "Network"}},
	// A title that came from a file name on macOS: Hangul decomposed.
	{Path: "/b/5.md", Title: "\u1112\u1161\u11ab\u1100\u1173\u11af \u1111\u1161\u110b\u1175\u11af"}, // 한글 파일
}}

func TestFilter(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		want  []string
	}{
		{"Empty query returns all", "", []string{"1", "2", "3", "4", "5"}},
		{"Only spaces returns all", "  \t ", []string{"1", "2", "3", "4", "5"}},
		{"Korean word in title", "비동기", []string{"1"}},
		{"Korean part of a word", "회", []string{"3"}},
		{"Korean syllable in a particle", "의", []string{"4"}},
		{"Mixed case query", "mArKdOwN", []string{"2"}},
		{"Upper case query, lower case tag", "PYTHON", []string{"1"}},
		{"Multiple words, all must match", "go 편집기", []string{"2"}},
		{"Multiple words in different fields", "python 파이썬 basic", []string{"1"}},
		{"One word that does not match excludes", "python 회고", nil},
		{"By tag", "asyncio", []string{"1"}},
		{"By category", "network", []string{"4"}},
		{"Category shared by two posts", "cs", []string{"1", "4"}},
		{"Words do not match across two tags", "pythonasyncio", nil},
		{"Digits in title", "2021", []string{"3"}},
		{"Decomposed title, composed query", "한글", []string{"5"}},
		{"Composed title, decomposed query", "\u1107\u1175\u1103\u1169\u11bc\u1100\u1175", []string{"1"}}, // 비동기
		{"No match", "rust", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range filterLibrary.Filter(tc.query) {
				got = append(got, strings.TrimSuffix(filepath.Base(e.Path), ".md"))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Filter(%q) = %q, want %q", tc.query, got, tc.want)
			}
		})
	}
}

// TestScanCorpusAuthor scans a real Chirpy blog, the shared corpus's
// author: 48 posts and 6 drafts, dated the way their front matter says in
// the blog's zone, or by their file names where it says nothing.
func TestScanCorpusAuthor(t *testing.T) {
	src := filepath.Join(storagetest.SharedDir(t), "corpus", "author")
	if _, err := os.Stat(filepath.Join(src, "_posts")); err != nil {
		t.Skipf("SKIPPED: the author corpus is not at %s: %v", src, err)
	}
	seoul := mustZone(t, "Asia/Seoul")
	blog := corpusBlog(t, src)
	lib, err := blog.Scan()
	if err != nil {
		t.Fatal(err)
	}
	posts, drafts := 0, 0
	dateLine := regexp.MustCompile(`(?m)^date: (.+)$`)
	for _, e := range lib.Entries {
		if e.Draft {
			drafts++
		} else {
			posts++
		}
		if e.Err != nil || e.NameErr != nil || strings.TrimSpace(e.Title) == "" {
			t.Errorf("%s: title %q, Err %v, NameErr %v", e.Path, e.Title, e.Err, e.NameErr)
		}
		text, err := os.ReadFile(e.Path)
		if err != nil {
			t.Fatal(err)
		}
		var want time.Time
		if m := dateLine.FindSubmatch(text); m != nil {
			want, err = time.Parse("2006-01-02 15:04:05 -0700", strings.TrimSpace(string(m[1])))
		} else {
			want, err = time.ParseInLocation("2006-01-02", filepath.Base(e.Path)[:10], seoul)
		}
		if err != nil {
			t.Fatalf("%s: %v", e.Path, err)
		}
		if !e.Date.Equal(want) {
			t.Errorf("%s: date %v, want %v", e.Path, e.Date, want)
		}
	}
	if posts != 48 || drafts != 6 {
		t.Errorf("%d posts and %d drafts, want 48 and 6", posts, drafts)
	}
	first := lib.Entries[0]
	if first.Title != "T-SNE 이해하기" || first.Date.Format(time.RFC3339) != "2025-08-30T14:52:00+09:00" {
		t.Errorf("newest entry = %q %v", first.Title, first.Date)
	}
	if svd := entryByName(t, lib, "2021-03-17-SVD.md"); svd.Date.Format(time.RFC3339) != "2021-03-07T22:19:00+09:00" {
		t.Errorf("SVD: front matter date should win over the file name's, got %v", svd.Date)
	}
	if got := len(lib.Filter("AkNN")); got != 3 {
		t.Errorf("Filter(AkNN) found %d, want 1 post and 2 drafts", got)
	}
	if got := lib.Filter("파이썬 python"); len(got) < 3 {
		t.Errorf("Filter(파이썬 python) found only %v", names(got))
	}
	if len(lib.Tags) == 0 || lib.Tags[0].Name != "retrospective" && lib.Tags[0].Count < 5 {
		t.Errorf("tags = %v", lib.Tags[:min(5, len(lib.Tags))])
	}
}

// corpusBlog makes a blog in a temporary folder whose _posts and _drafts
// link to (or, where links cannot be made, are copies of) the corpus's.
func corpusBlog(t testing.TB, src string) *Blog {
	t.Helper()
	dir := writeTree(t, t.TempDir(), map[string]string{"_config.yml": "title: author\ntimezone: Asia/Seoul\n"})
	for _, name := range []string{"_posts", "_drafts"} {
		from, err := filepath.Abs(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(from, filepath.Join(dir, name)); err != nil {
			if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(from)); err != nil {
				t.Fatal(err)
			}
		}
	}
	blog, err := OpenBlog(dir)
	if err != nil {
		t.Fatal(err)
	}
	return blog
}

// Regression: a TOML date-time with no offset was read in the machine's
// zone; Hugo reads it in the site's.
func TestScanHugoLocalDates(t *testing.T) {
	seoul := mustZone(t, "Asia/Seoul")
	dir := writeTree(t, t.TempDir(), map[string]string{
		"hugo.toml":              "title = 'x'\ntimeZone = 'Asia/Seoul'\n",
		"content/posts/local.md": "+++\ntitle = 'local'\ndate = 2024-01-02T10:00:00\n+++\n",
		"content/posts/day.md":   "+++\ntitle = 'day'\ndate = 2024-01-05\n+++\n",
	})
	lib := scanBlog(t, dir)
	for name, want := range map[string]time.Time{
		"local.md": time.Date(2024, 1, 2, 10, 0, 0, 0, seoul),
		"day.md":   time.Date(2024, 1, 5, 0, 0, 0, 0, seoul),
	} {
		if e := entryByName(t, lib, name); !e.Date.Equal(want) {
			t.Errorf("%s: date %v, want %v", name, e.Date, want)
		}
	}
}

// TestFindPostsLinkedFolder: a folder given as a symbolic link is
// searched like the folder itself, with the library's skip rules.
func TestFindPostsLinkedFolder(t *testing.T) {
	dir := writeTree(t, t.TempDir(), map[string]string{
		"a.md": "a", "sub/b.markdown": "b", ".git/c.md": "c", "_site/d.md": "d", "node_modules/e.md": "e", ".f.md": "f", "g.txt": "g",
	})
	link := filepath.Join(t.TempDir(), "posts")
	if err := os.Symlink(dir, link); err != nil {
		t.Skipf("SKIPPED: cannot make a symlink here: %v", err)
	}
	paths, err := FindPosts(link)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(link, "a.md"), filepath.Join(link, "sub", "b.markdown")}
	if !slices.Equal(paths, want) {
		t.Errorf("FindPosts = %q, want %q", paths, want)
	}
}
