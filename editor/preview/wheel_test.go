package preview

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// scrollableAt returns the topmost scrollable object under pos (in o's
// coordinates, o at origin) as Fyne's driver picks the object a wheel
// goes to: the last one drawn, that is the deepest and latest in the
// tree. A scroll's content is moved by its offset, so pos follows it.
func scrollableAt(o fyne.CanvasObject, origin, pos fyne.Position) fyne.Scrollable {
	if !o.Visible() {
		return nil
	}
	at := origin.Add(o.Position())
	size := o.Size()
	if pos.X < at.X || pos.Y < at.Y || pos.X >= at.X+size.Width || pos.Y >= at.Y+size.Height {
		return nil
	}
	found, _ := o.(fyne.Scrollable)
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	}
	for _, c := range children {
		if s := scrollableAt(c, at, pos); s != nil {
			found = s
		}
	}
	return found
}

// A mouse wheel turned down over any box of the preview scrolls the page
// as far as over a paragraph; the boxes that scroll sideways are the
// topmost scroll under the pointer, so without the page wheel they would
// take the wheel and the page would stall over them (issue 14, point 3).
func TestWheelOverEveryBoxScrollsThePage(t *testing.T) {
	wide := strings.Repeat("wide ", 80)
	kinds := []struct {
		name, src string
		sideways  bool // the box scrolls sideways, so it is the topmost scroll
	}{
		{"paragraph", strings.Repeat("Some text of a paragraph. ", 40), false},
		{"table", "| a | b |\n|---|---|\n| " + wide + " | c |\n| d | e |", true},
		{"narrow table", "| a | b |\n|---|---|\n| c | d |\n| e | f |", true},
		{"code", "```go\nx := \"" + wide + "\"\ny := 2\nz := 3\n```", true},
		{"code piece", "```text\n" + longCode(200) + wide + "\n```", true},
		{"math", "$$\n\\sum_{i=0}^{n} " + wide + "\n\\\\ x = 1\n$$", true},
		{"image", "![a missing picture](missing.png)", false},
		{"prompt", "> A tip\n> on two lines\n{: .prompt-tip }", false},
		{"table in a prompt", "> | a | b |\n> |---|---|\n> | " + wide + " | c |\n> | d | e |\n{: .prompt-info }", true},
		{"code in a list", "- item\n\n  ```sh\n  echo " + wide + "\n  echo 2\n  ```", true},
	}
	var body strings.Builder
	starts := make([]int, len(kinds)) // the line each kind starts on
	for i, k := range kinds {
		starts[i] = strings.Count(body.String(), "\n")
		body.WriteString(k.src + "\n\n")
	}
	for i := range 40 {
		fmt.Fprintf(&body, "Paragraph %d after the boxes.\n\n", i)
	}

	p := newTestPane(t, fyne.NewSize(400, 300))
	p.showBody(body.String())
	c := fyne.CurrentApp().Driver().CanvasForObject(p.scroll)
	blocks := p.column.Blocks()
	var want float32
	for i, k := range kinds {
		b := -1
		for j, bl := range blocks {
			if k.name == "code piece" {
				// The last piece, which starts inside the block.
				if box, ok := bl.Segments[0].(*CodeBox); ok && box.JoinAbove && !box.JoinBelow {
					b = j
				}
			} else if bl.StartLine == starts[i] {
				b = j
			}
		}
		if b < 0 {
			t.Fatalf("no block shows the %s", k.name)
		}
		p.showLine(blocks[b].StartLine)
		top := screenY(t, p, b)
		h := p.column.tops[b+1] - p.column.tops[b]
		at := fyne.NewPos(40, top+min(h/2, 80))
		if at.Y >= p.scroll.Size().Height {
			t.Fatalf("%s: block %d is not in view (top %v)", k.name, b, top)
		}
		if hit := scrollableAt(p.scroll, fyne.Position{}, at); (hit != fyne.Scrollable(p.scroll)) != k.sideways {
			t.Fatalf("%s: the wheel goes to %T; want a box of its own: %v", k.name, hit, k.sideways)
		}
		before := p.scroll.Offset.Y
		test.Scroll(c, at, 0, -40)
		moved := p.scroll.Offset.Y - before
		if i == 0 {
			want = moved
			if want <= 0 {
				t.Fatalf("the wheel over a paragraph moved the page by %v", moved)
			}
			continue
		}
		if moved != want {
			t.Errorf("the wheel over a %s moved the page by %v; over a paragraph, %v", k.name, moved, want)
		}
	}
}

// A sideways movement over a box (Shift+wheel, a touchpad) scrolls the
// box and not the page; a slanted touchpad swipe scrolls both, each by
// its part.
func TestSidewaysWheelScrollsTheBox(t *testing.T) {
	wide := strings.Repeat("wide ", 80)
	body := "| a | b |\n|---|---|\n| " + wide + " | c |\n\n" + strings.Repeat("More text.\n\n", 60)
	p := newTestPane(t, fyne.NewSize(400, 300))
	p.showBody(body)
	c := fyne.CurrentApp().Driver().CanvasForObject(p.scroll)
	at := fyne.NewPos(40, screenY(t, p, 0)+20)
	box, ok := scrollableAt(p.scroll, fyne.Position{}, at).(*sideScroll)
	if !ok {
		t.Fatal("the table has no sideways scroll of hscroll's")
	}

	test.Scroll(c, at, -30, 0)
	if box.Offset.X != 30 || p.scroll.Offset.Y != 0 {
		t.Errorf("sideways: box at %v, page at %v; want 30 and 0", box.Offset.X, p.scroll.Offset.Y)
	}
	test.Scroll(c, at, -10, -20)
	if box.Offset.X != 40 || p.scroll.Offset.Y != 20 {
		t.Errorf("slanted: box at %v, page at %v; want 40 and 20", box.Offset.X, p.scroll.Offset.Y)
	}
}
