package markdown

import (
	"testing"

	extast "github.com/yuin/goldmark/extension/ast"
)

func TestTableWithoutSeparatorHasNoHeader(t *testing.T) {
	doc, _ := parse(t, "|a|b|\n|c|d|\n")
	if n := len(find(doc, extast.KindTableHeader)); n != 0 {
		t.Errorf("got %d headers", n)
	}
	if n := len(find(doc, extast.KindTableRow)); n != 2 {
		t.Errorf("got %d rows, want 2", n)
	}
}

func TestTableRowsArePadded(t *testing.T) {
	doc, _ := parse(t, "| a | b | c |\n|---|---|---|\n| 1 |\n")
	rows := find(doc, extast.KindTableRow)
	if len(rows) != 1 || rows[0].ChildCount() != 3 {
		t.Fatalf("rows: %d, cells in body row: %d", len(rows), rows[0].ChildCount())
	}
}

func TestTableInterruptedByHeadingIsParagraph(t *testing.T) {
	doc, _ := parse(t, "a | b\n# h\n")
	if n := len(find(doc, extast.KindTable)); n != 0 {
		t.Errorf("got %d tables; kramdown needs a block boundary after a table", n)
	}
}
