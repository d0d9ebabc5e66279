package cli

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

// TestSetValueLiteralOrYAML: a text field of the form takes VALUE as the
// text itself, whatever YAML would make of it; lists, booleans, dates and
// keys the schema does not know take YAML, and --yaml forces YAML for any
// key.
func TestSetValueLiteralOrYAML(t *testing.T) {
	const post = "---\ntitle: 원래 제목\ndate: 2024-01-01 10:00:00 +0900\ntags: [old]\n---\n본문\n"
	for _, tc := range []struct {
		args []string
		key  string
		want any    // the value as the post reads it afterwards
		line string // a line the file must have
	}{
		{[]string{"title=C# tips #1"}, "title", "C# tips #1", `title: 'C# tips #1'`},
		{[]string{`title="quoted"`}, "title", `"quoted"`, `title: '"quoted"'`},
		{[]string{"--yaml", `title="quoted"`}, "title", "quoted", `title: "quoted"`},
		{[]string{`title="quoted"`, "--yaml"}, "title", "quoted", `title: "quoted"`},
		{[]string{"title=yes"}, "title", "yes", `title: "yes"`},
		{[]string{"description=a: b # c"}, "description", "a: b # c", `description: 'a: b # c'`},
		{[]string{"image.alt=[alt]"}, "image.alt", "[alt]", `  alt: '[alt]'`},
		{[]string{"tags=[a, b]"}, "tags", []any{"a", "b"}, "tags: [a, b]"},
		{[]string{"pin=true"}, "pin", true, "pin: true"},
		{[]string{"series=x"}, "series", "x", "series: x"},
		{[]string{"series=[1, 2] # part"}, "series", []any{1, 2}, "series: [1, 2] # part"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "2024-01-01-post.md")
			if err := os.WriteFile(path, []byte(post), 0o644); err != nil {
				t.Fatal(err)
			}
			if code, _, errOut := run(append([]string{"set", path}, tc.args...)...); code != exitOK {
				t.Fatalf("set = %d: %s", code, errOut)
			}
			got, err := storage.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := got.Get(tc.key); !reflect.DeepEqual(v, tc.want) {
				t.Errorf("%s = %#v, want %#v", tc.key, v, tc.want)
			}
			if text := string(got.Bytes()); !strings.Contains(text, "\n"+tc.line+"\n") {
				t.Errorf("the file has no line %q:\n%s", tc.line, text)
			}
		})
	}
}

// TestSetEmptyTextRemoves: an empty VALUE clears a text field as the
// form does, by removing it, rather than writing a null.
func TestSetEmptyTextRemoves(t *testing.T) {
	path := filepath.Join(t.TempDir(), "post.md")
	if err := os.WriteFile(path, []byte("---\ntitle: t\nauthor: me\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run("set", path, "author="); code != exitOK {
		t.Fatalf("set = %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "---\ntitle: t\n---\n" {
		t.Errorf("file is %q", got)
	}
}

// TestSetUsageNamesTextFields: the help lists the fields whose VALUE is
// taken literally; a text field added to the schema must be named there.
func TestSetUsageNamesTextFields(t *testing.T) {
	flat := strings.Join(strings.Fields(setUsage), " ")
	for _, f := range editor.ChirpyFields() {
		if isTextField(f.Key) && !strings.Contains(flat, f.Key+",") && !strings.Contains(flat, f.Key+")") {
			t.Errorf("set's usage does not name the text field %s", f.Key)
		}
	}
}
