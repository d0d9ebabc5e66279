package editor

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Edit is one change of the text as the editor shows it (LF line breaks):
// the runes From..To of the text before it are replaced by Text. Offsets
// count runes, line breaks included. The editor widget reports each
// keystroke as one, and the editing commands return one, so that nobody
// compares whole texts to find what changed.
type Edit struct {
	From, To int
	Text     string
}

// Apply makes e in the body, given in the runes of Body. Only the bytes
// of the changed stretch are written, in the line ending of the line
// they land on, as SetBody writes them. An offset past the end counts as
// the end.
//
// Typing in one place costs the length of the line and one copy of the
// file, not a scan of the post: the session keeps where the lines before
// the edit start, and an edit keeps that knowledge up to its own line.
func (s *Session) Apply(e Edit) {
	body := s.post.Body()
	from, line := s.lines.byteOffset(body, e.From)
	to, _ := s.lines.byteOffset(body, max(e.To, e.From))
	if from == to && e.Text == "" {
		return
	}
	s.post.SpliceBody(from, to, lfBytes(body, from, to, e.Text, s.post.Newline()))
	s.lines.keep(s.post.Body(), line)
}

// ApplyRaw makes e in the whole file as raw mode shows it (RawText),
// written as Apply writes the body; a BOM stays. If the new text parses,
// the session leaves raw mode and the form comes back. The file is parsed
// again, so it costs the file's length; raw mode holds only posts whose
// front matter does not parse.
func (s *Session) ApplyRaw(e Edit) {
	src := s.post.Bytes()
	start := 0
	if s.post.HasBOM() {
		start = len("\uFEFF")
	}
	var idx lineIndex
	from, _ := idx.byteOffset(src[start:], e.From)
	to, _ := idx.byteOffset(src[start:], max(e.To, e.From))
	if from == to && e.Text == "" {
		return
	}
	mid := lfBytes(src[start:], from, to, e.Text, s.post.Newline())
	from, to = start+from, start+to
	out := make([]byte, 0, len(src)-(to-from)+len(mid))
	out = append(out, src[:from]...)
	out = append(out, mid...)
	s.post.SetRaw(append(out, src[to:]...))
}

// lineIndex maps rune offsets of the LF text the editor shows to byte
// offsets of the file bytes behind it, where a CRLF is two bytes and one
// rune. It knows the starts of the first lines of one text, as far as it
// has been asked, and forgets them when asked about other bytes.
type lineIndex struct {
	src []byte // the bytes indexed; other bytes start the index anew
	// runes[i] and bytes[i] are where line i starts in the LF text and
	// in src; known for lines up to len(runes)-1.
	runes, bytes []int
}

// byteOffset returns the byte offset in src of the rune offset off of
// toLF(src), and the line it is on. An offset past the end is the end.
func (x *lineIndex) byteOffset(src []byte, off int) (int, int) {
	if !sameBytes(x.src, src) {
		x.src = src
		x.runes, x.bytes = x.runes[:0], x.bytes[:0]
	}
	if len(x.runes) == 0 {
		x.runes, x.bytes = append(x.runes, 0), append(x.bytes, 0)
	}
	for last := len(x.runes) - 1; x.runes[last] <= off; last++ {
		nl := bytes.IndexByte(src[x.bytes[last]:], '\n')
		if nl < 0 {
			break
		}
		content := src[x.bytes[last] : x.bytes[last]+nl]
		n := utf8.RuneCount(content)
		if bytes.HasSuffix(content, []byte{'\r'}) {
			n-- // the CR of a CRLF is not in the LF text
		}
		x.runes = append(x.runes, x.runes[last]+n+1)
		x.bytes = append(x.bytes, x.bytes[last]+nl+1)
	}
	line := sort.Search(len(x.runes), func(i int) bool { return x.runes[i] > off }) - 1
	b := x.bytes[line]
	for n := off - x.runes[line]; n > 0 && b < len(src) && src[b] != '\n'; n-- {
		if src[b] == '\r' && b+1 < len(src) && src[b+1] == '\n' {
			break // the end of the line's text, before its CRLF
		}
		_, size := utf8.DecodeRune(src[b:])
		b += size
	}
	return b, line
}

// keep says that src is the indexed text after an edit that began on
// line: where the lines up to it start has not changed.
func (x *lineIndex) keep(src []byte, line int) {
	x.src = src
	if n := line + 1; n < len(x.runes) {
		x.runes, x.bytes = x.runes[:n], x.bytes[:n]
	}
}

// sameBytes reports whether a and b are the same slice of the same
// memory, which, for a post's bytes that no edit changes in place, means
// the same text.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
