package storage

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"
)

// tomlFormat reads Hugo's "+++" front matter.
var tomlFormat = frontmatter.NewFormat("+++", "+++", toml.Unmarshal)

// parseTOML decodes the front matter between "+++" lines.
func (p *Post) parseTOML() {
	m := map[string]any{}
	open := 0
	if p.HasBOM() {
		open = len(bom)
	}
	_, err := frontmatter.Parse(bytes.NewReader(p.src[open:p.body]), &m, tomlFormat)
	if err != nil {
		line, col := p.fmLine(), 1
		var perr toml.ParseError
		if errors.As(err, &perr) {
			line += perr.Position.Line - 1
			col = max(perr.Position.Col, 1)
			err = errors.New(perr.Message)
		}
		p.fail(&ParseError{Path: p.Path, Line: line, Col: col, Msg: "front matter: " + err.Error(), Err: ErrSyntax})
		return
	}
	p.toml = m
}

// tomlKey matches a top-level "key = value" line and captures the key.
var tomlKey = regexp.MustCompile(`^([A-Za-z0-9_-]+|"[^"]*")\s*=`)

// tomlLines finds the top-level key lines, those before the first
// [table] header, and where that region ends. Lines inside a multi-line
// string or array are part of the value above them, never keys or
// headers.
func (p *Post) tomlLines() (keys map[string][2]int, order []string, end int) {
	keys = map[string][2]int{}
	var lx tomlLexer
	for at := p.fmFrom; at < p.fmTo; {
		line, next := cutLine(p.src, at)
		if lx.topLevel() {
			t := bytes.TrimSpace(line)
			if bytes.HasPrefix(t, []byte("[")) {
				return keys, order, at
			}
			if m := tomlKey.FindSubmatch(t); m != nil {
				k := strings.Trim(string(m[1]), `"`)
				keys[k] = [2]int{at, next}
				order = append(order, k)
			}
		}
		lx.scan(line)
		at = next
	}
	return keys, order, p.fmTo
}

// tomlLexer follows TOML text line by line far enough to tell whether a
// line starts inside a value: a multi-line string or an open array.
type tomlLexer struct {
	ml    string // the delimiter of the open multi-line string, or ""
	depth int    // open brackets and braces
}

func (lx *tomlLexer) topLevel() bool { return lx.ml == "" && lx.depth == 0 }

