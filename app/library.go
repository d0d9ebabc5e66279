package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/storage"
)

// librarySidebar lists the posts and drafts of the blog folder, newest
// first, filtered as the user types. The folder is scanned off the UI
// goroutine; the list shows the newest scan when it is ready.
type librarySidebar struct {
	open    func(path string)      // opens the post the user picked
	scanned func(*storage.Library) // takes each new index of the blog

	box    *fyne.Container
	search *ime.Entry
	list   *postList
	note   *widget.Label

	lib      *storage.Library
	shown    []storage.LibraryEntry
	scanning debounce // no delay: a rescan drops the result of the scan before
}

// newLibrarySidebar is the sidebar; open and scanned are the window's
// (see librarySidebar), input its input-method group.
func newLibrarySidebar(open func(path string), scanned func(*storage.Library), input *ime.Group) *librarySidebar {
	l := &librarySidebar{open: open, scanned: scanned, search: ime.NewEntry(input), note: widget.NewLabel("")}
	l.search.SetPlaceHolder("Search title, tag, category")
	l.search.OnChanged = func(string) { l.filter() }
	l.note.Wrapping = fyne.TextWrapWord
	l.note.SizeName = theme.SizeNameCaptionText // small, but not dimmed: it says what is wrong
	l.list = newPostList(l)
	// The search comes before the list among the box's objects, so that
	// Tab from the search goes into the list (Border puts its middle first).
	head := container.NewVBox(l.search, l.note)
	l.box = container.New(layout.NewBorderLayout(head, nil, nil, nil), head, l.list)
	l.search.OnTypedKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name != fyne.KeyDown || len(l.shown) == 0 {
			return false
		}
		l.list.enter(0)
		return true
	}
	return l
}

// entryMeta is the line under a post's title: date, state, problem.
func entryMeta(e storage.LibraryEntry) string {
	s := "no date"
	if !e.Date.IsZero() {
		s = e.Date.Format("2006-01-02")
	}
	if e.Draft {
		s += " · draft"
	}
	if e.Err != nil {
		s += " · does not parse"
	}
	if e.NameErr != nil {
		s += " · file name Jekyll will not take"
	}
	return s
}

// libraryNote is the text above the list: how many posts, then what the
// scan could not make sense of, with the first names, so that a post
// missing from the site or from the list is never a mystery.
func libraryNote(lib *storage.Library, dir string) string {
	note := fmt.Sprintf("%d posts in %s", len(lib.Entries), dir)
	var misnamed []string
	for _, e := range lib.Entries {
		if e.NameErr != nil {
			misnamed = append(misnamed, filepath.Base(e.Path))
		}
	}
	if n := len(misnamed); n > 0 {
		const shown = 3
		names := strings.Join(misnamed[:min(n, shown)], ", ")
		if n > shown {
			names += "…"
		}
		note += fmt.Sprintf("\n%s Jekyll will not publish as named: %s", countOf(n, "file"), names)
	}
	if n := len(lib.Errs); n > 0 {
		note += fmt.Sprintf("\n%s could not be read: %v", countOf(n, "folder"), lib.Errs[0])
	}
	return note
}

// countOf writes n things, as "1 file" or "2 files".
func countOf(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// rescan indexes the blog folder, with the extra drafts folders, again,
// off the UI goroutine, and shows the index through do, which runs a
// function on the UI goroutine.
func (l *librarySidebar) rescan(blog *storage.Blog, extra []string, do func(func())) {
	if blog == nil {
		l.scanning.stop()
		l.lib, l.shown = nil, nil
		l.note.SetText("Choose your blog folder in Settings to list its posts here.")
		l.list.Refresh()
		return
	}
	l.note.SetText("Reading " + blog.Dir + "…")
	l.scanning.schedule(func() func() {
		lib, err := blog.Scan(extra...)
		return func() {
			if err != nil {
				l.note.SetText(err.Error())
				return
			}
			l.lib = lib
			l.note.SetText(libraryNote(lib, blog.Dir))
			l.filter()
			l.scanned(lib)
		}
	}, do)
}

// stop drops a scan still running, as the window closes.
func (l *librarySidebar) stop() {
	l.scanning.stop()
}

func (l *librarySidebar) filter() {
	if l.lib == nil {
		return
	}
	l.shown = l.lib.Filter(l.search.Text)
	l.list.Refresh()
}

// postList is the sidebar's list of posts, at the keyboard as with the
// mouse: Down in the search enters it, Up and Down move the highlight, Up
// on the first post goes back to the search, and Enter or Space opens the
// highlighted post.
type postList struct {
	widget.List
	side        *librarySidebar
	highlighted widget.ListItemID
}

func newPostList(side *librarySidebar) *postList {
	p := &postList{side: side}
	p.Length = func() int { return len(side.shown) }
	p.CreateItem = newPostRow
	p.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		e := side.shown[i]
		row := o.(*fyne.Container)
		row.Objects[0].(*fyne.Container).Objects[0].(*widget.Label).SetText(e.Title)
		row.Objects[1].(*widget.Label).SetText(entryMeta(e))
	}
	p.OnHighlighted = func(i widget.ListItemID) { p.highlighted = i }
	p.OnSelected = func(i widget.ListItemID) {
		p.UnselectAll()
		p.open(i)
	}
	p.ExtendBaseWidget(p)
	return p
}

// newPostRow is a post's row: its title, on up to two lines, and its
// date and state. Titles run long (Korean ones most of all) and the
// sidebar is narrow: one line would cut most of them with no way to read
// the rest.
func newPostRow() fyne.CanvasObject {
	style := fyne.TextStyle{Bold: true}
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, style)
	title.Wrapping = fyne.TextWrapWord
	title.Truncation = fyne.TextTruncateEllipsis
	probe := widget.NewLabelWithStyle("M\nM", fyne.TextAlignLeading, style)
	meta := widget.NewLabel("")
	// The caption size sets the date apart; a dimmed colour made it too
	// faint to read.
	meta.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(container.New(&linesLayout{probe: probe}, title), meta)
}

// open opens post i of the list.
func (p *postList) open(i widget.ListItemID) {
	if i >= 0 && i < len(p.side.shown) {
		p.side.open(p.side.shown[i].Path)
	}
}

// enter gives the list the keyboard with post i highlighted.
func (p *postList) enter(i widget.ListItemID) {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(p); cv != nil {
		cv.Focus(p)
	}
	p.Highlight(i)
}

// FocusGained keeps the highlight on a post the list still shows, as the
// search may have shortened it.
func (p *postList) FocusGained() {
	if p.highlighted >= len(p.side.shown) {
		p.Highlight(0)
	}
	p.List.FocusGained()
}

// TypedKey opens the highlighted post on Enter and goes back to the
// search on Up from the first post; the list moves on the other keys.
func (p *postList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		p.open(p.highlighted)
	case fyne.KeyUp:
		if p.highlighted > 0 {
			p.List.TypedKey(ev)
		} else if cv := fyne.CurrentApp().Driver().CanvasForObject(p); cv != nil {
			cv.Focus(p.side.search)
		}
	default:
		p.List.TypedKey(ev)
	}
}

// linesLayout gives its one object the height of its probe, a label of
// as many lines as the object may take, and the object's own width.
type linesLayout struct{ probe *widget.Label }

// Layout fills size with the object.
func (l *linesLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// MinSize is the probe's height.
func (l *linesLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = fyne.Max(w, o.MinSize().Width)
	}
	return fyne.NewSize(w, l.probe.MinSize().Height)
}
