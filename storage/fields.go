package storage

import (
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Keys returns the top-level front matter keys in file order.
func (p *Post) Keys() []string {
	switch {
	case p.root != nil:
		keys := make([]string, 0, len(p.root.Content)/2)
		for i := 0; i+1 < len(p.root.Content); i += 2 {
			keys = append(keys, p.root.Content[i].Value)
		}
		return keys
	case p.toml != nil:
		return p.tomlKeys()
	}
	return nil
}

// Node returns the YAML node at a dotted path ("image.path"), or nil when
// the post has no such field or its front matter is not YAML. The node
// belongs to the post: read it, do not change it.
func (p *Post) Node(path string) *yaml.Node {
	n := p.root
	for _, key := range splitPath(path) {
		n = lookup(n, key)
		if n == nil {
			return nil
		}
	}
	return n
}

// Get returns the value at a dotted path decoded into plain Go values
// (string, bool, int, float64, []any, map[string]any), and whether the
// post has that field.
func (p *Post) Get(path string) (any, bool) {
	if p.toml != nil {
		return p.tomlGet(path)
	}
	n := p.Node(path)
	if n == nil {
		return nil, false
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, false
	}
	return v, true
}

// String returns the field at path as text, for a field that is a single
// value; ok is false when it is absent or a list or mapping.
func (p *Post) String(path string) (s string, ok bool) {
	if p.toml != nil {
		v, ok := p.tomlGet(path)
		s, isStr := v.(string)
		return s, ok && isStr
	}
	n := p.Node(path)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// Bool returns the field at path as a boolean; ok is false when it is
// absent or not true/false.
func (p *Post) Bool(path string) (value, ok bool) {
	v, found := p.Get(path)
	b, isBool := v.(bool)
	return b, found && isBool
}

// Strings returns the field at path as a list of strings. A single value
// counts as a list of one, as Jekyll reads `tags: foo`; ok is false when
// the field is absent or holds a mapping.
func (p *Post) Strings(path string) (list []string, ok bool) {
	if p.toml != nil {
		return p.tomlStrings(path)
	}
	n := p.Node(path)
	if n == nil {
		return nil, false
	}
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return []string{}, true
		}
		return []string{n.Value}, true
	case yaml.SequenceNode:
		list = make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, false
			}
			list = append(list, c.Value)
		}
		return list, true
	}
	return nil, false
}

// Date returns the field at path as a date, and whether the post has it
// as one. A post only parses if its date fields are dates, so the error
// case is an absent or non-scalar field.
func (p *Post) Date(path string) (Date, bool) {
	if p.toml != nil {
		v, ok := p.tomlGet(path)
		switch v := v.(type) {
		case time.Time:
			return p.tomlDate(path, v)
		case string:
			d, err := ParseDate(v, true)
			return d, ok && err == nil
		}
		return Date{}, false
	}
	n := p.Node(path)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return Date{}, false
	}
	d, err := ParseDate(n.Value, n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0)
	return d, err == nil
}

func splitPath(path string) []string { return strings.Split(path, ".") }
