package textarea

import (
	"strings"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
)

// TextArea is a multi-line text editor for long documents. It draws only
// the rows on screen and keeps its own scroll position, so it must not be
// put in a container.Scroll. Methods must be called on the UI goroutine.
type TextArea struct {
	widget.BaseWidget

	// OnChanged is called after every change of the text by the user or
	// by Replace, Undo and Redo, with the change itself, once for each
	// edit in the order they were made (an Undo of a group of edits makes
	// several); it is not called by SetText. A listener that keeps a copy
	// of the text keeps it equal by applying each Edit, without reading
	// the text back.
	OnChanged func(Edit)
	// OnScrolled is called when the first visible line has changed, by
	// scrolling or by the view following the cursor; not by SetText.
	OnScrolled func()
	// TabSpaces is how many spaces Tab inserts; zero inserts a tab.
	TabSpaces int
	// PlaceHolder is shown, in the theme's placeholder colour, while the
	// text is empty or nothing but the one newline a new post's body
	// starts with; call Refresh after changing it.
	PlaceHolder string

	buf     *Buffer
	wrapper *Wrapper
	mono    bool
	// rowH is the height of a row in the current font, 0 until measured;
	// measuredSize is the text size the renderer last laid out with.
	// Both spare a theme lookup for each of the many rows a frame asks
	// about.
	rowH, measuredSize float32

	cursor, anchor Pos // the selection runs from anchor to cursor
	// rowEnd puts a cursor that is at the start of a continuation row at
	// the end of the row before instead: the same column, drawn where End
	// or a click past the end of that row left it.
	rowEnd  bool
	wantX   float32 // x that Up and Down keep to; <0 when unset
	top     Pos     // first visible row: Line and row index in it as Col
	toldTop int     // the first visible line OnScrolled last heard of
	scrollX float32 // horizontal scroll with wrapping off
	wheel   float32 // wheel movement not yet a whole row

	focused  bool
	dragFrom *Pos // where the current drag selection started
	// dragAt is where the pointer of that drag is; dragTimer scrolls on
	// while it is past the top or bottom.
	dragAt    fyne.Position
	dragTimer *time.Timer
	// clicks counts presses in a row, each within the double-tap delay
	// of the one before, which came at lastClick.
	clicks    int
	lastClick time.Time
	// mousePlaced is set by MouseDown, which placed the cursor, so that the
	// Tapped that follows it does not place it again.
	mousePlaced bool

	now func() time.Time // the clock for undo grouping; tests replace it
	// schedule runs f on the UI goroutine after d; tests replace it.
	schedule func(d time.Duration, f func()) *time.Timer

	input ime.Tracker
	rend  *renderer // the current renderer, once made
}

// New returns an empty TextArea with soft wrap and monospace text.
func New() *TextArea {
	t := &TextArea{buf: NewBuffer(""), mono: true, wantX: -1, now: time.Now}
	t.schedule = func(d time.Duration, f func()) *time.Timer {
		return time.AfterFunc(d, func() { fyne.Do(f) })
	}
	t.wrapper = NewWrapper(t.measure, 0)
	t.initInput()
	t.ExtendBaseWidget(t)
	return t
}

func (t *TextArea) style() fyne.TextStyle { return fyne.TextStyle{Monospace: t.mono} }

func (t *TextArea) textSize() float32 { return theme.TextSize() }

func (t *TextArea) measure(s string) float32 {
	return fyne.MeasureText(s, t.textSize(), t.style()).Width
}

// rowHeight is the height of one visual row.
func (t *TextArea) rowHeight() float32 {
	if t.rowH == 0 {
		t.rowH = fyne.MeasureText("M", t.textSize(), t.style()).Height
	}
	return t.rowH
}

// remeasure forgets what was measured in another font or text size: the
// rune widths, with them the wrapped rows, and the row height.
func (t *TextArea) remeasure() {
	t.wrapper.SetMeasure(t.measure)
	t.rowH = 0
}

