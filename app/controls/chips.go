package controls

import (
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
)

// maxShownSuggestions keeps the suggestion list short enough to read at a
// glance; a blog with hundreds of tags would otherwise cover the form.
const maxShownSuggestions = 8

// Suggestion is a value the user may pick while typing into a ChipList,
// such as a tag already used in the blog.
type Suggestion struct {
	// Text is the value added when the suggestion is picked.
	Text string
	// Count is how many posts use it; more used values are listed first.
	Count int
}

// ChipList edits an ordered list of short strings, such as a post's tags or
// categories. Each item is a chip with an × that removes it; chips wrap onto
// as many lines as they need and are followed by an entry for a new item.
//
// Enter or a comma adds what was typed (trimmed; empty text and items
// already in the list are ignored) and Backspace in the empty entry removes
// the last chip. A chip moves left or right from its context menu
// (secondary tap) or by dragging it onto another chip. While the user types,
// matching suggestions show in a list under the entry; Down and Up choose
// one, Enter or a tap adds it.
type ChipList struct {
	widget.BaseWidget

	// OnChanged is called with a copy of the items after every change the
	// user makes, once per change; SetItems does not call it.
	OnChanged func([]string)

	items       []string
	suggestions []Suggestion
	maxItems    int

	entry   *chipEntry
	flow    *fyne.Container
	hint    *widget.Label
	content *fyne.Container

	// lower, when set, is why items should be lowercase; the list then
	// offers the lowercase form of an item that is not (see SetLowercase).
	lower     string
	lowerNote *widget.Label
	lowerFix  *widget.Button
	lowerBox  *fyne.Container

	menu  *suggestionMenu
	popUp *widget.PopUp
}

// NewChipList returns an empty ChipList whose entry shows placeholder,
// in g, the input-method group of the window's fields (see ime.Group).
func NewChipList(placeholder string, g *ime.Group) *ChipList {
	c := &ChipList{}
	c.entry = newChipEntry(c, g)
	c.entry.SetPlaceHolder(placeholder)
	c.entry.OnChanged = c.suggest
	c.flow = container.New(&flowLayout{lastMin: 120}, c.entry)
	c.hint = widget.NewLabel("")
	c.hint.Importance = widget.WarningImportance
	c.hint.Hide()
	c.lowerNote = widget.NewLabel("")
	c.lowerNote.Wrapping = fyne.TextWrapWord
	c.lowerNote.Importance = widget.WarningImportance
	c.lowerFix = widget.NewButton("", c.lowercase)
	c.lowerBox = container.NewVBox(c.lowerNote, container.NewHBox(c.lowerFix))
	c.lowerBox.Hide()
	c.content = container.NewVBox(c.flow, c.hint, c.lowerBox)
	c.menu = newSuggestionMenu(c)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer returns the renderer of the chips, the entry and the hint.
func (c *ChipList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.content)
}

// SetItems replaces the items without calling OnChanged, for loading a
// post. The items are kept as given, duplicates included, so that showing a
// post does not change it.
func (c *ChipList) SetItems(items []string) {
	c.items = slices.Clone(items)
	c.rebuild()
}

// Items returns a copy of the items in order.
func (c *ChipList) Items() []string {
	return slices.Clone(c.items)
}

// SetSuggestions sets the values offered while typing, replacing earlier
// ones. Items already in the list are never offered.
func (c *ChipList) SetSuggestions(s []Suggestion) {
	c.suggestions = slices.Clone(s)
}

// Suggestions returns a copy of the values offered while typing.
func (c *ChipList) Suggestions() []Suggestion {
	return slices.Clone(c.suggestions)
}

// Entry is the field after the chips that new items are typed into, for
// the window to focus.
func (c *ChipList) Entry() fyne.Focusable { return c.entry }

// Typed returns the text in the entry that is not an item yet.
func (c *ChipList) Typed() string { return c.entry.Text }

// SetMaxItems makes the list show hint when it holds more than n items;
// n <= 0 removes the limit. It never stops the user from adding more: a
// post may hold more categories than Chirpy shows, and that is the
// writer's call, which the hint informs ("Chirpy uses only the first 2.").
func (c *ChipList) SetMaxItems(n int, hint string) {
	c.maxItems = n
	c.hint.SetText(hint)
	c.updateHint()
}

