package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	list   *widget.List
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
	l.note.Importance = widget.LowImportance
	l.list = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("")
			title.Truncation = fyne.TextTruncateEllipsis
			title.TextStyle = fyne.TextStyle{Bold: true}
			meta := widget.NewLabel("")
			meta.Importance = widget.LowImportance
			meta.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, meta)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			e := l.shown[i]
			box.Objects[0].(*widget.Label).SetText(e.Title)
			box.Objects[1].(*widget.Label).SetText(entryMeta(e))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i < len(l.shown) {
			l.open(l.shown[i].Path)
		}
		l.list.UnselectAll()
	}
	l.box = container.NewBorder(container.NewVBox(l.search, l.note), nil, nil, nil, l.list)
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
