package storage

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ErrNotMap refuses to set a nested field under a value that is not a
// mapping, such as "image.alt" when image is a plain string.
var ErrNotMap = errors.New("field is not a mapping")

// Set sets the field at a dotted path ("title", "image.path") to v and
// rewrites only that field's lines: every other byte of the file stays as
// it was. v may be a string, bool, int, float64, []string, Date, time.Time,
// map[string]any (keys in sorted order) or a *yaml.Node.
//
// A field the post lacks is appended at the end of its mapping, before
// the closing line, in the file's own line ending and indent. A string
// that YAML (1.1, as Jekyll reads it) would take for something else, such
// as "yes", "1.0" or "a: b", is quoted. A changed value keeps the style of
// the old one where it can: quotes, a flow list "[a, b]", a block list's
// indent.
func (p *Post) Set(path string, v any) error {
	n, err := toNode(v)
	if err != nil {
		return fmt.Errorf("set %s: %w", path, err)
	}
	return p.SetNode(path, n)
}

// Place says where a field the post lacks goes in its mapping, for a
// caller that keeps fields in an order of its own. After and Before name
// keys of that mapping: the field goes right after After's entry, else
// right before Before's, else (neither is there) at the end. The field is
// the first key of its path the post lacks: for "image.alt", image itself
// when the post has no image.
type Place struct {
	After, Before string
}

// SetAt is Set, with a field the post lacks put where at says.
func (p *Post) SetAt(path string, v any, at Place) error {
	n, err := toNode(v)
	if err != nil {
		return fmt.Errorf("set %s: %w", path, err)
	}
	return p.SetNodeAt(path, n, at)
}

// SetYAML sets the field at path to a value written in YAML, such as
// "[a, b]", "true" or "바뀐 제목". The value is written as given, so a
// plain "yes" stays plain.
func (p *Post) SetYAML(path, value string) error {
	n, err := decodeYAML([]byte(value))
	if err != nil {
		return fmt.Errorf("set %s: value %q: %w", path, value, err)
	}
	if n == nil {
		n = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
	}
	clearPositions(n)
	return p.SetNode(path, n)
}

// SetNode sets the field at path to the YAML node n. See Set.
func (p *Post) SetNode(path string, n *yaml.Node) error { return p.SetNodeAt(path, n, Place{}) }

// SetNodeAt is SetNode, with a field the post lacks put where at says.
func (p *Post) SetNodeAt(path string, n *yaml.Node, at Place) error {
	if err := p.editable(); err != nil {
		return err
	}
	keys := splitPath(path)
	if slices.Contains(keys, "") {
		return fmt.Errorf("set %q: empty key in path", path)
	}
	if p.format == FormatTOML {
		return p.tomlSet(keys, n, at)
	}
	old := p.Node(path)
	if old != nil {
		n = keepDateQuotes(n, old)
	}
	if old != nil && sameValue(old, n) {
		return nil // nothing changes, so nothing is rewritten
	}
	e, err := p.planSet(keys, n, at)
	if err != nil {
		return fmt.Errorf("set %s: %w", path, err)
	}
	return p.apply(e, func(m map[string]any) error { return setIn(m, keys, decodeNode(n)) })
}

// Remove deletes the field at path, its lines and nothing else. Removing
// a field the post does not have does nothing. A nested mapping left
// empty is removed with it.
func (p *Post) Remove(path string) error {
	if err := p.editable(); err != nil {
		return err
	}
	keys := splitPath(path)
	if p.format == FormatTOML {
		return p.tomlRemove(keys)
	}
	if p.Node(path) == nil {
		return nil
	}
	var e edit
	var err error
	if p.root.Style&yaml.FlowStyle != 0 {
		e, err = p.planFlowRoot(func(c *yaml.Node) error { removeNodeIn(c, keys); return nil })
	} else {
		e, err = p.planRemove(p.root, p.fmTo, keys)
	}
	if err != nil {
		return fmt.Errorf("remove %s: %w", path, err)
	}
	return p.apply(e, func(m map[string]any) error { removeIn(m, keys); return nil })
}

func (p *Post) editable() error {
	if p.err != nil {
		return fmt.Errorf("%s: %w", p.Path, ErrUnparsed)
	}
	if fm := p.FrontMatter(); bytes.Count(fm, []byte("\r")) != bytes.Count(fm, []byte("\r\n")) {
		// YAML breaks lines at a lone CR too, so its line numbers would
		// not match the lines here.
		return fmt.Errorf("%s: front matter has a carriage return without a line feed: %w", p.Path, ErrRawOnly)
	}
	return nil
}

// edit is one splice of the file: src[from:to] becomes text.
type edit struct {
	from, to int
	text     string
}