// SetLowercase makes the list offer, under the chips, the lowercase form
// of every item that has capitals, saying why (as "Chirpy expects
// lowercase tags"), with a button that makes the change. It never changes
// an item by itself: what the user typed stays until they take the offer.
// An empty why turns the offer off.
func (c *ChipList) SetLowercase(why string) {
	c.lower = why
	c.updateHint()
}

// notLower returns the items that have capitals.
func (c *ChipList) notLower() []string {
	var out []string
	for _, it := range c.items {
		if it != strings.ToLower(it) {
			out = append(out, it)
		}
	}
	return out
}

// lowercase takes the offer: every item becomes lowercase, and an item
// that then repeats an earlier one goes.
func (c *ChipList) lowercase() {
	var out []string
	for _, it := range c.items {
		if low := strings.ToLower(it); !slices.Contains(out, low) {
			out = append(out, low)
		}
	}
	if slices.Equal(out, c.items) {
		return
	}
	c.items = out
	c.changed()
}

// updateLower shows the lowercase offer while an item has capitals.
func (c *ChipList) updateLower() {
	upper := c.notLower()
	if c.lower == "" || len(upper) == 0 {
		c.lowerBox.Hide()
		return
	}
	quoted := make([]string, len(upper))
	for i, it := range upper {
		quoted[i] = strconv.Quote(strings.ToLower(it))
	}
	c.lowerNote.SetText(c.lower + ": use " + strings.Join(quoted, ", ") + "?")
	if len(upper) == 1 {
		c.lowerFix.SetText("Use " + strings.ToLower(upper[0]))
	} else {
		c.lowerFix.SetText("Lowercase them")
	}
	c.lowerBox.Show()
}

// add appends the trimmed texts that are neither empty nor already there,
// and reports whether any was added.
func (c *ChipList) add(texts ...string) bool {
	added := false
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" || slices.Contains(c.items, t) {
			continue
		}
		c.items = append(c.items, t)
		added = true
	}
	return added
}

// commit adds the entry's text as an item and empties the entry.
func (c *ChipList) commit() {
	text := c.entry.Text
	c.entry.SetText("")
	if c.add(text) {
		c.changed()
	}
}

// splitTyped adds every comma-separated part of the entry's text but the
// last, which stays in the entry as the item still being typed. Doing it
// after the entry took the text handles a typed comma and a pasted
// "a, b, c" alike.
func (c *ChipList) splitTyped() {
	text := c.entry.Text
	var parts []string
	start := 0
	for i, r := range text {
		if isComma(r) {
			parts = append(parts, text[start:i])
			start = i + utf8.RuneLen(r)
		}
	}
	if parts == nil {
		return
	}
	added := c.add(parts...)
	c.entry.SetText(strings.TrimLeft(text[start:], " "))
	c.entry.CursorColumn = utf8.RuneCountInString(c.entry.Text)
	c.entry.Refresh()
	if added {
		c.changed()
	}
}

// isComma reports whether r ends an item: the ASCII comma and the
// full-width one a Korean or CJK input method may produce.
func isComma(r rune) bool { return r == ',' || r == '，' }

// pick adds a suggestion chosen from the list and returns the user to the
// entry.
func (c *ChipList) pick(text string) {
	c.hideSuggestions()
	c.entry.SetText("")
	if c.add(text) {
		c.changed()
	}
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.entry); cv != nil {
		cv.Focus(c.entry)
	}
}

// removeAt removes item i.
func (c *ChipList) removeAt(i int) {
	if i < 0 || i >= len(c.items) {
		return
	}
	c.items = slices.Delete(c.items, i, i+1)
	c.changed()
}

// move puts item i at index to, shifting those between.
func (c *ChipList) move(i, to int) {
	if i < 0 || i >= len(c.items) || to < 0 || to >= len(c.items) || i == to {
		return
	}
	item := c.items[i]
	c.items = slices.Insert(slices.Delete(c.items, i, i+1), to, item)
	c.changed()
}

