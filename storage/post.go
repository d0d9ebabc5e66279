package storage

import (
	"bytes"
	"fmt"
	"os"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Format is the kind of front matter a post has.
type Format int

// The front matter formats Postdesk reads.
const (
	FormatNone Format = iota // no front matter: the whole file is body
	FormatYAML               // between "---" lines (Jekyll, Hugo)
	FormatTOML               // between "+++" lines (Hugo)
)

func (f Format) String() string {
	switch f {
	case FormatYAML:
		return "YAML"
	case FormatTOML:
		return "TOML"
	}
	return "none"
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Post is one post file: its bytes as read, and where its parts lie.
//
// The layout of src is
//
//	[BOM] [open line] [front matter] [close line] [body]
//
// and every offset below points into src, so that the parts the user did
// not edit are written back byte for byte.
type Post struct {
	Path string

	src    []byte
	format Format
	fmFrom int // first byte of the front matter text (after the open line)
	fmTo   int // first byte of the close line
	body   int // first byte of the body (after the close line)
	nl     string

	err  error      // why the post did not parse; nil when it did
	root *yaml.Node // the front matter mapping, for YAML
	toml map[string]any
}

// Load reads and parses the post at path. An error reading the file is
// returned alone; a post that does not parse is returned together with its
// *ParseError, so it can still be shown and edited as raw text.
func Load(path string) (*Post, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read post: %w", err)
	}
	p := Parse(path, src)
	return p, p.Err()
}

// Parse parses src as the post at path. It never fails: a post whose
// front matter does not parse keeps its bytes and reports why in Err.
// Parse keeps src; the caller must not change it afterwards.
func Parse(path string, src []byte) *Post {
	p := &Post{Path: path}
	p.reset(src)
	return p
}

// Err reports why the post did not parse, as a *ParseError, or nil.
func (p *Post) Err() error { return p.err }

// Bytes returns the post as it would be saved. The caller must not change
// the slice. The post never changes it either: every edit makes a new
// one, so a slice once returned can be kept as a snapshot without a copy.
func (p *Post) Bytes() []byte { return p.src }

// Format tells which front matter the post has.
func (p *Post) Format() Format { return p.format }

// HasBOM tells whether the file starts with a UTF-8 byte order mark.
func (p *Post) HasBOM() bool { return bytes.HasPrefix(p.src, bom) }

// Newline is the line ending the file uses ("\n" or "\r\n"), taken from
// its first line; new lines Postdesk writes use it too.
func (p *Post) Newline() string { return p.nl }

// FrontMatter returns the front matter text between its delimiter lines.
func (p *Post) FrontMatter() []byte { return p.src[p.fmFrom:p.fmTo] }

// Body returns the text after the front matter: the Markdown.
func (p *Post) Body() []byte { return p.src[p.body:] }

// BodyLine is the 1-based line of the file on which the body starts.
func (p *Post) BodyLine() int { return 1 + bytes.Count(p.src[:p.body], []byte("\n")) }

// SetBody replaces the body, leaving the front matter bytes as they are.
func (p *Post) SetBody(body []byte) {
	src := make([]byte, 0, p.body+len(body))
	src = append(src, p.src[:p.body]...)
	p.src = append(src, body...)
}

// SpliceBody replaces body[from:to] with text, leaving every other byte
// of the file as it is; the offsets count within Body. It costs one copy
// of the file, as an edit typed into a long post must.
func (p *Post) SpliceBody(from, to int, text []byte) {
	from, to = p.body+from, p.body+to
	src := make([]byte, 0, len(p.src)-(to-from)+len(text))
	src = append(src, p.src[:from]...)
	src = append(src, text...)
	p.src = append(src, p.src[to:]...)
}

// SetRaw replaces the whole file, as the raw text editor does, and parses
// it again. Err tells whether the new text parses.
func (p *Post) SetRaw(src []byte) { p.reset(src) }

// reset parses src into p, replacing what p held.
func (p *Post) reset(src []byte) {
	*p = Post{Path: p.Path, src: src, nl: "\n"}
	if err := checkText(src); err != nil {
		err.Path = p.Path
		p.fail(err)
		return
	}
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		p.nl = "\r\n"
	}
	p.fmFrom, p.fmTo, p.body = start, start, start

	line, next := cutLine(src, start)
	if p.format = openFormat(line); p.format == FormatNone {
		return
	}
	if next == len(src) && !bytes.HasSuffix(line, []byte("\n")) {
		// "---" alone with no newline is a thematic break, not front matter,
		// the same as Jekyll's rule wants "---" followed by a line break.
		p.format = FormatNone
		return
	}
	p.fmFrom = next
	closeAt, after, ok := findClose(src, next, p.format)
	if !ok {
		p.fail(p.errorAt(start, ErrUnclosed, "front matter opened here is never closed: add a line with "+closers(p.format)))
		return
	}
	p.fmTo, p.body = closeAt, after
	switch p.format {
	case FormatYAML:
		p.parseYAML()
	case FormatTOML:
		p.parseTOML()
	}
}

