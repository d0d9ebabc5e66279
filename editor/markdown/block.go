package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/util"
)

// kramdown decides several block constructs (math blocks, tables) by
// whether they stand between "block boundaries": a blank line, an IAL
// line `{: … }`, or the start or end of the document. goldmark has no
// such notion, so these helpers look at the raw source lines around a
// block. Container markers (`>` of block quotes) are ignored.

// lineEnd returns the offset of the newline ending the line that holds
// offset i, or len(src).
func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

// BoundaryLine reports whether a raw source line separates blocks the
// way kramdown's BLOCK_BOUNDARY does.
func BoundaryLine(l []byte) bool {
	l = bytes.TrimLeft(l, " \t>")
	return util.IsBlank(l) || bytes.HasPrefix(l, []byte("{:"))
}

// afterBlockBoundary reports whether a block whose first byte is at
// offset i follows a boundary: it opens the document or a container
// (a list item's marker precedes it on its line), or the line above is
// a boundary line.
func afterBlockBoundary(src []byte, i int) bool {
	ls := bytes.LastIndexByte(src[:i], '\n') + 1
	if len(bytes.Trim(src[ls:i], " \t>")) > 0 {
		return true
	}
	if ls == 0 {
		return true
	}
	prev := src[:ls-1]
	return BoundaryLine(prev[bytes.LastIndexByte(prev, '\n')+1:])
}

// beforeBlockBoundary reports whether the line after the newline at
// offset eol is a boundary line or the end of the document.
func beforeBlockBoundary(src []byte, eol int) bool {
	if eol >= len(src)-1 {
		return true
	}
	return BoundaryLine(src[eol+1 : lineEnd(src, eol+1)])
}