// changed shows the items and tells the owner.
func (c *ChipList) changed() {
	c.rebuild()
	if c.OnChanged != nil {
		c.OnChanged(c.Items())
	}
}

// rebuild makes one chip per item, followed by the entry.
func (c *ChipList) rebuild() {
	objects := make([]fyne.CanvasObject, 0, len(c.items)+1)
	for i, it := range c.items {
		objects = append(objects, newChip(c, i, it))
	}
	c.flow.Objects = append(objects, c.entry)
	c.flow.Refresh()
	c.updateHint()
}

// updateHint shows the hint while there are more items than the maximum,
// and the lowercase offer.
func (c *ChipList) updateHint() {
	c.updateLower()
	if c.maxItems <= 0 || len(c.items) <= c.maxItems {
		c.hint.Hide()
		return
	}
	c.hint.Show()
}

// matches returns the suggestions containing text, ignoring case, that are
// not items yet: most used first, then those starting with text, then in
// text order so the list does not shuffle between keystrokes.
func (c *ChipList) matches(text string) []Suggestion {
	q := strings.ToLower(strings.TrimSpace(text))
	if q == "" {
		return nil
	}
	var out []Suggestion
	for _, s := range c.suggestions {
		if strings.Contains(strings.ToLower(s.Text), q) && !slices.Contains(c.items, s.Text) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		ap, bp := strings.HasPrefix(strings.ToLower(a.Text), q), strings.HasPrefix(strings.ToLower(b.Text), q)
		if ap != bp {
			return ap
		}
		return a.Text < b.Text
	})
	if len(out) > maxShownSuggestions {
		out = out[:maxShownSuggestions]
	}
	return out
}

// suggest shows the suggestions for what is typed, or hides the list when
// none match.
func (c *ChipList) suggest(text string) {
	found := c.matches(text)
	cv := fyne.CurrentApp().Driver().CanvasForObject(c.entry)
	if len(found) == 0 || cv == nil {
		c.hideSuggestions()
		return
	}
	c.menu.setItems(found)
	if c.popUp == nil || c.popUp.Canvas != cv {
		c.popUp = widget.NewPopUp(c.menu, cv)
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.entry)
	size := c.menu.MinSize()
	size.Width = fyne.Max(size.Width, c.entry.Size().Width)
	c.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, c.entry.Size().Height)))
	c.popUp.Resize(size)
	// The pop-up is an overlay with its own focus, so keys would no longer
	// reach the entry; the menu takes the focus and passes typing on.
	cv.Focus(c.menu)
}

// hideSuggestions closes the suggestion list if it is open.
func (c *ChipList) hideSuggestions() {
	if c.popUp != nil && c.popUp.Visible() {
		c.popUp.Hide()
	}
	c.menu.setItems(nil)
}

// chipEntry is the entry after the chips; it turns Enter and commas into
// new items and Backspace on empty text into removing the last one.
type chipEntry struct {
	ime.Entry
	list *ChipList
}

func newChipEntry(list *ChipList, g *ime.Group) *chipEntry {
	e := &chipEntry{list: list}
	e.Init(e, g)
	e.OnTypedKey = e.typedKey
	return e
}

// typedKey adds the text on Enter and removes the last chip on Backspace
// in an empty entry; other keys edit the text. It sees a key after the
// syllable an input method was composing, so Enter adds that too.
func (e *chipEntry) typedKey(ev *fyne.KeyEvent) bool {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.list.hideSuggestions()
		e.list.commit()
		return true
	case fyne.KeyBackspace:
		if e.Text == "" {
			e.list.removeAt(len(e.list.items) - 1)
			return true
		}
	case fyne.KeyEscape:
		e.list.hideSuggestions()
	}
	return false
}

// TypedRune types r, then turns any comma into an item boundary.
func (e *chipEntry) TypedRune(r rune) {
	e.Entry.TypedRune(r)
	e.list.splitTyped()
}

