package editor

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// FuzzFormEdits drives the form the way a user might: random field edits
// in random order on the corpus posts. The same edits are applied to the
// front matter decoded into a map, by the rules the form promises, and
// the post must end up with the same values as the map, with every line
// of every field it did not touch byte-identical and in place, and the
// body untouched.
//
// Inputs: which corpus post, and bytes that spell the edits (see formOp).
// Without -fuzz the seeds run every corpus post through a few edit
// scripts.
func FuzzFormEdits(f *testing.F) {
	posts := fuzzCorpus(f)
	scripts := [][]byte{
		{0, 0, 1, 2, 3, 0, 3, 1, 1, 4, 1, 0, 6, 3, 2},
		{1, 2, 0, 5, 0, 1, 7, 2, 3, 4, 0, 2, 5, 3, 8, 1, 6},
		{2, 0, 4, 2, 1, 9, 4, 1, 1, 5, 2, 2, 6, 0, 0, 6, 1},
		{0, 7, 12, 0, 1, 13, 3, 5, 1, 1, 4, 0, 5, 1, 7, 6, 2, 5},
		{5, 0, 'r', 'a', 'w', ':', ' ', 'x', 0, 3, 6, 1, 2, 2, 2, 6, 0, 1, 4, 9, 9},
	}
	for i := range posts {
		f.Add(uint16(i), scripts[i%len(scripts)])
	}
	f.Fuzz(func(t *testing.T, which uint16, script []byte) {
		post := posts[int(which)%len(posts)]
		p := storage.Parse(post.path, bytes.Clone(post.src))
		if p.Err() != nil || p.Format() != storage.FormatYAML {
			return
		}
		s := NewSession(p)
		before := frontMatterLines(t, p)
		model := decodeFrontMatter(t, p.FrontMatter())
		openLine, closeLine, body := delimiters(p)
		touched := map[string]bool{}
		var log []string

		for ops := script; len(ops) > 0; {
			var op formOp
			op, ops = nextFormOp(ops, s)
			log = append(log, op.String())
			was := bytes.Clone(s.Post().Bytes())
			wasModel := cloneMap(model)
			err := op.apply(s)
			if err != nil {
				if !op.mayFail(err) {
					t.Fatalf("%s: %v\nafter %s", op, err, strings.Join(log, "; "))
				}
				if !bytes.Equal(s.Post().Bytes(), was) {
					t.Fatalf("%s failed (%v) but changed the file", op, err)
				}
				continue
			}
			if op.kind == 3 && op.text != "" && s.DateText(op.key) != op.text {
				t.Fatalf("%s: the date reads back as %q, not as given", op, s.DateText(op.key))
			}
			op.model(model, wasModel)
			for _, k := range op.keys(wasModel, model) {
				touched[k] = true
			}
		}

		p = s.Post()
		if p.Err() != nil {
			t.Fatalf("the post no longer parses: %v\nafter %s", p.Err(), strings.Join(log, "; "))
		}
		got := decodeFrontMatter(t, p.FrontMatter())
		if !reflect.DeepEqual(sameDates(got), sameDates(model)) {
			t.Fatalf("after %s\nfront matter decodes to\n%v\nthe same edits on the map give\n%v\nfile:\n%s",
				strings.Join(log, "; "), got, model, visibleText(string(p.FrontMatter())))
		}
		if o, c, b := delimiters(p); o != openLine || c != closeLine || b != body {
			t.Fatalf("after %s the lines around the front matter or the body changed", strings.Join(log, "; "))
		}
		after := frontMatterLines(t, p)
		if before == nil || after == nil {
			return // a flow-style front matter has no lines per field
		}
		if b, a := untouchedLines(before, touched), untouchedLines(after, touched); !slices.Equal(b, a) {
			t.Fatalf("after %s (touching %v) untouched lines differ:\nbefore:\n%s\nafter:\n%s",
				strings.Join(log, "; "), touched, visibleText(strings.Join(b, "")), visibleText(strings.Join(a, "")))
		}
	})
}

// formOp is one form edit, spelled by the fuzz bytes as
//
//	kind field value
//
// where kind picks text, list, bool, date or the "Other fields" box, and
// value picks from a pool of awkward values (kind 5 reads a raw value
// from the bytes that follow, up to a zero byte).
type formOp struct {
	kind  byte
	key   string
	text  string
	list  []string
	flag  bool
	other string
}

