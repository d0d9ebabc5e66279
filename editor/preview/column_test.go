package preview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/assets"
	"github.com/postdesk/postdesk/storage"
)

// testPane is a Renderer and a Column alone in a headless window, as a
// preview pane in the app holds them.
type testPane struct {
	renderer *Renderer
	column   *Column
	scroll   *container.Scroll
}

// newTestPane shows a column alone in a headless window, in the fonts the
// app draws with, which the height estimates are measured against.
func newTestPane(t testing.TB, size fyne.Size) *testPane {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(assets.Theme(theme.DefaultTheme()))
	c := NewColumn()
	p := &testPane{renderer: New(), column: c, scroll: c.Scroll()}
	p.renderer.SetPageWheel(p.scroll.Scrolled)
	w := a.NewWindow("preview")
	w.SetPadded(false)
	w.SetContent(p.scroll)
	w.Resize(size)
	t.Cleanup(w.Close)
	return p
}

// apply shows blocks, as the app's pane does once a render is done.
func (p *testPane) apply(blocks []Block) { p.column.SetBlocks(blocks) }

// showLine scrolls to the block of source line line.
func (p *testPane) showLine(line int) { p.column.ShowLine(line) }

// showBody renders body and applies it, as a finished render would.
func (p *testPane) showBody(body string) {
	p.apply(p.renderer.RenderBlocks([]byte(body), storage.Site{}))
}

func richText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, s := range o.(*widget.RichText).Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// paragraphs makes a post of n numbered paragraphs.
func paragraphs(n int) []string {
	var ps []string
	for i := range n {
		ps = append(ps, fmt.Sprintf("문단 %d%s", i, strings.Repeat(" 가나다", 20)))
	}
	return ps
}

// liveIndexes returns the blocks that have a widget.
func liveIndexes(p *testPane) []int {
	var is []int
	for _, l := range p.column.live {
		is = append(is, l.index)
	}
	return is
}

// widgetOf returns the widget of block i, nil if it has none.
func widgetOf(p *testPane, i int) *widget.RichText {
	for _, l := range p.column.live {
		if l.index == i {
			return l.text
		}
	}
	return nil
}

// screenY is where block i's widget is in the viewport.
func screenY(t *testing.T, p *testPane, i int) float32 {
	t.Helper()
	w := widgetOf(p, i)
	if w == nil {
		t.Fatalf("block %d has no widget; live: %v", i, liveIndexes(p))
	}
	return w.Position().Y - p.scroll.Offset.Y
}

// wheel scrolls the preview as a mouse wheel does, dy pixels down.
func wheel(p *testPane, dy float32) {
	p.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -dy)})
}

// skewEstimates makes the estimates of the blocks not yet laid out
// wrong by factor, each a little differently, so that a test sees them
// corrected.
func skewEstimates(p *testPane, factor float32) {
	c := p.column
	for i := range c.rows {
		if c.rows[i].at != c.width {
			f := factor * (1 + float32(i%5)/10)
			c.rows[i].profile = blockProfile{fixed: c.rowHeight(i) * f}
		}
	}
	c.sumTops()
}

// checkLive fails unless exactly the blocks in or near the viewport
// have widgets, each where its block is, as wide as the pane and as
// high as it needs, one under the other.
func checkLive(t *testing.T, p *testPane) {
	t.Helper()
	c := p.column
	view := p.scroll.Size().Height
	y := p.scroll.Offset.Y
	if y < 0 || y > max(0, c.height()-view) {
		t.Errorf("offset %v outside [0, %v]", y, c.height()-view)
	}
	for i := range c.blocks {
		top, bottom := c.tops[i], c.tops[i+1]
		near := bottom > y-overscan*view && top < y+(1+overscan)*view
		kept := bottom > y-keep*view && top < y+(1+keep)*view
		w := widgetOf(p, i)
		switch {
		case near && w == nil:
			t.Errorf("block %d at %v–%v, near the viewport at %v, has no widget", i, top, bottom, y)
		case !kept && w != nil:
			t.Errorf("block %d at %v–%v, far from the viewport at %v, has a widget", i, top, bottom, y)
		case w == nil:
			continue
		}
		if w.Position().Y != top {
			t.Errorf("widget %d at y=%v, its block at %v", i, w.Position().Y, top)
		}
		if w.Size().Height != w.MinSize().Height || w.Size().Height != c.rowHeight(i) {
			t.Errorf("widget %d is %v high, needs %v, its row %v", i, w.Size().Height, w.MinSize().Height, c.rowHeight(i))
		}
		if w.Size().Width != c.Size().Width {
			t.Errorf("widget %d is %v wide, the pane %v", i, w.Size().Width, c.Size().Width)
		}
	}
	for k := 1; k < len(c.live); k++ {
		if c.live[k].index <= c.live[k-1].index {
			t.Errorf("live blocks out of order: %v", liveIndexes(p))
		}
	}
	if len(c.objects) != len(c.live) {
		t.Errorf("%d objects drawn for %d live blocks", len(c.objects), len(c.live))
	}
	if c.Size().Height < c.height() {
		t.Errorf("column is %v high, its blocks %v", c.Size().Height, c.height())
	}
}

