package editor

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/postdesk/postdesk/storage"
)

// Session is one post open for editing: the post file, the text as the
// editor shows it, and whether it differs from what is on disk. Every
// change goes through the storage field-edit API, so a form edit changes
// only that field's lines in the file.
//
// The editor works in LF line breaks; a CRLF post keeps CRLF on disk.
type Session struct {
	post  *storage.Post
	saved []byte // the file as last read or written
	// disk is the file as last read or written, to notice a change made by
	// something else (git pull, another editor) before a save overwrites it.
	disk storage.FileState
	// id names the session's journal entry while it has no path, and
	// stays when it gets one, so that the autosaver can tell which entry
	// a Save as leaves behind.
	id string
	// lines finds the body bytes of an Edit's offsets.
	lines lineIndex
}

// Open reads the post at path. A file that cannot be read is an error; a
// post that does not parse opens all the same, in raw mode (see Err).
// A relative path is made absolute (see Path).
func Open(path string) (*Session, error) {
	path = absPath(path)
	p, state, err := storage.LoadState(path)
	if p == nil {
		return nil, err
	}
	s := NewSession(p)
	s.disk = state
	return s, nil
}

// NewSession edits a post already read. A relative p.Path is made
// absolute (see Path).
func NewSession(p *storage.Post) *Session {
	p.Path = absPath(p.Path)
	return &Session{post: p, saved: p.Bytes(), id: newJournalID()}
}

// Recovered is a session for the text of a journal entry whose file is
// gone or was never saved (path ""): modified until saved. It takes the
// entry's ID, so that its state is journalled over that entry, never
// beside it.
func Recovered(e storage.JournalEntry) *Session {
	s := NewSession(storage.Parse(e.Path, bytes.Clone(e.Text)))
	s.saved = nil
	if e.ID != "" {
		s.id = e.ID
	}
	return s
}

// Path is the file the session saves to: an absolute path, or "" for a
// post never saved. The journal keeps it beyond this process and its
// working folder, so it must not depend on either.
func (s *Session) Path() string { return s.post.Path }

