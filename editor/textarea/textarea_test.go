package textarea

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// newArea returns a focused TextArea holding text in a 400×300 window,
// with a clock that moves only when the test says.
func newArea(t *testing.T, text string) (*TextArea, fyne.Window, *time.Time) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	ta := New()
	clock := time.Unix(1000, 0)
	ta.now = func() time.Time { return clock }
	w.SetContent(ta)
	w.Resize(fyne.NewSize(400, 300))
	ta.SetText(text)
	w.Canvas().Focus(ta)
	t.Cleanup(w.Close)
	return ta, w, &clock
}

func shift(ta *TextArea, keys ...fyne.KeyName) {
	ta.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for _, k := range keys {
		ta.TypedKey(&fyne.KeyEvent{Name: k})
	}
	ta.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func key(ta *TextArea, keys ...fyne.KeyName) {
	for _, k := range keys {
		ta.TypedKey(&fyne.KeyEvent{Name: k})
	}
}

// rowPoint is a point in the middle of visible row i, x from the text's
// left edge.
func rowPoint(ta *TextArea, i int, x float32) fyne.Position {
	pad := ta.Theme().Size("innerPadding")
	return fyne.NewPos(pad+x, pad+(float32(i)+0.5)*ta.rowHeight())
}

func TestTypingKorean(t *testing.T) {
	ta, _, _ := newArea(t, "")
	changes := 0
	copied := []rune(ta.Text())
	ta.OnChanged = func(e Edit) {
		changes++
		copied = append(copied[:e.From:e.From], append([]rune(e.Text), copied[e.To:]...)...)
	}
	test.Type(ta, "안녕 세상")
	key(ta, fyne.KeyReturn)
	test.Type(ta, "둘째")
	if got := ta.Text(); got != "안녕 세상\n둘째" {
		t.Fatalf("text %q", got)
	}
	if ta.CursorOffset() != 8 || changes != 8 {
		t.Fatalf("cursor %d, changes %d", ta.CursorOffset(), changes)
	}
	key(ta, fyne.KeyBackspace, fyne.KeyLeft, fyne.KeyDelete)
	if got := ta.Text(); got != "안녕 세상\n" {
		t.Fatalf("after deleting: %q", got)
	}
	ta.Undo()
	ta.Undo()
	ta.Redo()
	if got := string(copied); got != ta.Text() {
		t.Fatalf("the edits OnChanged reported give %q, the text is %q", got, ta.Text())
	}
}

func TestTab(t *testing.T) {
	ta, _, _ := newArea(t, "")
	key(ta, fyne.KeyTab)
	ta.TabSpaces = 2
	key(ta, fyne.KeyTab)
	if got := ta.Text(); got != "\t  " {
		t.Fatalf("text %q", got)
	}
}

func TestKeyboardSelection(t *testing.T) {
	ta, _, _ := newArea(t, "abc def\nghi")
	key(ta, fyne.KeyRight)
	shift(ta, fyne.KeyRight, fyne.KeyRight, fyne.KeyDown)
	if s, e := ta.Selection(); s != 1 || e != 11 {
		t.Fatalf("selection %d..%d", s, e)
	}
	if got := ta.SelectedText(); got != "bc def\nghi" {
		t.Fatalf("selected %q", got)
	}
	key(ta, fyne.KeyLeft) // collapses to the start
	if s, e := ta.Selection(); s != 1 || e != 1 {
		t.Fatalf("after Left %d..%d", s, e)
	}
	ta.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl | fyne.KeyModifierShift})
	if s, e := ta.Selection(); s != 1 || e != 11 {
		t.Fatalf("ctrl+shift+End %d..%d", s, e)
	}
	ta.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(ta, "x")
	if ta.Text() != "x" {
		t.Fatalf("typing over select all: %q", ta.Text())
	}
}

func TestClipboard(t *testing.T) {
	ta, _, _ := newArea(t, "한글 텍스트")
	cb := fyne.CurrentApp().Clipboard()
	ta.Select(0, 2)
	ta.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "한글" {
		t.Fatalf("copied %q", cb.Content())
	}
	ta.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	key(ta, fyne.KeyEnd)
	cb.SetContent("\r\n끝")
	ta.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if got := ta.Text(); got != " 텍스트\n끝" {
		t.Fatalf("text %q", got)
	}
	ta.TypedShortcut(&fyne.ShortcutUndo{})
	ta.TypedShortcut(&fyne.ShortcutUndo{})
	if got := ta.Text(); got != "한글 텍스트" {
		t.Fatalf("after undoing paste and cut %q", got)
	}
	ta.TypedShortcut(&fyne.ShortcutRedo{})
	if got := ta.Text(); got != " 텍스트" {
		t.Fatalf("after redo %q", got)
	}
}