var (
	fuzzTextKeys = []string{"title", "description", "author", "layout", "media_subpath", "img_path", "image.path", "image.alt", "image.lqip"}
	fuzzListKeys = []string{"tags", "categories", "authors"}
	fuzzBoolKeys = []string{"pin", "math", "mermaid", "toc", "comments", "render_with_liquid", "published"}
	fuzzDateKeys = []string{"date", "last_modified_at"}
	fuzzTexts    = []string{"", "새 제목", "yes", "1.0", "a: b", "#not a comment", "- dash", "'quoted'", `"double"`,
		"[x, y]", "{k: v}", " edge spaces ", "첫 줄\n둘째 줄", "~", "null", "2024-01-01", "%percent", "@at", "`tick",
		"| pipe", "> gt", "*star", "&anchor", "!bang", "tab\there", "콜론: 뒤 # 주석", "/assets/img/a.png",
		strings.Repeat("긴 제목 ", 40), "trailing\n"}
	fuzzLists = [][]string{nil, {"a"}, {"한글", "태그"}, {"yes", "no", "1"}, {"a b", "c: d", "#e"}, {"", " "}, {"Jekyll", "Chirpy", "Go"}}
	fuzzDates = []string{"", "2024-07-14 21:05:00 +0900", "2022-01-01", "2023-03-03T10:20:30Z", "2024-02-29 23:59:59 -0500",
		"2021-12-31 00:00:00", "2024-13-01", "not a date"}
)

func nextFormOp(b []byte, s *Session) (formOp, []byte) {
	at := func(i int) int {
		if i < len(b) {
			return int(b[i])
		}
		return 0
	}
	op := formOp{kind: byte(at(0) % 6)}
	field, value := at(1), at(2)
	rest := b[min(3, len(b)):]
	switch op.kind {
	case 0:
		op.key, op.text = fuzzTextKeys[field%len(fuzzTextKeys)], fuzzTexts[value%len(fuzzTexts)]
	case 1:
		op.key, op.list = fuzzListKeys[field%len(fuzzListKeys)], fuzzLists[value%len(fuzzLists)]
	case 2:
		op.key, op.flag = fuzzBoolKeys[field%len(fuzzBoolKeys)], value%2 == 1
	case 3:
		op.key, op.text = fuzzDateKeys[field%len(fuzzDateKeys)], fuzzDates[value%len(fuzzDates)]
	case 4:
		op.other = otherFieldsEdit(s.OtherFields(), field, value)
	case 5:
		rest = b[min(2, len(b)):]
		end := bytes.IndexByte(rest, 0)
		if end < 0 {
			end = len(rest)
		}
		op.key, op.text, rest = fuzzTextKeys[field%len(fuzzTextKeys)], string(rest[:end]), rest[min(end+1, len(rest)):]
	}
	return op, rest
}

// otherFieldsEdit changes the text of the "Other fields" box as a user
// would: add a field, drop one, change one, or leave it as it is.
func otherFieldsEdit(box string, field, value int) string {
	entries := splitEntries(box)
	switch field % 4 {
	case 0:
		return box + fmt.Sprintf("extra_%d: %s\n", value, []string{"시리즈", "[/a, /b]", "'yes'", "{k: v}", "|\n  블록\n  텍스트"}[value%5])
	case 1:
		if len(entries) > 0 {
			entries = slices.Delete(entries, value%len(entries), value%len(entries)+1)
		}
	case 2:
		if len(entries) > 0 {
			i := value % len(entries)
			k, _, _ := strings.Cut(entries[i], ":")
			entries[i] = k + ": 바뀐 값\n"
		}
	}
	return strings.Join(entries, "")
}

// splitEntries cuts YAML text into its top-level entries.
func splitEntries(text string) []string {
	var entries []string
	for _, l := range strings.SplitAfter(text, "\n") {
		if l == "" {
			continue
		}
		if len(entries) == 0 || l[0] != ' ' && l[0] != '\t' && l[0] != '#' && l[0] != '-' && strings.TrimSpace(l) != "" {
			entries = append(entries, l)
		} else {
			entries[len(entries)-1] += l
		}
	}
	return entries
}