// fit takes the text size and width the renderer lays out with: rows
// wrap to that width from now on, and a new text size is measured again.
func (t *TextArea) fit(textSize float32) {
	if textSize != t.measuredSize {
		t.measuredSize = textSize
		t.remeasure()
	}
	t.wrapper.SetWidth(t.textWidth())
}

// barWidth is the width kept free on the right for the scroll indicator.
func (t *TextArea) barWidth() float32 { return theme.ScrollBarSmallSize() * 2 }

// textWidth is the width rows are wrapped to.
func (t *TextArea) textWidth() float32 {
	return t.Size().Width - 2*theme.InnerPadding() - t.barWidth()
}

// visibleRows is how many rows fit, counting one cut off at the bottom.
func (t *TextArea) visibleRows() int {
	h := t.Size().Height - 2*theme.InnerPadding()
	return max(1, int(h/t.rowHeight())+1)
}

// fullRows is how many rows fit entirely.
func (t *TextArea) fullRows() int {
	h := t.Size().Height - 2*theme.InnerPadding()
	return max(1, int(h/t.rowHeight()))
}

// SetText replaces the text, forgets the undo history and moves to the
// start.
func (t *TextArea) SetText(text string) {
	t.buf.SetText(text)
	t.cursor, t.anchor, t.top, t.scrollX, t.wantX = Pos{}, Pos{}, Pos{}, 0, -1
	t.rowEnd, t.toldTop = false, 0
	t.input.Reset()
	t.Refresh()
}

// Text returns the whole text; it costs the length of the text.
func (t *TextArea) Text() string { return t.buf.Text() }

// Buffer gives read access to the text without copying it; edits must go
// through the TextArea.
func (t *TextArea) Buffer() *Buffer { return t.buf }

// SetWrap turns soft wrapping at the widget's width on or off; setting
// it as it is keeps the view where it is.
func (t *TextArea) SetWrap(on bool) {
	if on == t.wrapper.Wrapping() {
		return
	}
	t.wrapper.SetWrap(on)
	t.top.Col, t.scrollX = 0, 0
	t.Refresh()
}

// SetMonospace switches between the theme's monospace and regular font;
// setting the font in use keeps the view and the measured widths.
func (t *TextArea) SetMonospace(on bool) {
	if on == t.mono {
		return
	}
	t.mono = on
	t.remeasure()
	t.top.Col = 0
	t.Refresh()
}

// Selection returns the selected text's start and end rune offsets;
// they are equal, at the cursor, when nothing is selected.
func (t *TextArea) Selection() (start, end int) {
	a, b := t.ordered()
	return t.buf.Offset(a), t.buf.Offset(b)
}

// SelectedText returns the selected text.
func (t *TextArea) SelectedText() string {
	a, b := t.ordered()
	return t.buf.Slice(a, b)
}

// Select selects the runes between offsets start and end, puts the
// cursor at end and scrolls to show it.
func (t *TextArea) Select(start, end int) {
	t.anchor, t.cursor = t.buf.PosOf(start), t.buf.PosOf(end)
	t.rowEnd = false
	t.afterMove()
}

// CursorOffset returns the cursor's rune offset.
func (t *TextArea) CursorOffset() int { return t.buf.Offset(t.cursor) }

// CursorPos returns the cursor's line and column.
func (t *TextArea) CursorPos() Pos { return t.cursor }

// Replace replaces the runes between offsets start and end with text as
// one undo step, and puts the cursor after it.
func (t *TextArea) Replace(start, end int, text string) {
	t.edit(t.buf.PosOf(start), t.buf.PosOf(end), text, EditOther)
}

// Undo reverts the last group of edits.
func (t *TextArea) Undo() {
	if p, ok := t.buf.Undo(); ok {
		t.cursor, t.anchor = p, p
		t.changed()
	}
}

// Redo applies the last undone group of edits again.
func (t *TextArea) Redo() {
	if p, ok := t.buf.Redo(); ok {
		t.cursor, t.anchor = p, p
		t.changed()
	}
}