func TestUndoGroupingInWidget(t *testing.T) {
	ta, _, clock := newArea(t, "")
	test.Type(ta, "one two")
	*clock = clock.Add(2 * time.Second)
	test.Type(ta, "three")
	key(ta, fyne.KeyBackspace, fyne.KeyBackspace)
	want := []string{"one twothree", "one two", "one", ""}
	for i, w := range want {
		ta.Undo()
		if got := ta.Text(); got != w {
			t.Fatalf("undo %d: %q, want %q", i+1, got, w)
		}
	}
	ta.Redo()
	if ta.Text() != "one" || ta.CursorOffset() != 3 {
		t.Fatalf("redo: %q at %d", ta.Text(), ta.CursorOffset())
	}
}

func TestReplaceIsOneUndoStep(t *testing.T) {
	ta, _, _ := newArea(t, "hello world")
	ta.Replace(6, 11, "세상")
	if ta.Text() != "hello 세상" || ta.CursorOffset() != 8 {
		t.Fatalf("%q at %d", ta.Text(), ta.CursorOffset())
	}
	ta.Undo()
	if ta.Text() != "hello world" {
		t.Fatalf("undo: %q", ta.Text())
	}
}

func TestMouseSelection(t *testing.T) {
	ta, _, _ := newArea(t, "hello world\nsecond line")
	cw := ta.wrapper.RuneWidth('x')
	test.TapAt(ta, rowPoint(ta, 0, 6*cw+1))
	if ta.CursorOffset() != 6 {
		t.Fatalf("tap: cursor %d", ta.CursorOffset())
	}
	from := rowPoint(ta, 0, 2*cw+1)
	to := rowPoint(ta, 1, 3*cw+1)
	ta.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
	ta.DragEnd()
	if s, e := ta.Selection(); s != 2 || e != 15 {
		t.Fatalf("drag: %d..%d", s, e)
	}
	ta.DoubleTapped(&fyne.PointEvent{Position: rowPoint(ta, 1, 8*cw)})
	if ta.SelectedText() != "line" {
		t.Fatalf("double tap selected %q", ta.SelectedText())
	}
	test.TapAt(ta, rowPoint(ta, 5, 0)) // below the text
	if ta.CursorOffset() != ta.Buffer().Len() {
		t.Fatalf("tap below: cursor %d", ta.CursorOffset())
	}
}

// A double click on the right half of a word's last letter is nearest
// the column after the word; the word, not the space, is what is meant.
func TestDoubleClickRightHalfOfLastSyllable(t *testing.T) {
	ta, _, _ := newArea(t, "한국어 문장입니다")
	w := ta.wrapper.RuneWidth('한')
	cases := []struct {
		name string
		x    float32
		want string
	}{
		{"first syllable", 0.2 * w, "한국어"},
		{"right half of the last syllable", 2.8 * w, "한국어"},
		{"the space", ta.wrapper.X([]rune("한국어")) + 1, " "},
		{"second word", 3.5*w + 2, "문장입니다"},
	}
	for _, c := range cases {
		ta.DoubleTapped(&fyne.PointEvent{Position: rowPoint(ta, 0, c.x)})
		if got := ta.SelectedText(); got != c.want {
			t.Errorf("%s: selected %q, want %q", c.name, got, c.want)
		}
	}
}

func TestTripleClickSelectsLine(t *testing.T) {
	ta, _, clock := newArea(t, "first line\nsecond line\nlast")
	press := func(row int) {
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: rowPoint(ta, row, 10)}, Button: desktop.MouseButtonPrimary}
		ta.MouseDown(ev)
		ta.MouseUp(ev)
	}
	press(1)
	press(1)
	ta.DoubleTapped(&fyne.PointEvent{Position: rowPoint(ta, 1, 10)})
	press(1)
	ta.Tapped(&fyne.PointEvent{Position: rowPoint(ta, 1, 10)}) // the tap Fyne sends late
	if got := ta.SelectedText(); got != "second line\n" {
		t.Fatalf("triple click selected %q", got)
	}
	*clock = clock.Add(time.Second)
	press(2)
	press(2)
	press(2)
	if got := ta.SelectedText(); got != "last" {
		t.Fatalf("triple click on the last line selected %q", got)
	}
	*clock = clock.Add(time.Second)
	press(0)
	*clock = clock.Add(time.Second)
	press(0)
	*clock = clock.Add(time.Second)
	press(0)
	if ta.hasSelection() {
		t.Fatalf("slow clicks selected %q", ta.SelectedText())
	}
}