func (op formOp) String() string {
	switch op.kind {
	case 0, 5:
		return fmt.Sprintf("SetText(%s, %q)", op.key, op.text)
	case 1:
		return fmt.Sprintf("SetList(%s, %q)", op.key, op.list)
	case 2:
		return fmt.Sprintf("SetBool(%s, %v)", op.key, op.flag)
	case 3:
		return fmt.Sprintf("SetDateText(%s, %q)", op.key, op.text)
	}
	return fmt.Sprintf("SetOtherFields(%q)", op.other)
}

func (op formOp) apply(s *Session) error {
	switch op.kind {
	case 0, 5:
		return s.SetText(op.key, op.text)
	case 1:
		return s.SetList(op.key, op.list)
	case 2:
		return s.SetBool(op.key, op.flag)
	case 3:
		return s.SetDateText(op.key, op.text)
	}
	return s.SetOtherFields(op.other)
}

// mayFail tells whether err is a refusal the form is allowed to make.
func (op formOp) mayFail(err error) bool {
	switch {
	case errors.Is(err, storage.ErrRawOnly):
		return true // a field written in a way only the raw editor can change
	case op.kind == 3:
		return errors.Is(err, storage.ErrBadDate)
	case op.kind == 4:
		var perr *storage.ParseError
		return errors.As(err, &perr) // the box's text does not parse
	case op.kind == 5:
		return errors.Is(err, storage.ErrBadValue) || !utf8.ValidString(op.text) || strings.ContainsFunc(op.text, isControlRune) ||
			errors.Is(err, storage.ErrNotMap)
	case strings.HasPrefix(op.key, "image."):
		return errors.Is(err, storage.ErrNotMap) // image is neither a path nor a mapping
	}
	return false
}

func isControlRune(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f || r == '\uFEFF' }

// model applies the edit to the decoded front matter by the rules the
// form promises (see Session's setters).
func (op formOp) model(m, was map[string]any) {
	switch op.kind {
	case 0, 5:
		top, sub, nested := strings.Cut(op.key, ".")
		if !nested {
			setOrDelete(m, top, op.text)
			return
		}
		if short, ok := m["image"].(string); ok {
			switch {
			case sub == "path":
				setOrDelete(m, "image", op.text)
			case op.text != "":
				m["image"] = map[string]any{"path": short, sub: op.text}
			}
			return
		}
		img, _ := m["image"].(map[string]any)
		if op.text == "" {
			if img != nil {
				delete(img, sub)
				if len(img) == 0 {
					delete(m, "image")
				}
			}
			return
		}
		if img == nil {
			img = map[string]any{}
			m["image"] = img
		}
		img[sub] = op.text
	case 1:
		if _, had := m[op.key]; len(op.list) == 0 && !had {
			return
		}
		l := []any{}
		for _, s := range op.list {
			l = append(l, s)
		}
		m[op.key] = l
	case 2:
		f, _ := FieldByKey(op.key)
		_, present := m[op.key]
		switch {
		case !present && op.flag == f.Default:
		case !op.flag && !f.Default:
			delete(m, op.key)
		default:
			m[op.key] = op.flag
		}
	case 3:
		setOrDelete(m, op.key, op.text)
	case 4:
		for k := range m {
			if !isFormKey(k) {
				delete(m, k)
			}
		}
		var box map[string]any
		_ = yaml.Unmarshal([]byte(op.other), &box)
		for k, v := range box {
			m[k] = v
		}
	}
}

// keys lists the top-level fields the edit touched: their lines may move
// or change.
func (op formOp) keys(was, now map[string]any) []string {
	if op.kind != 4 {
		top, _, _ := strings.Cut(op.key, ".")
		return []string{top}
	}
	var ks []string
	for k := range was {
		if !isFormKey(k) && !reflect.DeepEqual(was[k], now[k]) {
			ks = append(ks, k)
		}
	}
	for k := range now {
		if _, ok := was[k]; !ok {
			ks = append(ks, k)
		}
	}
	return ks
}

