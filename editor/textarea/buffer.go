// Package textarea is a multi-line text editor widget for long documents.
// It keeps the text as a slice of lines, wraps each line on demand and
// caches the result, and lays out and draws only the rows on screen, so
// the cost of a keystroke does not grow with the length of the document.
package textarea

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a Buffer: a line index and a rune column in it.
type Pos struct {
	Line, Col int
}

// Less reports whether p comes before q.
func (p Pos) Less(q Pos) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

// line is one line of text without its newline. rows is the Wrapper's
// cache of visual row starts, valid while rowsGen equals the Wrapper's
// generation; an edit of the line drops it.
type line struct {
	r       []rune
	rows    []int
	rowsGen uint64
}

// EditKind says how an edit groups with the one before it for undo.
type EditKind int

const (
	// EditOther never merges: a paste, a newline, a replacement.
	EditOther EditKind = iota
	// EditTyping merges with typing right before it, within one word.
	EditTyping
	// EditDeleting merges with a deletion next to it (repeated
	// Backspace or Delete).
	EditDeleting
)

// UndoPause is how long a pause between two edits must be for the second
// to start a new undo group.
const UndoPause = time.Second

// Edit is one change of the text, as a value: the runes From..To of the
// text before it were replaced by Text. Offsets count runes, newlines
// included. Applying a Buffer's edits in the order it made them to a copy
// of its text before them gives its text after them.
type Edit struct {
	From, To int
	Text     string
}

// op is one change: at start, deleted was replaced by inserted.
type op struct {
	start    Pos
	deleted  string
	inserted string
}

// group is what one Undo reverts: ops applied in order.
type group struct {
	ops  []op
	kind EditKind
	at   time.Time
}

// Buffer is editable text held as lines. An edit costs the length of the
// lines it touches plus the number of lines it adds or removes; offset
// conversions are amortised over a cache of line starts that an edit
// invalidates only from its own line onwards.
type Buffer struct {
	lines []line
	size  int // runes, counting newlines

	// starts[i] is the rune offset of line i, valid for i <= valid.
	starts []int
	valid  int

	undo, redo []group
	// sealed stops the next edit merging into the last undo group.
	sealed bool

	// edits are the changes made since the last TakeEdits.
	edits []Edit
}

// NewBuffer returns a Buffer holding text.
func NewBuffer(text string) *Buffer {
	b := &Buffer{}
	b.SetText(text)
	return b
}

// SetText replaces the whole text and forgets the undo history.
func (b *Buffer) SetText(text string) {
	n := strings.Count(text, "\n") + 1
	b.lines = make([]line, 0, n)
	// One rune slice for the whole text, cut into lines with capped
	// capacity so that growing one line never writes into the next.
	all := []rune(text)
	start := 0
	for i, r := range all {
		if r == '\n' {
			b.lines = append(b.lines, line{r: all[start:i:i]})
			start = i + 1
		}
	}
	b.lines = append(b.lines, line{r: all[start:len(all):len(all)]})
	b.size = len(all)
	b.edits = nil
	b.starts = make([]int, len(b.lines))
	b.valid = 0
	b.undo, b.redo = nil, nil
}

// Text returns the whole text. The window calls it on every keystroke,
// so it sizes the text first and then fills one string of exactly that
// many bytes, a line at a time through one reused buffer.
func (b *Buffer) Text() string {
	size, longest := len(b.lines)-1, 0 // the newlines, the longest line
	for i := range b.lines {
		n := utf8Len(b.lines[i].r)
		size += n
		longest = max(longest, n)
	}
	var sb strings.Builder
	sb.Grow(size)
	enc := make([]byte, 0, longest+1)
	for i := range b.lines {
		enc = enc[:0]
		if i > 0 {
			enc = append(enc, '\n')
		}
		for _, r := range b.lines[i].r {
			enc = utf8.AppendRune(enc, r)
		}
		sb.Write(enc)
	}
	return sb.String()
}

// utf8Len returns the length of rs in UTF-8. The runes come from
// converting strings, so none is a surrogate or out of range (which
// would encode as the 3-byte replacement character).
func utf8Len(rs []rune) int {
	n := 0
	for _, r := range rs {
		switch {
		case r < 0x80:
			n++
		case r < 0x800:
			n += 2
		case r < 0x10000:
			n += 3
		default:
			n += 4
		}
	}
	return n
}

// Len returns the length of the text in runes, newlines included.
func (b *Buffer) Len() int { return b.size }

// LineCount returns the number of lines; an empty text has one line.
func (b *Buffer) LineCount() int { return len(b.lines) }

