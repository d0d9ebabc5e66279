package editor

import (
	"bytes"
	"strings"
)

// The editor shows text with LF line breaks; the file keeps its own,
// which may differ from line to line. An edit is written back as a splice
// of the file's bytes: what the LF text did not change keeps its bytes,
// line breaks included, and only the changed stretch is written, in the
// line ending of the line it lands on.

// toLF is the text the editor shows for file bytes: every CRLF an LF. A
// lone CR stays.
func toLF(s string) string { return strings.ReplaceAll(s, "\r\n", "\n") }

// lfSplice finds how to turn src into bytes whose toLF is text, changing
// as little as it can: src[from:to] becomes mid. New line breaks take the
// ending of the line the edit starts on, or nl when that line has none
// and no line before it does either. changed is false when toLF(src) is text
// already.
func lfSplice(src []byte, text string, nl string) (from, to int, mid []byte, changed bool) {
	from, j := lfPrefix(src, text)
	back, tback := lfSuffix(src[from:], text[j:])
	to = len(src) - back
	tEnd := len(text) - tback
	if from == to && j == tEnd {
		return 0, 0, nil, false
	}
	return from, to, lfBytes(src, from, to, text[j:tEnd], nl), true
}

// lfBytes is what src[from:to] becomes so that its toLF reads ins: ins
// with its line breaks in the ending of the line the splice starts on (nl
// when that line has none and no line before it does either), and a CR
// added wherever an LF would otherwise join a lone CR into a CRLF.
func lfBytes(src []byte, from, to int, ins string, nl string) []byte {
	var prev byte // the byte before the splice, where a lone CR matters
	if from > 0 {
		prev = src[from-1]
	}
	if strings.IndexByte(ins, '\n') >= 0 {
		// The line the edit follows on: a line break typed at the end of
		// a line lands, for the diff, at the start of the next one.
		nl = lineEnding(src, max(from-1, 0), nl)
	}
	mid := make([]byte, 0, len(ins)+strings.Count(ins, "\n"))
	for i := 0; i < len(ins); i++ {
		c := ins[i]
		if c == '\n' && (nl == "\r\n" || prev == '\r') {
			// An LF right after a CR would make one CRLF with it.
			mid = append(mid, '\r')
		}
		mid = append(mid, c)
		prev = c
	}
	if prev == '\r' && to < len(src) && src[to] == '\n' {
		// The LF kept after the splice is a line break of its own.
		mid = append(mid, '\r')
	}
	return mid
}

// lineEnding is the line ending of the line holding offset at in src; of
// the line before for a last line with none; def when src has no line
// break at all.
func lineEnding(src []byte, at int, def string) string {
	if i := bytes.IndexByte(src[at:], '\n'); i >= 0 {
		return endingAt(src, at+i)
	}
	if i := bytes.LastIndexByte(src[:at], '\n'); i >= 0 {
		return endingAt(src, i)
	}
	return def
}

// endingAt is the line ending whose LF is at src[i].
func endingAt(src []byte, i int) string {
	if i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// lfPrefix is the longest start of src whose toLF is a start of text: its
// length in src (i) and in text (j). It never ends inside a CRLF.
func lfPrefix(src []byte, text string) (i, j int) {
	for {
		// Up to the next CR, bytes stand for themselves.
		k := bytes.IndexByte(src[i:], '\r')
		if k < 0 {
			k = len(src) - i
		}
		m := equalPrefix(src[i:i+k], text[j:])
		i, j = i+m, j+m
		if m < k || i == len(src) || j == len(text) {
			return i, j
		}
		switch {
		case i+1 < len(src) && src[i+1] == '\n':
			if text[j] != '\n' {
				return i, j
			}
			i, j = i+2, j+1
		case text[j] == '\r':
			i, j = i+1, j+1
		default:
			return i, j
		}
	}
}

// lfSuffix is lfPrefix from the end: the longest end of src whose toLF is
// an end of text, as lengths in src and text. src must not start with the
// LF of a CRLF.
func lfSuffix(src []byte, text string) (n, tn int) {
	e, te := len(src), len(text)
	for {
		// Bytes that match as they are count, but for a CR among them: a
		// CRLF in src is an LF in text. So only what follows the last CR
		// counts here, and never the LF of a CRLF alone.
		m := equalSuffix(src[:e], text[:te])
		cut := e - m
		if bytes.IndexByte(src[cut:e], '\r') >= 0 {
			cut += bytes.LastIndexByte(src[cut:e], '\r') + 1
		}
		if cut < e && cut > 0 && src[cut] == '\n' && src[cut-1] == '\r' {
			cut++
		}
		e, te = cut, te-(e-cut)
		if e == 0 || te == 0 {
			return len(src) - e, len(text) - te
		}
		switch {
		case e >= 2 && src[e-1] == '\n' && src[e-2] == '\r':
			if text[te-1] != '\n' {
				return len(src) - e, len(text) - te
			}
			e, te = e-2, te-1
		case src[e-1] == '\r' && text[te-1] == '\r': // a lone CR
			e, te = e-1, te-1
		default:
			return len(src) - e, len(text) - te
		}
	}
}

// equalPrefix is the length of the longest common start of a and b.
func equalPrefix(a []byte, b string) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+64 <= n && string(a[i:i+64]) == b[i:i+64]; i += 64 {
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// equalSuffix is the length of the longest common end of a and b.
func equalSuffix(a []byte, b string) int {
	n := min(len(a), len(b))
	la, lb := len(a), len(b)
	i := 0
	for ; i+64 <= n && string(a[la-i-64:la-i]) == b[lb-i-64:lb-i]; i += 64 {
	}
	for ; i < n && a[la-i-1] == b[lb-i-1]; i++ {
	}
	return i
}
