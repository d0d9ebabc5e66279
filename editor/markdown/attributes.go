package markdown

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownAttributes implements kramdown's inline attribute lists (IAL)
// and attribute list definitions (ALD), which Chirpy posts use for
// prompts (`> text` then `{: .prompt-tip }`), image sizes
// (`![](a.png){: width="700" }`), file names on code blocks
// (`{: file="a.go" }`) and paths after inline code (`{: .filepath}`).
//
// A line `{: … }` attaches to the block right above it, or, after a
// blank line, to the block right below; the line itself disappears. It
// also ends a paragraph or block quote, which CommonMark would continue
// lazily. `{: … }` right after an inline element (not after plain text)
// attaches to that element. `{:name: … }` defines attributes that a
// later list can pull in by name.
type kramdownAttributes struct{}

// Attributes is the goldmark extension for kramdown IALs and
// ALDs. Attributes end up as ordinary goldmark node attributes ("class",
// "id", "width", "file", …), which goldmark's renderers print where
// HTML allows them; no attribute-list node survives parsing.
var Attributes goldmark.Extender = kramdownAttributes{}

// Extend registers the block and inline parsers and the transformer
// that moves block attributes onto their blocks.
func (kramdownAttributes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(ialBlockParser{}, 50)),
		parser.WithInlineParsers(util.Prioritized(ialInlineParser{}, 190)),
		parser.WithASTTransformers(util.Prioritized(ialTransformer{}, 100)),
	)
}

// PromptKind returns "tip", "info", "warning" or "danger" when n is a
// block quote marked as a Chirpy prompt (`{: .prompt-tip }`), else "".
func PromptKind(n ast.Node) string {
	if n.Kind() != ast.KindBlockquote {
		return ""
	}
	v, ok := n.AttributeString("class")
	if !ok {
		return ""
	}
	b, _ := v.([]byte)
	for _, c := range bytes.Fields(b) {
		k, ok := bytes.CutPrefix(c, []byte("prompt-"))
		if ok && (string(k) == "tip" || string(k) == "info" || string(k) == "warning" || string(k) == "danger") {
			return string(k)
		}
	}
	return ""
}

// KindAttributeList is the ast.NodeKind of AttributeList.
var KindAttributeList = ast.NewNodeKind("AttributeList")

// AttributeList is a block IAL line while parsing; the transformer moves
// its attributes to the block it belongs to and removes it.
type AttributeList struct {
	ast.BaseBlock
	attrs []ast.Attribute
	// blankBefore and blankAfter record whether the lines around the IAL
	// are blank; goldmark's HasBlankPreviousLines is not set reliably
	// after a closed fenced code block.
	blankBefore, blankAfter bool
}

// Kind implements ast.Node.
func (*AttributeList) Kind() ast.NodeKind { return KindAttributeList }

// Dump implements ast.Node.
func (n *AttributeList) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

var (
	// ialLine is IAL_BLOCK_START and ALD_START: `{:` not followed by `:`
	// or `/`, an optional `name:` for an ALD, the list, `}`.
	ialLine = regexp.MustCompile(`^\{:(?:(\w[\w-]*):)?((?:\\\}|[^}])+)\}\s*$`)
	// ialItem is ALD_TYPE_ANY: key="value", key='value', a reference
	// name, or .class / #id runs.
	ialItem      = regexp.MustCompile(`(?:^|\s)(?:(\w[\w-]*)=(?:"((?:\\\}|\\"|[^}"])*)"|'((?:\\\}|\\'|[^}'])*)')|(\w[\w-]*)|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?:\s|$)`)
	ialIDOrClass = regexp.MustCompile(`#([A-Za-z][\w:-]*)|\.([^\s.#]+)`)
)

var aldKey = parser.NewContextKey()

// parseAttributeList reads the inside of `{: … }` into attributes,
// expanding references to ALDs defined so far.
func parseAttributeList(list []byte, pc parser.Context) []ast.Attribute {
	var out []ast.Attribute
	set := func(name string, value []byte) {
		for i := range out {
			if string(out[i].Name) == name {
				if name == "class" {
					value = append(append(append([]byte{}, out[i].Value.([]byte)...), ' '), value...)
				}
				out[i].Value = value
				return
			}
		}
		out = append(out, ast.Attribute{Name: []byte(name), Value: value})
	}
	alds, _ := pc.Get(aldKey).(map[string][]ast.Attribute)
	// Items share the whitespace between them, so match one at a time.
	for rest := list; len(rest) > 0; {
		m := ialItem.FindSubmatchIndex(rest)
		if m == nil {
			break
		}
		g := func(i int) []byte {
			if m[2*i] < 0 {
				return nil
			}
			return rest[m[2*i]:m[2*i+1]]
		}
		switch {
		case m[2] >= 0:
			v := g(2)
			if m[6] >= 0 {
				v = g(3)
			}
			set(string(g(1)), unescapeIAL(v))
		case m[8] >= 0:
			for _, a := range alds[string(g(4))] {
				set(string(a.Name), a.Value.([]byte))
			}
		default:
			for _, ic := range ialIDOrClass.FindAllSubmatch(g(5), -1) {
				if ic[1] != nil {
					set("id", ic[1])
				} else {
					set("class", ic[2])
				}
			}
		}
		next := m[1]
		if next > m[0] && util.IsSpace(rest[next-1]) {
			next-- // give the trailing space back to the next item
		}
		if next <= 0 {
			break
		}
		rest = rest[next:]
	}
	return out
}