func TestDragPastBottomKeepsScrolling(t *testing.T) {
	ta, _, _ := newArea(t, manyLines(200))
	tick := func() {}
	ta.schedule = func(_ time.Duration, f func()) *time.Timer {
		tick = f
		return time.AfterFunc(time.Hour, func() {})
	}
	from := rowPoint(ta, 2, 0)
	below := fyne.NewPos(from.X, ta.Size().Height+1)
	ta.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(0, below.Y-from.Y)})
	if top := ta.TopLine(); top != 1 {
		t.Fatalf("dragged just past the bottom: top line %d, want 1", top)
	}
	for range 3 {
		tick()
	}
	if top := ta.TopLine(); top != 4 {
		t.Fatalf("held there for three ticks: top line %d, want 4", top)
	}
	if last := 4 + ta.fullRows() - 1; ta.CursorPos().Line != last {
		t.Fatalf("selection ends on line %d, want the last on screen, %d", ta.CursorPos().Line, last)
	}
	if s, _ := ta.Selection(); s != ta.Buffer().Offset(Pos{2, 0}) {
		t.Fatalf("selection starts at %d, not where the drag did", s)
	}
	ta.DragEnd()
	tick() // a tick already on its way when the drag ended
	if top := ta.TopLine(); top != 4 {
		t.Fatalf("scrolled on after the drag ended: top line %d", top)
	}
}

func TestOnScrolledWhenViewFollowsCursor(t *testing.T) {
	ta, _, _ := newArea(t, manyLines(200))
	calls := 0
	ta.OnScrolled = func() { calls++ }
	key(ta, fyne.KeyDown)
	if calls != 0 {
		t.Fatalf("OnScrolled called %d times for a move on screen", calls)
	}
	for range ta.fullRows() - 1 {
		key(ta, fyne.KeyDown)
	}
	if calls != 1 || ta.TopLine() != 1 {
		t.Fatalf("cursor moved past the bottom: OnScrolled called %d times, top line %d", calls, ta.TopLine())
	}
	key(ta, fyne.KeyPageDown)
	if calls != 2 {
		t.Fatalf("PageDown: OnScrolled called %d times in all, want 2", calls)
	}
}

// wrappedArea returns a TextArea holding one line that wraps into three
// rows, two of a word and a space, perRow runes each, and a short one.
func wrappedArea(t *testing.T) (ta *TextArea, r *renderer, perRow int) {
	t.Helper()
	ta, _, _ = newArea(t, "")
	cw := ta.wrapper.RuneWidth('x')
	perRow = int(ta.textWidth() / cw)
	word := strings.Repeat("x", perRow-1)
	ta.SetText(word + " " + word + " end")
	if got := ta.rows(0); fmt.Sprint(got) != fmt.Sprint([]int{0, perRow, 2 * perRow}) {
		t.Fatalf("rows %v, %d runes per row", got, perRow)
	}
	return ta, test.WidgetRenderer(ta).(*renderer), perRow
}

// cursorAt reports where the cursor is drawn: its visible row, and its x
// from the text's left edge in runes of width cw.
func cursorAt(ta *TextArea, r *renderer) (row int, x float32) {
	pad := ta.Theme().Size("innerPadding")
	at := r.cursor.Position()
	return int((at.Y - pad) / ta.rowHeight()), (at.X - pad) / ta.wrapper.RuneWidth('x')
}

func TestHomeEndOnWrappedRows(t *testing.T) {
	ta, r, perRow := wrappedArea(t)
	key(ta, fyne.KeyDown)
	if p := ta.CursorPos(); p != (Pos{0, perRow}) {
		t.Fatalf("Down by visual row: %v", p)
	}
	key(ta, fyne.KeyEnd)
	if p := ta.CursorPos(); p != (Pos{0, 2 * perRow}) {
		t.Fatalf("End of a wrapped row: %v, want column %d", p, 2*perRow)
	}
	if row, x := cursorAt(ta, r); row != 1 || x != float32(perRow) {
		t.Fatalf("End of a wrapped row drawn on row %d at x %v runes, want row 1 at %d", row, x, perRow)
	}
	key(ta, fyne.KeyHome)
	if p := ta.CursorPos(); p != (Pos{0, perRow}) {
		t.Fatalf("Home from the end of the row: %v", p)
	}
	if row, x := cursorAt(ta, r); row != 1 || x != 0 {
		t.Fatalf("Home drawn on row %d at x %v", row, x)
	}
	key(ta, fyne.KeyDown, fyne.KeyEnd)
	if p := ta.CursorPos(); p != (Pos{0, 2*perRow + 3}) {
		t.Fatalf("End of the last row: %v", p)
	}
	ta.SetWrap(false)
	if got := ta.rows(0); len(got) != 1 {
		t.Fatalf("wrap off: rows %v", got)
	}
}