// TopLine returns the index of the first line on screen.
func (t *TextArea) TopLine() int { return t.top.Line }

// ScrollToLine scrolls so that line i is the first on screen, as far as
// the end of the text allows.
func (t *TextArea) ScrollToLine(i int) {
	t.top = Pos{min(max(i, 0), t.buf.LineCount()-1), 0}
	t.clampTop()
	t.scrolled()
}

// edit replaces from..to with text, moves the cursor after it and
// reports the change.
func (t *TextArea) edit(from, to Pos, text string, kind EditKind) {
	p := t.buf.Edit(from, to, text, kind, t.now())
	t.cursor, t.anchor = p, p
	t.changed()
}

func (t *TextArea) changed() {
	t.wantX, t.rowEnd = -1, false
	t.showCursor()
	t.Refresh()
	for _, e := range t.buf.TakeEdits() {
		if t.OnChanged != nil {
			t.OnChanged(e)
		}
	}
	t.tellTop()
}

// afterMove finishes a cursor movement that changed no text.
func (t *TextArea) afterMove() {
	t.buf.Seal()
	t.showCursor()
	t.Refresh()
	t.tellTop()
}

func (t *TextArea) scrolled() {
	t.Refresh()
	t.tellTop()
}

// tellTop calls OnScrolled if the first visible line is not the one it
// was last called for, whether the view was scrolled or followed the
// cursor.
func (t *TextArea) tellTop() {
	if t.top.Line == t.toldTop {
		return
	}
	t.toldTop = t.top.Line
	if t.OnScrolled != nil {
		t.OnScrolled()
	}
}

func (t *TextArea) ordered() (Pos, Pos) {
	if t.cursor.Less(t.anchor) {
		return t.cursor, t.anchor
	}
	return t.anchor, t.cursor
}

func (t *TextArea) hasSelection() bool { return t.cursor != t.anchor }

// --- rows ---

// rows returns the row starts of line i at the width of the last
// layout.
func (t *TextArea) rows(i int) []int { return t.wrapper.Rows(t.buf, i) }

// rowSpan returns the columns where row r of line i starts and ends.
func (t *TextArea) rowSpan(i, r int) (start, end int) {
	rows := t.rows(i)
	if r+1 < len(rows) {
		return rows[r], rows[r+1]
	}
	return rows[r], t.buf.LineLen(i)
}

// rowOf returns the row of line p.Line holding column p.Col.
func (t *TextArea) rowOf(p Pos) int {
	rows := t.rows(p.Line)
	r := len(rows) - 1
	for r > 0 && rows[r] > p.Col {
		r--
	}
	return r
}

// cursorRow returns the row the cursor is on, which rowEnd may make the
// row before the one its column starts.
func (t *TextArea) cursorRow() int {
	r := t.rowOf(t.cursor)
	if t.rowEnd && r > 0 && t.rows(t.cursor.Line)[r] == t.cursor.Col {
		r--
	}
	return r
}

// nextRow returns the visual row after row (line, r): r in Col.
func (t *TextArea) nextRow(v Pos) (Pos, bool) {
	if v.Col+1 < len(t.rows(v.Line)) {
		return Pos{v.Line, v.Col + 1}, true
	}
	if v.Line+1 < t.buf.LineCount() {
		return Pos{v.Line + 1, 0}, true
	}
	return v, false
}

// prevRow returns the visual row before v.
func (t *TextArea) prevRow(v Pos) (Pos, bool) {
	if v.Col > 0 {
		return Pos{v.Line, v.Col - 1}, true
	}
	if v.Line > 0 {
		return Pos{v.Line - 1, len(t.rows(v.Line-1)) - 1}, true
	}
	return v, false
}

// stepRows moves v by n visual rows, fewer at either end of the text.
func (t *TextArea) stepRows(v Pos, n int) Pos {
	for ; n > 0; n-- {
		var ok bool
		if v, ok = t.nextRow(v); !ok {
			break
		}
	}
	for ; n < 0; n++ {
		var ok bool
		if v, ok = t.prevRow(v); !ok {
			break
		}
	}
	return v
}

