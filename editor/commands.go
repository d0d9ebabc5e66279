package editor

import (
	"strings"
	"unicode/utf8"
)

// Change is the result of an editing command: the edit that makes it,
// and where the selection goes in the text after it. Offsets count runes,
// as the editor widget's do.
type Change struct {
	Edit
	SelStart, Cursor int // SelStart == Cursor when nothing is selected
}

// Selection is the part of the text a command acts on, in runes.
type Selection struct{ Start, End int }

// ToggleWrap puts marker ("**" for bold, "*" for italic, "~~" for strike)
// around the selection, or takes it away when the selection is already
// wrapped in it. With nothing selected it inserts a pair of markers with
// the cursor between them.
func ToggleWrap(text string, sel Selection, marker string) Change {
	r := []rune(text)
	m := []rune(marker)
	s, e := clampSel(sel, len(r))
	inner := string(r[s:e])
	switch {
	case strings.HasPrefix(inner, marker) && strings.HasSuffix(inner, marker) && len([]rune(inner)) >= 2*len(m):
		unwrapped := []rune(inner)[len(m) : len([]rune(inner))-len(m)]
		return splice(s, e, unwrapped, s, s+len(unwrapped))
	case s >= len(m) && e+len(m) <= len(r) && string(r[s-len(m):s]) == marker && string(r[e:e+len(m)]) == marker:
		return splice(s-len(m), e+len(m), r[s:e], s-len(m), e-len(m))
	}
	wrapped := append(append(append([]rune{}, m...), r[s:e]...), m...)
	return splice(s, e, wrapped, s+len(m), e+len(m))
}

// Heading makes the line holding the cursor a heading of level (1-6), or
// a plain paragraph when it already is one of that level.
func Heading(text string, cursor, level int) Change {
	r := []rune(text)
	cursor = min(max(cursor, 0), len(r))
	start := cursor
	for start > 0 && r[start-1] != '\n' {
		start--
	}
	end := cursor
	for end < len(r) && r[end] != '\n' {
		end++
	}
	line := string(r[start:end])
	hashes := len(line) - len(strings.TrimLeft(line, "#"))
	rest := line
	if hashes > 0 && hashes <= 6 && (len(line) == hashes || line[hashes] == ' ') {
		rest = strings.TrimPrefix(line[hashes:], " ")
	} else {
		hashes = 0
	}
	newLine := rest
	if hashes != level {
		newLine = strings.Repeat("#", level) + " " + rest
	}
	nr := []rune(newLine)
	at := start + max(0, cursor-start+len(nr)-utf8.RuneCountInString(line))
	return splice(start, end, nr, at, at)
}

// Link turns the selection into the text of a Markdown link and selects
// the URL placeholder; with nothing selected it inserts "[](https://)"
// with the cursor in the brackets.
func Link(text string, sel Selection) Change {
	r := []rune(text)
	s, e := clampSel(sel, len(r))
	label := r[s:e]
	const url = "https://"
	link := []rune("[" + string(label) + "](" + url + ")")
	if len(label) == 0 {
		return splice(s, e, link, s+1, s+1)
	}
	urlAt := s + len(label) + 3
	return splice(s, e, link, urlAt, urlAt+len(url))
}

// InsertImage inserts an image reference at the selection, replacing it,
// with the cursor after it. The path is written as given, with spaces
// kept: kramdown reads them, as Jekyll builds the post.
func InsertImage(text string, sel Selection, path, alt string) Change {
	r := []rune(text)
	s, e := clampSel(sel, len(r))
	img := []rune("![" + alt + "](" + path + ")")
	return splice(s, e, img, s+len(img), s+len(img))
}

func clampSel(sel Selection, n int) (int, int) {
	s, e := min(sel.Start, sel.End), max(sel.Start, sel.End)
	return min(max(s, 0), n), min(max(e, 0), n)
}

// splice replaces r[from:to] with with, selecting selStart..cursor.
func splice(from, to int, with []rune, selStart, cursor int) Change {
	return Change{Edit: Edit{From: from, To: to, Text: string(with)}, SelStart: selStart, Cursor: cursor}
}
