package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestHeadingIDsFollowKramdownGFM(t *testing.T) {
	doc, _ := parse(t, "## 2 &nbsp; 부록: 과정(Poisson) `code_x`[^1]\n\n"+
		"## 2 &nbsp; 부록: 과정(Poisson) `code_x`[^1]\n\n"+
		"## A_b -- c\n\n"+
		"## Kept\n{: #own}\n\n"+
		"[^1]: note\n")
	want := []string{"2--부록-과정poisson-code_x", "2--부록-과정poisson-code_x-1", "a_b--c", "own"}
	hs := find(doc, ast.KindHeading)
	if len(hs) != len(want) {
		t.Fatalf("got %d headings", len(hs))
	}
	for i, h := range hs {
		if got := attr(h, "id"); got != want[i] {
			t.Errorf("heading %d: id %q, want %q", i, got, want[i])
		}
	}
}