func unescapeIAL(v []byte) []byte {
	v = bytes.ReplaceAll(v, []byte(`\}`), []byte(`}`))
	v = bytes.ReplaceAll(v, []byte(`\"`), []byte(`"`))
	return bytes.ReplaceAll(v, []byte(`\'`), []byte(`'`))
}

func setAttributes(n ast.Node, attrs []ast.Attribute) {
	for _, a := range attrs {
		v := a.Value.([]byte)
		if string(a.Name) == "class" {
			if old, ok := n.AttributeString("class"); ok {
				v = append(append(append([]byte{}, old.([]byte)...), ' '), v...)
			}
		}
		n.SetAttribute(a.Name, v)
	}
}

type ialBlockParser struct{}

func (ialBlockParser) Trigger() []byte { return []byte{'{'} }

func (ialBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 || pos > 3 {
		return nil, parser.NoChildren
	}
	m := ialLine.FindSubmatch(line[pos:])
	if m == nil || m[2][0] == ':' || m[2][0] == '/' {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	attrs := parseAttributeList(m[2], pc)
	if m[1] != nil {
		alds, _ := pc.Get(aldKey).(map[string][]ast.Attribute)
		if alds == nil {
			alds = map[string][]ast.Attribute{}
			pc.Set(aldKey, alds)
		}
		alds[string(m[1])] = attrs
		attrs = nil
	}
	src := reader.Source()
	return &AttributeList{
		attrs:       attrs,
		blankBefore: blankLineBefore(src, seg.Start),
		blankAfter:  blankLineAfter(src, seg.Start),
	}, parser.NoChildren
}

func (ialBlockParser) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	return parser.Close
}

func (ialBlockParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {}

// CanInterruptParagraph is true: kramdown's LAZY_END includes IAL lines.
func (ialBlockParser) CanInterruptParagraph() bool { return true }

func (ialBlockParser) CanAcceptIndentedLine() bool { return false }

// blankLineBefore reports whether the raw line above the one holding
// offset i is blank (container markers aside) or missing.
func blankLineBefore(src []byte, i int) bool {
	ls := bytes.LastIndexByte(src[:i], '\n') + 1
	if ls == 0 {
		return true
	}
	prev := src[:ls-1]
	return util.IsBlank(bytes.TrimLeft(prev[bytes.LastIndexByte(prev, '\n')+1:], " \t>"))
}

// blankLineAfter reports whether the raw line below the one holding
// offset i is blank (container markers aside) or missing.
func blankLineAfter(src []byte, i int) bool {
	eol := lineEnd(src, i)
	if eol >= len(src)-1 {
		return true
	}
	return util.IsBlank(bytes.TrimLeft(src[eol+1:lineEnd(src, eol+1)], " \t>"))
}

type ialTransformer struct{}

func (ialTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var lists []*AttributeList
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*AttributeList); ok && entering {
			lists = append(lists, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range lists {
		prev, next := l.PreviousSibling(), l.NextSibling()
		// A run of IAL lines all go to the same block.
		for prev != nil && prev.Kind() == KindAttributeList && !l.blankBefore {
			prev = prev.PreviousSibling()
		}
		switch {
		case prev != nil && !l.blankBefore:
			setAttributes(prev, l.attrs)
		case next != nil && !l.blankAfter:
			for next != nil && next.Kind() == KindAttributeList {
				next = next.NextSibling()
			}
			if next != nil {
				setAttributes(next, l.attrs)
			}
		}
	}
	for _, l := range lists {
		l.Parent().RemoveChild(l.Parent(), l)
	}
}

// ialInlineParser reads `{: … }` right after an inline element.
type ialInlineParser struct{}

var ialSpan = regexp.MustCompile(`^\{:((?:\\\}|[^}])+)\}`)

func (ialInlineParser) Trigger() []byte { return []byte{'{'} }

func (ialInlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	last := parent.LastChild()
	if last == nil || last.Kind() == ast.KindText || last.Kind() == ast.KindString {
		return nil
	}
	if _, ok := last.(*parser.Delimiter); ok {
		return nil
	}
	m := ialSpan.FindSubmatch(line)
	if m == nil || m[1][0] == ':' || m[1][0] == '/' {
		return nil
	}
	setAttributes(last, parseAttributeList(m[1], pc))
	block.Advance(len(m[0]))
	// The attributes now live on the element; an empty text stands in for
	// the list because a parser that consumed input must return a node.
	end := seg.Start + len(m[0])
	return ast.NewTextSegment(text.NewSegment(end, end))
}