// TypedShortcut handles the entry's shortcuts; a paste may bring commas.
func (e *chipEntry) TypedShortcut(s fyne.Shortcut) {
	e.Entry.TypedShortcut(s)
	if _, ok := s.(*fyne.ShortcutPaste); ok {
		e.list.splitTyped()
	}
}

// chip shows one item: its text and an × that removes it. A secondary tap
// opens a menu to move or remove it, and dragging it onto another chip
// moves it there.
type chip struct {
	widget.BaseWidget
	list   *ChipList
	index  int
	text   string
	remove *iconButton

	dragged  fyne.Delta
	dragging bool
}

func newChip(list *ChipList, index int, text string) *chip {
	ch := &chip{list: list, index: index, text: text}
	ch.remove = newIconButton(theme.CancelIcon(), func() { list.removeAt(index) })
	ch.ExtendBaseWidget(ch)
	return ch
}

// CreateRenderer returns the chip's renderer.
func (ch *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{
		chip: ch,
		bg:   canvas.NewRectangle(color.Transparent),
		text: canvas.NewText(ch.text, color.Black),
	}
	r.Refresh()
	return r
}

// TappedSecondary opens the chip's menu: move left, move right, remove.
func (ch *chip) TappedSecondary(ev *fyne.PointEvent) {
	cv := fyne.CurrentApp().Driver().CanvasForObject(ch)
	if cv == nil {
		return
	}
	i, n := ch.index, len(ch.list.items)
	left := fyne.NewMenuItem("Move left", func() { ch.list.move(i, i-1) })
	left.Disabled = i == 0
	right := fyne.NewMenuItem("Move right", func() { ch.list.move(i, i+1) })
	right.Disabled = i == n-1
	remove := fyne.NewMenuItem("Remove", func() { ch.list.removeAt(i) })
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", left, right, remove), cv, ev.AbsolutePosition)
}

// Dragged follows the pointer; the chip lights up so the user sees what is
// being moved.
func (ch *chip) Dragged(ev *fyne.DragEvent) {
	ch.dragged.DX += ev.Dragged.DX
	ch.dragged.DY += ev.Dragged.DY
	if !ch.dragging {
		ch.dragging = true
		ch.Refresh()
	}
}

// DragEnd moves the item to the chip it was dropped on. Only the summed
// deltas are used, not the event positions, whose meaning differs between
// drivers.
func (ch *chip) DragEnd() {
	drop := ch.Position().Add(fyne.NewPos(ch.Size().Width/2+ch.dragged.DX, ch.Size().Height/2+ch.dragged.DY))
	ch.dragged, ch.dragging = fyne.Delta{}, false
	ch.Refresh()
	if to := ch.list.chipAt(drop); to >= 0 {
		ch.list.move(ch.index, to)
	}
}

// chipAt returns the index of the chip nearest to pos (in the flow's
// coordinates) on the row pos is on, or -1 when pos is on no row of chips.
func (c *ChipList) chipAt(pos fyne.Position) int {
	best, bestDist := -1, float32(math.MaxFloat32)
	for _, o := range c.flow.Objects {
		ch, ok := o.(*chip)
		if !ok {
			continue
		}
		top, bottom := ch.Position().Y, ch.Position().Y+ch.Size().Height
		if pos.Y < top || pos.Y > bottom {
			continue
		}
		d := pos.X - (ch.Position().X + ch.Size().Width/2)
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = ch.index, d
		}
	}
	return best
}

// chipRenderer draws a rounded box around the text and the ×.
type chipRenderer struct {
	chip *chip
	bg   *canvas.Rectangle
	text *canvas.Text
}

func (r *chipRenderer) Destroy() {}

func (r *chipRenderer) Layout(size fyne.Size) {
	th := r.chip.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	r.bg.Resize(size)
	ts := r.text.MinSize()
	r.text.Move(fyne.NewPos(pad, (size.Height-ts.Height)/2))
	r.text.Resize(ts)
	is := r.chip.remove.MinSize()
	r.chip.remove.Move(fyne.NewPos(size.Width-pad/2-is.Width, (size.Height-is.Height)/2))
	r.chip.remove.Resize(is)
}

