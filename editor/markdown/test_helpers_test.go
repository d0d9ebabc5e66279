package markdown

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// parse returns the AST that the preview will walk.
func parse(t *testing.T, src string) (ast.Node, []byte) {
	t.Helper()
	b := []byte(src)
	return New().Parser().Parse(text.NewReader(b)), b
}

// find returns the nodes of kind k in document order.
func find(doc ast.Node, k ast.NodeKind) []ast.Node {
	var out []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == k {
			out = append(out, n)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// attr returns a []byte attribute as a string, or "" when absent.
func attr(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	b, _ := v.([]byte)
	return string(b)
}
