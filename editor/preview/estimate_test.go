package preview

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/postdesk/postdesk/storage"
)

func TestEstimatesNearLaidOutHeights(t *testing.T) {
	checkEstimates(t, string(longestPost(t)), storage.Site{})
}

// A long code block comes as pieces whose boxes join: a joined box
// reaches over the gap above it and has no padding at the open edges.
func TestEstimatesJoinedCodeBoxes(t *testing.T) {
	var b strings.Builder
	b.WriteString("Some code:\n\n```go\n")
	for i := range 400 {
		fmt.Fprintf(&b, "func step%d(x int) int {\n\ty := x * %d\n\treturn y + len(\"%d\")\n}\n\n", i, i, i)
	}
	b.WriteString("```\n")
	blocks := New().RenderBlocks([]byte(b.String()), storage.Site{})
	if len(blocks) < 20 {
		t.Fatalf("the code block came as %d blocks, not as pieces", len(blocks))
	}
	checkEstimates(t, b.String(), storage.Site{})
}

// An image is drawn at its natural size, shrunk to the column's width.
func TestEstimatesImages(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 800, 600))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pic.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	body := "Before.\n\n![a picture](pic.png)\n\nBetween.\n\n![small](pic.png){: width=\"200\" }\n\nAfter.\n"
	checkEstimates(t, body, storage.Site{PostDir: dir})
}

// checkEstimates checks that the blocks of body, estimated, add up to
// within a tenth of their laid-out height, at a narrow, a middling and a
// wide width.
func checkEstimates(t *testing.T, body string, opt storage.Site) {
	t.Helper()
	for _, width := range []float32{300, 600, 1000} {
		p := newTestPane(t, fyne.NewSize(width, 400))
		p.apply(p.renderer.RenderBlocks([]byte(body), opt))
		c := p.column
		var estimated, laidOut float32
		for i, b := range c.blocks {
			estimated += c.rows[i].profile.height(c.textMetrics().avail(c.width))
			laidOut += c.size(newBlockText(b.Segments), blockRow{})
		}
		if r := estimated / laidOut; r < 0.9 || r > 1.1 {
			t.Errorf("at width %v the blocks are estimated at %v pixels, laid out at %v", width, estimated, laidOut)
		}
	}
}
