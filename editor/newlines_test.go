package editor

import (
	"strings"
	"testing"
)

// FuzzLFSplice checks lfSplice's promise: the spliced bytes read back as
// the text given, and bytes that read as the text already are not touched.
func FuzzLFSplice(f *testing.F) {
	for _, tc := range [][2]string{
		{"a\r\nb\nc\r\nd\n", "a\nbX\nc\nd\n"},
		{"a\r\nb\nc\r\n", "a\nb\n\nc\n"},
		{"a\r\nb", "a\nbc"},
		{"a\rb\r\n", "a\rbX\n"},
		{"a\r\nb\rc\n", "a\nb\r\nc\n"},
		{"ab\n", "ab\r\n"},
		{"a\rX\nb", "a\r\nb"},
		{"\r\n\r\n", "\n\r\n"},
		{"", "x\n"},
		{strings.Repeat("가나다\r\n", 40), strings.Repeat("가나다\n", 20) + "라" + strings.Repeat("가나다\n", 20)},
	} {
		f.Add(tc[0], tc[1])
	}
	f.Fuzz(func(t *testing.T, src, text string) {
		for _, nl := range []string{"\n", "\r\n"} {
			from, to, mid, changed := lfSplice([]byte(src), text, nl)
			if changed && toLF(src) == text {
				t.Fatalf("lfSplice(%q, %q) changed what reads the same", src, text)
			}
			if !changed {
				if toLF(src) != text {
					t.Fatalf("lfSplice(%q, %q) changed nothing", src, text)
				}
				continue
			}
			out := src[:from] + string(mid) + src[to:]
			if got := toLF(out); got != text {
				t.Fatalf("lfSplice(%q, %q, %q) = %q, which reads %q", src, text, nl, out, got)
			}
		}
	})
}