// apply makes the edit and checks it by parsing the result: every field
// must decode as before, but for the change that want makes to them. An
// edit that fails the check is undone and reported; it would be a bug here,
// and the file must not pay for it.
func (p *Post) apply(e edit, want func(map[string]any) error) error {
	before := *p
	expect := decodeRoot(p.root)
	if err := want(expect); err != nil {
		return err
	}
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
	if !reflect.DeepEqual(decodeRoot(p.root), expect) {
		*p = before
		return fmt.Errorf("%s: the edit would change other fields too, so the file was left as it was: %w", p.Path, ErrRawOnly)
	}
	return nil
}

// planSet finds where the value at keys goes and what text it becomes.
func (p *Post) planSet(keys []string, n *yaml.Node, at Place) (edit, error) {
	if p.format == FormatNone {
		return p.newFrontMatter(p.entryText(0, keys[0], nest(keys[1:], n))), nil
	}
	if p.root == nil {
		return edit{p.fmTo, p.fmTo, p.entryText(0, keys[0], nest(keys[1:], n))}, nil
	}
	if p.root.Style&yaml.FlowStyle != 0 {
		return p.planFlowRoot(func(c *yaml.Node) error { return setNodeIn(c, keys, n, at) })
	}
	return p.planSetIn(p.root, p.fmTo, keys, n, at)
}

// newFrontMatter plans giving a post without front matter one, holding
// just entry: a field's lines, with their line breaks.
func (p *Post) newFrontMatter(entry string) edit {
	at := 0
	if p.HasBOM() {
		at = len(bom)
	}
	return edit{at, at, "---" + p.nl + entry + "---" + p.nl}
}

// planFlowRoot plans an edit of front matter written as one flow mapping,
// "{title: a, tags: [b]}": the mapping is written again, on its one line.
func (p *Post) planFlowRoot(change func(*yaml.Node) error) (edit, error) {
	x := p.index()
	from := x.at(p.root.Line, p.root.Column)
	to, ok := scanInline(p.src, from)
	if !ok {
		return edit{}, ErrRawOnly
	}
	c := cloneNode(p.root)
	if err := change(c); err != nil {
		return edit{}, err
	}
	text, ok := p.inlineText(restyle(c, p.root))
	if !ok {
		return edit{}, ErrRawOnly
	}
	return edit{from, to, text}, nil
}

// planSetIn plans setting keys under the block mapping m, whose entries
// end at limit; a missing key is inserted where at says.
func (p *Post) planSetIn(m *yaml.Node, limit int, keys []string, n *yaml.Node, at Place) (edit, error) {
	x := p.index()
	i := indexKey(m, keys[0])
	if i < 0 {
		off := p.insertAt(x, m, limit, at)
		return edit{off, off, p.entryText(m.Column-1, keys[0], nest(keys[1:], n))}, nil
	}
	end := p.entryEnd(x, m, i, limit)
	if len(keys) == 1 {
		return p.planValue(x, m.Content[i], m.Content[i+1], end, n), nil
	}
	child := m.Content[i+1]
	switch {
	case child.Kind == yaml.MappingNode && child.Style&yaml.FlowStyle == 0 && len(child.Content) > 0:
		return p.planSetIn(child, end, keys[1:], n, at)
	case child.Kind == yaml.MappingNode:
		// A flow mapping {a: 1} is rewritten whole, in flow style still.
		c := cloneNode(child)
		if err := setNodeIn(c, keys[1:], n, at); err != nil {
			return edit{}, err
		}
		return p.planValue(x, m.Content[i], child, end, c), nil
	case child.Kind == yaml.ScalarNode && child.Tag == "!!null":
		return p.planValue(x, m.Content[i], child, end, nest(keys[1:], n)), nil
	}
	return edit{}, fmt.Errorf("%s is %s: %w", keys[0], kindName(child), ErrNotMap)
}

// insertAt is the offset where a new entry of the block mapping m, whose
// entries end at limit, goes: after the entry of at.After, else before
// that of at.Before, else at the end.
func (p *Post) insertAt(x fmIndex, m *yaml.Node, limit int, at Place) int {
	if i := indexKey(m, at.After); at.After != "" && i >= 0 {
		return p.entryEnd(x, m, i, limit)
	}
	switch i := indexKey(m, at.Before); {
	case at.Before == "" || i < 0:
		return limit
	case i == 0:
		return x.line(m.Content[0].Line)
	default:
		// Comments just above Before's key belong to it, as entryEnd
		// leaves them out of the entry before.
		return p.entryEnd(x, m, i-2, limit)
	}
}

// planRemove plans deleting keys under the block mapping m.
func (p *Post) planRemove(m *yaml.Node, limit int, keys []string) (edit, error) {
	x := p.index()
	i := indexKey(m, keys[0])
	end := p.entryEnd(x, m, i, limit)
	child := m.Content[i+1]
	if len(keys) > 1 && !emptiedBy(child, keys[1:]) {
		if child.Style&yaml.FlowStyle == 0 {
			return p.planRemove(child, end, keys[1:])
		}
		c := cloneNode(child)
		removeNodeIn(c, keys[1:])
		return p.planValue(x, m.Content[i], child, end, c), nil
	}
	// The whole entry goes: its key line through its last line.
	return edit{x.line(m.Content[i].Line), end, ""}, nil
}

