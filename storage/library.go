package storage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/unicode/norm"
)

// ErrPostName marks a post under _posts whose file name Jekyll will not
// take: it must start with a date, YYYY-MM-DD-, that exists.
var ErrPostName = errors.New("post file name does not start with a valid YYYY-MM-DD- date")

// LibraryEntry is one post or draft of a blog, as the library sidebar lists it.
type LibraryEntry struct {
	Path string
	// Title is the front matter title; the file name without date and
	// extension when it has none (for a Hugo bundle's index.md, the
	// folder's name).
	Title string
	// Date is the instant Jekyll gives the post, in the blog's zone: the
	// front matter date, else the file name's YYYY-MM-DD-, else the file's
	// modification time (Jekyll's rule for a draft). For Hugo it is the
	// first of date, publishDate, lastmod, as Hugo reads them; Hugo takes
	// no date from the file, so it may be zero.
	Date time.Time
	// Draft is true for a post under _drafts or an extra folder given to
	// Scan, with `published: false` (Jekyll), or with `draft: true` (Hugo).
	Draft      bool
	Tags       []string
	Categories []string
	// Err is why the post does not parse (a *ParseError), or why it could
	// not be read; nil if it parses. Such a post is still listed, titled by
	// its file name and dated by its name or modification time. Only the
	// front matter is read, so a body that is not UTF-8 shows up when the
	// post is opened, not here.
	Err error
	// NameErr wraps ErrPostName for a file under _posts that Jekyll skips
	// (no date in its name) or fails the build on (a date that does not
	// exist, like 2024-02-30). Such a file is listed anyway, so that the
	// user sees it and renames it rather than wonders where the post went.
	// Nil for well-named posts, drafts and Hugo posts.
	NameErr error
}

// TagCount is a tag or category and how many posts use it.
type TagCount struct {
	Name  string
	Count int
}

// Library is the index of a blog's posts and drafts.
type Library struct {
	// Entries are newest first; entries with the same date in the order
	// Jekyll's site.posts lists them (by path, descending); entries
	// without a date last, by path.
	Entries []LibraryEntry
	// Tags are most used first, then by name, ignoring case. A tag counts
	// once per entry that has it, drafts included: the sidebar searches
	// drafts too.
	Tags       []TagCount
	Categories []TagCount

	// search holds each entry's title, tags and categories folded for
	// Filter, made once on the first search rather than on every key.
	searchOnce sync.Once
	search     [][]string

	// Errs are the folders under the posts or drafts that could not be
	// listed (a permission problem, say). Their posts are missing from
	// Entries; the rest of the blog is not.
	Errs []error
}

// Scan indexes the posts (PostsDir) and drafts (DraftsDir, and any extra
// folders given, e.g. Postdesk's own drafts folder) of the blog. Folders
// are read recursively, skipping dot-files and dot-folders, _site and
// node_modules, and files IsPostFile rejects; for Hugo, the section page
// _index.md too. A missing PostsDir is an error naming it; a missing
// drafts or extra folder is not, since a blog need not have one. A post
// that cannot be read or parsed is listed with its Err and never fails
// the scan.
//
// Files are read in parallel, and of each only as much as its front
// matter needs, so that a blog of thousands of posts is listed at once.
func (b *Blog) Scan(extraDirs ...string) (*Library, error) {
	lib := &Library{}
	files, err := b.listFiles(lib, extraDirs)
	if err != nil {
		return nil, err
	}
	lib.Entries = make([]LibraryEntry, len(files))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := frontReader{buf: make([]byte, 0, 8<<10)}
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				lib.Entries[i] = b.readEntry(&r, files[i])
			}
		}()
	}
	wg.Wait()
	sortEntries(lib.Entries)
	lib.Tags = countNames(lib.Entries, func(e *LibraryEntry) []string { return e.Tags })
	lib.Categories = countNames(lib.Entries, func(e *LibraryEntry) []string { return e.Categories })
	return lib, nil
}

// dirRole says what a folder's files are to Jekyll.
type dirRole int