func TestShiftHomeEndOnWrappedRows(t *testing.T) {
	ta, _, perRow := wrappedArea(t)
	row := strings.Repeat("x", perRow-1) + " "
	key(ta, fyne.KeyDown)
	shift(ta, fyne.KeyEnd)
	if got := ta.SelectedText(); got != row {
		t.Fatalf("Shift+End selected %q, want the row %q", got, row)
	}
	key(ta, fyne.KeyEnd)
	shift(ta, fyne.KeyHome)
	if got := ta.SelectedText(); got != row {
		t.Fatalf("Shift+Home from the row end selected %q, want the row", got)
	}
	if s, e := ta.Selection(); s != perRow || e != 2*perRow || ta.CursorPos().Col != perRow {
		t.Fatalf("selection %d..%d, cursor %v", s, e, ta.CursorPos())
	}
}

func TestUpDownKeepXAcrossWrappedRows(t *testing.T) {
	ta, r, perRow := wrappedArea(t)
	key(ta, fyne.KeyDown, fyne.KeyEnd, fyne.KeyDown)
	if p := ta.CursorPos(); p != (Pos{0, 2*perRow + 3}) {
		t.Fatalf("Down from a row end to a short row: %v", p)
	}
	key(ta, fyne.KeyUp)
	if p := ta.CursorPos(); p != (Pos{0, 2 * perRow}) {
		t.Fatalf("Up back to the row end: %v", p)
	}
	if row, _ := cursorAt(ta, r); row != 1 {
		t.Fatalf("Up back to the row end drawn on row %d, want 1", row)
	}
	key(ta, fyne.KeyUp)
	if p := ta.CursorPos(); p != (Pos{0, perRow}) {
		t.Fatalf("Up to the first row's end: %v", p)
	}
	if row, x := cursorAt(ta, r); row != 0 || x != float32(perRow) {
		t.Fatalf("first row's end drawn on row %d at %v", row, x)
	}
	key(ta, fyne.KeyLeft)
	if p := ta.CursorPos(); p != (Pos{0, perRow - 1}) {
		t.Fatalf("Left from a row end: %v", p)
	}
}

func TestClickPastWrappedRowEnd(t *testing.T) {
	ta, r, perRow := wrappedArea(t)
	test.TapAt(ta, rowPoint(ta, 0, ta.textWidth()-1))
	if p := ta.CursorPos(); p != (Pos{0, perRow}) {
		t.Fatalf("click past the first row's end: %v", p)
	}
	if row, _ := cursorAt(ta, r); row != 0 {
		t.Fatalf("click past the first row's end drawn on row %d", row)
	}
	test.TapAt(ta, rowPoint(ta, 1, 0))
	if row, x := cursorAt(ta, r); row != 1 || x != 0 || ta.CursorPos() != (Pos{0, perRow}) {
		t.Fatalf("click at the second row's start: %v drawn on row %d at %v", ta.CursorPos(), row, x)
	}
	test.Type(ta, "y")
	if row, x := cursorAt(ta, r); row != 1 || x != 1 {
		t.Fatalf("typing at a row start: drawn on row %d at %v", row, x)
	}
}

func TestPlaceHolder(t *testing.T) {
	ta, _, _ := newArea(t, "")
	ta.PlaceHolder = "Write your post in Markdown…"
	ta.Refresh()
	ph := test.WidgetRenderer(ta).(*renderer).placeholder
	if !ph.Visible() || ph.Text != ta.PlaceHolder {
		t.Fatalf("empty text: placeholder %q shown %v", ph.Text, ph.Visible())
	}
	if want := ta.Theme().Color(theme.ColorNamePlaceHolder, fyne.CurrentApp().Settings().ThemeVariant()); ph.Color != want {
		t.Fatalf("placeholder colour %v, want %v", ph.Color, want)
	}
	test.Type(ta, "a")
	if ph.Visible() {
		t.Fatal("placeholder shown over typed text")
	}
	key(ta, fyne.KeyBackspace)
	if !ph.Visible() {
		t.Fatal("placeholder not back after deleting the text")
	}
	ta.SetText("x")
	if ph.Visible() {
		t.Fatal("placeholder shown after SetText")
	}
	ta.SetText("\n") // a new post's body
	if !ph.Visible() {
		t.Fatal("placeholder hidden on a body of one newline")
	}
	ta.SetText("\n\n")
	if ph.Visible() {
		t.Fatal("placeholder shown over two lines")
	}
}

