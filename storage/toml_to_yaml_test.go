package storage

import (
	"strings"
	"testing"
	"time"
)

func TestAsYAML(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, in, want string
	}{
		{
			name: "TOML front matter becomes YAML in TOML order, CRLF kept",
			in: "+++\r\ntitle = \"TOML 글\"\r\ndate = 2024-05-01T09:00:00\r\ndraft = false\r\ntags = [\"a\", \"yes\"]\r\nweight = 3\r\n" +
				"created = 2024-05-01\r\nat = 10:30:00\r\n\r\n[params]\r\nzeta = 1\r\nalpha = \"on\"\r\n+++\r\n\r\nTOML body.\r\n",
			want: "---\r\ntitle: TOML 글\r\ndate: 2024-05-01 09:00:00 +0900\r\ndraft: false\r\ntags: [a, \"yes\"]\r\nweight: 3\r\n" +
				"created: 2024-05-01\r\nat: \"10:30:00\"\r\nparams:\r\n  zeta: 1\r\n  alpha: \"on\"\r\n---\r\n\r\nTOML body.\r\n",
		},
		{
			name: "Date with an offset keeps it, byte order mark kept",
			in:   "\uFEFF+++\ntitle = \"a\"\ndate = 2024-05-01T09:00:00-07:00\n+++\nbody\n",
			want: "\uFEFF---\ntitle: a\ndate: 2024-05-01 09:00:00 -0700\n---\nbody\n",
		},
		{
			name: "Array of tables in order",
			in:   "+++\ntitle = \"a\"\n[[links]]\nname = \"x\"\nurl = \"/x\"\n[[links]]\nname = \"y\"\n+++\nbody\n",
			want: "---\ntitle: a\nlinks: [{name: x, url: /x}, {name: y}]\n---\nbody\n",
		},
		{
			name: "YAML is copied as it is",
			in:   "---\ntitle: a # comment\ndate: 2024-05-01 09:00:00\n---\nbody\n",
			want: "---\ntitle: a # comment\ndate: 2024-05-01 09:00:00\n---\nbody\n",
		},
		{
			name: "No front matter is copied as it is",
			in:   "just text\n",
			want: "just text\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := Parse("post.md", []byte(tc.in))
			out, key, err := p.AsYAML(seoul)
			if err != nil {
				t.Fatalf("AsYAML: %s: %v", key, err)
			}
			assertSame(t, "AsYAML", string(out.Bytes()), tc.want)
			if out.Err() != nil {
				t.Errorf("the copy does not parse: %v", out.Err())
			}
			out.SetBody([]byte("changed\n"))
			if string(p.Bytes()) != tc.in {
				t.Error("changing the copy changed the post")
			}
		})
	}
}

// TestTOMLStringsStayStrings: a TOML string that YAML 1.1, which Jekyll
// reads, would take for something else reaches the YAML quoted, so it
// keeps its type.
func TestTOMLStringsStayStrings(t *testing.T) {
	yaml11Strings := []string{"yes", "No", "on", "1_000", "12:30", "2024-01-01", "~", "null"}
	var b strings.Builder
	b.WriteString("+++\ntitle = \"t\"\ndate = 2024-01-01T10:00:00+09:00\n")
	for i, v := range yaml11Strings {
		b.WriteString("k" + string(rune('a'+i)) + " = \"" + v + "\"\n")
	}
	b.WriteString("+++\nbody\n")
	post := Parse("a.md", []byte(b.String()))
	out, key, err := post.AsYAML(time.UTC)
	if err != nil {
		t.Fatalf("%s: %v", key, err)
	}
	for i, v := range yaml11Strings {
		want := "k" + string(rune('a'+i)) + ": \"" + v + "\"\n"
		if !strings.Contains(string(out.Bytes()), want) {
			t.Errorf("want %q in\n%s", want, out.Bytes())
		}
	}
}
