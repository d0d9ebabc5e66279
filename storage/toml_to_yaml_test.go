package storage

import (
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