// scan moves the lexer past one line.
func (lx *tomlLexer) scan(line []byte) {
	for i := 0; i < len(line); i++ {
		c := line[i]
		if lx.ml != "" {
			switch {
			case c == '\\' && lx.ml == `"""`:
				i++
			case bytes.HasPrefix(line[i:], []byte(lx.ml)):
				// Up to two more quotes before the delimiter belong to
				// the string: """a"""" is `a"`.
				j := i + 3
				for j < len(line) && j < i+5 && line[j] == lx.ml[0] {
					j++
				}
				i, lx.ml = j-1, ""
			}
			continue
		}
		switch c {
		case '#':
			return
		case '"', '\'':
			if q := strings.Repeat(string(c), 3); bytes.HasPrefix(line[i:], []byte(q)) {
				lx.ml, i = q, i+2
				continue
			}
			for i++; i < len(line) && line[i] != c; i++ {
				if c == '"' && line[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			lx.depth++
		case ']', '}':
			lx.depth = max(lx.depth-1, 0)
		}
	}
}

func (p *Post) tomlKeys() []string {
	_, order, _ := p.tomlLines()
	return order
}

func (p *Post) tomlGet(path string) (any, bool) {
	var v any = p.toml
	for _, k := range splitPath(path) {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

func (p *Post) tomlStrings(path string) ([]string, bool) {
	v, ok := p.tomlGet(path)
	switch v := v.(type) {
	case string:
		return []string{v}, ok
	case []any:
		list := make([]string, 0, len(v))
		for _, e := range v {
			s, isStr := e.(string)
			if !isStr {
				return nil, false
			}
			list = append(list, s)
		}
		return list, ok
	}
	return nil, false
}

// tomlSet sets a top-level key, on its own single line.
func (p *Post) tomlSet(keys []string, n *yaml.Node, at Place) error {
	if len(keys) != 1 {
		return fmt.Errorf("set %s: %w", strings.Join(keys, "."), ErrRawOnly)
	}
	text, err := tomlLine(keys[0], n)
	if err != nil {
		return fmt.Errorf("set %s: %w", keys[0], err)
	}
	text += p.nl
	// The value as TOML reads it back, for tomlApply's check.
	decoded := map[string]any{}
	if err := toml.Unmarshal([]byte(text), &decoded); err != nil {
		return fmt.Errorf("set %s: %w", keys[0], err)
	}
	want := func(m map[string]any) { m[keys[0]] = decoded[keys[0]] }
	lines, order, end := p.tomlLines()
	if span, ok := lines[keys[0]]; ok {
		if !p.tomlSingleLine(span) {
			return fmt.Errorf("set %s: %w", keys[0], ErrRawOnly)
		}
		return p.tomlApply(edit{span[0], span[1], text}, want)
	}
	// A new key goes where at says, else after the last top-level one,
	// when that one is a line of its own, so it does not land after a
	// blank line or a comment.
	if span, ok := lines[at.After]; ok && at.After != "" && p.tomlSingleLine(span) {
		end = span[1]
	} else if span, ok := lines[at.Before]; ok && at.Before != "" {
		end = span[0]
	} else if n := len(order); n > 0 && p.tomlSingleLine(lines[order[n-1]]) {
		end = lines[order[n-1]][1]
	}
	return p.tomlApply(edit{end, end, text}, want)
}

func (p *Post) tomlRemove(keys []string) error {
	if _, ok := p.tomlGet(strings.Join(keys, ".")); !ok {
		return nil
	}
	lines, _, _ := p.tomlLines()
	span, ok := lines[keys[0]]
	if len(keys) != 1 || !ok || !p.tomlSingleLine(span) {
		return fmt.Errorf("remove %s: %w", strings.Join(keys, "."), ErrRawOnly)
	}
	return p.tomlApply(edit{span[0], span[1], ""}, func(m map[string]any) { delete(m, keys[0]) })
}

// tomlSingleLine tells whether the key line holds its whole value: the
// line alone decodes to one key.
func (p *Post) tomlSingleLine(span [2]int) bool {
	m := map[string]any{}
	return toml.Unmarshal(p.src[span[0]:span[1]], &m) == nil && len(m) == 1
}

// tomlApply makes the edit and checks it as apply does for YAML: every
// field must decode as before, but for the change that want makes to the
// top-level fields. An edit that fails the check is undone and reported.
func (p *Post) tomlApply(e edit, want func(map[string]any)) error {
	before := *p
	expect := maps.Clone(p.toml)
	want(expect)
	src := make([]byte, 0, len(p.src)-(e.to-e.from)+len(e.text))
	src = append(src, p.src[:e.from]...)
	src = append(src, e.text...)
	src = append(src, p.src[e.to:]...)
	p.reset(src)
	if p.err != nil {
		why := p.err
		*p = before
		return fmt.Errorf("the new value would not parse, so the file was left as it was: %w", why)
	}
	if !reflect.DeepEqual(tomlComparable(p.toml), tomlComparable(expect)) {
		*p = before
		return fmt.Errorf("%s: the edit would change other fields too, so the file was left as it was: %w", p.Path, ErrRawOnly)
	}
	return nil
}

// tomlComparable makes decoded TOML comparable with reflect.DeepEqual: a
// time holds a *time.Location, which every decode makes anew.
func tomlComparable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = tomlComparable(x)
		}
		return m
	case []map[string]any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = tomlComparable(x)
		}
		return l
	case []any:
		l := make([]any, len(v))
		for i, x := range v {
			l[i] = tomlComparable(x)
		}
		return l
	case time.Time:
		return v.Format(time.RFC3339Nano) + " " + v.Location().String()
	}
	return v
}