// planValue plans replacing the value of the entry key: old, which ends
// at end, with n.
func (p *Post) planValue(x fmIndex, key, old *yaml.Node, end int, n *yaml.Node) edit {
	n = restyle(n, old)
	keyLine := x.line(key.Line)
	indent := key.Column - 1
	if single, ok := p.inlineText(n); ok && old.Line == key.Line && !isBlockScalar(old) && !isEmptyNull(old) {
		from := x.at(old.Line, old.Column)
		if to, ok := scanInline(p.src, from); ok && lineEndAt(p.src, from) == trimNewline(p.src, keyLine, end) {
			return edit{from, to, single}
		}
	}
	// Replace from just after the colon to the end of the entry's last line.
	colon := findColon(p.src, x.at(key.Line, key.Column))
	if colon < 0 {
		colon = lineEndAt(p.src, keyLine) // not reached for a block mapping key
	}
	return edit{colon + 1, trimNewline(p.src, keyLine, end), p.valueText(indent, n, old)}
}

// entryText is a whole new "key: value" entry at indent, with its newline.
func (p *Post) entryText(indent int, key string, n *yaml.Node) string {
	k, _ := p.inlineText(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key})
	return strings.Repeat(" ", indent) + k + ":" + p.valueText(indent, restyle(n, nil), nil) + p.nl
}

// valueText renders n as it follows "key:" in an entry whose key is at
// indent: " value" on the same line, or a block on the lines below.
func (p *Post) valueText(indent int, n, old *yaml.Node) string {
	if single, ok := p.inlineText(n); ok {
		return " " + single
	}
	lines := encodeLines(n)
	if n.Kind == yaml.ScalarNode {
		// A block scalar: its header stays on the key line.
		for i := 1; i < len(lines); i++ {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
		return " " + strings.Join(lines, p.nl)
	}
	child := indent + 2
	if old != nil && old.Kind == n.Kind && old.Style&yaml.FlowStyle == 0 && len(old.Content) > 0 && old.Column > 0 {
		child = old.Column - 1
	}
	for i := range lines {
		lines[i] = strings.Repeat(" ", child) + lines[i]
	}
	return p.nl + strings.Join(lines, p.nl)
}

// inlineText renders n on one line, or reports that it needs several.
func (p *Post) inlineText(n *yaml.Node) (string, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!timestamp" {
		return n.Value, true // dates are written as given: plain, never quoted
	}
	if n.Kind != yaml.ScalarNode && n.Style&yaml.FlowStyle == 0 && len(n.Content) > 0 {
		return "", false
	}
	lines := encodeLines(n)
	if len(lines) != 1 {
		return "", false
	}
	return lines[0], true
}

// encodeLines encodes n alone with yaml.v3, two-space indent, as lines.
func encodeLines(n *yaml.Node) []string {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return []string{`""`}
	}
	_ = enc.Close()
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// restyle gives a new value the look of the old one it replaces: the same
// quotes for a string, flow or block for a list. New lists are written
// "[a, b]", as Chirpy's own posts do.
func restyle(n, old *yaml.Node) *yaml.Node {
	if n.Tag == "!!timestamp" {
		return n
	}
	c := *n
	switch {
	case old == nil:
		if c.Kind == yaml.SequenceNode && c.Style == 0 {
			c.Style = yaml.FlowStyle
		}
	case c.Kind == yaml.ScalarNode && old.Kind == yaml.ScalarNode:
		if q := old.Style & (yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle); q != 0 && c.Tag == "!!str" && c.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && !strings.Contains(c.Value, "\n") {
			c.Style = q
		}
	case c.Kind == old.Kind && c.Kind != yaml.ScalarNode && c.Style == 0:
		c.Style = old.Style & yaml.FlowStyle
	case c.Kind == yaml.SequenceNode && c.Style == 0:
		c.Style = yaml.FlowStyle
	}
	if len(c.Content) == 0 && c.Kind != yaml.ScalarNode {
		c.Style = yaml.FlowStyle // [] and {} have no block form
	}
	return &c
}

