package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kramdownTable reads tables the way kramdown does, which is looser than
// GFM: every line of a paragraph that has an unescaped pipe outside code
// spans is a row, the `|---|` separator is optional (without it there is
// no header), and a lone line `a | b` between blank lines is a one-row
// table. Like kramdown it needs a block boundary before and after.
type kramdownTable struct{}

// Table is the goldmark extension for kramdown tables. It builds
// goldmark's extension/ast nodes: a Table whose optional first child is
// a TableHeader, then TableRows; cells are TableCells with Alignment.
var Table goldmark.Extender = kramdownTable{}

// Extend registers the paragraph transformer and the renderer.
func (kramdownTable) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tableRenderer{}, 500)))
}

type tableTransformer struct{}

func (tableTransformer) Transform(para *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	if lines.Len() == 0 {
		return
	}
	src := reader.Source()
	first, last := lines.At(0), lines.At(lines.Len()-1)
	if !afterBlockBoundary(src, first.Start) || !beforeBlockBoundary(src, lineEnd(src, max(first.Start, last.Stop-1))) {
		return
	}
	var cells [][]text.Segment
	var sep []int // indexes of separator lines
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(src)
		if !hasTablePipe(line) {
			return
		}
		if isTableSeparator(line) {
			sep = append(sep, i)
			cells = append(cells, nil)
			continue
		}
		cells = append(cells, splitTableRow(seg, src))
	}
	table := extast.NewTable()
	table.SetPos(first.Start)
	columns := 0
	for _, row := range cells {
		columns = max(columns, len(row))
	}
	header := -1
	for _, i := range sep {
		if i > 0 && cells[i-1] != nil {
			header = i
			sepLine := lines.At(i)
			table.Alignments = tableAlignments(sepLine.Value(src), columns)
			break
		}
	}
	for len(table.Alignments) < columns {
		table.Alignments = append(table.Alignments, extast.AlignNone)
	}
	body := 0
	for i, row := range cells {
		if row == nil {
			continue
		}
		r := extast.NewTableRow(table.Alignments)
		for c := 0; c < columns; c++ {
			cell := extast.NewTableCell()
			cell.Alignment = table.Alignments[c]
			if c < len(row) {
				cell.Lines().Append(row[c])
			}
			r.AppendChild(r, cell)
		}
		if i < header && table.FirstChild() == nil {
			// goldmark's TableHeader holds one row; further header lines,
			// which kramdown also puts in <thead>, become body rows.
			table.AppendChild(table, extast.NewTableHeader(r))
			continue
		}
		table.AppendChild(table, r)
		if i > header {
			body++
		}
	}
	if body == 0 {
		return // kramdown drops a table without body rows
	}
	para.Parent().ReplaceChild(para.Parent(), para, table)
}

// hasTablePipe reports whether line has a pipe kramdown would split on:
// not escaped and not inside a code span.
func hasTablePipe(line []byte) bool {
	found := false
	walkTableLine(line, func(i int) { found = true })
	return found
}

// walkTableLine calls cut with the index of every cell-separating pipe.
func walkTableLine(line []byte, cut func(int)) {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			if end := closingBackticks(line[i+n:], n); end >= 0 {
				i += n + end + n - 1
			} else {
				i += n - 1
			}
		case '|':
			cut(i)
		}
	}
}

// closingBackticks returns the offset in s of a run of exactly n
// backticks, or -1.
func closingBackticks(s []byte, n int) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '`' {
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		if j-i == n {
			return i
		}
		i = j - 1
	}
	return -1
}

// isTableSeparator matches kramdown's TABLE_SEP_LINE: only `+|: -` and
// at least one `-`.
func isTableSeparator(line []byte) bool {
	line = bytes.TrimRight(line, " \t\r\n")
	return bytes.IndexByte(line, '-') >= 0 && len(bytes.Trim(line, "+|: \t-")) == 0
}

// splitTableRow cuts a row into trimmed cell segments; a leading pipe
// does not start an empty cell and a trailing empty cell is dropped.
func splitTableRow(seg text.Segment, src []byte) []text.Segment {
	line := seg.Value(src)
	var cells []text.Segment
	start := 0
	walkTableLine(line, func(i int) {
		cells = append(cells, text.NewSegment(seg.Start+start, seg.Start+i))
		start = i + 1
	})
	cells = append(cells, text.NewSegment(seg.Start+start, seg.Stop))
	for i := range cells {
		c := cells[i].TrimLeftSpace(src)
		cells[i] = c.TrimRightSpace(src)
	}
	if len(bytes.TrimSpace(line)) > 0 && bytes.TrimSpace(line)[0] == '|' && cells[0].IsEmpty() {
		cells = cells[1:]
	}
	if n := len(cells); n > 0 && cells[n-1].IsEmpty() {
		cells = cells[:n-1]
	}
	return cells
}

// tableAlignments reads `:--`, `--:` and `:-:` from a separator line.
func tableAlignments(line []byte, columns int) []extast.Alignment {
	var out []extast.Alignment
	for _, f := range bytes.FieldsFunc(bytes.TrimSpace(line), func(r rune) bool { return r == '|' || r == '+' }) {
		f = bytes.TrimSpace(f)
		if len(f) == 0 {
			continue
		}
		left, right := f[0] == ':', f[len(f)-1] == ':'
		switch {
		case left && right:
			out = append(out, extast.AlignCenter)
		case left:
			out = append(out, extast.AlignLeft)
		case right:
			out = append(out, extast.AlignRight)
		default:
			out = append(out, extast.AlignNone)
		}
	}
	if len(out) > columns {
		out = out[:columns]
	}
	return out
}

// tableRenderer writes kramdown's table HTML: <thead> only when there is
// a header, alignment as a style attribute.
type tableRenderer struct{}

func (tableRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTable, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<table>\n")
		} else {
			if n.LastChild() != nil && n.LastChild().Kind() == extast.KindTableRow {
				_, _ = w.WriteString("</tbody>\n")
			}
			_, _ = w.WriteString("</table>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(extast.KindTableHeader, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<thead>\n<tr>\n")
		} else {
			_, _ = w.WriteString("</tr>\n</thead>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(extast.KindTableRow, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			if p := n.PreviousSibling(); p == nil || p.Kind() != extast.KindTableRow {
				_, _ = w.WriteString("<tbody>\n")
			}
			_, _ = w.WriteString("<tr>\n")
		} else {
			_, _ = w.WriteString("</tr>\n")
		}
		return ast.WalkContinue, nil
	})
	reg.Register(extast.KindTableCell, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		tag := "td"
		if n.Parent().Kind() == extast.KindTableHeader {
			tag = "th"
		}
		if !entering {
			_, _ = w.WriteString("</" + tag + ">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<" + tag)
		switch n.(*extast.TableCell).Alignment {
		case extast.AlignLeft:
			_, _ = w.WriteString(` style="text-align: left"`)
		case extast.AlignRight:
			_, _ = w.WriteString(` style="text-align: right"`)
		case extast.AlignCenter:
			_, _ = w.WriteString(` style="text-align: center"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	})
}