// The zones BurntSushi/toml gives the times it decodes from TOML's local
// forms, which name no offset. Their offset is the machine's, which means
// nothing for a post: Hugo reads such a date in the site's zone.
const (
	tomlDatetimeLocal = "datetime-local"
	tomlDateLocal     = "date-local"
	tomlTimeLocal     = "time-local"
)

// TOMLDate reads a time that BurntSushi/toml decoded from front matter as
// a Date, as Hugo means it: a local date or date-time is in the site's
// zone (ZoneSite), one with an offset keeps it (ZoneExplicit). A time of
// day alone is no date: ok is false. Text is the value in TOML's form.
func TOMLDate(t time.Time) (d Date, ok bool) {
	d = Date{Zone: ZoneSite, HasTime: true}
	switch t.Location().String() {
	case tomlTimeLocal:
		return Date{}, false
	case tomlDateLocal:
		d.HasTime = false
		d.Wall = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	case tomlDatetimeLocal:
		d.Wall = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	default:
		d.Zone = ZoneExplicit
		zone := time.UTC
		if _, offset := t.Zone(); offset != 0 {
			zone = time.FixedZone("", offset)
		}
		d.Wall = t.In(zone)
	}
	d.Text = tomlDateText(d)
	return d, true
}

// tomlDate is TOMLDate for the field at path, with the text its line
// writes when it is a top-level line of its own.
func (p *Post) tomlDate(path string, t time.Time) (Date, bool) {
	d, ok := TOMLDate(t)
	if !ok || strings.Contains(path, ".") {
		return d, ok
	}
	if text, found := p.tomlValueText(path); found {
		if _, err := ParseDate(text, false); err == nil {
			d.Text = text
		}
	}
	return d, true
}

// tomlValueText is the value of a top-level key as its line writes it,
// less a trailing comment: for a date, whose text the TOML decoder does
// not keep.
func (p *Post) tomlValueText(key string) (string, bool) {
	lines, _, _ := p.tomlLines()
	span, ok := lines[key]
	if !ok || !p.tomlSingleLine(span) {
		return "", false
	}
	line := string(p.src[span[0]:span[1]])
	_, value, _ := strings.Cut(line, "=")
	value, _, _ = strings.Cut(value, "#") // a date holds no '#'
	return strings.TrimSpace(value), true
}

// tomlDateText writes d as a TOML date-time that Hugo reads as Jekyll
// reads d: with its offset when it names one, else in TOML's local form,
// which Hugo reads in the site's zone, as Jekyll reads a date without an
// offset in a form. A date without a time is a local date.
func tomlDateText(d Date) string {
	switch {
	case !d.HasTime:
		return d.Wall.Format(time.DateOnly)
	case d.Zone == ZoneExplicit:
		return d.Wall.Format("2006-01-02T15:04:05.999999999Z07:00")
	}
	return d.Wall.Format("2006-01-02T15:04:05.999999999")
}

// tomlLine writes the line "key = value" for n, without a line break.
func tomlLine(key string, n *yaml.Node) (string, error) {
	if n.Tag == "!!timestamp" {
		// The encoder writes a date its own way (with an offset, or a
		// local one shifted by the machine's), so the key is encoded
		// with an empty string and the date written here.
		d, err := ParseDate(n.Value, false)
		if err != nil {
			return "", err
		}
		line, err := encodeTOMLLine(key, "")
		if err != nil {
			return "", err
		}
		return strings.TrimSuffix(line, `""`) + tomlDateText(d), nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "", err
	}
	return encodeTOMLLine(key, v)
}

// encodeTOMLLine encodes the one field key = v as a TOML line.
func encodeTOMLLine(key string, v any) (string, error) {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]any{key: v}); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}