// keepDateQuotes gives a new date the quotes of the old one it replaces.
// Jekyll reads a quoted date as a string, in the site's zone unless it
// names an offset, and a plain one with seconds but no offset in UTC (see
// DateZone): dropping the quotes would move the post's time. Quoted, a
// date is never read in UTC, so the new text means what the date form
// means by it: its offset, or else the site's zone. The date comes back
// as the quoted string it is in YAML terms; a plain old date leaves n as
// it is, to be written plain.
func keepDateQuotes(n, old *yaml.Node) *yaml.Node {
	q := old.Style & (yaml.SingleQuotedStyle | yaml.DoubleQuotedStyle)
	if n.Kind != yaml.ScalarNode || n.Tag != "!!timestamp" || old.Kind != yaml.ScalarNode || q == 0 ||
		strings.ContainsAny(n.Value, "\"'\\\n") {
		return n
	}
	if _, err := ParseDate(n.Value, true); err != nil {
		return n
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: n.Value, Style: q}
}

// fmIndex maps front matter lines and columns, as yaml.v3 numbers them,
// to byte offsets in the file.
type fmIndex struct {
	src    []byte
	starts []int // offset of each front matter line; one more for the close line
}

func (p *Post) index() fmIndex {
	var starts []int
	for at := p.fmFrom; at < p.fmTo; {
		starts = append(starts, at)
		_, at = cutLine(p.src, at)
	}
	return fmIndex{p.src, append(starts, p.fmTo)}
}

// line is the offset of the start of front matter line n (1-based).
func (x fmIndex) line(n int) int { return x.starts[min(n, len(x.starts))-1] }

// at is the offset of character col (1-based) on front matter line n.
func (x fmIndex) at(n, col int) int {
	off := x.line(n)
	for ; col > 1 && off < len(x.src) && x.src[off] != '\n'; col-- {
		_, size := utf8.DecodeRune(x.src[off:])
		off += size
	}
	return off
}

// entryEnd is the offset just past the last line of entry i of the block
// mapping m: up to the next key, or limit, less the blank lines and the
// comments at the key's own indent or less that come last, which belong to
// what follows.
func (p *Post) entryEnd(x fmIndex, m *yaml.Node, i, limit int) int {
	k := m.Content[i]
	end := limit
	if i+2 < len(m.Content) {
		end = x.line(m.Content[i+2].Line)
	}
	start := x.line(k.Line)
	for end > start {
		prev := bytes.LastIndexByte(p.src[:end-1], '\n') + 1
		line := p.src[prev:end]
		t := bytes.TrimSpace(line)
		indent := len(line) - len(bytes.TrimLeft(line, " "))
		if len(t) != 0 && (t[0] != '#' || indent > k.Column-1) {
			break
		}
		end = prev
	}
	return end
}

// trimNewline backs end off the line break of the entry's last line, but
// never before from.
func trimNewline(src []byte, from, end int) int {
	if end > from && src[end-1] == '\n' {
		end--
		if end > from && src[end-1] == '\r' {
			end--
		}
	}
	return end
}

// lineEndAt is the offset of the line break (or end of file) of the line
// holding offset i.
func lineEndAt(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		end := i + j
		if end > i && src[end-1] == '\r' {
			end--
		}
		return end
	}
	return len(src)
}

// findColon returns the offset of the colon that ends the mapping key
// starting at from, or -1.
func findColon(src []byte, from int) int {
	i := from
	if i < len(src) && (src[i] == '"' || src[i] == '\'') {
		end, ok := scanQuoted(src, i)
		if !ok {
			return -1
		}
		i = end
	}
	for ; i < len(src) && src[i] != '\n'; i++ {
		if src[i] == ':' && (i+1 == len(src) || strings.IndexByte(" \t\r\n", src[i+1]) >= 0) {
			return i
		}
	}
	return -1
}

// scanInline returns the end of the single-line value starting at from:
// a quoted string, a flow list or mapping, or a plain scalar, stopping
// before trailing spaces and a comment. ok is false when the value goes on
// past its line.
func scanInline(src []byte, from int) (end int, ok bool) {
	eol := lineEndAt(src, from)
	switch {
	case from >= eol:
		return from, true
	case src[from] == '"' || src[from] == '\'':
		end, ok = scanQuoted(src, from)
		return end, ok && end <= eol
	case src[from] == '[' || src[from] == '{':
		depth := 0
		for i := from; i < eol; i++ {
			switch src[i] {
			case '"', '\'':
				e, ok := scanQuoted(src, i)
				if !ok || e > eol {
					return 0, false
				}
				i = e - 1
			case '[', '{':
				depth++
			case ']', '}':
				if depth--; depth == 0 {
					return i + 1, true
				}
			}
		}
		return 0, false
	}
	end = eol
	if c := bytes.Index(src[from:eol], []byte(" #")); c >= 0 {
		end = from + c
	}
	return from + len(bytes.TrimRight(src[from:end], " \t")), true
}

// scanQuoted returns the offset just past the quoted scalar at from.
func scanQuoted(src []byte, from int) (int, bool) {
	q := src[from]
	for i := from + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}

func isBlockScalar(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
}

// isEmptyNull is a key with nothing after it ("pin:").
func isEmptyNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == ""
}