// absPath makes path absolute; "" stays "", and so does a path whose
// folder cannot be known (no working folder), rather than failing the open.
func absPath(path string) string {
	if path == "" {
		return ""
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// SetPath makes the session save to another file, as "Save as" does,
// where the user chose to replace whatever is there. The session counts
// as modified until it is saved there.
func (s *Session) SetPath(path string) {
	path = absPath(path)
	s.post.Path = path
	s.saved = nil
	s.disk, _ = storage.StatFile(path)
}

// Post gives read access to the post; change it only through the session.
func (s *Session) Post() *storage.Post { return s.post }

// Err is why the post's front matter does not parse (a
// *storage.ParseError), or nil. While it is set the session is in raw
// mode: the form is off and the editor holds the whole file (RawText).
func (s *Session) Err() error { return s.post.Err() }

// Modified tells whether the post differs from the file as last read or
// saved.
func (s *Session) Modified() bool { return !bytes.Equal(s.post.Bytes(), s.saved) }

// Save writes the post to its file atomically, unless the file changed
// on disk since it was read or last saved: then it returns an error
// wrapping storage.ErrChangedOnDisk or storage.ErrDeleted and writes
// nothing, so that the user can choose (see ForceSave and Reload).
func (s *Session) Save() error {
	state, err := storage.SaveIfUnchanged(s.post.Path, s.post.Bytes(), s.disk)
	if err != nil {
		return err
	}
	s.disk, s.saved = state, s.post.Bytes()
	return nil
}

// ForceSave writes the post whatever the file holds now, as when the user
// chose to keep their version over a change made elsewhere.
func (s *Session) ForceSave() error {
	state, err := storage.ForceSave(s.post.Path, s.post.Bytes())
	if err != nil {
		return err
	}
	s.disk, s.saved = state, s.post.Bytes()
	return nil
}

// DiskChanged tells whether the file differs from what the session last
// read or wrote: changed by something else, or deleted.
func (s *Session) DiskChanged() (bool, error) {
	if s.post.Path == "" {
		return false, nil
	}
	return s.disk.Changed(s.post.Path)
}

// Reload reads the file again, dropping the session's unsaved edits.
func (s *Session) Reload() error {
	fresh, err := Open(s.post.Path)
	if err != nil {
		return err
	}
	id := s.id
	*s = *fresh
	s.id = id
	return nil
}

// Restore puts back text recovered from the journal: the whole post as it
// was when the journal was written. The file is not touched; the session
// is modified until saved.
func (s *Session) Restore(text []byte) {
	s.post.SetRaw(bytes.Clone(text))
}

// Body is the Markdown of the post with LF line breaks.
func (s *Session) Body() string { return toLF(string(s.post.Body())) }

// BodySnapshot is the body as it is now, for work that runs later or on
// another goroutine (the preview, the counts): it costs nothing to take,
// the session's later edits never change it, and its LF method costs the
// conversion when the work runs.
func (s *Session) BodySnapshot() Snapshot { return Snapshot(s.post.Body()) }

// Snapshot is a post's body as it was at one moment, in the file's bytes.
type Snapshot []byte

// LF is the snapshot as the editor shows it, with LF line breaks.
func (b Snapshot) LF() string { return toLF(string(b)) }

// SetBody replaces the Markdown, given with LF line breaks. Only the
// stretch that differs from Body is written, in the line ending of the
// line it lands on: every other byte of the file stays, so a file with
// mixed line endings keeps them. Text equal to Body changes nothing.
func (s *Session) SetBody(text string) {
	if from, to, mid, changed := lfSplice(s.post.Body(), text, s.post.Newline()); changed {
		s.post.SpliceBody(from, to, mid)
	}
}

// RawText is the whole file, front matter included, with LF line breaks:
// what the editor shows in raw mode.
func (s *Session) RawText() string {
	return toLF(strings.TrimPrefix(string(s.post.Bytes()), "\uFEFF"))
}

// Text returns a one-line or multi-line text field, "" when absent.
// Chirpy's short form `image: PATH` reads as image.path.
func (s *Session) Text(key string) string {
	if key == "image.path" {
		if v, ok := s.post.String("image"); ok {
			return v
		}
	}
	v, _ := s.post.String(key)
	return v
}

// SetText sets a text field; empty text removes it.
func (s *Session) SetText(key, value string) error {
	if strings.HasPrefix(key, "image.") {
		return s.setImage(key, value)
	}
	if value == "" {
		return s.post.Remove(key)
	}
	return s.set(key, value)
}

// setImage edits image.path, image.alt or image.lqip. A post that uses
// the short form `image: PATH` keeps it while only the path is set; adding
// alt or lqip turns it into the mapping Chirpy also accepts.
func (s *Session) setImage(key, value string) error {
	short, isShort := s.post.String("image")
	if !isShort {
		if value == "" {
			return s.post.Remove(key)
		}
		return s.set(key, value)
	}
	sub := strings.TrimPrefix(key, "image.")
	switch {
	case sub == "path" && value == "":
		return s.post.Remove("image")
	case sub == "path":
		return s.set("image", value)
	case value == "":
		return nil
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range [][2]string{{"path", short}, {sub, value}} {
		m.Content = append(m.Content, storage.StringNode(kv[0]), storage.StringNode(kv[1]))
	}
	return s.post.SetNode("image", m)
}

// List returns a list field (tags, categories); a single value reads as
// a list of one.
func (s *Session) List(key string) []string {
	v, _ := s.post.Strings(key)
	return v
}

// SetList sets a list field. An empty list removes a field the post did
// not have, and writes [] over one it had.
func (s *Session) SetList(key string, items []string) error {
	if _, had := s.post.Strings(key); len(items) == 0 && !had {
		return nil
	}
	if items == nil {
		items = []string{}
	}
	return s.set(key, items)
}

// set sets a field of the form; a field the post lacks goes in the Chirpy
// order (see place).
func (s *Session) set(key string, v any) error {
	return s.post.SetAt(key, v, s.place(key))
}

// place says where a field of the form that the post lacks goes, so that
// the fields keep the order of ChirpyFields: after the last field before
// it there that the post has, else before the first after it. For a
// nested key it is the first part the post lacks that is placed: image
// among the top-level fields, or alt within image. Keys outside the
// schema get no place, and go at the end.
func (s *Session) place(path string) storage.Place {
	keys := strings.Split(path, ".")
	level := 0
	for ; level < len(keys)-1; level++ {
		if _, ok := s.post.Get(strings.Join(keys[:level+1], ".")); !ok {
			break
		}
	}
	parent := strings.Join(keys[:level], ".")
	order := schemaKeysUnder(parent)
	i := slices.Index(order, keys[level])
	if i < 0 {
		return storage.Place{}
	}
	has := func(k string) bool {
		if parent != "" {
			k = parent + "." + k
		}
		_, ok := s.post.Get(k)
		return ok
	}
	for j := i - 1; j >= 0; j-- {
		if has(order[j]) {
			return storage.Place{After: order[j]}
		}
	}
	for _, k := range order[i+1:] {
		if has(k) {
			return storage.Place{Before: k}
		}
	}
	return storage.Place{}
}

// Bool returns a boolean field, or Chirpy's default when absent.
func (s *Session) Bool(key string) bool {
	if v, ok := s.post.Bool(key); ok {
		return v
	}
	f, _ := FieldByKey(key)
	return f.Default
}

// SetBool sets a boolean field. Setting the default on a post that lacks
// the field leaves it out; unchecking a field whose default is false
// removes it.
func (s *Session) SetBool(key string, value bool) error {
	f, _ := FieldByKey(key)
	_, present := s.post.Get(key)
	switch {
	case !present && value == f.Default:
		return nil
	case !value && !f.Default:
		return s.post.Remove(key)
	}
	return s.set(key, value)
}

// DateText returns a date field as written, "" when absent or not a date.
func (s *Session) DateText(key string) string {
	d, _ := s.post.Date(key)
	return d.Text
}

// SetDateText sets a date field to text in a form Jekyll reads, written
// as given; empty text removes it.
func (s *Session) SetDateText(key, text string) error {
	if text == s.DateText(key) {
		return nil // the form writing back what it shows: the file stays as it is
	}
	if text == "" {
		return s.post.Remove(key)
	}
	if _, err := storage.ParseDate(text, false); err != nil {
		return fmt.Errorf("%s: %w", key, err)
	}
	return s.set(key, storage.Date{Text: text})
}

// OtherFields returns, as YAML text, the fields the form does not edit,
// exactly as the file writes them.
func (s *Session) OtherFields() string {
	var b strings.Builder
	for _, k := range s.post.Keys() {
		if !isFormKey(k) {
			b.WriteString(toLF(s.post.EntryText(k)))
		}
	}
	return b.String()
}

// CheckOtherFields validates the text of the "Other fields" box: it must
// be a YAML mapping, name no key twice, and hold no field of the form. The
// error is a *storage.ParseError whose line and column count within text.
func CheckOtherFields(text string) error {
	_, err := parseOtherFields(text)
	return err
}

func parseOtherFields(text string) (*storage.Post, error) {
	const path = "Other fields"
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	p := storage.Parse(path, []byte("---\n"+text+"---\n"))
	if err := p.Err(); err != nil {
		var perr *storage.ParseError
		if errors.As(err, &perr) && perr.Line > 1 {
			shifted := *perr
			shifted.Line--
			return nil, &shifted
		}
		return nil, err
	}
	for _, k := range p.Keys() {
		if isFormKey(k) {
			return nil, &storage.ParseError{Path: path, Line: lineOfKey(text, k), Col: 1,
				Msg: fmt.Sprintf("%q is a field of the form; set it there", k), Err: storage.ErrDuplicateKey}
		}
	}
	return p, nil
}

// lineOfKey finds the line where a top-level key starts, for messages.
func lineOfKey(text, key string) int {
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, key+":") {
			return i + 1
		}
	}
	return 1
}

// OtherFieldsEditable tells whether the "Other fields" box can show and
// set the post's fields: only when its front matter is block YAML (or
// none), which OtherFields shows as the file writes it. For TOML or a
// {…} mapping the box would show nothing, and applying it would remove
// fields the user never saw.
func (s *Session) OtherFieldsEditable() bool { return s.post.EntriesEditable() == nil }

// SetOtherFields applies the text of the "Other fields" box: fields it
// no longer holds are removed, changed ones rewritten as the box writes
// them, new ones appended. Fields that did not change are not touched.
// The edit is all or nothing: if one step fails the post is left as it
// was. Where the box cannot show the fields (see OtherFieldsEditable) it
// is refused with an error wrapping storage.ErrRawOnly.
func (s *Session) SetOtherFields(text string) error {
	box, err := parseOtherFields(text)
	if err != nil {
		return err
	}
	if err := s.post.EntriesEditable(); err != nil {
		return err
	}
	// The steps run on a copy, so a failure halfway leaves the post whole.
	// Bytes are never changed in place, so the copy may share them.
	scratch := storage.Parse(s.post.Path, s.post.Bytes())
	keep := map[string]bool{}
	if box != nil {
		for _, k := range box.Keys() {
			keep[k] = true
		}
	}
	for _, k := range scratch.Keys() {
		if !isFormKey(k) && !keep[k] {
			if err := scratch.Remove(k); err != nil {
				return err
			}
		}
	}
	if box != nil {
		for _, k := range box.Keys() {
			if err := scratch.SetEntryText(k, box.EntryText(k)); err != nil {
				return err
			}
		}
	}
	*s.post = *scratch
	return nil
}
