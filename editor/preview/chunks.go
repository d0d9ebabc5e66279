package preview

import (
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// A long code block is shown as several pieces, each a block of its own,
// so that typing in it renders, highlights and lays out one piece of a
// few dozen lines rather than the whole block. Where a block is cut
// depends only on the lines around the cut, not on where the block
// starts: a line is a cut when a hash of its text says so (content-
// defined chunking). Inserting or deleting a line then moves at most the
// cuts next to it, and every other piece keeps its text, and so its key.
//
// Chroma's lexers keep state from line to line (inside a string, inside
// a comment) and do not expose it, so a piece cannot just be lexed on
// its own. A piece is lexed from its first line in the lexer's first
// state, together with the first lines of the next piece; the cut stands
// only if lexing those lines on their own gives the same tokens, that is
// if the lexer is back in its first state there. The first piece starts
// where the block does, so by induction each piece is coloured as the
// whole block lexed at once would colour it. A cut inside a multi-line
// string or comment fails the check and the piece grows to a later cut.
//
// Some lexers match a whole multi-line string with one pattern, which
// fails, and leaves an error token, when the piece ends before the
// string does. So a piece whose lexing holds an error token, or whose
// first cut fails, is checked against a lexing of the next chunkScan
// lines: its tokens must be the same there too.
//
// What the checks cannot see: a lexer state that changes no token of
// the lines checked (a comment whose lines all look like comments
// either way), and patterns that read further than chunkScan lines.

const (
	// chunkMin is the fewest lines in a piece; a block of fewer than
	// twice that is not cut.
	chunkMin = 12
	// chunkEvery makes about one line in chunkEvery a cut.
	chunkEvery = 8
	// chunkMax is the most lines in a piece of a plain block: past it
	// every line is a cut, for blocks of one line repeated.
	chunkMax = 48
	// chunkLook is how many lines after a cut are lexed with the piece
	// before it, and checked.
	chunkLook = 3
	// chunkScan is how far a piece of highlighted code looks for a cut
	// once its first one failed; then it takes the rest of the block,
	// so that code whose lexer never comes back to its first state
	// (nested JSON) is lexed about twice, not once per cut.
	chunkScan = 8 * chunkMin
)

// codeChunk is a piece of a code block: lines from to to (exclusive) of
// the code.
type codeChunk struct {
	from, to int
	// text is the code of the lines, without the last line end. It is
	// cut from the block's code: clone it to keep it.
	text string
	// lexed is what the piece is lexed from: text, its line end and
	// the next chunkLook lines; "" for plain code.
	lexed string
	// toks are the tokens of lexed, nil for plain code.
	toks []codeToken
}

// codeLines indexes the lines of a code block's text.
type codeLines struct {
	code   string
	starts []int
}

func newCodeLines(code string) codeLines {
	starts := []int{0}
	for i := 0; ; {
		j := strings.IndexByte(code[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	return codeLines{code, starts}
}

func (l codeLines) len() int { return len(l.starts) }

// line returns line i without its line end.
func (l codeLines) line(i int) string { return l.code[l.starts[i]:l.stop(i)] }

// stop is the offset of the end of line i, before its line end.
func (l codeLines) stop(i int) int {
	if i+1 < len(l.starts) {
		return l.starts[i+1] - 1
	}
	return len(l.code)
}

// next is the offset where line i starts, or the end of the code.
func (l codeLines) next(i int) int {
	if i < len(l.starts) {
		return l.starts[i]
	}
	return len(l.code)
}

// chunks cuts code in language lang into pieces and lexes each; nil if
// the block stays whole.
func (run *highlightRun) chunks(lang, code string) []codeChunk {
	lines := newCodeLines(code)
	n := lines.len()
	if n < 2*chunkMin {
		return nil
	}
	lexed := run.highlights(lang, code)
	var out []codeChunk
	for from := 0; from < n; {
		to := cutPlain(lines, from)
		if lexed {
			to = run.cutLexed(lang, lines, from)
		}
		out = append(out, run.chunk(lang, lines, from, to, lexed))
		from = to
	}
	if len(out) == 1 {
		return nil
	}
	return out
}

// cutPlain returns where the piece of plain code that starts at line
// from ends.
func cutPlain(lines codeLines, from int) int {
	n := lines.len()
	for b := from + chunkMin; b <= n-chunkMin; b++ {
		if isCut(lines, b, b-from >= chunkMax) {
			return b
		}
	}
	return n
}

// cutLexed returns where the piece of highlighted code that starts at
// line from ends.
func (run *highlightRun) cutLexed(lang string, lines codeLines, from int) int {
	n := lines.len()
	scan := min(n, from+chunkScan)
	var long []codeToken
	scanned := false
	for b := from + chunkMin; b <= n-chunkMin; b++ {
		if !isCut(lines, b, false) {
			continue
		}
		off := lines.starts[b] - lines.starts[from]
		window := lexedText(lines, b, b)
		if !scanned {
			// The first cut, checked against the piece's own lexing,
			// is all the lexing a piece takes when it stands.
			piece := run.tokens(lang, lexedText(lines, from, b))
			if sameTokens(piece, off, run.tokens(lang, window), window) && !hasError(piece, off) {
				return b
			}
			scanned = true
			long = run.tokens(lang, lines.code[lines.starts[from]:lines.next(scan)])
			if long == nil {
				return n
			}
		}
		if min(n, b+chunkLook) > scan {
			return n
		}
		if !sameTokens(long, off, run.tokens(lang, window), window) {
			continue
		}
		piece := run.tokens(lang, lexedText(lines, from, b))
		if sameTokens(long, 0, piece, lines.code[lines.starts[from]:lines.starts[b]]) {
			return b
		}
	}
	return n
}

// isCut reports whether a piece may start at line b: neither it nor the
// line before is blank, so that no piece starts or ends with an empty
// row, and its hash picks it (or any line does, when forced).
func isCut(lines codeLines, b int, forced bool) bool {
	line := lines.line(b)
	if isBlank(line) || isBlank(lines.line(b-1)) {
		return false
	}
	return forced || lineHash(line)%chunkEvery == 0
}

// lineHash is FNV-1a: any hash of the line's text would do, as long as
// it is the same in every run, so that the pieces are.
func lineHash(line string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(line); i++ {
		h ^= uint32(line[i])
		h *= 16777619
	}
	return h
}

// isBlank reports whether a line is empty or white space.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

// lexedText is the text a piece of lines from to to is lexed from.
func lexedText(lines codeLines, from, to int) string {
	return lines.code[lines.starts[from]:lines.next(min(lines.len(), to+chunkLook))]
}

// sameTokens reports whether every byte of text other than white space
// has a token of the same type in a (where text starts at offset off)
// as in b.
func sameTokens(a []codeToken, off int, b []codeToken, text string) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	i, j := 0, 0
	for k := 0; k < len(text); k++ {
		for i < len(a) && a[i].end <= off+k {
			i++
		}
		for j < len(b) && b[j].end <= k {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if c := text[k]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && a[i].typ != b[j].typ {
			return false
		}
	}
	return true
}

// hasError reports whether a token before offset end is an error: the
// lexer failed to match, maybe for want of what follows.
func hasError(toks []codeToken, end int) bool {
	start := 0
	for _, t := range toks {
		if start >= end {
			break
		}
		if t.typ == chroma.Error {
			return true
		}
		start = t.end
	}
	return false
}

// chunk makes the piece of lines from to to.
func (run *highlightRun) chunk(lang string, lines codeLines, from, to int, lexed bool) codeChunk {
	c := codeChunk{from: from, to: to}
	c.text = lines.code[lines.starts[from]:lines.stop(to-1)]
	if lexed {
		c.lexed = lexedText(lines, from, to)
		c.toks = run.tokens(lang, c.lexed)
	}
	return c
}