const (
	rolePosts  dirRole = iota // _posts: names must carry a date
	roleDrafts                // _drafts or Postdesk's drafts: drafts, named freely
)

// postFile is a file Scan will read.
type postFile struct {
	path string
	role dirRole
}

// listFiles walks the posts, drafts and extra folders, each file once even
// when folders overlap: Hugo's drafts are its posts, and an extra folder
// may lie inside another, when a file is listed under the first.
func (b *Blog) listFiles(lib *Library, extraDirs []string) ([]postFile, error) {
	type root struct {
		dir  string
		role dirRole
	}
	roots := []root{{b.PostsDir, rolePosts}}
	if b.DraftsDir != "" && b.DraftsDir != b.PostsDir {
		roots = append(roots, root{b.DraftsDir, roleDrafts})
	}
	for _, d := range extraDirs {
		roots = append(roots, root{filepath.Clean(d), roleDrafts})
	}
	var files []postFile
	for i, r := range roots {
		var err error
		files, err = b.walk(lib, files, r.dir, r.role)
		switch {
		case err == nil:
		case i == 0:
			// Without its posts folder the blog is not what OpenBlog saw.
			return nil, fmt.Errorf("scan posts: %w", err)
		case !errors.Is(err, fs.ErrNotExist):
			lib.Errs = append(lib.Errs, fmt.Errorf("scan drafts: %w", err))
		}
	}
	seen := make(map[string]bool, len(files))
	return slices.DeleteFunc(files, func(f postFile) bool {
		dup := seen[f.path]
		seen[f.path] = true
		return dup
	}), nil
}

// walk appends the post files under dir (see WalkFiles). An error
// listing dir itself is returned; one listing a folder below it goes to
// lib.Errs, so that one bad folder does not hide the blog.
func (b *Blog) walk(lib *Library, files []postFile, dir string, role dirRole) ([]postFile, error) {
	err := WalkFiles(dir, func(path string) {
		name := filepath.Base(path)
		if IsPostFile(name) && !(b.Kind == SiteHugo && name == "_index.md") {
			files = append(files, postFile{path, role})
		}
	}, func(err error) { lib.Errs = append(lib.Errs, fmt.Errorf("scan: %w", err)) })
	return files, err
}

// readEntry reads one post's front matter into its entry.
func (b *Blog) readEntry(r *frontReader, f postFile) LibraryEntry {
	e := LibraryEntry{Path: f.path, Draft: f.role == roleDrafts}
	name := filepath.Base(f.path)
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if b.Kind == SiteHugo && strings.EqualFold(stem, "index") {
		// A page bundle: the folder is the post.
		stem = filepath.Base(filepath.Dir(f.path))
	}
	nameDate, slug, nameErr := splitDateName(stem)
	if b.Kind == SiteJekyll {
		// Jekyll dies on a date in a name that does not exist, wherever the
		// file lies; it only skips a name without a date in _posts.
		if nameErr != nil || f.role == rolePosts && nameDate == nil {
			e.NameErr = nameErr
			if e.NameErr == nil {
				e.NameErr = fmt.Errorf("%w: Jekyll skips %s", ErrPostName, name)
			}
		}
	} else {
		slug = stem // Hugo takes no date from the name by default
	}
	e.Title = slug

	zone := b.SiteZone()
	if b.Kind == SiteHugo {
		// Hugo reads dates without an offset in its timeZone, UTC by
		// default, not in the zone of the machine.
		zone = cmp.Or(b.Zone, time.UTC)
	}
	prefix, err := r.read(f.path)
	if err != nil {
		e.Err = fmt.Errorf("read post: %w", err)
	} else {
		p := Parse(f.path, prefix)
		e.Err = p.Err()
		if e.Err == nil {
			b.fill(&e, p, zone)
		}
	}
	if e.Date.IsZero() && b.Kind == SiteJekyll {
		if nameDate != nil {
			e.Date = nameDate.In(zone)
		} else if fi, err := os.Stat(f.path); err == nil {
			// A draft (or a misnamed post) without a date: rare enough that
			// the stat is made here rather than for every file.
			e.Date = fi.ModTime().In(zone)
		}
	}
	return e
}