// lastTop is the furthest the top row may go: the last row at the
// bottom of the view.
func (t *TextArea) lastTop() Pos {
	last := t.buf.LineCount() - 1
	return t.stepRows(Pos{last, len(t.rows(last)) - 1}, -(t.fullRows() - 1))
}

// clampTop keeps the top row within the text, and returns lastTop for
// callers that need it too.
func (t *TextArea) clampTop() (last Pos) {
	if t.top.Line >= t.buf.LineCount() {
		t.top = Pos{t.buf.LineCount() - 1, 0}
	}
	t.top.Col = min(t.top.Col, len(t.rows(t.top.Line))-1)
	last = t.lastTop()
	if last.Less(t.top) {
		t.top = last
	}
	return last
}

// showCursor scrolls the least that puts the cursor's row on screen.
func (t *TextArea) showCursor() {
	t.cursor = t.buf.Clamp(t.cursor)
	t.anchor = t.buf.Clamp(t.anchor)
	t.clampTop()
	cur := Pos{t.cursor.Line, t.cursorRow()}
	if cur.Less(t.top) {
		t.top = cur
	} else if bottom := t.stepRows(t.top, t.fullRows()-1); bottom.Less(cur) {
		t.top = t.stepRows(cur, -(t.fullRows() - 1))
	}
	if !t.wrapper.Wrapping() {
		x := t.wrapper.X(t.buf.LineRunes(t.cursor.Line)[:t.cursor.Col])
		w := t.textWidth()
		if x < t.scrollX {
			t.scrollX = max(0, x-w/4)
		} else if x > t.scrollX+w-2 {
			t.scrollX = x - w*3/4
		}
	}
}

// cursorX returns the x of the cursor within its visual row.
func (t *TextArea) cursorX() float32 {
	s, _ := t.rowSpan(t.cursor.Line, t.cursorRow())
	return t.wrapper.X(t.buf.LineRunes(t.cursor.Line)[s:t.cursor.Col])
}

// colAt returns the position in visual row v nearest to x, and whether
// it is the end of a row that wraps into another: that column is also
// where the next row starts, so the cursor needs rowEnd to stay on v.
func (t *TextArea) colAt(v Pos, x float32) (Pos, bool) {
	s, e := t.rowSpan(v.Line, v.Col)
	c := s + t.wrapper.Col(t.buf.LineRunes(v.Line)[s:e], x)
	return Pos{v.Line, c}, c == e && v.Col+1 < len(t.rows(v.Line))
}

// rowAt returns the visual row under a point in widget coordinates and
// the point's x in it; ok is false below the last row.
func (t *TextArea) rowAt(at fyne.Position) (v Pos, x float32, ok bool) {
	pad := theme.InnerPadding()
	n := int((at.Y - pad) / t.rowHeight())
	if at.Y < pad {
		n = -1
	}
	v = t.top
	for i := 0; i < n; i++ {
		if v, ok = t.nextRow(v); !ok {
			return v, 0, false
		}
	}
	if n < 0 {
		v, _ = t.prevRow(v)
	}
	return v, at.X - pad + t.scrollX, true
}

// posAt returns the text position under a point in widget coordinates,
// and whether it is at the end of a wrapped row (see colAt).
func (t *TextArea) posAt(at fyne.Position) (Pos, bool) {
	v, x, ok := t.rowAt(at)
	if !ok {
		return t.buf.End(), false
	}
	return t.colAt(v, x)
}

// runeAt returns the position of the rune under a point. posAt gives
// the column nearest instead, which past the middle of a word's last
// letter is the space after the word.
func (t *TextArea) runeAt(at fyne.Position) Pos {
	v, x, ok := t.rowAt(at)
	if !ok {
		return t.buf.End()
	}
	s, e := t.rowSpan(v.Line, v.Col)
	return Pos{v.Line, s + t.wrapper.RuneAt(t.buf.LineRunes(v.Line)[s:e], x)}
}

// --- movement ---

