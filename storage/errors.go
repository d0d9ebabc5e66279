package storage

import (
	"errors"
	"fmt"
)

// Sentinel errors for the expected ways a post can be unreadable or an
// edit refused. A *ParseError wraps one of the first group, so callers
// test with errors.Is.
var (
	ErrEmpty        = errors.New("file is empty")
	ErrBinary       = errors.New("file is binary, not text")
	ErrNotUTF8      = errors.New("file is not UTF-8 text")
	ErrUnclosed     = errors.New("front matter is never closed")
	ErrSyntax       = errors.New("front matter does not parse")
	ErrNotMapping   = errors.New("front matter is not a mapping of fields")
	ErrDuplicateKey = errors.New("front matter repeats a key")
	ErrBadDate      = errors.New("front matter date is not a date")

	// ErrUnparsed refuses a field edit on a post whose front matter did
	// not parse: such a post may only be edited and saved as raw text.
	ErrUnparsed = errors.New("post did not parse; edit it as raw text")
	// ErrRawOnly refuses a field edit that Postdesk cannot make without
	// touching other lines: a nested TOML key, a TOML value over several
	// lines, front matter written as one {…} mapping over several lines.
	ErrRawOnly = errors.New("this field can only be edited as raw text")
)

// ParseError is a problem at a place in a post file. Line and Col are
// 1-based (Col counts characters, not bytes); both are 0 when the problem
// has no place, as for an empty file.
type ParseError struct {
	Path string
	Line int
	Col  int
	Msg  string
	Err  error
}

// Error reads "path:LINE:COL: message", the form editors and compilers use,
// so a terminal or IDE can jump to the place.
func (e *ParseError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Unwrap returns the sentinel the error belongs to.
func (e *ParseError) Unwrap() error { return e.Err }
