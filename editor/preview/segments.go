package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// This file holds the segment types that only group other segments.
// RichText lays out any segment with a Segments method (a
// widget.RichTextBlock) by walking its children, so these draw nothing
// themselves; they exist so that a reader of the segments, such as a
// test, can tell a list or a quote from a plain paragraph.

// QuoteBlock is a block quote. Its text segments carry QuotingDepth,
// which RichText draws as an indent.
type QuoteBlock struct {
	widget.ParagraphSegment
	// Depth is how many quotes deep the content is (1 for `>`).
	Depth int
}

// ListBlock is a bulleted, numbered or task list. Each of its Texts is
// one item: a widget.ParagraphSegment holding the bullet as a strong
// text segment ("• ", "3. ", "□ " or "▣ " for tasks, after four spaces
// per nesting level, as widget.ListSegment draws them), a paragraph with
// the item's first block, and the item's later blocks. The footnotes at
// the end of a post are a ListBlock too, with "[1]" bullets.
//
// widget.ListSegment is not used because its nesting level and quote
// depth are unexported, so nested lists and lists in quotes would lose
// their indentation.
type ListBlock struct {
	widget.ParagraphSegment
	Ordered bool
	// Start is the number of the first item of an ordered list.
	Start int
}

// blockBase gives a segment that draws one visual of its own the
// methods that do nothing: it is a block, it is never partly selected,
// and its visual is rebuilt rather than updated.
type blockBase struct{}

// Inline returns false: the segment stands on rows of its own.
func (blockBase) Inline() bool { return false }

// Update does nothing; the segment's content does not change.
func (blockBase) Update(fyne.CanvasObject) {}

// Select does nothing; RichText has no selection yet.
func (blockBase) Select(_, _ fyne.Position) {}

// SelectedText returns "".
func (blockBase) SelectedText() string { return "" }

// Unselect does nothing.
func (blockBase) Unselect() {}
