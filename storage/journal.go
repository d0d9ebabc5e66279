package storage

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrJournalCorrupt marks a journal file that cannot be trusted: torn,
// truncated, or not written by Postdesk. Such a file is never offered
// back; it is reported, and left in place for the user to look at.
var ErrJournalCorrupt = errors.New("journal file is damaged")

// Journal keeps the unsaved state of open posts in a folder of its own,
// normally in the user's config folder (the app passes Dir in), so that
// edits survive a crash. There is one file per post, replaced atomically
// on every write. The journal never touches a post file: restoring an
// entry is the user's choice, made in the app.
//
// A journal file reads
//
//	postdesk-journal 1
//	path "/home/me/blog/_posts/2024-01-01-a.md"
//	id ""
//	base 9f86d0…   (sha256 of the file the edits started from, or -)
//	written 2024-01-01T12:00:00.123456789+09:00
//	length 1234
//	sha256 2c26b4…   (of the text)
//
// then an empty line and exactly length bytes of text. The length and
// checksum let Read tell a whole entry from a torn one.
type Journal struct {
	Dir string
}

// JournalEntry is the unsaved state of one post.
type JournalEntry struct {
	// Path is the post file the entry belongs to; "" for a post never
	// saved, which is then known by ID.
	Path string
	ID   string
	// BaseHash is the hex sha256 of the file's bytes the edits started
	// from (see HashBytes), or "" when they did not start from a file.
	BaseHash string
	// Text is the whole post as it would be saved.
	Text []byte
	// Written is when the state was taken; Write fills it in when zero.
	Written time.Time
}

// UntitledKey is the key under which Read and Remove find the entry of a
// post never saved, which has no path but an ID.
func UntitledKey(id string) string { return untitledPrefix + id }

const (
	untitledPrefix = "untitled:"
	journalMagic   = "postdesk-journal 1"
	journalExt     = ".journal"
)

// Key is what Read and Remove take to find this entry: the path, or
// UntitledKey(ID) for a post never saved.
func (e JournalEntry) Key() string {
	if e.Path == "" {
		return UntitledKey(e.ID)
	}
	return e.Path
}

// Differs tells whether the entry holds anything the file does not:
// current is the file's bytes now, nil when it is gone. An entry equal to
// the file is not worth offering back.
func (e JournalEntry) Differs(current []byte) bool {
	return current == nil || !bytes.Equal(e.Text, current)
}

// FileChangedSince tells whether the file is no longer what the edits
// started from, so that restoring the entry would undo a change made by
// something else (or by a save whose journal removal a crash cut off):
// the app should then offer to compare rather than just restore. current
// is the file's bytes now, nil when it is gone.
func (e JournalEntry) FileChangedSince(current []byte) bool {
	if current == nil {
		return e.BaseHash != ""
	}
	return HashBytes(current) != e.BaseHash
}

// Write stores e, replacing the post's previous entry, atomically: after a
// crash the file holds the previous entry or this one.
func (j *Journal) Write(e JournalEntry) error {
	if e.Path == "" && e.ID == "" {
		return errors.New("journal: an entry needs a path or an id")
	}
	if e.Written.IsZero() {
		e.Written = time.Now()
	}
	// The journal holds text the user has not chosen to publish anywhere
	// yet, so its folder is private.
	if err := os.MkdirAll(j.Dir, 0o700); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	name, err := j.file(e.Key())
	if err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\npath %s\nid %s\nbase %s\nwritten %s\nlength %d\nsha256 %s\n\n",
		journalMagic, strconv.Quote(e.Path), strconv.Quote(e.ID), orDash(e.BaseHash),
		e.Written.Format(time.RFC3339Nano), len(e.Text), HashBytes(e.Text))
	b.Write(e.Text)
	if err := WriteFile(name, b.Bytes()); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