// Line returns line i without its newline.
func (b *Buffer) Line(i int) string { return string(b.lines[i].r) }

// LineRunes returns line i; the caller must not modify it.
func (b *Buffer) LineRunes(i int) []rune { return b.lines[i].r }

// LineLen returns the length of line i in runes.
func (b *Buffer) LineLen(i int) int { return len(b.lines[i].r) }

// End returns the position after the last rune.
func (b *Buffer) End() Pos {
	last := len(b.lines) - 1
	return Pos{last, len(b.lines[last].r)}
}

// Clamp returns p moved inside the text.
func (b *Buffer) Clamp(p Pos) Pos {
	if p.Line < 0 {
		return Pos{}
	}
	if p.Line >= len(b.lines) {
		return b.End()
	}
	p.Col = min(max(p.Col, 0), len(b.lines[p.Line].r))
	return p
}

// lineStart returns the rune offset of line i, extending the cache of
// line starts as far as i.
func (b *Buffer) lineStart(i int) int {
	for b.valid < i {
		b.starts[b.valid+1] = b.starts[b.valid] + len(b.lines[b.valid].r) + 1
		b.valid++
	}
	return b.starts[i]
}

// Offset returns the rune offset of p.
func (b *Buffer) Offset(p Pos) int {
	p = b.Clamp(p)
	return b.lineStart(p.Line) + p.Col
}

// PosOf returns the position of rune offset off, clamped to the text.
func (b *Buffer) PosOf(off int) Pos {
	if off <= 0 {
		return Pos{}
	}
	if off >= b.size {
		return b.End()
	}
	// Extend the cache until it covers off, then search what is cached.
	for b.valid < len(b.lines)-1 && b.starts[b.valid]+len(b.lines[b.valid].r) < off {
		b.lineStart(b.valid + 1)
	}
	lo, hi := 0, b.valid // the line holding off is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if b.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return Pos{lo, off - b.starts[lo]}
}

// Slice returns the text between from and to.
func (b *Buffer) Slice(from, to Pos) string {
	from, to = b.Clamp(from), b.Clamp(to)
	if to.Less(from) {
		from, to = to, from
	}
	if from.Line == to.Line {
		return string(b.lines[from.Line].r[from.Col:to.Col])
	}
	var sb strings.Builder
	sb.WriteString(string(b.lines[from.Line].r[from.Col:]))
	for i := from.Line + 1; i < to.Line; i++ {
		sb.WriteByte('\n')
		sb.WriteString(string(b.lines[i].r))
	}
	sb.WriteByte('\n')
	sb.WriteString(string(b.lines[to.Line].r[:to.Col]))
	return sb.String()
}

// Edit replaces the text between from and to with text and returns the
// position after the inserted text. kind and at decide whether the edit
// joins the previous undo group: typing within a word, or deleting next
// to the last deletion, less than UndoPause after it.
func (b *Buffer) Edit(from, to Pos, text string, kind EditKind, at time.Time) Pos {
	from, to = b.Clamp(from), b.Clamp(to)
	if to.Less(from) {
		from, to = to, from
	}
	if from == to && text == "" {
		return from
	}
	o := op{start: from, deleted: b.Slice(from, to), inserted: text}
	end := b.apply(o.start, to, text)
	b.record(o, kind, at)
	return end
}

// record adds o to the undo history, merging it into the last group when
// it continues it.
func (b *Buffer) record(o op, kind EditKind, at time.Time) {
	b.redo = b.redo[:0]
	sealed := b.sealed
	b.sealed = false
	if n := len(b.undo); n > 0 && kind != EditOther && !sealed {
		g := &b.undo[n-1]
		last := &g.ops[len(g.ops)-1]
		if g.kind == kind && !at.Before(g.at) && at.Sub(g.at) < UndoPause && merge(last, o, kind) {
			g.at = at
			return
		}
	}
	b.undo = append(b.undo, group{ops: []op{o}, kind: kind, at: at})
}

// merge folds o into last when o continues it, and reports whether it
// did.
func merge(last *op, o op, kind EditKind) bool {
	switch kind {
	case EditTyping:
		if o.deleted != "" || strings.Contains(o.inserted, "\n") || advance(last.start, last.inserted) != o.start {
			return false
		}
		// A word ends where a space follows something else.
		prev, _ := utf8.DecodeLastRuneInString(last.inserted)
		next, _ := utf8.DecodeRuneInString(o.inserted)
		if last.inserted != "" && unicode.IsSpace(next) && !unicode.IsSpace(prev) {
			return false
		}
		last.inserted += o.inserted
		return true
	case EditDeleting:
		if o.inserted != "" || last.inserted != "" {
			return false
		}
		switch {
		case advance(o.start, o.deleted) == last.start: // Backspace
			last.start = o.start
			last.deleted = o.deleted + last.deleted
			return true
		case o.start == last.start: // Delete
			last.deleted += o.deleted
			return true
		}
	}
	return false
}

