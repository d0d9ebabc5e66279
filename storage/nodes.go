package storage

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// ErrBadValue refuses a value that a post file cannot hold: text that is
// not UTF-8.
var ErrBadValue = errors.New("value is not UTF-8 text")

// toNode turns a Go value given to Set into a YAML node.
func toNode(v any) (*yaml.Node, error) {
	switch v := v.(type) {
	case *yaml.Node:
		return cloneNode(v), nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	case string:
		if !utf8.ValidString(v) {
			return nil, ErrBadValue
		}
		return StringNode(v), nil
	case Date:
		text := v.Text
		if text == "" {
			text = FormatDate(v.Wall)
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: text}, nil
	case time.Time:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: FormatDate(v)}, nil
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, s := range v {
			if !utf8.ValidString(s) {
				return nil, ErrBadValue
			}
			n.Content = append(n.Content, StringNode(s))
		}
		return n, nil
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, k := range keys {
			c, err := toNode(v[k])
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, StringNode(k), c)
		}
		return n, nil
	}
	n := &yaml.Node{}
	if err := n.Encode(v); err != nil {
		return nil, fmt.Errorf("value of type %T: %w", v, err)
	}
	return n, nil
}

// StringNode is the node Set writes for the string s: quoted where
// YAML 1.1, which Jekyll reads, would take it for something else ("yes",
// "on", "12:30"), though yaml.v3, which follows YAML 1.2, would leave it
// plain; lines of text as a literal block.
func StringNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case yaml11Special.MatchString(s):
		n.Style = yaml.DoubleQuotedStyle
	case strings.Contains(s, "\n"):
		// Lines of text read best as a literal block; text whose edges or
		// control characters a block would blur goes in double quotes.
		n.Style = yaml.LiteralStyle
		if strings.HasSuffix(s, "\n") || strings.HasPrefix(s, "\n") || strings.HasPrefix(s, " ") || strings.IndexFunc(s, isControl) >= 0 {
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	return n
}

func isControl(r rune) bool { return r != '\n' && unicode.IsControl(r) }

// yaml11Special matches the plain scalars that Psych, the YAML 1.1 parser
// Jekyll uses, resolves to booleans (yes/no/on/off in any case), nulls,
// numbers or timestamps, though yaml.v3 (YAML 1.2) would leave some of
// them unquoted.
var yaml11Special = regexp.MustCompile(`^(?:` +
	`(?i:yes|no|true|false|on|off|null)|~|<<|=|` +
	`[-+]?\.?[0-9][0-9a-fA-FxXoObB_:.eE+-]*|` +
	`[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|` +
	`[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?` +
	`)$`)

// nest wraps n in mappings for the remaining keys of a path.
func nest(keys []string, n *yaml.Node) *yaml.Node {
	if len(keys) == 0 {
		return n
	}
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{StringNode(keys[0]), nest(keys[1:], n)}}
}

// setNodeIn sets keys under the mapping m to n, in the node tree only; a
// missing key is inserted where at says (see Place).
func setNodeIn(m *yaml.Node, keys []string, n *yaml.Node, at Place) error {
	i := indexKey(m, keys[0])
	switch {
	case i < 0:
		j := len(m.Content)
		if a := indexKey(m, at.After); at.After != "" && a >= 0 {
			j = a + 2
		} else if b := indexKey(m, at.Before); at.Before != "" && b >= 0 {
			j = b
		}
		m.Content = slices.Insert(m.Content, j, StringNode(keys[0]), nest(keys[1:], n))
	case len(keys) == 1:
		m.Content[i+1] = n
	case m.Content[i+1].Kind == yaml.MappingNode:
		return setNodeIn(m.Content[i+1], keys[1:], n, at)
	case m.Content[i+1].Tag == "!!null":
		m.Content[i+1] = nest(keys[1:], n)
	default:
		return fmt.Errorf("%s is %s: %w", keys[0], kindName(m.Content[i+1]), ErrNotMap)
	}
	return nil
}

// removeNodeIn deletes keys under the mapping m, in the node tree only,
// and a mapping left empty with it.
func removeNodeIn(m *yaml.Node, keys []string) {
	i := indexKey(m, keys[0])
	if i < 0 {
		return
	}
	if len(keys) > 1 {
		child := m.Content[i+1]
		removeNodeIn(child, keys[1:])
		if len(child.Content) > 0 {
			return
		}
	}
	m.Content = append(m.Content[:i], m.Content[i+2:]...)
}

// emptiedBy tells whether removing keys from the mapping m leaves it empty.
func emptiedBy(m *yaml.Node, keys []string) bool {
	if m.Kind != yaml.MappingNode || len(m.Content) != 2 || indexKey(m, keys[0]) != 0 {
		return false
	}
	return len(keys) == 1 || emptiedBy(m.Content[1], keys[1:])
}

func cloneNode(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = cloneNode(k)
	}
	return &c
}

// clearPositions forgets where a node came from, so a value parsed from
// the command line is never mistaken for one in the file.
func clearPositions(n *yaml.Node) {
	n.Line, n.Column = 0, 0
	for _, c := range n.Content {
		clearPositions(c)
	}
}

// decodeNode decodes n into plain Go values, for comparing what a field
// holds before and after an edit.
func decodeNode(n *yaml.Node) any {
	if n.Tag == "!!timestamp" {
		c := *n
		c.Tag = "" // let the value resolve as it will when read back
		n = &c
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return fmt.Sprintf("undecodable: %v", err)
	}
	return v
}

func decodeRoot(root *yaml.Node) map[string]any {
	m := map[string]any{}
	if root != nil {
		if err := root.Decode(&m); err != nil {
			return map[string]any{"undecodable": err.Error()}
		}
	}
	return m
}

// sameValue tells whether setting n over old would change what the field
// means; if not, the file is left alone.
func sameValue(old, n *yaml.Node) bool {
	return old.Kind == n.Kind && reflect.DeepEqual(decodeNode(old), decodeNode(n))
}

// setIn and removeIn make on decoded values the change that an edit makes
// on the file, so that apply can check the file against them.
func setIn(m map[string]any, keys []string, v any) error {
	if len(keys) == 1 {
		m[keys[0]] = v
		return nil
	}
	child, ok := m[keys[0]].(map[string]any)
	if !ok {
		child = map[string]any{}
		m[keys[0]] = child
	}
	return setIn(child, keys[1:], v)
}

func removeIn(m map[string]any, keys []string) {
	if len(keys) > 1 {
		child, ok := m[keys[0]].(map[string]any)
		if !ok {
			return
		}
		removeIn(child, keys[1:])
		if len(child) > 0 {
			return
		}
	}
	delete(m, keys[0])
}
