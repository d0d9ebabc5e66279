package markdown

import "testing"

func TestStrikethroughNeedsTwoTildes(t *testing.T) {
	for in, want := range map[string]string{
		"~one~":         "<p>~one~</p>\n",
		"~~two~~":       "<p><del>two</del></p>\n",
		"a ~~~three~~~": "<p>a ~~~three~~~</p>\n",
	} {
		if got := render(t, in); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}
