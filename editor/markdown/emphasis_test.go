package markdown

import "testing"

func TestEmphasisKramdownFlanking(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"Hangul after closing quote", `**"강조"**를`, "<p><strong>&quot;강조&quot;</strong>를</p>\n"},
		{"hyphenated word before underscore", "pre-_x_", "<p>pre-_x_</p>\n"},
		{"underscore before digit does not close", "_a_1", "<p>_a_1</p>\n"},
		{"star inside a word", "a*b*c", "<p>a<em>b</em>c</p>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := render(t, c.in); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
