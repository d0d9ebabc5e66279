package preview

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/postdesk/postdesk/storage"
	"github.com/postdesk/postdesk/storage/storagetest"
)

// joinBlocks concatenates the blocks' segments, which must be Render's
// once passed through sameCode too: the pieces of a long code block are
// joined back into one box.
func joinBlocks(blocks []Block) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, b := range blocks {
		for _, s := range b.Segments {
			box, ok := s.(*CodeBox)
			if !ok || !box.JoinAbove {
				out = append(out, s)
				continue
			}
			prev := out[len(out)-1].(*CodeBox)
			joined := *prev
			joined.Code = prev.Code + "\n" + box.Code
			joined.Spans = joinSpans(prev, box)
			joined.JoinBelow = box.JoinBelow
			out[len(out)-1] = &joined
		}
	}
	return sameCode(out)
}

// joinSpans returns the spans of b's code appended to a's, after a line
// end.
func joinSpans(a, b *CodeBox) []CodeSpan {
	if a.Spans == nil && b.Spans == nil {
		return nil
	}
	spans := append([]CodeSpan(nil), a.Spans...)
	if len(spans) == 0 {
		spans = []CodeSpan{{End: len(a.Code)}}
	}
	spans[len(spans)-1].End++ // the line end
	off := len(a.Code) + 1
	if b.Spans == nil {
		return append(spans, CodeSpan{End: off + len(b.Code)})
	}
	for _, s := range b.Spans {
		spans = append(spans, CodeSpan{End: off + s.End, Color: s.Color})
	}
	return spans
}

// sameCode returns segs with the spans of each top-level code box put
// in one form: white space, whose colour does not show, takes the colour
// before it, and runs of one colour are merged.
func sameCode(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, len(segs))
	for i, s := range segs {
		out[i] = s
		box, ok := s.(*CodeBox)
		if !ok || box.Spans == nil {
			continue
		}
		c := *box
		c.JoinAbove, c.JoinBelow = false, false
		c.Spans = nil
		var colour fyne.ThemeColorName
		start := 0
		for _, sp := range box.Spans {
			for k := start; k < sp.End; k++ {
				if ch := box.Code[k]; ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' {
					colour = sp.Color
				}
				if n := len(c.Spans); n > 0 && c.Spans[n-1].Color == colour {
					c.Spans[n-1].End = k + 1
				} else {
					c.Spans = append(c.Spans, CodeSpan{End: k + 1, Color: colour})
				}
			}
			start = sp.End
		}
		if len(c.Spans) == 1 && c.Spans[0].Color == "" {
			c.Spans = nil
		}
		out[i] = &c
	}
	return out
}

// checkTiling fails unless the blocks cover every line of body in order.
func checkTiling(t *testing.T, body []byte, blocks []Block) {
	t.Helper()
	if len(blocks) == 0 {
		return
	}
	last := len(lineStarts(body)) - 1
	if blocks[0].StartLine != 0 {
		t.Errorf("first block starts on line %d, not 0", blocks[0].StartLine)
	}
	for i, b := range blocks {
		if b.EndLine < b.StartLine {
			t.Errorf("block %d ends (line %d) before it starts (line %d)", i, b.EndLine, b.StartLine)
		}
		if i > 0 && b.StartLine != blocks[i-1].EndLine+1 {
			t.Errorf("block %d starts on line %d, block %d ends on line %d", i, b.StartLine, i-1, blocks[i-1].EndLine)
		}
		if len(b.Segments) == 0 {
			t.Errorf("block %d (lines %d–%d) has no segments", i, b.StartLine, b.EndLine)
		}
	}
	if end := blocks[len(blocks)-1].EndLine; end != last {
		t.Errorf("last block ends on line %d, the body on line %d", end, last)
	}
}

const blocksPost = `# 제목

첫 문단은 [참조 링크][ref]와 각주[^one]를 담는다.

- 목록 하나
  이어지는 줄
- 목록 둘

` + "```python\nx = 1\n```" + `

가운데 문단, 여기를 고친다.

| a | b |
|---|---|
| 1 | 2 |

> 팁 상자
{: .prompt-tip }

마지막 문단[^two].

[ref]: https://example.com/a "제목"
[^one]: 첫 각주.
[^two]: 둘째 각주.
`

func TestRenderBlocksMatchesRender(t *testing.T) {
	body := []byte(blocksPost)
	p := New()
	blocks := p.RenderBlocks(body, storage.Site{})
	checkTiling(t, body, blocks)
	want := dumpSegments(sameCode(New().Render(body, storage.Site{})))
	if got := dumpSegments(joinBlocks(blocks)); got != want {
		t.Errorf("blocks differ from Render\nblocks:\n%s\nrender:\n%s", got, want)
	}
	// heading, paragraph, list, code, paragraph, table, prompt,
	// paragraph, footnotes.
	if len(blocks) != 9 {
		for _, b := range blocks {
			t.Logf("lines %d–%d: %q", b.StartLine, b.EndLine, segmentText(b.Segments))
		}
		t.Fatalf("%d blocks, want 9", len(blocks))
	}
}