func manyLines(n int) string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("줄 %d 입니다", i)
	}
	return strings.Join(lines, "\n")
}

func TestOnlyVisibleRowsAreDrawn(t *testing.T) {
	ta, _, _ := newArea(t, manyLines(2000))
	r := test.WidgetRenderer(ta)
	visible := ta.visibleRows()
	if n := len(r.Objects()); n > visible+8 {
		t.Fatalf("%d objects for %d visible rows", n, visible)
	}
	ta.ScrollToLine(1000)
	if ta.TopLine() != 1000 {
		t.Fatalf("TopLine %d", ta.TopLine())
	}
	first := r.(*renderer).rows[0].Text
	if first != "줄 1000 입니다" {
		t.Fatalf("first row drawn %q", first)
	}
	if n := len(r.Objects()); n > visible+8 {
		t.Fatalf("after scrolling: %d objects", n)
	}
}

func TestPageKeysAndScrolling(t *testing.T) {
	ta, _, _ := newArea(t, manyLines(200))
	page := ta.fullRows() - 1
	key(ta, fyne.KeyPageDown)
	if ta.TopLine() != page || ta.CursorPos().Line != page {
		t.Fatalf("PageDown: top %d cursor %v, page %d", ta.TopLine(), ta.CursorPos(), page)
	}
	key(ta, fyne.KeyPageUp)
	if ta.TopLine() != 0 || ta.CursorPos().Line != 0 {
		t.Fatalf("PageUp: top %d cursor %v", ta.TopLine(), ta.CursorPos())
	}
	ta.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl})
	if ta.CursorPos().Line != 199 || ta.TopLine() != 200-ta.fullRows() {
		t.Fatalf("Ctrl+End: top %d cursor %v", ta.TopLine(), ta.CursorPos())
	}
	ta.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierControl})
	if ta.CursorOffset() != 0 || ta.TopLine() != 0 {
		t.Fatalf("Ctrl+Home: top %d cursor %d", ta.TopLine(), ta.CursorOffset())
	}
	ta.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3*ta.rowHeight())})
	if ta.TopLine() != 3 {
		t.Fatalf("wheel: top %d", ta.TopLine())
	}
	ta.Select(1500, 1500)
	if top, l := ta.TopLine(), ta.CursorPos().Line; l < top || l >= top+ta.fullRows() {
		t.Fatalf("Select did not scroll: top %d cursor line %d", top, l)
	}
}

// Fyne delivers Tapped after MouseDown, late enough for keys to come in
// between; the cursor must stay after what was typed.
func TestLateTapKeepsTypedText(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("tap")
	ta := New()
	ta.SetText("abc")
	w.SetContent(ta)
	w.Resize(fyne.NewSize(400, 200))
	at := fyne.NewPos(2, 2) // before "a"
	ta.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
	ta.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
	ta.TypedRune('미')
	ta.TypedRune('리')
	ta.Tapped(&fyne.PointEvent{Position: at})
	ta.TypedRune('!')
	if got := ta.Text(); got != "미리!abc" {
		t.Errorf("text %q, want %q", got, "미리!abc")
	}
}

// bigText is the test theme with text twice its size.
type bigText struct{ fyne.Theme }

func (b bigText) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return 2 * b.Theme.Size(n)
	}
	return b.Theme.Size(n)
}

func TestTextSizeChangeMeasuresAgain(t *testing.T) {
	ta, _, _ := newArea(t, strings.Repeat("x", 100))
	rh, xw, rows := ta.rowHeight(), ta.wrapper.RuneWidth('x'), len(ta.rows(0))
	test.ApplyTheme(t, bigText{test.NewTheme()})
	if got := ta.rowHeight(); got <= rh*3/2 {
		t.Errorf("row height %v at twice the text size, was %v", got, rh)
	}
	if got := ta.wrapper.RuneWidth('x'); got <= xw*3/2 {
		t.Errorf("x %v wide at twice the text size, was %v", got, xw)
	}
	if got := len(ta.rows(0)); got <= rows {
		t.Errorf("%d rows at twice the text size, were %d", got, rows)
	}
}