func (r *chipRenderer) MinSize() fyne.Size {
	th := r.chip.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	ts, is := r.text.MinSize(), r.chip.remove.MinSize()
	return fyne.NewSize(pad+ts.Width+pad/2+is.Width+pad/2, fyne.Max(ts.Height, is.Height)+2*pad)
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.text, r.chip.remove}
}

func (r *chipRenderer) Refresh() {
	th := r.chip.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = th.Color(theme.ColorNameButton, v)
	r.bg.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	if r.chip.dragging {
		r.bg.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	}
	r.bg.StrokeWidth = th.Size(theme.SizeNameInputBorder)
	r.bg.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.text.Text = r.chip.text
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.text.TextSize = th.Size(theme.SizeNameText)
	r.bg.Refresh()
	r.text.Refresh()
}

// iconButton is an icon that acts when tapped, smaller than a
// widget.Button, whose padding would make every chip twice as tall as its
// text.
type iconButton struct {
	widget.BaseWidget
	icon  fyne.Resource
	onTap func()
}

func newIconButton(icon fyne.Resource, onTap func()) *iconButton {
	b := &iconButton{icon: icon, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer returns the icon.
func (b *iconButton) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(widget.NewIcon(b.icon))
}

// Tapped runs the action.
func (b *iconButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// Cursor shows a pointer, so the × reads as something to click.
func (b *iconButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// suggestionMenu lists suggestions under the entry. It holds the keyboard
// focus while shown and hands typing back to the entry, keeping Up, Down,
// Enter and Escape for choosing.
type suggestionMenu struct {
	widget.BaseWidget
	list     *ChipList
	items    []Suggestion
	selected int
	rows     *fyne.Container
}

func newSuggestionMenu(list *ChipList) *suggestionMenu {
	m := &suggestionMenu{list: list, selected: -1, rows: container.NewVBox()}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer returns the rows.
func (m *suggestionMenu) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(m.rows)
}

// setItems shows items with none chosen.
func (m *suggestionMenu) setItems(items []Suggestion) {
	m.items, m.selected = items, -1
	rows := make([]fyne.CanvasObject, len(items))
	for i, s := range items {
		rows[i] = newSuggestionRow(m, i, s)
	}
	m.rows.Objects = rows
	m.rows.Refresh()
}

// choose highlights row i.
func (m *suggestionMenu) choose(i int) {
	m.selected = i
	for _, o := range m.rows.Objects {
		o.Refresh()
	}
}

// FocusGained does nothing; the entry keeps its look while the menu has
// the focus.
func (m *suggestionMenu) FocusGained() {}

// FocusLost does nothing.
func (m *suggestionMenu) FocusLost() {}

// TypedRune passes typing on to the entry.
func (m *suggestionMenu) TypedRune(r rune) { m.list.entry.TypedRune(r) }

// TypedShortcut passes shortcuts such as paste on to the entry.
func (m *suggestionMenu) TypedShortcut(s fyne.Shortcut) { m.list.entry.TypedShortcut(s) }

// TypedKey moves through the suggestions with Up and Down, adds the chosen
// one with Enter, and hands every other key to the entry.
func (m *suggestionMenu) TypedKey(ev *fyne.KeyEvent) {
	n := len(m.items)
	switch ev.Name {
	case fyne.KeyDown:
		if n > 0 {
			m.choose((m.selected + 1) % n)
		}
	case fyne.KeyUp:
		if m.selected <= 0 {
			m.choose(n - 1)
		} else {
			m.choose(m.selected - 1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.selected >= 0 && m.selected < n {
			m.list.pick(m.items[m.selected].Text)
			return
		}
		m.list.entry.TypedKey(ev)
	case fyne.KeyEscape:
		m.list.hideSuggestions()
	default:
		m.list.entry.TypedKey(ev)
	}
}

// suggestionRow is one suggestion: its text and, dimmed, how many posts
// use it.
type suggestionRow struct {
	widget.BaseWidget
	menu  *suggestionMenu
	index int
	s     Suggestion
	bg    *canvas.Rectangle
}

func newSuggestionRow(m *suggestionMenu, i int, s Suggestion) *suggestionRow {
	r := &suggestionRow{menu: m, index: i, s: s, bg: canvas.NewRectangle(color.Transparent)}
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer returns the row's renderer.
func (r *suggestionRow) CreateRenderer() fyne.WidgetRenderer {
	count := widget.NewLabel(strconv.Itoa(r.s.Count))
	count.Importance = widget.MediumImportance
	return &suggestionRowRenderer{
		WidgetRenderer: widget.NewSimpleRenderer(container.NewStack(r.bg,
			container.NewBorder(nil, nil, nil, count, widget.NewLabel(r.s.Text)))),
		row: r,
	}
}

// Tapped adds the suggestion.
func (r *suggestionRow) Tapped(*fyne.PointEvent) { r.menu.list.pick(r.s.Text) }

// MouseIn highlights the row under the pointer, as a menu does.
func (r *suggestionRow) MouseIn(*desktop.MouseEvent) { r.menu.choose(r.index) }

// MouseMoved does nothing.
func (r *suggestionRow) MouseMoved(*desktop.MouseEvent) {}

// MouseOut does nothing; the row stays chosen for Enter.
func (r *suggestionRow) MouseOut() {}

// suggestionRowRenderer colours the background of the chosen row.
type suggestionRowRenderer struct {
	fyne.WidgetRenderer
	row *suggestionRow
}

func (r *suggestionRowRenderer) Refresh() {
	th := r.row.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.row.bg.FillColor = color.Transparent
	if r.row.menu.selected == r.row.index {
		r.row.bg.FillColor = th.Color(theme.ColorNameHover, v)
	}
	r.row.bg.Refresh()
	r.WidgetRenderer.Refresh()
}

// flowLayout places objects left to right at their minimum widths and
// wraps to a new row when the next one does not fit, so chips of any width
// fill the lines like words. The last object (the entry) stretches over the
// rest of its row and is at least lastMin wide.
type flowLayout struct {
	lastMin float32
	// width is the width of the last Layout. The height the objects need
	// depends on it, but MinSize is not told the width, so it uses the
	// last one; the canvas lays out again when MinSize changes.
	width float32
}

// Layout places the objects within size.
func (l *flowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

// MinSize is as wide as the widest object and as tall as the rows at the
// last laid-out width; before any layout, everything is on one row.
func (l *flowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for i, o := range objects {
		w = fyne.Max(w, l.minWidth(objects, i, o))
	}
	width := l.width
	if width <= 0 {
		width = float32(math.MaxFloat32)
	}
	return fyne.NewSize(w, l.place(objects, width, false))
}

// minWidth is the width object i needs.
func (l *flowLayout) minWidth(objects []fyne.CanvasObject, i int, o fyne.CanvasObject) float32 {
	w := o.MinSize().Width
	if i == len(objects)-1 {
		w = fyne.Max(w, l.lastMin)
	}
	return w
}

// place works out the rows for width, moving and resizing the objects when
// apply is set, and returns the height used.
func (l *flowLayout) place(objects []fyne.CanvasObject, width float32, apply bool) float32 {
	pad := theme.Padding()
	var visible []int
	for i, o := range objects {
		if o.Visible() {
			visible = append(visible, i)
		}
	}
	var y float32
	for start := 0; start < len(visible); {
		// Fill a row: at least one object, then as many as fit.
		end, x := start, float32(0)
		var rowH float32
		for end < len(visible) {
			i := visible[end]
			w := l.minWidth(objects, i, objects[i])
			if end > start && x+w > width {
				break
			}
			x += w + pad
			rowH = fyne.Max(rowH, objects[i].MinSize().Height)
			end++
		}
		if apply {
			x = 0
			for k := start; k < end; k++ {
				i := visible[k]
				o := objects[i]
				w := l.minWidth(objects, i, o)
				if i == len(objects)-1 {
					w = fyne.Max(w, width-x)
				}
				o.Move(fyne.NewPos(x, y))
				o.Resize(fyne.NewSize(w, rowH))
				x += w + pad
			}
		}
		y += rowH + pad
		start = end
	}
	if y > 0 {
		y -= pad
	}
	return y
}
