package markdown

import "testing"

func TestMathBlockKeepsSourceVerbatim(t *testing.T) {
	doc, src := parse(t, "$$\n\\begin{aligned}\na_1 &= b_2 * c \\\\\n\\end{aligned}\n$$\n")
	blocks := find(doc, KindMathBlock)
	if len(blocks) != 1 {
		t.Fatalf("got %d math blocks, want 1", len(blocks))
	}
	want := "\\begin{aligned}\na_1 &= b_2 * c \\\\\n\\end{aligned}"
	if got := string(blocks[0].(*MathBlock).Formula(src)); got != want {
		t.Errorf("formula %q, want %q", got, want)
	}
}

func TestMathInlineDisplayAndSingleDollar(t *testing.T) {
	doc, src := parse(t, "a $$ x_1 $$ and $y_2*z$ b\n")
	got := find(doc, KindMathInline)
	if len(got) != 2 {
		t.Fatalf("got %d inline formulas, want 2", len(got))
	}
	for i, want := range []struct {
		display bool
		formula string
	}{{true, "x_1"}, {false, "y_2*z"}} {
		m := got[i].(*MathInline)
		if m.Display != want.display || string(m.Formula(src)) != want.formula {
			t.Errorf("formula %d: Display %v %q, want %v %q", i, m.Display, m.Formula(src), want.display, want.formula)
		}
	}
	if n := len(find(doc, KindMathBlock)); n != 0 {
		t.Errorf("inline $$ inside text made %d blocks", n)
	}
}

func TestMathInlineAcrossLines(t *testing.T) {
	doc, src := parse(t, "text $$a\nb$$ more\n")
	got := find(doc, KindMathInline)
	if len(got) != 1 || string(got[0].(*MathInline).Formula(src)) != "a\nb" {
		t.Fatalf("got %v", got)
	}
}

// Regression: the inline parser returned a typed nil *MathInline as an
// ast.Node for an unclosed `$`, which goldmark then appended and crashed.
func TestUnclosedDollarIsText(t *testing.T) {
	if got := render(t, "> $x\n"); got != "<blockquote>\n<p>$x</p>\n</blockquote>\n" {
		t.Errorf("got %q", got)
	}
}
