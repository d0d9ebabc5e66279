package editor

import (
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage"
)

// Strings that YAML 1.1, which Jekyll reads, takes for something else
// must reach the file quoted, whichever way the editor builds the node.
var yaml11Strings = []string{"yes", "No", "on", "1_000", "12:30", "2024-01-01", "~", "null"}

// TestImageAltStaysAString: turning `image: PATH` into a mapping to add
// alt text quotes an alt that Jekyll would read as a boolean or number.
func TestImageAltStaysAString(t *testing.T) {
	for _, alt := range yaml11Strings {
		t.Run(alt, func(t *testing.T) {
			s := NewSession(storage.Parse("a.md", []byte("---\ntitle: t\nimage: /a.png\n---\n")))
			if err := s.SetText("image.alt", alt); err != nil {
				t.Fatal(err)
			}
			want := "  alt: \"" + alt + "\"\n"
			if got := string(s.Post().Bytes()); !strings.Contains(got, want) {
				t.Errorf("want %q in\n%s", want, got)
			}
			if got := s.Text("image.alt"); got != alt {
				t.Errorf("reads back %q", got)
			}
		})
	}
}
