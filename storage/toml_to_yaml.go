package storage

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// AsYAML returns a copy of the post whose front matter Jekyll can read:
// a post with Hugo's "+++" TOML front matter is rewritten with YAML
// front matter; any other post is copied byte for byte. The copy shares
// no memory with p, so editing one leaves the other as it was.
//
// Values keep their types. Keys keep the order of the TOML text, tables
// included; TOML comments are lost. Dates get a zone Jekyll reads as
// Hugo does: a local date-time, which names no offset, is written in
// zone with its offset; a bare date stays bare, since Jekyll reads it in
// the site's zone already. A time of day alone, no YAML timestamp, is
// written as a quoted string. The BOM and the line ending are kept.
//
// On error key names the field that could not be converted, "" when the
// TOML text itself does not decode.
func (p *Post) AsYAML(zone *time.Location) (out *Post, key string, err error) {
	if p.Format() != FormatTOML {
		return Parse(p.Path, bytes.Clone(p.Bytes())), "", nil
	}
	var m map[string]any
	md, err := toml.Decode(string(p.FrontMatter()), &m)
	if err != nil {
		return nil, "", err
	}
	nl := p.Newline()
	head := "---" + nl + "---" + nl
	if p.HasBOM() {
		head = "\uFEFF" + head
	}
	out = Parse(p.Path, []byte(head))
	order := tomlOrder(md.Keys())
	for _, k := range order[""] {
		if err := out.SetNode(k, tomlNode(m[k], k, order, zone)); err != nil {
			return nil, k, err
		}
	}
	out.SetBody(bytes.Clone(p.Body()))
	return out, "", nil
}

// tomlOrder maps each table's dotted key ("" for the top) to its keys in
// the order the TOML text gives them.
func tomlOrder(keys []toml.Key) map[string][]string {
	order := map[string][]string{}
	seen := map[string]bool{}
	for _, k := range keys {
		for i := range k {
			parent, full := strings.Join(k[:i], "."), strings.Join(k[:i+1], ".")
			if !seen[full] {
				seen[full] = true
				order[parent] = append(order[parent], k[i])
			}
		}
	}
	return order
}

// tomlNode turns a decoded TOML value into a YAML node with the same
// value for Jekyll. at is its dotted key, to look up the order of a
// table's keys.
func tomlNode(v any, at string, order map[string][]string, zone *time.Location) *yaml.Node {
	switch v := v.(type) {
	case string:
		return StringNode(v)
	case time.Time:
		d, ok := TOMLDate(v)
		if !ok {
			// A time of day alone is no YAML timestamp; plain, YAML 1.1
			// would read 10:30:00 as a base-60 number.
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.Format("15:04:05"), Style: yaml.DoubleQuotedStyle}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: jekyllDate(d, zone)}
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		keys := order[at]
		for k := range v {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			if c, ok := v[k]; ok {
				n.Content = append(n.Content, StringNode(k), tomlNode(c, at+"."+k, order, zone))
			}
		}
		return n
	case []map[string]any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, c := range v {
			n.Content = append(n.Content, tomlNode(c, at, order, zone))
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, c := range v {
			n.Content = append(n.Content, tomlNode(c, at, order, zone))
		}
		return n
	}
	n := &yaml.Node{}
	if err := n.Encode(v); err != nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fmt.Sprint(v)}
	}
	return n
}

// jekyllDate writes a date read from TOML for Jekyll. A local date-time
// has no zone; Hugo reads it in the site's, so it is written in zone
// with its offset. A bare date Jekyll reads in the site's zone already.
func jekyllDate(d Date, zone *time.Location) string {
	switch {
	case !d.HasTime:
		return d.Wall.Format(time.DateOnly)
	case d.Zone == ZoneExplicit:
		return FormatDate(d.Wall)
	}
	w := d.Wall
	return FormatDate(time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, zone))
}