// moveTo puts the cursor at p, extending the selection when extend.
func (t *TextArea) moveTo(p Pos, extend bool) { t.place(p, false, extend) }

// place is moveTo that can put the cursor at the end of a wrapped row
// (see rowEnd).
func (t *TextArea) place(p Pos, rowEnd, extend bool) {
	t.cursor = t.buf.Clamp(p)
	t.rowEnd = rowEnd
	if !extend {
		t.anchor = t.cursor
	}
	t.afterMove()
}

// vertical moves the cursor n visual rows, keeping its x.
func (t *TextArea) vertical(n int, extend bool) {
	if t.wantX < 0 {
		t.wantX = t.cursorX()
	}
	x := t.wantX
	from := Pos{t.cursor.Line, t.cursorRow()}
	to := t.stepRows(from, n)
	p, rowEnd := t.colAt(to, x)
	switch {
	case to == from && n < 0:
		p, rowEnd = Pos{}, false
	case to == from && n > 0:
		p, rowEnd = t.buf.End(), false
	}
	t.place(p, rowEnd, extend)
	t.wantX = x
}

func (t *TextArea) left(extend bool) {
	if t.hasSelection() && !extend {
		a, _ := t.ordered()
		t.moveTo(a, false)
		return
	}
	p := t.cursor
	if p.Col > 0 {
		p.Col--
	} else if p.Line > 0 {
		p = Pos{p.Line - 1, t.buf.LineLen(p.Line - 1)}
	}
	t.moveTo(p, extend)
}

func (t *TextArea) right(extend bool) {
	if t.hasSelection() && !extend {
		_, b := t.ordered()
		t.moveTo(b, false)
		return
	}
	p := t.cursor
	if p.Col < t.buf.LineLen(p.Line) {
		p.Col++
	} else if p.Line+1 < t.buf.LineCount() {
		p = Pos{p.Line + 1, 0}
	}
	t.moveTo(p, extend)
}

// home and end move within the visual row.
func (t *TextArea) home(extend bool) {
	s, _ := t.rowSpan(t.cursor.Line, t.cursorRow())
	t.moveTo(Pos{t.cursor.Line, s}, extend)
}

func (t *TextArea) end(extend bool) {
	r := t.cursorRow()
	_, e := t.rowSpan(t.cursor.Line, r)
	t.place(Pos{t.cursor.Line, e}, r+1 < len(t.rows(t.cursor.Line)), extend)
}

// page moves the view and the cursor by a screen of rows.
func (t *TextArea) page(dir int, extend bool) {
	n := dir * max(1, t.fullRows()-1)
	t.top = t.stepRows(t.top, n)
	t.clampTop()
	t.vertical(n, extend)
	t.scrolled()
}

// selectLine selects line i with its newline, so that typing replaces
// the whole line.
func (t *TextArea) selectLine(i int) {
	t.anchor, t.cursor, t.rowEnd = Pos{i, 0}, Pos{i, t.buf.LineLen(i)}, false
	if i+1 < t.buf.LineCount() {
		t.cursor = Pos{i + 1, 0}
	}
	t.afterMove()
}

// wordAt returns the word around p: letters and digits, or a run of
// anything else but spaces.
func (t *TextArea) wordAt(p Pos) (Pos, Pos) {
	rs := t.buf.LineRunes(p.Line)
	if len(rs) == 0 {
		return p, p
	}
	c := min(p.Col, len(rs)-1)
	class := func(r rune) int {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			return 0
		case unicode.IsSpace(r):
			return 1
		}
		return 2
	}
	k := class(rs[c])
	s, e := c, c+1
	for s > 0 && class(rs[s-1]) == k {
		s--
	}
	for e < len(rs) && class(rs[e]) == k {
		e++
	}
	return Pos{p.Line, s}, Pos{p.Line, e}
}

