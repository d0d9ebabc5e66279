package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestSpanTagLineIsParagraph(t *testing.T) {
	doc, _ := parse(t, "<sup>1</sup> **b**\n")
	if n := len(find(doc, ast.KindHTMLBlock)); n != 0 {
		t.Errorf("got %d HTML blocks", n)
	}
}

func TestElementRunsToItsEndTag(t *testing.T) {
	doc, _ := parse(t, "<div><div>\n\n    x\n\n</div>\n\n</div>\nafter\n")
	if n := len(find(doc, ast.KindCodeBlock)); n != 0 {
		t.Errorf("got %d code blocks inside the div", n)
	}
	if n := len(find(doc, ast.KindParagraph)); n != 1 {
		t.Errorf("got %d paragraphs, want 1 (after)", n)
	}
}