func TestColumnLaysOutOnlyVisibleBlocks(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	p.showBody(strings.Join(paragraphs(300), "\n\n"))
	checkLive(t, p)
	if n := len(p.column.live); n == 0 || n > 40 {
		t.Errorf("%d of 300 blocks have widgets", n)
	}
	if widgetOf(p, 0) == nil || widgetOf(p, 299) != nil {
		t.Errorf("at the top, live blocks are %v", liveIndexes(p))
	}
}

func TestColumnScrollingMakesAndDropsWidgets(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	p.showBody(strings.Join(paragraphs(300), "\n\n"))
	first := widgetOf(p, 0)
	wheel(p, 5000)
	checkLive(t, p)
	if widgetOf(p, 0) != nil {
		t.Error("the first block kept its widget 5000 pixels down")
	}
	mid := p.column.blockAt(p.scroll.Offset.Y)
	if !strings.Contains(richText(widgetOf(p, mid)), fmt.Sprintf("문단 %d ", mid)) {
		t.Errorf("block %d shows %q", mid, richText(widgetOf(p, mid)))
	}
	for range 40 { // step by step, as a wheel does
		wheel(p, 50)
		checkLive(t, p)
	}
	p.scroll.ScrollToBottom()
	checkLive(t, p)
	if widgetOf(p, 299) == nil {
		t.Errorf("at the bottom, live blocks are %v", liveIndexes(p))
	}
	wheel(p, -1e6)
	checkLive(t, p)
	if w := widgetOf(p, 0); w == nil || w == first {
		t.Errorf("back at the top, the first block's widget is %p, was %p", w, first)
	}
}

func TestColumnReusesWidgetsByKey(t *testing.T) {
	ps := paragraphs(6)
	cases := []struct {
		name    string
		edit    func([]string) []string
		kept    int // widgets of the old post still shown
		fresh   int // widgets made new
		changed string
	}{
		{"One paragraph edited", func(ps []string) []string { ps[3] += " 고침"; return ps }, 5, 1, "고침"},
		{"Paragraph inserted", func(ps []string) []string {
			return append(ps[:2:2], append([]string{"새 문단"}, ps[2:]...)...)
		}, 6, 1, "새 문단"},
		{"Paragraph removed", func(ps []string) []string { return append(ps[:1:1], ps[2:]...) }, 5, 0, ""},
		{"Paragraphs swapped", func(ps []string) []string { ps[1], ps[4] = ps[4], ps[1]; return ps }, 6, 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := newTestPane(t, fyne.NewSize(600, 800))
			p.showBody(strings.Join(ps, "\n\n"))
			before := map[*widget.RichText]bool{}
			for _, l := range p.column.live {
				before[l.text] = true
			}
			after := c.edit(append([]string{}, ps...))
			p.showBody(strings.Join(after, "\n\n"))
			if len(p.column.live) != len(after) {
				t.Fatalf("%d widgets for %d paragraphs", len(p.column.live), len(after))
			}
			kept, fresh := 0, 0
			for i, l := range p.column.live {
				if got := richText(l.text); got != after[i] {
					t.Errorf("widget %d shows %q, want %q", i, got, after[i])
				}
				if before[l.text] {
					kept++
				} else {
					fresh++
					if !strings.Contains(richText(l.text), c.changed) {
						t.Errorf("widget %d is new but shows %q", i, richText(l.text))
					}
				}
			}
			if kept != c.kept || fresh != c.fresh {
				t.Errorf("kept %d and made %d widgets, want %d and %d", kept, fresh, c.kept, c.fresh)
			}
			checkLive(t, p)
		})
	}
}

func TestColumnEditKeepsVisibleTextInPlace(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func([]string) []string
	}{
		{"Paragraph lengthened far above", func(ps []string) []string { ps[2] += strings.Repeat(" 더 긴 문단", 60); return ps }},
		{"Paragraphs inserted far above", func(ps []string) []string {
			return append(ps[:3:3], append([]string{"새 문단", "또 새 문단"}, ps[3:]...)...)
		}},
		{"Paragraph removed far above", func(ps []string) []string { return append(ps[:1:1], ps[2:]...) }},
		{"Paragraph lengthened just above", func(ps []string) []string { ps[99] += strings.Repeat(" 더 긴 문단", 60); return ps }},
		{"Paragraph below edited", func(ps []string) []string { ps[150] += " 고침"; return ps }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newTestPane(t, fyne.NewSize(600, 400))
			ps := paragraphs(300)
			p.showBody(strings.Join(ps, "\n\n"))
			p.showLine(200) // paragraph 100
			wheel(p, 30)    // and into it
			at := p.column.blockAt(p.scroll.Offset.Y)
			key := p.column.blocks[at].Key
			y := screenY(t, p, at)
			w := widgetOf(p, at)

			p.showBody(strings.Join(c.edit(ps), "\n\n"))
			checkLive(t, p)
			now := -1
			for _, l := range p.column.live {
				if l.text == w {
					now = l.index
				}
			}
			if now < 0 || p.column.blocks[now].Key != key {
				t.Fatalf("the block at the top lost its widget; live: %v", liveIndexes(p))
			}
			if got := screenY(t, p, now); got != y {
				t.Errorf("the block at the top moved from y=%v to %v on screen", y, got)
			}
		})
	}
}