// wordLeft and wordRight move to the previous or next word start/end.
func (t *TextArea) wordLeft(extend bool) {
	p := t.cursor
	rs := t.buf.LineRunes(p.Line)
	if p.Col == 0 {
		t.left(extend)
		return
	}
	c := p.Col
	for c > 0 && unicode.IsSpace(rs[c-1]) {
		c--
	}
	if c > 0 {
		s, _ := t.wordAt(Pos{p.Line, c - 1})
		c = s.Col
	}
	t.moveTo(Pos{p.Line, c}, extend)
}

func (t *TextArea) wordRight(extend bool) {
	p := t.cursor
	rs := t.buf.LineRunes(p.Line)
	if p.Col == len(rs) {
		t.right(extend)
		return
	}
	c := p.Col
	for c < len(rs) && unicode.IsSpace(rs[c]) {
		c++
	}
	if c < len(rs) {
		_, e := t.wordAt(Pos{p.Line, c})
		c = e.Col
	}
	t.moveTo(Pos{p.Line, c}, extend)
}

// --- editing ---

// insert replaces the selection with text.
func (t *TextArea) insert(text string, kind EditKind) {
	a, b := t.ordered()
	t.edit(a, b, text, kind)
}

func (t *TextArea) backspace() {
	a, b := t.ordered()
	if a == b {
		if a == (Pos{}) {
			return
		}
		a = t.before(a)
	}
	t.edit(a, b, "", EditDeleting)
}

func (t *TextArea) deleteForward() {
	a, b := t.ordered()
	if a == b {
		if b == t.buf.End() {
			return
		}
		b = t.after(b)
	}
	t.edit(a, b, "", EditDeleting)
}

func (t *TextArea) before(p Pos) Pos {
	if p.Col > 0 {
		return Pos{p.Line, p.Col - 1}
	}
	return Pos{p.Line - 1, t.buf.LineLen(p.Line - 1)}
}

func (t *TextArea) after(p Pos) Pos {
	if p.Col < t.buf.LineLen(p.Line) {
		return Pos{p.Line, p.Col + 1}
	}
	return Pos{p.Line + 1, 0}
}

// --- fyne.Focusable ---

// FocusGained shows the cursor.
func (t *TextArea) FocusGained() {
	t.focused = true
	t.input.FocusGained()
	t.Refresh()
}

// FocusLost hides the cursor.
func (t *TextArea) FocusLost() {
	t.focused = false
	t.input.FocusLost()
	t.Refresh()
}

// TypedRune inserts r in place of the selection; an input method's
// committed text arrives here too.
func (t *TextArea) TypedRune(r rune) {
	t.input.Rune(r, func(r rune) { t.insert(string(r), EditTyping) })
}

// TypedKey handles editing and movement keys; Shift held (seen through
// KeyDown) extends the selection.
func (t *TextArea) TypedKey(ev *fyne.KeyEvent) {
	if t.input.Key(ev.Name) {
		return
	}
	t.key(ev.Name, t.input.Shift(), false)
}

// key handles one key with the given modifiers, and reports whether it
// knew the key.
func (t *TextArea) key(name fyne.KeyName, shift, ctrl bool) bool {
	keepX := false
	switch name {
	case fyne.KeyLeft:
		if ctrl {
			t.wordLeft(shift)
		} else {
			t.left(shift)
		}
	case fyne.KeyRight:
		if ctrl {
			t.wordRight(shift)
		} else {
			t.right(shift)
		}
	case fyne.KeyUp:
		t.vertical(-1, shift)
		keepX = true
	case fyne.KeyDown:
		t.vertical(1, shift)
		keepX = true
	case fyne.KeyPageUp:
		t.page(-1, shift)
		keepX = true
	case fyne.KeyPageDown:
		t.page(1, shift)
		keepX = true
	case fyne.KeyHome:
		if ctrl {
			t.moveTo(Pos{}, shift)
		} else {
			t.home(shift)
		}
	case fyne.KeyEnd:
		if ctrl {
			t.moveTo(t.buf.End(), shift)
		} else {
			t.end(shift)
		}
	case fyne.KeyBackspace:
		if !ctrl {
			t.backspace()
		}
	case fyne.KeyDelete:
		t.deleteForward()
	case fyne.KeyReturn, fyne.KeyEnter:
		t.insert("\n", EditOther)
	case fyne.KeyTab:
		if t.TabSpaces > 0 {
			t.insert(strings.Repeat(" ", t.TabSpaces), EditOther)
		} else {
			t.insert("\t", EditOther)
		}
	default:
		return false
	}
	if !keepX {
		t.wantX = -1
	}
	return true
}

