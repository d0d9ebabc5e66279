package markdown

import (
	"testing"

	extast "github.com/yuin/goldmark/extension/ast"
)

func TestFootnoteLinksCarryTheLabel(t *testing.T) {
	doc, _ := parse(t, "a[^ref1] b[^ref1]\n\n[^ref1]: note\n")
	links := find(doc, extast.KindFootnoteLink)
	if len(links) != 2 {
		t.Fatalf("got %d links", len(links))
	}
	for _, l := range links {
		if got := attr(l, footnoteNameAttr); got != "ref1" {
			t.Errorf("name %q, want ref1", got)
		}
	}
	if n := len(find(doc, extast.KindFootnoteBacklink)); n != 2 {
		t.Errorf("got %d back links, want 2", n)
	}
}
