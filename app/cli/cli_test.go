package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage"
)

// run runs the command line and returns its exit code and output.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// copyFixture copies a testdata file into a temporary folder, so that a
// test may write to it.
func copyFixture(t *testing.T, name string) (path string, orig []byte) {
	t.Helper()
	orig, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, orig
}

func TestCheckGood(t *testing.T) {
	code, out, errOut := run("check", "testdata/good")
	if code != exitOK || out != "" {
		t.Errorf("check good = %d, %q, %q", code, out, errOut)
	}
}

func TestCheckBad(t *testing.T) {
	code, out, _ := run("check", "testdata/bad", "testdata/good/bom-crlf.md")
	if code != exitProblem {
		t.Errorf("exit = %d, want %d", code, exitProblem)
	}
	want := []string{
		"testdata/bad/bad-yaml.md:3:7: front matter: this bracket is never closed",
		"testdata/bad/binary.md:2:9: file is binary, not text (NUL byte)",
		`testdata/bad/duplicate-key.md:3:1: key "title" is already set on line 2`,
		"testdata/bad/empty.md: file is empty",
		"testdata/bad/impossible-date.md:3:7: date: month 13 is out of range (1 to 12)",
		"testdata/bad/latin1.md:2:11: file is not UTF-8 text (byte 0xE9)",
		"testdata/bad/not-a-mapping.md:2:1: front matter is a list, not a mapping of fields (key: value lines)",
		"testdata/bad/tab-indent.md:4:1: front matter: found character that cannot start any token (YAML indentation must be spaces, not tabs)",
		`testdata/bad/unclosed.md:1:1: front matter opened here is never closed: add a line with "---" (or "...")`,
	}
	if got := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check printed\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
}

func TestCheckMissing(t *testing.T) {
	code, out, _ := run("check", "testdata/no-such-folder")
	if code != exitProblem || !strings.HasPrefix(out, "testdata/no-such-folder: no such file") {
		t.Errorf("check missing = %d, %q", code, out)
	}
}

func TestCheckCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("SKIPPED: the post corpus is not at %s: %v", dir, err)
	}
	if code, out, errOut := run("check", dir); code != exitOK {
		t.Errorf("check corpus = %d\n%s%s", code, out, errOut)
	}
}

func TestSetNoEditsIsByteIdentical(t *testing.T) {
	for _, name := range []string{"good/bom-crlf.md", "good/hugo-toml.md", "good/no-front-matter.md"} {
		path, orig := copyFixture(t, name)
		if code, _, errOut := run("set", path); code != exitOK {
			t.Fatalf("set %s = %d: %s", name, code, errOut)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
			t.Errorf("%s changed:\n%q", name, got)
		}
	}
}

func TestSetEdits(t *testing.T) {
	path, _ := copyFixture(t, "good/bom-crlf.md")
	code, _, errOut := run("set", path, "title=바뀐 제목", "tags=[a, 'b c']", "--unset", "pin", "image.path=/img/a.png", "--unset=categories")
	if code != exitOK {
		t.Fatalf("set = %d: %s", code, errOut)
	}
	got, _ := os.ReadFile(path)
	want := "\uFEFF---\r\ntitle:  \"바뀐 제목\"\r\ndate: 2022-01-01 17:30:00 +0900\r\ntags: [a, 'b c']   # 태그\r\nimage:\r\n  path: /img/a.png\r\n---\r\n\r\n## 제목\r\n\r\n본문 **강조**.\r\n"
	if string(got) != want {
		t.Errorf("file is\n%q\nwant\n%q", got, want)
	}
}

func TestSetRefusesBadPost(t *testing.T) {
	path, orig := copyFixture(t, "bad/bad-yaml.md")
	code, _, errOut := run("set", path, "title=x")
	if code != exitProblem || !strings.Contains(errOut, "bad-yaml.md:3:7:") || !strings.Contains(errOut, "not changed") {
		t.Errorf("set on a bad post = %d, %q", code, errOut)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
		t.Error("a post that did not parse was rewritten")
	}
}