// fill takes the fields the sidebar shows from a parsed post.
func (b *Blog) fill(e *LibraryEntry, p *Post, zone *time.Location) {
	if t, ok := p.String("title"); ok && strings.TrimSpace(t) != "" {
		e.Title = t
	}
	if b.Kind == SiteHugo {
		if v, ok := p.Bool("draft"); ok && v {
			e.Draft = true
		}
		for _, key := range []string{"date", "publishDate", "publishdate", "pubdate", "lastmod", "lastMod"} {
			if d, ok := p.Date(key); ok {
				e.Date = d.In(zone)
				break
			}
		}
		tags, _ := p.Strings("tags")
		cats, _ := p.Strings("categories")
		e.Tags, e.Categories = dedupe(tags), dedupe(cats)
		return
	}
	if v, ok := p.Bool("published"); ok && !v {
		e.Draft = true
	}
	if d, ok := p.Date("date"); ok {
		e.Date = d.In(zone)
	}
	e.Tags = jekyllList(p, "tag", "tags")
	e.Categories = jekyllList(p, "category", "categories")
}

// jekyllList reads tags or categories as Jekyll does: the singular key,
// when it has a value, is one name (or a list); else the plural is a list,
// or a string that Jekyll splits at white space (`tags: go yaml` is two
// tags).
func jekyllList(p *Post, singular, plural string) []string {
	if list, ok := p.Strings(singular); ok && len(list) > 0 {
		return dedupe(list)
	}
	if s, ok := p.String(plural); ok {
		return dedupe(strings.Fields(s))
	}
	list, _ := p.Strings(plural)
	return dedupe(list)
}

// dedupe drops empty and repeated names, so that a tag counts once per post.
func dedupe(list []string) []string {
	out := list[:0]
	for _, s := range list {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// splitDateName splits a file name stem like "2024-07-14-hello" into its
// date, read in the site's zone as Jekyll reads it, and the rest. date is
// nil when the name does not start with Jekyll's digits-dash-digits-dash-
// digits-dash; err is set when it does but is not a date Postdesk and
// Jekyll agree on (a year of two or three digits, February 30).
func splitDateName(stem string) (date *Date, rest string, err error) {
	parts := strings.SplitN(stem, "-", 4)
	if len(parts) < 4 || !allDigits(parts[0], 2, 4) || !allDigits(parts[1], 1, 2) || !allDigits(parts[2], 1, 2) {
		return nil, stem, nil
	}
	text := parts[0] + "-" + parts[1] + "-" + parts[2]
	if len(parts[0]) != 4 {
		return nil, stem, fmt.Errorf("%w: %s has a year of %d digits; write four", ErrPostName, text, len(parts[0]))
	}
	d, err := ParseDate(text, true)
	if err != nil {
		return nil, stem, fmt.Errorf("%w: %v", ErrPostName, err)
	}
	return &d, parts[3], nil
}

// allDigits says whether s is between min and max ASCII digits.
func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// frontReader reads the front matter of one file after another into one
// buffer. What it returns is only valid until the next read: a parsed
// post keeps its source, but the library keeps only strings from it.
type frontReader struct {
	buf []byte
}

// maxKeptBuffer bounds the buffer a frontReader keeps between files, so
// that one huge file without a closing line does not hold its size in
// memory for the rest of the scan.
const maxKeptBuffer = 1 << 20

// read returns the start of the file at path that ends right after the
// front matter's closing line: parsed, that prefix gives the same front
// matter as the whole file. For a file without front matter it returns the
// first line, enough for Parse to tell so.
func (r *frontReader) read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	buf := r.buf[:0]
	scanned := -1 // where the next unchecked front matter line starts; -1 before the first line
	var format Format
	eof := false
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, max(cap(buf), 512))
		}
		n, rerr := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if rerr == io.EOF {
			eof = true
		} else if rerr != nil {
			return nil, rerr
		}
		if end, done := frontEnd(buf, &scanned, &format, eof); done {
			if cap(buf) <= maxKeptBuffer {
				r.buf = buf
			}
			return buf[:end], nil
		}
	}
}

