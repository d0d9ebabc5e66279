package storage

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// EntryText returns the lines of the top-level field key exactly as the
// file has them, from the key line through its value, or "" when the post
// has no such field. The form's "Other fields" box shows fields this way,
// so that what the user wrote is what the user sees.
func (p *Post) EntryText(key string) string {
	i := indexKey(p.root, key)
	if i < 0 || p.root.Style&yaml.FlowStyle != 0 {
		return ""
	}
	x := p.index()
	return string(p.src[x.line(p.root.Content[i].Line):p.entryEnd(x, p.root, i, p.fmTo)])
}

// EntriesEditable tells whether EntryText shows every top-level field and
// SetEntryText can set them: the post parses and its front matter is
// block YAML, or empty, or absent (SetEntryText then adds it). Otherwise
// the error wraps ErrUnparsed or ErrRawOnly: TOML and a {…} mapping have
// no entry text.
func (p *Post) EntriesEditable() error {
	if err := p.editable(); err != nil {
		return err
	}
	switch {
	case p.format == FormatTOML:
		return fmt.Errorf("%s: TOML front matter has no YAML entries: %w", p.Path, ErrRawOnly)
	case p.root != nil && p.root.Style&yaml.FlowStyle != 0:
		return fmt.Errorf("%s: front matter written as one {…} mapping has no entries of its own: %w", p.Path, ErrRawOnly)
	}
	return nil
}

// SetEntryText replaces the top-level field key, or adds it before the
// closing line (to new front matter, for a post without), with text: YAML lines that hold that one field, as the
// user wrote them. LF line breaks in text are written in the file's own
// line ending. Empty text removes the field. Text that does not parse, or
// that holds another field, is refused and nothing changes.
func (p *Post) SetEntryText(key, text string) error {
	if err := p.editable(); err != nil {
		return err
	}
	if text == "" {
		return p.Remove(key)
	}
	if err := p.EntriesEditable(); err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", p.nl)
	if !strings.HasSuffix(text, p.nl) {
		text += p.nl
	}
	n, err := decodeYAML([]byte(text))
	if err != nil {
		return fmt.Errorf("set %s: %w", key, err)
	}
	if n == nil || n.Kind != yaml.MappingNode || len(n.Content) != 2 || n.Content[0].Value != key {
		return fmt.Errorf("set %s: the text must hold the field %q and nothing else", key, key)
	}
	if old := p.EntryText(key); old == text {
		return nil
	}
	var e edit
	if p.format == FormatNone {
		e = p.newFrontMatter(text)
	} else if i := indexKey(p.root, key); i >= 0 {
		x := p.index()
		e = edit{x.line(p.root.Content[i].Line), p.entryEnd(x, p.root, i, p.fmTo), text}
	} else {
		e = edit{p.fmTo, p.fmTo, text}
	}
	value := decodeNode(n.Content[1])
	return p.apply(e, func(m map[string]any) error { m[key] = value; return nil })
}
