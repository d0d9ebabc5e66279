package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pressTab presses Tab (Shift+Tab with back) on the canvas as the desktop
// driver does: the focused widget gets the key only if it accepts tabs,
// otherwise the focus moves.
func pressTab(c fyne.Canvas, back bool) {
	if t, ok := c.Focused().(fyne.Tabbable); ok && t.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// TestTabLeavesDescription: Tab in the multi-line Description moves to
// the next field instead of writing "desc\tauth" into the front matter,
// and Shift+Tab comes back.
func TestTabLeavesDescription(t *testing.T) {
	u := newTestUI(t, "")
	c := u.win.Canvas()
	desc, author := u.form.texts["description"], u.form.texts["author"]
	c.Focus(desc)
	test.Type(desc, "desc")
	pressTab(c, false)
	if c.Focused() != author {
		t.Fatalf("Tab in Description focused %T, want the Author field", c.Focused())
	}
	test.Type(author, "auth")
	if desc.Text != "desc" || author.Text != "auth" {
		t.Errorf("description %q, author %q; want \"desc\" and \"auth\"", desc.Text, author.Text)
	}
	if fm := string(u.session.Post().Bytes()); strings.Contains(fm, "\t") {
		t.Errorf("a tab reached the front matter:\n%s", fm)
	}
	pressTab(c, true)
	if c.Focused() != desc {
		t.Errorf("Shift+Tab in Author focused %T, want Description", c.Focused())
	}
	c.Focus(u.form.other)
	pressTab(c, false)
	if strings.Contains(u.form.other.Text, "\t") || c.Focused() == u.form.other {
		t.Error("Tab in Other fields typed a tab instead of leaving the box")
	}
}

// TestListTitleSaysSo: a title the post holds as a YAML list is not shown
// as an empty field without a word; the form says what it is, and the
// field cannot blank it until the writer asks for a text title.
func TestListTitleSaysSo(t *testing.T) {
	for name, fm := range map[string]string{
		"flow":  "title: [a, b]\n",
		"block": "title:\n  - a\n  - b\n",
	} {
		t.Run(name, func(t *testing.T) {
			path := writePost(t, "---\n"+fm+"date: 2024-01-01\n---\nbody\n")
			u := newTestUI(t, path)
			title, note := u.form.texts["title"], u.form.notes["title"]
			if !note.box.Visible() || !strings.Contains(note.text.Text, "[a, b]") {
				t.Fatalf("no note for a list title: visible %v, %q", note.box.Visible(), note.text.Text)
			}
			if !title.Disabled() {
				t.Error("the empty title field is open to overwrite the list")
			}
			test.Type(title, "x")
			if !strings.Contains(string(u.session.Post().Bytes()), fm) {
				t.Errorf("typing into the closed field changed the title:\n%s", u.session.Post().Bytes())
			}
			note.replace()
			test.Type(title, "새 제목")
			if got := u.session.Text("title"); got != "새 제목" {
				t.Errorf("after replace, title = %q", got)
			}
		})
	}
	u := newTestUI(t, writePost(t, "---\ntitle: plain\n---\n"))
	if u.form.notes["title"].box.Visible() || u.form.texts["title"].Disabled() {
		t.Error("a plain title got the note")
	}
}

// TestTagsOfferLowercase: a tag typed with capitals reaches the post as
// typed, and the form offers the lowercase form that Chirpy expects.
func TestTagsOfferLowercase(t *testing.T) {
	u := newTestUI(t, "")
	tags := u.form.lists["tags"]
	u.win.Canvas().Focus(tags.Entry())
	test.Type(tags.Entry(), "Testing")
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := u.session.List("tags"); len(got) != 1 || got[0] != "Testing" {
		t.Fatalf("tags = %q, want the tag as typed", got)
	}
	var shown []string
	for _, l := range texts(tags) {
		shown = append(shown, l.Text)
	}
	if !strings.Contains(strings.Join(shown, " "), `use "testing"?`) {
		t.Fatalf("no lowercase offer under the tags: %q", shown)
	}
}