// frontEnd looks through the complete lines of buf not yet seen for the
// end of the front matter. Only a line with its line break counts, since
// "---" at the end of a read may go on as "----"; at the end of the file
// the whole of it is the answer, as it is to Parse.
func frontEnd(buf []byte, scanned *int, format *Format, eof bool) (end int, done bool) {
	if *scanned < 0 {
		i := bytes.IndexByte(buf, '\n')
		if i < 0 {
			return len(buf), eof
		}
		if *format = openFormat(bytes.TrimPrefix(buf[:i], bom)); *format == FormatNone {
			// No front matter. The first line may still hold a NUL or a
			// broken UTF-8 sequence, which Parse reports; a line break
			// never falls inside a UTF-8 sequence, so cutting here is safe.
			return i + 1, true
		}
		*scanned = i + 1
	}
	for at := *scanned; ; {
		i := bytes.IndexByte(buf[at:], '\n')
		if i < 0 {
			*scanned = at
			return len(buf), eof
		}
		if closes(buf[at:at+i], *format) {
			return at + i + 1, true
		}
		at += i + 1
	}
}

// sortEntries orders entries newest first. Jekyll orders posts by date,
// then path, and Chirpy shows site.posts reversed; entries without a date
// go last, by path, for want of anything better.
func sortEntries(entries []LibraryEntry) {
	slices.SortFunc(entries, func(a, b LibraryEntry) int {
		switch az, bz := a.Date.IsZero(), b.Date.IsZero(); {
		case az && bz:
			return strings.Compare(a.Path, b.Path)
		case az:
			return 1
		case bz:
			return -1
		}
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(b.Path, a.Path)
	})
}

// countNames counts how many entries use each name.
func countNames(entries []LibraryEntry, names func(*LibraryEntry) []string) []TagCount {
	counts := make(map[string]int)
	for i := range entries {
		for _, n := range names(&entries[i]) {
			counts[n]++
		}
	}
	out := make([]TagCount, 0, len(counts))
	for n, c := range counts {
		out = append(out, TagCount{n, c})
	}
	slices.SortFunc(out, func(a, b TagCount) int {
		return cmp.Or(
			cmp.Compare(b.Count, a.Count),
			strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)),
			strings.Compare(a.Name, b.Name),
		)
	})
	return out
}

// Filter returns the entries whose title, tags or categories contain every
// word of query (case-insensitive; Hangul matched as text; empty query
// returns all), in library order. Words may match in different places:
// "python 파이썬" finds a post tagged python titled in Korean. Hangul is
// compared as composed syllables, so a title typed on one system and a
// query typed on another (macOS writes file names decomposed) still meet.
func (l *Library) Filter(query string) []LibraryEntry {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return slices.Clone(l.Entries)
	}
	l.searchOnce.Do(func() {
		l.search = make([][]string, len(l.Entries))
		for i, e := range l.Entries {
			fields := []string{fold(e.Title)}
			for _, list := range [][]string{e.Tags, e.Categories} {
				for _, s := range list {
					fields = append(fields, fold(s))
				}
			}
			l.search[i] = fields
		}
	})
	var out []LibraryEntry
	for i, e := range l.Entries {
		if containsAll(l.search[i], words) {
			out = append(out, e)
		}
	}
	return out
}

// containsAll says whether every word is in one of the fields. Fields are
// searched one by one, so a word never matches across the end of a tag.
func containsAll(fields, words []string) bool {
next:
	for _, w := range words {
		for _, f := range fields {
			if strings.Contains(f, w) {
				continue next
			}
		}
		return false
	}
	return true
}

// fold makes text comparable for search: lower case and in NFC, so that
// a title typed on one system and a query typed on another (macOS writes
// file names with Hangul decomposed into jamo) still meet.
func fold(s string) string {
	s = strings.ToLower(s)
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}