// AcceptsTab keeps Tab in the editor instead of moving focus.
func (t *TextArea) AcceptsTab() bool { return true }

// --- desktop.Keyable ---

// KeyDown lets the input tracker follow Shift (selection with movement
// keys) and the modifiers.
func (t *TextArea) KeyDown(ev *fyne.KeyEvent) { t.input.KeyDown(ev.Name) }

// KeyUp lets the input tracker follow Shift and the modifiers.
func (t *TextArea) KeyUp(ev *fyne.KeyEvent) { t.input.KeyUp(ev.Name) }

// --- fyne.Shortcutable ---

// TypedShortcut handles clipboard, select all, undo and redo, and
// movement with Ctrl and Shift.
func (t *TextArea) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if t.hasSelection() && s.Clipboard != nil {
			s.Clipboard.SetContent(t.SelectedText())
		}
	case *fyne.ShortcutCut:
		if t.hasSelection() && s.Clipboard != nil {
			s.Clipboard.SetContent(t.SelectedText())
			t.insert("", EditOther)
		}
	case *fyne.ShortcutPaste:
		if s.Clipboard != nil {
			if text := s.Clipboard.Content(); text != "" {
				t.insert(strings.ReplaceAll(text, "\r\n", "\n"), EditOther)
			}
		}
	case *fyne.ShortcutSelectAll:
		t.anchor, t.cursor, t.rowEnd = Pos{}, t.buf.End(), false
		t.afterMove()
	case *fyne.ShortcutUndo:
		t.Undo()
	case *fyne.ShortcutRedo:
		t.Redo()
	case *desktop.CustomShortcut:
		ctrl := s.Modifier&(fyne.KeyModifierShortcutDefault|fyne.KeyModifierControl) != 0
		shift := s.Modifier&fyne.KeyModifierShift != 0
		if ctrl && shift && s.KeyName == fyne.KeyZ {
			t.Redo()
			return
		}
		t.key(s.KeyName, shift, ctrl)
	}
}

// --- mouse ---

func (t *TextArea) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// Tapped places the cursor under the pointer, where no MouseDown did.
// Fyne holds a tap back until it knows it is not a double tap, so on a
// desktop it comes after MouseDown, possibly after keys typed meanwhile:
// placing the cursor again would move it back before them.
func (t *TextArea) Tapped(ev *fyne.PointEvent) {
	t.focus()
	if t.mousePlaced {
		t.mousePlaced = false
		return
	}
	t.wantX = -1
	p, rowEnd := t.posAt(ev.Position)
	t.place(p, rowEnd, t.input.Shift())
}

// DoubleTapped selects the word under the pointer.
func (t *TextArea) DoubleTapped(ev *fyne.PointEvent) {
	a, b := t.wordAt(t.runeAt(ev.Position))
	t.anchor, t.cursor, t.rowEnd = a, b, false
	t.afterMove()
}

// MouseDown places the cursor, or extends the selection with Shift; a
// third click in a row selects the line.
func (t *TextArea) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	t.focus()
	t.wantX = -1
	now := t.now()
	if now.Sub(t.lastClick) <= fyne.CurrentApp().Driver().DoubleTapDelay() {
		t.clicks++
	} else {
		t.clicks = 1
	}
	t.lastClick = now
	if t.clicks == 3 {
		t.clicks = 0
		t.selectLine(t.runeAt(ev.Position).Line)
		t.mousePlaced = true
		return
	}
	p, rowEnd := t.posAt(ev.Position)
	t.place(p, rowEnd, ev.Modifier&fyne.KeyModifierShift != 0)
	t.mousePlaced = true
}