// sameDates puts the date fields in one form: YAML decodes a date as
// time.Time when it is plain and as a string when quoted, and the form
// keeps whichever the post used.
func sameDates(m map[string]any) map[string]any {
	c := cloneMap(m)
	for _, k := range fuzzDateKeys {
		switch v := c[k].(type) {
		case time.Time:
			c[k] = v.UTC().Truncate(time.Second).Format(time.RFC3339Nano)
		case string:
			if d, err := storage.ParseDate(v, true); err == nil {
				c[k] = d.In(time.UTC).UTC().Format(time.RFC3339Nano)
			}
		}
	}
	return c
}

func setOrDelete(m map[string]any, key, value string) {
	if value == "" {
		delete(m, key)
		return
	}
	m[key] = value
}

func cloneMap(m map[string]any) map[string]any {
	var c map[string]any
	b, _ := yaml.Marshal(m)
	_ = yaml.Unmarshal(b, &c)
	if c == nil {
		c = map[string]any{}
	}
	return c
}

func decodeFrontMatter(t *testing.T, fm []byte) map[string]any {
	t.Helper()
	m := map[string]any{}
	if err := yaml.Unmarshal(fm, &m); err != nil {
		t.Fatalf("front matter does not decode: %v\n%s", err, fm)
	}
	return m
}

// fmLine is one line of the front matter and the top-level field it
// belongs to ("" for a comment or blank line between fields).
type fmLine struct{ key, text string }

// frontMatterLines labels every front matter line with its field, or
// returns nil for front matter whose fields have no lines of their own.
func frontMatterLines(t *testing.T, p *storage.Post) []fmLine {
	t.Helper()
	fm := string(p.FrontMatter())
	owner := make([]string, len(fm))
	for _, k := range p.Keys() {
		entry := p.EntryText(k)
		if entry == "" {
			return nil
		}
		at := -1
		for from := 0; from <= len(fm); {
			i := strings.Index(fm[from:], entry)
			if i < 0 {
				break
			}
			if i += from; i == 0 || fm[i-1] == '\n' {
				at = i
				break
			}
			from = i + 1
		}
		if at < 0 {
			t.Fatalf("entry of %s not found at a line start", k)
		}
		for i := at; i < at+len(entry); i++ {
			owner[i] = k
		}
	}
	var lines []fmLine
	for from := 0; from < len(fm); {
		end := strings.IndexByte(fm[from:], '\n')
		if end < 0 {
			end = len(fm)
		} else {
			end += from + 1
		}
		lines = append(lines, fmLine{owner[from], fm[from:end]})
		from = end
	}
	return lines
}

func untouchedLines(lines []fmLine, touched map[string]bool) []string {
	var out []string
	for _, l := range lines {
		if !touched[l.key] {
			out = append(out, l.text)
		}
	}
	return out
}

// delimiters returns the opening line (with any BOM), the closing line
// and the body: the parts no form edit may touch.
func delimiters(p *storage.Post) (openLine, closeLine, body string) {
	pre := string(p.Bytes()[:len(p.Bytes())-len(p.Body())])
	openLine = pre[:strings.IndexByte(pre, '\n')+1]
	closeLine = pre[strings.LastIndexByte(strings.TrimSuffix(pre, "\n"), '\n')+1:]
	return openLine, closeLine, string(p.Body())
}

func visibleText(s string) string {
	return strings.NewReplacer("\r", `\r`, "\t", `\t`, "\uFEFF", "<BOM>").Replace(s)
}

type fuzzPost struct {
	path string
	src  []byte
}

var (
	fuzzPostsOnce sync.Once
	fuzzPosts     []fuzzPost
	fuzzPostsErr  error
)

// fuzzCorpus reads the corpus posts once per process, in a fixed order,
// or skips when the corpus is not beside the repository.
func fuzzCorpus(f *testing.F) []fuzzPost {
	paths := storagetest.CorpusPosts(f)
	fuzzPostsOnce.Do(func() {
		for _, path := range paths {
			src, err := os.ReadFile(path)
			if err != nil {
				fuzzPostsErr = err
				return
			}
			fuzzPosts = append(fuzzPosts, fuzzPost{path, src})
		}
	})
	if fuzzPostsErr != nil {
		f.Fatal(fuzzPostsErr)
	}
	return fuzzPosts
}