// advance returns the position after text inserted at p.
func advance(p Pos, text string) Pos {
	nl := strings.Count(text, "\n")
	if nl == 0 {
		return Pos{p.Line, p.Col + utf8.RuneCountInString(text)}
	}
	return Pos{p.Line + nl, utf8.RuneCountInString(text[strings.LastIndexByte(text, '\n')+1:])}
}

// TakeEdits returns the changes made since it was last called, by Edit,
// Undo and Redo, in the order they were made, and forgets them. SetText
// forgets them too: it is no edit.
func (b *Buffer) TakeEdits() []Edit {
	e := b.edits
	b.edits = nil
	return e
}

// apply replaces from..to with text, without recording it for undo, notes
// it for TakeEdits, and returns the position after the inserted text.
func (b *Buffer) apply(from, to Pos, text string) Pos {
	// Offsets before the change: the starts cache holds up to from's line
	// already after typing there, so this costs the line, not the text.
	b.edits = append(b.edits, Edit{From: b.Offset(from), To: b.Offset(to), Text: text})
	ins := strings.Split(text, "\n")
	head := b.lines[from.Line].r[:from.Col]
	tail := b.lines[to.Line].r[to.Col:]
	removed := to.Col - from.Col
	for i := from.Line; i < to.Line; i++ {
		removed += len(b.lines[i].r) + 1
	}
	b.size += utf8.RuneCountInString(text) - removed

	end := Pos{from.Line + len(ins) - 1, 0}
	if len(ins) == 1 && from.Line == to.Line {
		// The common case, typing: the line gets a new slice of its new
		// length, so runes a caller had from LineRunes never change
		// under it; copying the tail costs the same as moving it.
		r := []rune(ins[0])
		nr := make([]rune, 0, len(head)+len(r)+len(tail))
		nr = append(append(append(nr, head...), r...), tail...)
		b.lines[from.Line] = line{r: nr}
		end.Col = len(head) + len(r)
	} else {
		nl := make([]line, len(ins))
		for i, s := range ins {
			nl[i].r = []rune(s)
		}
		nl[0].r = append(append([]rune(nil), head...), nl[0].r...)
		last := len(nl) - 1
		end.Col = len(nl[last].r)
		nl[last].r = append(nl[last].r, tail...)
		b.lines = append(b.lines[:from.Line], append(nl, b.lines[to.Line+1:]...)...)
		if n := len(b.lines); cap(b.starts) >= n {
			b.starts = b.starts[:n]
		} else {
			b.starts = make([]int, n, n+n/4)
			b.valid = 0
		}
	}
	b.valid = min(b.valid, from.Line)
	return end
}

// Seal makes the next edit start a new undo group, as when the cursor
// moves away between two runs of typing.
func (b *Buffer) Seal() { b.sealed = true }

// CanUndo reports whether there is an edit to undo.
func (b *Buffer) CanUndo() bool { return len(b.undo) > 0 }

// Undo reverts the last group of edits and returns where the cursor
// belongs: after the text it put back. ok is false when there was
// nothing to undo.
func (b *Buffer) Undo() (cursor Pos, ok bool) {
	if len(b.undo) == 0 {
		return Pos{}, false
	}
	g := b.undo[len(b.undo)-1]
	b.undo = b.undo[:len(b.undo)-1]
	for i := len(g.ops) - 1; i >= 0; i-- {
		o := g.ops[i]
		cursor = b.apply(o.start, advance(o.start, o.inserted), o.deleted)
	}
	b.redo = append(b.redo, g)
	b.sealed = true
	return cursor, true
}

// Redo applies the last undone group again and returns where the cursor
// belongs: after the text it inserted.
func (b *Buffer) Redo() (cursor Pos, ok bool) {
	if len(b.redo) == 0 {
		return Pos{}, false
	}
	g := b.redo[len(b.redo)-1]
	b.redo = b.redo[:len(b.redo)-1]
	for _, o := range g.ops {
		cursor = b.apply(o.start, advance(o.start, o.deleted), o.inserted)
	}
	b.undo = append(b.undo, g)
	b.sealed = true
	return cursor, true
}
