package markdown

import "testing"

func TestLiquidNodes(t *testing.T) {
	doc, src := parse(t, "See {% post_url 2020-01-01-a_b %} and {{ site.url_x }}.\n")
	got := find(doc, KindLiquid)
	if len(got) != 2 {
		t.Fatalf("got %d Liquid nodes, want 2", len(got))
	}
	for i, want := range []struct {
		tag    bool
		markup string
	}{{true, "{% post_url 2020-01-01-a_b %}"}, {false, "{{ site.url_x }}"}} {
		l := got[i].(*Liquid)
		if l.Tag != want.tag || string(l.Markup(src)) != want.markup {
			t.Errorf("node %d: Tag %v %q, want %v %q", i, l.Tag, l.Markup(src), want.tag, want.markup)
		}
	}
}

func TestLiquidInsideCodeIsCode(t *testing.T) {
	doc, _ := parse(t, "`{{ x }}`\n")
	if n := len(find(doc, KindLiquid)); n != 0 {
		t.Errorf("got %d Liquid nodes in a code span", n)
	}
}