func TestColumnDeletingTheEnd(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	ps := paragraphs(100)
	p.showBody(strings.Join(ps, "\n\n"))
	p.scroll.ScrollToBottom()
	p.showBody(strings.Join(ps[:90], "\n\n"))
	checkLive(t, p)
	if widgetOf(p, 89) == nil {
		t.Errorf("after deleting the end, live blocks are %v", liveIndexes(p))
	}
	p.showBody(ps[0])
	checkLive(t, p)
	if p.scroll.Offset.Y != 0 || len(p.column.live) != 1 {
		t.Errorf("one paragraph left: offset %v, live %v", p.scroll.Offset.Y, liveIndexes(p))
	}
}

func TestColumnEditInTopBlockKeepsPlace(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	ps := paragraphs(300)
	p.showBody(strings.Join(ps, "\n\n"))
	p.showLine(200)
	before := p.scroll.Offset.Y
	ps[100] = "고친 " + ps[100]
	p.showBody(strings.Join(ps, "\n\n"))
	checkLive(t, p)
	if got := p.scroll.Offset.Y; got != before || p.column.tops[100] != got {
		t.Errorf("offset %v, was %v; the edited block starts at %v", got, before, p.column.tops[100])
	}
}

func TestColumnHeightCorrectionsKeepViewStill(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	// Code blocks and Latin text, which the estimates get least right.
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "Paragraph %d, %s\n\n```go\n%s```\n\n", i, strings.Repeat("words and words ", i%9), strings.Repeat("x := 1\n", i%7))
	}
	p.showBody(b.String())
	for _, factor := range []float32{2, 0.5} {
		skewEstimates(p, factor)
		p.scroll.ScrollToOffset(fyne.NewPos(0, p.column.height()/2)) // as a scroll bar drag does
		p.column.fill()
		checkLive(t, p)
		at := p.column.blockAt(p.scroll.Offset.Y)
		y := screenY(t, p, at)
		for step := 1; y+37*float32(step) < 350; step++ {
			wheel(p, -37) // up, into blocks laid out for the first time
			checkLive(t, p)
			if got := screenY(t, p, at); got != y+37*float32(step) {
				t.Fatalf("estimates ×%v: after %d steps up the block is at y=%v, want %v", factor, step, got, y+37*float32(step))
			}
		}
	}
}

func TestColumnShowLine(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	// Paragraph i is on line 2i; the blank line after it is its too.
	p.showBody(strings.Join(paragraphs(300), "\n\n"))
	skewEstimates(p, 3)
	for _, c := range []struct {
		name  string
		line  int
		block int
	}{
		{"First line", 0, 0},
		{"Blank line after a paragraph", 11, 5},
		{"Paragraph line far down", 400, 200},
		{"Back up", 20, 10},
		{"Past the end clamps to the last block", 5000, 299},
	} {
		t.Run(c.name, func(t *testing.T) {
			p.showLine(c.line)
			checkLive(t, p)
			want := min(p.column.tops[c.block], p.column.height()-p.scroll.Size().Height)
			if p.scroll.Offset.Y != want {
				t.Errorf("offset = %v, want %v (top of block %d)", p.scroll.Offset.Y, want, c.block)
			}
			if widgetOf(p, c.block) == nil {
				t.Errorf("block %d has no widget", c.block)
			}
		})
	}
}

func TestColumnKeepsPlaceOnResize(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	p.showBody(strings.Join(paragraphs(300), "\n\n"))
	p.showLine(200)
	p.scroll.Resize(fyne.NewSize(300, 400))
	checkLive(t, p)
	if got := p.scroll.Offset.Y; got != p.column.tops[100] {
		t.Errorf("after narrowing, offset %v, block 100 at %v", got, p.column.tops[100])
	}
	if w := widgetOf(p, 100); w == nil || w.Size().Width != 300 {
		t.Errorf("block 100 not laid out again at the new width")
	}
}

func TestColumnEmptyPost(t *testing.T) {
	p := newTestPane(t, fyne.NewSize(600, 400))
	p.showBody(strings.Join(paragraphs(30), "\n\n"))
	p.showBody("")
	if len(p.column.live) != 0 || len(p.column.objects) != 0 || p.column.height() != 0 {
		t.Errorf("an empty post left %d widgets, height %v", len(p.column.live), p.column.height())
	}
	p.showLine(3)
	p.showBody("다시 쓴 글")
	checkLive(t, p)
	if len(p.column.live) != 1 {
		t.Errorf("live blocks %v", liveIndexes(p))
	}
}