func TestRenderBlocksEditChangesOneKey(t *testing.T) {
	p := New()
	before := p.RenderBlocks([]byte(blocksPost), storage.Site{})
	edited := strings.Replace(blocksPost, "여기를 고친다", "여기를 고쳤다", 1)
	after := p.RenderBlocks([]byte(edited), storage.Site{})
	if len(before) != len(after) {
		t.Fatalf("%d blocks before the edit, %d after", len(before), len(after))
	}
	changed := 0
	for i := range before {
		if before[i].Key == after[i].Key {
			if &before[i].Segments[0] != &after[i].Segments[0] {
				t.Errorf("block %d kept its key but was rendered again", i)
			}
			continue
		}
		changed++
		if !strings.Contains(segmentText(after[i].Segments), "여기를 고쳤다") {
			t.Errorf("block %d changed key but is not the edited one: %q", i, segmentText(after[i].Segments))
		}
	}
	if changed != 1 {
		t.Errorf("%d blocks changed key, want 1", changed)
	}
}

// blockWith returns the block whose text holds s.
func blockWith(t *testing.T, blocks []Block, s string) Block {
	t.Helper()
	for _, b := range blocks {
		if strings.Contains(segmentText(b.Segments), s) {
			return b
		}
	}
	t.Fatalf("no block shows %q", s)
	return Block{}
}

func TestRenderBlocksAcrossBoundaries(t *testing.T) {
	p := New()
	blocks := p.RenderBlocks([]byte(blocksPost), storage.Site{})
	first := blockWith(t, blocks, "첫 문단")
	if d := dumpSegments(first.Segments); !strings.Contains(d, "https://example.com/a") {
		t.Errorf("reference link not resolved across blocks:\n%s", d)
	}
	if s := segmentText(first.Segments); !strings.Contains(s, "각주[1]") {
		t.Errorf("first footnote reference not numbered 1: %q", s)
	}
	if s := segmentText(blockWith(t, blocks, "마지막 문단").Segments); !strings.Contains(s, "문단[2]") {
		t.Errorf("second footnote reference not numbered 2: %q", s)
	}
	notes := blocks[len(blocks)-1]
	if s := segmentText(notes.Segments); !strings.Contains(s, "첫 각주") || !strings.Contains(s, "둘째 각주") {
		t.Errorf("last block is not the footnotes: %q", s)
	}

	cases := []struct {
		name, from, to string
		changes        []string // text of the blocks whose key must change
	}{
		{"Definition moved elsewhere", `[ref]: https://example.com/a "제목"`, `[ref]: https://example.com/b "제목"`, []string{"첫 문단"}},
		{"Footnote text edited", "[^two]: 둘째 각주.", "[^two]: 둘째 각주를 고침.", []string{"첫 각주"}},
		{"Footnote numbering shifts", "첫 문단은 [참조 링크][ref]와 각주[^one]를", "첫 문단은 [참조 링크][ref]와 각주[^two]를", []string{"첫 문단", "마지막 문단", "둘째 각주"}},
		{"Attribute line of the next block", "{: .prompt-tip }", "{: .prompt-danger }", []string{"팁 상자"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			edited := []byte(strings.Replace(blocksPost, c.from, c.to, 1))
			after := p.RenderBlocks(edited, storage.Site{})
			want := dumpSegments(sameCode(New().Render(edited, storage.Site{})))
			if got := dumpSegments(joinBlocks(after)); got != want {
				t.Fatalf("blocks differ from Render\nblocks:\n%s\nrender:\n%s", got, want)
			}
			old := map[string]bool{}
			for _, b := range blocks {
				old[b.Key] = true
			}
			for _, s := range c.changes {
				if b := blockWith(t, after, s); old[b.Key] {
					t.Errorf("block showing %q kept its key", s)
				}
			}
		})
	}
}

func TestRenderBlocksCorpus(t *testing.T) {
	corpusPosts(t, func(t *testing.T, path string, body []byte) {
		p := New()
		want := dumpSegments(sameCode(New().Render(body, storage.Site{})))
		for _, pass := range []string{"cold", "cached"} {
			blocks := p.RenderBlocks(body, storage.Site{})
			checkTiling(t, body, blocks)
			if got := dumpSegments(joinBlocks(blocks)); got != want {
				t.Fatalf("%s: blocks differ from Render\n%s", pass, storagetest.Lines(want, got))
			}
		}
	})
}

// TestRenderBlocksCRLF pins that line numbers count CRLF lines once.
func TestRenderBlocksCRLF(t *testing.T) {
	body := bytes.ReplaceAll([]byte(blocksPost), []byte("\n"), []byte("\r\n"))
	blocks := New().RenderBlocks(body, storage.Site{})
	checkTiling(t, body, blocks)
	if b := blockWith(t, blocks, "가운데 문단"); b.StartLine != 12 {
		t.Errorf("middle paragraph starts on line %d, want 12", b.StartLine)
	}
}
