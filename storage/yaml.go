package storage

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseYAML decodes the front matter into a node tree and checks it the
// way Jekyll will read it: a mapping, no key twice, dates that are dates.
func (p *Post) parseYAML() {
	if at := docMarker(p.FrontMatter()); at >= 0 {
		p.fail(p.errorAt(p.fmFrom+at, ErrSyntax, "front matter: a line starting with \"---\" or \"...\" here starts a second YAML document; put the text in quotes or close the front matter with \"---\" alone"))
		return
	}
	root, err := decodeYAML(p.FrontMatter())
	if err != nil {
		p.fail(p.yamlError(err))
		return
	}
	if root == nil {
		return // empty front matter, or only comments: no fields yet
	}
	if root.Kind != yaml.MappingNode {
		p.fail(p.nodeError(root, ErrNotMapping, fmt.Sprintf("front matter is %s, not a mapping of fields (key: value lines)", kindName(root))))
		return
	}
	if err := p.checkKeys(root); err != nil {
		p.fail(err)
		return
	}
	for _, key := range dateKeys {
		if v := lookup(root, key); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			if _, err := ParseDate(v.Value, v.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0); err != nil {
				p.fail(p.nodeError(v, ErrBadDate, fmt.Sprintf("%s: %v", key, err)))
				return
			}
		}
	}
	p.root = root
}

// docMarker finds a YAML document marker line ("--- x", "... x") inside
// the front matter, where yaml.v3 would silently stop reading, or -1: a
// line whose first word would close the front matter. A CR counts as a
// line break, as it does to YAML.
func docMarker(fm []byte) int {
	for at := 0; at < len(fm); {
		line, next := cutLine(fm, at)
		word := line
		if i := bytes.IndexAny(line, " \t\r\n"); i >= 0 {
			word = line[:i]
		}
		if closes(word, FormatYAML) {
			return at
		}
		at = next
	}
	return -1
}

// dateKeys are the fields Jekyll and Chirpy read as dates; a post whose
// date does not parse fails the Jekyll build, so it fails here too.
var dateKeys = []string{"date", "last_modified_at"}

// decodeYAML parses front matter text into its top node, or nil when the
// text holds no node at all.
func decodeYAML(text []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// checkKeys refuses a mapping, at any depth, that names a key twice.
// yaml.v3 only notices this when decoding into Go values, and then without
// a column, so the node tree is walked here.
func (p *Post) checkKeys(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		seen := make(map[string]*yaml.Node, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if first, ok := seen[k.Value]; ok {
				line, _ := p.nodePosition(first)
				return p.nodeError(k, ErrDuplicateKey, fmt.Sprintf("key %q is already set on line %d", k.Value, line))
			}
			seen[k.Value] = k
		}
	}
	for _, c := range n.Content {
		if err := p.checkKeys(c); err != nil {
			return err
		}
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "not a mapping"
}

// nodePosition is the file line and column of a front matter node.
func (p *Post) nodePosition(n *yaml.Node) (line, col int) {
	return p.fmLine() + n.Line - 1, n.Column
}

// fmLine is the file line on which the front matter text starts.
func (p *Post) fmLine() int { return 1 + bytes.Count(p.src[:p.fmFrom], []byte("\n")) }

func (p *Post) nodeError(n *yaml.Node, kind error, msg string) *ParseError {
	line, col := p.nodePosition(n)
	return &ParseError{Path: p.Path, Line: line, Col: col, Msg: msg, Err: kind}
}

var yamlLineMsg = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError places a yaml.v3 syntax error in the file. yaml.v3 gives a
// line but no column, so the column is the first character on that line
// that can be at fault: a tab in the indentation, else the first non-blank.
func (p *Post) yamlError(err error) *ParseError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	fmLine := 1
	if m := yamlLineMsg.FindStringSubmatch(err.Error()); m != nil {
		fmLine, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	lines := bytes.SplitAfter(p.FrontMatter(), []byte("\n"))
	fmLine = max(1, min(fmLine, len(lines)))
	if strings.Contains(msg, "did not find expected ','") {
		// yaml.v3 names the line the mapping started on; the fault is the
		// bracket that is never closed.
		if line, col := unclosedBracket(lines); line > 0 {
			return &ParseError{Path: p.Path, Line: p.fmLine() + line - 1, Col: col, Msg: "front matter: this bracket is never closed", Err: ErrSyntax}
		}
	}
	text := strings.TrimRight(string(lines[fmLine-1]), "\r\n")
	indent := len(text) - len(strings.TrimLeft(text, " "))
	col := 1 + indent // spaces are one byte, so bytes count characters here
	switch {
	case indent < len(text) && text[indent] == '\t':
		msg += " (YAML indentation must be spaces, not tabs)"
	case indent == len(text):
		col = 1
	}
	return &ParseError{Path: p.Path, Line: p.fmLine() + fmLine - 1, Col: col, Msg: "front matter: " + msg, Err: ErrSyntax}
}

// unclosedBracket finds the first line with a flow list or mapping whose
// bracket does not close on that line or the lines after it, and returns
// its 1-based line and column, or 0, 0.
func unclosedBracket(lines [][]byte) (line, col int) {
	var open []int
	var at [][2]int
	for i, l := range lines {
		text := []rune(string(l))
		var quote rune
		for j := 0; j < len(text); j++ {
			r := text[j]
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '#' && (j == 0 || text[j-1] == ' '):
				j = len(text)
			case r == '"' || r == '\'':
				if len(open) > 0 || j > 0 && (text[j-1] == ' ' || text[j-1] == ':') {
					quote = r
				}
			case r == '[' || r == '{':
				open = append(open, j)
				at = append(at, [2]int{i + 1, j + 1})
			case r == ']' || r == '}':
				if len(open) > 0 {
					open, at = open[:len(open)-1], at[:len(at)-1]
				}
			}
		}
		if len(open) > 0 && i+1 < len(lines) {
			next := bytes.TrimLeft(lines[i+1], " ")
			if len(next) > 0 && !bytes.HasPrefix(next, []byte("#")) && len(lines[i+1])-len(next) == 0 {
				// The next line is a new top-level key, so the bracket
				// was never closed.
				return at[0][0], at[0][1]
			}
		}
	}
	if len(at) > 0 {
		return at[0][0], at[0][1]
	}
	return 0, 0
}

// lookup returns the value of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if i := indexKey(m, key); i >= 0 {
		return m.Content[i+1]
	}
	return nil
}

// indexKey returns the index in m.Content of key's key node, or -1.
func indexKey(m *yaml.Node, key string) int {
	if m == nil || m.Kind != yaml.MappingNode {
		return -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return i
		}
	}
	return -1
}