// MouseUp ends nothing: a drag ends in DragEnd.
func (t *TextArea) MouseUp(*desktop.MouseEvent) {}

// dragScrollEvery is how often a drag selection held past the top or
// bottom edge scrolls on while the pointer stays still.
const dragScrollEvery = 50 * time.Millisecond

// Dragged selects from where the drag started to the pointer, scrolling
// when the pointer is past the top or bottom.
func (t *TextArea) Dragged(ev *fyne.DragEvent) {
	if t.dragFrom == nil {
		start := ev.Position.Subtract(ev.Dragged)
		p, _ := t.posAt(start)
		t.dragFrom = &p
	}
	t.dragAt = ev.Position
	t.dragSelect()
}

// dragSelect selects from where the drag started to the pointer. Past
// the top or bottom edge it scrolls a row, more the further past, and
// selects to the first or last row on screen; a timer does it again for
// as long as the pointer stays there, since no events come while it
// does not move.
func (t *TextArea) dragSelect() {
	at, h, rh := t.dragAt, t.Size().Height, t.rowHeight()
	n := 0
	switch {
	case at.Y < 0:
		n = -1 - int(-at.Y/rh)
	case at.Y > h:
		n = 1 + int((at.Y-h)/rh)
	}
	if n != 0 {
		t.top = t.stepRows(t.top, n)
		t.clampTop()
		pad := theme.InnerPadding()
		at.Y = min(max(at.Y, pad), pad+float32(t.fullRows())*rh-1)
	}
	t.anchor = *t.dragFrom
	t.cursor, t.rowEnd = t.posAt(at)
	t.wantX = -1
	t.afterMove()
	if n != 0 && t.dragTimer == nil {
		t.dragTimer = t.schedule(dragScrollEvery, func() {
			t.dragTimer = nil
			if t.dragFrom != nil {
				t.dragSelect()
			}
		})
	}
}

// DragEnd ends the drag selection.
func (t *TextArea) DragEnd() {
	t.dragFrom = nil
	if t.dragTimer != nil {
		t.dragTimer.Stop()
		t.dragTimer = nil
	}
}

// Scrolled scrolls by whole rows, and sideways with wrapping off, no
// further right than the lines on screen reach.
func (t *TextArea) Scrolled(ev *fyne.ScrollEvent) {
	if !t.wrapper.Wrapping() && ev.Scrolled.DX != 0 {
		t.scrollX = max(0, min(t.scrollX-ev.Scrolled.DX, max(t.maxScrollX(), t.scrollX)))
	}
	t.wheel -= ev.Scrolled.DY
	rh := t.rowHeight()
	if n := int(t.wheel / rh); n != 0 {
		t.wheel -= float32(n) * rh
		t.top = t.stepRows(t.top, n)
		t.clampTop()
	}
	t.scrolled()
}

// Cursor shows the text cursor over the widget.
func (t *TextArea) Cursor() desktop.Cursor { return desktop.TextCursor }

// MinSize is small: the TextArea scrolls itself.
func (t *TextArea) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	return t.BaseWidget.MinSize()
}

// CreateRenderer returns the renderer that draws the visible rows.
func (t *TextArea) CreateRenderer() fyne.WidgetRenderer {
	t.rend = newRenderer(t)
	return t.rend
}

var (
	_ fyne.Focusable      = (*TextArea)(nil)
	_ fyne.Tappable       = (*TextArea)(nil)
	_ fyne.DoubleTappable = (*TextArea)(nil)
	_ fyne.Draggable      = (*TextArea)(nil)
	_ fyne.Scrollable     = (*TextArea)(nil)
	_ fyne.Shortcutable   = (*TextArea)(nil)
	_ fyne.Tabbable       = (*TextArea)(nil)
	_ desktop.Mouseable   = (*TextArea)(nil)
	_ desktop.Keyable     = (*TextArea)(nil)
	_ desktop.Cursorable  = (*TextArea)(nil)
)