func TestSetRefusesBadValue(t *testing.T) {
	for _, args := range [][]string{{"tags=[unclosed"}, {"--yaml", "title=[unclosed"}, {"title=ok", "pin=[unclosed"}} {
		path, orig := copyFixture(t, "good/bom-crlf.md")
		code, _, errOut := run(append([]string{"set", path}, args...)...)
		if code != exitProblem || !strings.Contains(errOut, "not changed") {
			t.Errorf("set %q = %d, %q", args, code, errOut)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, orig) {
			t.Errorf("set %q: a refused edit rewrote the file", args)
		}
	}
}

// TestSetRefusesFileChangedMeanwhile: another program writes or removes
// the file after set read it; set saves nothing, as the window would not,
// and says so.
func TestSetRefusesFileChangedMeanwhile(t *testing.T) {
	const outside = "---\ntitle: 다른 편집기가 쓴 제목\n---\n"
	for _, tc := range []struct {
		name   string
		change func(path string) error
		want   string // the file afterwards; "" for none
	}{
		{"written", func(path string) error { return os.WriteFile(path, []byte(outside), 0o644) }, outside},
		{"deleted", os.Remove, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, _ := copyFixture(t, "good/bom-crlf.md")
			post, disk, err := storage.LoadState(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := applyEdits(post, []fieldEdit{{key: "title", value: "바뀐 제목"}}, false); err != nil {
				t.Fatal(err)
			}
			if err := tc.change(path); err != nil {
				t.Fatal(err)
			}
			var errOut bytes.Buffer
			code := saveEdited(&errOut, post, disk)
			if code != exitProblem || !strings.Contains(errOut.String(), "since it was opened") || !strings.Contains(errOut.String(), path+": not changed") {
				t.Errorf("save = %d, %q", code, errOut.String())
			}
			got, err := os.ReadFile(path)
			if tc.want == "" {
				if err == nil {
					t.Errorf("the deleted file was written again:\n%s", got)
				}
			} else if string(got) != tc.want {
				t.Errorf("the outside change was overwritten:\n%s", got)
			}
		})
	}
}

func TestRender(t *testing.T) {
	code, out, errOut := run("render", "testdata/good/bom-crlf.md")
	if code != exitOK || !strings.Contains(out, "<h2") || !strings.Contains(out, "<strong>강조</strong>") || strings.Contains(out, "title:") {
		t.Errorf("render = %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := run("render", "testdata/bad/unclosed.md"); code != exitProblem || !strings.Contains(errOut, "unclosed.md:1:1:") {
		t.Errorf("render bad = %d, %q", code, errOut)
	}
}

func TestUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"--help"}, exitOK},
		{[]string{"help", "set"}, exitOK},
		{[]string{"check", "--help"}, exitOK},
		{[]string{"set", "-h"}, exitOK},
		{[]string{"render", "--help"}, exitOK},
		{[]string{"publish"}, exitUsage},
		{[]string{"check"}, exitUsage},
		{[]string{"set"}, exitUsage},
		{[]string{"set", "a.md", "--unset"}, exitUsage},
		{[]string{"set", "a.md", "notakeyvalue"}, exitUsage},
		{[]string{"set", "a.md", "=x"}, exitUsage},
		{[]string{"set", "a.md", "--force"}, exitUsage},
		{[]string{"render"}, exitUsage},
		{[]string{"render", "a.md", "b.md"}, exitUsage},
	} {
		code, out, errOut := run(tc.args...)
		if code != tc.code {
			t.Errorf("%q = %d, want %d", tc.args, code, tc.code)
		}
		if tc.code == exitOK && !strings.HasPrefix(out, "Usage: postdesk") {
			t.Errorf("%q printed %q", tc.args, out)
		}
		if tc.code == exitUsage && !strings.Contains(errOut, "Usage: postdesk") {
			t.Errorf("%q did not show the usage: %q", tc.args, errOut)
		}
	}
}
