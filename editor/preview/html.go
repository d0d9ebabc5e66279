package preview

import (
	"bytes"
	"strings"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
)

// Posts use a few inline HTML tags for what Markdown lacks, <br> far
// more than any other (in tables and after images), then <u>. Showing
// them as markup would bury the text they format, so the preview applies
// the plain formatting tags and shows any other tag, or one with
// attributes, as code.

// htmlMarks counts the formatting tags open in the current paragraph.
// goldmark gives an open tag and its end tag as separate RawHTML
// siblings, so the count, not the tree, says what text they cover.
type htmlMarks struct {
	bold, underline, strike, small int
}

// apply adds the open tags' formatting to st.
func (m htmlMarks) apply(st widget.RichTextStyle) widget.RichTextStyle {
	if m == (htmlMarks{}) {
		return st
	}
	st.TextStyle.Bold = st.TextStyle.Bold || m.bold > 0
	st.TextStyle.Underline = st.TextStyle.Underline || m.underline > 0
	st.TextStyle.Strikethrough = st.TextStyle.Strikethrough || m.strike > 0
	if m.small > 0 {
		st.SizeName = theme.SizeNameCaptionText
	}
	return st
}

// rawHTML applies a formatting tag, turns <br> into a line break, and
// shows anything else as inline code.
func (w *segmentWriter) rawHTML(n *ast.RawHTML, st widget.RichTextStyle) {
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(w.src)...)
	}
	if onlyComments(string(raw)) {
		return
	}
	name, closing, ok := simpleTag(raw)
	if ok {
		step := 1
		if closing {
			step = -1
		}
		var count *int
		switch name {
		case "br":
			w.text([]byte{'\n'}, st)
			return
		case "b", "strong":
			count = &w.html.bold
		case "i", "em":
			return // upright, as Markdown emphasis is
		case "u", "ins":
			count = &w.html.underline
		case "s", "del", "strike":
			count = &w.html.strike
		case "sup", "sub", "small":
			count = &w.html.small
		}
		if count != nil {
			*count = max(0, *count+step)
			return
		}
	}
	for i, c := range raw {
		if c == '\n' || c == '\r' {
			raw[i] = ' '
		}
	}
	w.text(raw, codeStyle(st))
}

// simpleTag reads a tag with no attributes, `<name>`, `</name>` or
// `<name/>`, and returns its lower-case name.
func simpleTag(raw []byte) (name string, closing, ok bool) {
	s, found := bytes.CutPrefix(raw, []byte("<"))
	if !found {
		return "", false, false
	}
	if s, closing = bytes.CutPrefix(s, []byte("/")); closing && len(s) == 0 {
		return "", false, false
	}
	i := 0
	for i < len(s) && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z' || i > 0 && s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if i == 0 {
		return "", false, false
	}
	rest := bytes.TrimSpace(s[i:])
	if !bytes.Equal(rest, []byte(">")) && !bytes.Equal(rest, []byte("/>")) {
		return "", false, false
	}
	return string(bytes.ToLower(s[:i])), closing, true
}

// onlyComments reports whether HTML is nothing but comments and space.
func onlyComments(html string) bool {
	s := strings.TrimSpace(html)
	if s == "" {
		return false
	}
	for s != "" {
		rest, ok := strings.CutPrefix(s, "<!--")
		if !ok {
			return false
		}
		end := strings.Index(rest, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimSpace(rest[end+3:])
	}
	return true
}
