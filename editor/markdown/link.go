package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownLink parses links and images with kramdown's rules for the
// part in parentheses. CommonMark ends a destination at the first space,
// so `![](/img/Screenshot from 2023.png)` and
// `[x](https://web.dev/?hl={{ site.lang }})` are not links there;
// kramdown takes everything up to the matching `)` and only treats a
// space followed by a quote as the start of a title. A link may not
// contain another link (an image may), and `[^` never opens one.
type kramdownLink struct{}

// Link is the goldmark extension for kramdown links. It builds
// goldmark's ast.Link and ast.Image nodes, so goldmark renders them.
var Link goldmark.Extender = kramdownLink{}

// Extend registers the parser ahead of goldmark's (priority 200), which
// is then left with nothing to do.
func (kramdownLink) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&linkParser{}, 199)))
}

// linkOpen marks an unclosed `[` or `![` in the inline list; the nodes
// after it become the link's children once its `]` is found.
type linkOpen struct {
	ast.BaseInline
	Segment text.Segment
	IsImage bool
	// plain is set on the brackets around a link once it has formed: they
	// still pair with their `]` but never become links themselves.
	plain bool
	// bottom is the last emphasis delimiter before the bracket: emphasis
	// inside the link text is paired only down to it.
	bottom ast.Node
	prev   *linkOpen
}

var kindLinkOpen = ast.NewNodeKind("KramdownLinkOpen")

func (n *linkOpen) Kind() ast.NodeKind { return kindLinkOpen }

func (n *linkOpen) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

var linkOpenKey = parser.NewContextKey()

type linkParser struct{}

func (*linkParser) Trigger() []byte { return []byte{'!', '[', ']'} }

func (*linkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	top, _ := pc.Get(linkOpenKey).(*linkOpen)
	switch {
	case line[0] == '!':
		if len(line) < 2 || line[1] != '[' || (len(line) > 2 && line[2] == '^') {
			return nil
		}
		block.Advance(2)
		return pushLinkOpen(pc, top, seg.WithStop(seg.Start+2), true)
	case line[0] == '[':
		block.Advance(1)
		if len(line) > 1 && line[1] == '^' {
			return ast.NewTextSegment(seg.WithStop(seg.Start + 1))
		}
		return pushLinkOpen(pc, top, seg.WithStop(seg.Start+1), false)
	}
	// line[0] == ']'
	if top == nil {
		return nil
	}
	pc.Set(linkOpenKey, top.prev)
	block.Advance(1)
	var link *ast.Link
	if !top.plain {
		link = parseLinkTail(top, block, pc)
	}
	if link == nil {
		ast.MergeOrReplaceTextSegment(top.Parent(), top, top.Segment)
		return ast.NewTextSegment(seg.WithStop(seg.Start + 1))
	}
	parser.ProcessDelimiters(top.bottom, pc)
	for c := top.NextSibling(); c != nil; {
		next := c.NextSibling()
		link.AppendChild(link, c)
		c = next
	}
	var n ast.Node = link
	if top.IsImage {
		n = ast.NewImage(link)
	} else {
		// A link may not sit inside another link. kramdown finds this out
		// by failing the outer link and parsing its text again; marking
		// the outer brackets plain gives the same result in one pass.
		for o := top.prev; o != nil; o = o.prev {
			if !o.IsImage {
				o.plain = true
			}
		}
	}
	top.Parent().RemoveChild(top.Parent(), top)
	n.(interface{ SetPos(int) }).SetPos(top.Segment.Start)
	return n
}

func pushLinkOpen(pc parser.Context, top *linkOpen, seg text.Segment, image bool) *linkOpen {
	n := &linkOpen{Segment: seg, IsImage: image, bottom: pc.LastDelimiter(), prev: top}
	pc.Set(linkOpenKey, n)
	return n
}

// parseLinkTail reads what follows `]`: `(destination "title")`,
// `[id]`, or nothing (the text itself is the id). On failure the reader
// is back right after the `]`.
func parseLinkTail(open *linkOpen, block text.Reader, pc parser.Context) *ast.Link {
	l, pos := block.Position()
	line, _ := block.PeekLine()
	label := func() []byte {
		_, cur := block.Position()
		return block.Value(text.NewSegment(open.Segment.Stop, cur.Start-1))
	}
	if len(line) > 0 && line[0] == '(' {
		if link := parseLinkParens(line); link != nil {
			block.Advance(link.consumed)
			return link.Link
		}
		return nil
	}
	id := label()
	if i := bytes.IndexByte(line, ']'); len(line) > 0 && line[0] == '[' && i > 0 {
		if i > 1 {
			id = line[1:i]
		}
		block.Advance(i + 1)
	}
	ref, ok := pc.Reference(util.ToLinkReference(id))
	if !ok {
		block.SetPosition(l, pos)
		return nil
	}
	link := ast.NewLink()
	link.Destination = ref.Destination()
	link.Title = ref.Title()
	return link
}

type parsedLink struct {
	*ast.Link
	consumed int
}

// parseLinkParens reads `( … )` at the start of line the way kramdown's
// parse_link does.
func parseLinkParens(line []byte) *parsedLink {
	if len(line) > 1 && line[1] == '<' {
		if end := bytes.IndexByte(line, '>'); end > 0 && end+1 < len(line) && line[end+1] == ')' {
			link := ast.NewLink()
			link.Destination = line[2:end]
			return &parsedLink{link, end + 2}
		}
	}
	depth := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				link := ast.NewLink()
				link.Destination = bytes.TrimSpace(line[1:i])
				return &parsedLink{link, i + 1}
			}
		case util.IsSpace(c) && i+1 < len(line) && (line[i+1] == '"' || line[i+1] == '\''):
			// kramdown's \s(?=['"]): the title, then `)`.
			q := line[i+1]
			end := bytes.IndexByte(line[i+2:], q)
			if end < 1 {
				return nil
			}
			end += i + 2
			rest := end + 1
			for rest < len(line) && util.IsSpace(line[rest]) {
				rest++
			}
			if rest >= len(line) || line[rest] != ')' {
				return nil
			}
			link := ast.NewLink()
			link.Destination = bytes.TrimSpace(line[1:i])
			link.Title = line[i+2 : end]
			return &parsedLink{link, rest + 1}
		}
	}
	return nil
}

// CloseBlock turns brackets still open at the end of the paragraph back
// into text.
func (*linkParser) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	for n, _ := pc.Get(linkOpenKey).(*linkOpen); n != nil; n = n.prev {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewTextSegment(n.Segment))
	}
	pc.Set(linkOpenKey, nil)
}