// Read returns the entry for key (a post's path, or UntitledKey(id)).
// ok is false when there is none. A damaged entry is an error wrapping
// ErrJournalCorrupt. The app finds entries with Pending; Read is for
// tests, here and in the packages above, that check one entry.
func (j *Journal) Read(key string) (e *JournalEntry, ok bool, err error) {
	name, err := j.file(key)
	if err != nil {
		return nil, false, err
	}
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("journal: %w", err)
	}
	e, err = decodeJournal(data)
	if err != nil {
		return nil, false, fmt.Errorf("journal %s: %w", name, err)
	}
	return e, true, nil
}

// Remove deletes the entry for key, as after a successful save or when the
// user discards it. Removing an entry that is not there is no error.
func (j *Journal) Remove(key string) error {
	name, err := j.file(key)
	if err != nil {
		return err
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}

// Pending returns every entry in the journal, for the app to offer back
// on start, oldest first. Damaged files are skipped: the entries that
// could be read come back together with an error that joins one
// ErrJournalCorrupt per damaged file. A missing folder holds no entries.
func (j *Journal) Pending() ([]JournalEntry, error) {
	dirents, err := os.ReadDir(j.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	var entries []JournalEntry
	var errs []error
	for _, d := range dirents {
		// Dot files are WriteFile's temporary files, whole or not.
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), journalExt) || strings.HasPrefix(d.Name(), ".") {
			continue
		}
		name := filepath.Join(j.Dir, d.Name())
		data, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, fmt.Errorf("journal %s: %w", name, err))
			continue
		}
		e, err := decodeJournal(data)
		if err != nil {
			errs = append(errs, fmt.Errorf("journal %s: %w", name, err))
			continue
		}
		entries = append(entries, *e)
	}
	slices.SortStableFunc(entries, func(a, b JournalEntry) int { return a.Written.Compare(b.Written) })
	return entries, errors.Join(errs...)
}

// file names the journal file for key: a hash of the absolute path, so
// that any path, however long or strange, gives a short portable name.
func (j *Journal) file(key string) (string, error) {
	if j.Dir == "" {
		return "", errors.New("journal: no folder set")
	}
	if key == "" {
		return "", errors.New("journal: empty key")
	}
	if !strings.HasPrefix(key, untitledPrefix) {
		abs, err := filepath.Abs(key)
		if err != nil {
			return "", fmt.Errorf("journal: %w", err)
		}
		key = abs
	}
	return filepath.Join(j.Dir, HashBytes([]byte(key))[:32]+journalExt), nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// decodeJournal reads the format Write writes; anything else, or a text
// whose length or checksum does not match, is ErrJournalCorrupt.
func decodeJournal(data []byte) (*JournalEntry, error) {
	header, text, ok := bytes.Cut(data, []byte("\n\n"))
	if !ok {
		return nil, corrupt("no end of header")
	}
	sc := bufio.NewScanner(bytes.NewReader(header))
	if !sc.Scan() || sc.Text() != journalMagic {
		return nil, corrupt("not a Postdesk journal (or a newer version)")
	}
	fields := map[string]string{}
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), " ")
		if !ok {
			return nil, corrupt("bad header line %q", sc.Text())
		}
		fields[k] = v
	}
	var e JournalEntry
	var err error
	if e.Path, err = strconv.Unquote(fields["path"]); err != nil {
		return nil, corrupt("bad path")
	}
	if e.ID, err = strconv.Unquote(fields["id"]); err != nil {
		return nil, corrupt("bad id")
	}
	if e.Path == "" && e.ID == "" {
		return nil, corrupt("no path and no id")
	}
	if e.BaseHash = fields["base"]; e.BaseHash == "-" {
		e.BaseHash = ""
	}
	if e.Written, err = time.Parse(time.RFC3339Nano, fields["written"]); err != nil {
		return nil, corrupt("bad time")
	}
	n, err := strconv.Atoi(fields["length"])
	if err != nil || n != len(text) {
		return nil, corrupt("text is %d bytes, header says %s", len(text), fields["length"])
	}
	if HashBytes(text) != fields["sha256"] {
		return nil, corrupt("checksum does not match")
	}
	e.Text = text
	return &e, nil
}

func corrupt(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrJournalCorrupt}, args...)...)
}