func (p *Post) fail(err error) {
	p.err = err
	p.root, p.toml = nil, nil
}

// cutLine returns the line that starts at from, with its line break, and
// the offset just past it.
func cutLine(src []byte, from int) (line []byte, next int) {
	i := bytes.IndexByte(src[from:], '\n')
	if i < 0 {
		return src[from:], len(src)
	}
	return src[from : from+i+1], from + i + 1
}

// openFormat tells which front matter a file's first line (BOM removed)
// opens: "---" YAML, "+++" TOML, trailing white space allowed, as Jekyll's
// rule has it; any other line opens none. Parse, the library's reader and
// the YAML checks all go by openFormat and closes, so that they agree on
// where front matter lies.
func openFormat(line []byte) Format {
	switch string(trimDelimiter(line)) {
	case "---":
		return FormatYAML
	case "+++":
		return FormatTOML
	}
	return FormatNone
}

// closes tells whether line closes front matter of format f: "---" or
// "..." for YAML, as Jekyll's rule has it, "+++" for TOML, as Hugo's;
// trailing white space allowed.
func closes(line []byte, f Format) bool {
	t := string(trimDelimiter(line))
	switch f {
	case FormatYAML:
		return t == "---" || t == "..."
	case FormatTOML:
		return t == "+++"
	}
	return false
}

func trimDelimiter(line []byte) []byte { return bytes.TrimRight(line, " \t\r\n") }

// findClose finds the line that closes the front matter (see closes).
func findClose(src []byte, from int, f Format) (at, after int, ok bool) {
	for at = from; at < len(src); at = after {
		var line []byte
		line, after = cutLine(src, at)
		if closes(line, f) {
			return at, after, true
		}
	}
	return 0, 0, false
}

func closers(f Format) string {
	if f == FormatTOML {
		return `"+++"`
	}
	return `"---" (or "...")`
}

// checkText refuses what is not a UTF-8 text file, naming the first byte
// that makes it so.
func checkText(src []byte) *ParseError {
	if len(src) == 0 {
		return &ParseError{Msg: "file is empty", Err: ErrEmpty}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := position(src, i)
		return &ParseError{Line: line, Col: col, Msg: "file is binary, not text (NUL byte)", Err: ErrBinary}
	}
	if utf8.Valid(src) {
		return nil
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			line, col := position(src, i)
			return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("file is not UTF-8 text (byte 0x%02X)", src[i]), Err: ErrNotUTF8}
		}
		i += n
	}
	return nil
}

// errorAt builds a *ParseError for the byte at offset in the file.
func (p *Post) errorAt(offset int, kind error, msg string) *ParseError {
	line, col := position(p.src, offset)
	return &ParseError{Path: p.Path, Line: line, Col: col, Msg: msg, Err: kind}
}

// position turns a byte offset into a 1-based line and character column.
// A BOM is not a character the user sees, so it does not count.
func position(src []byte, offset int) (line, col int) {
	offset = min(offset, len(src))
	before := src[:offset]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	if lineStart == 0 && bytes.HasPrefix(before, bom) {
		lineStart = len(bom)
	}
	return line, 1 + utf8.RuneCount(src[lineStart:max(offset, lineStart)])
}
