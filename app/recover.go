package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

// openJournal starts autosaving into the app's storage folder. Without a
// journal the app still works; the status bar says that edits are not
// protected.
func (u *ui) openJournal() {
	dir := filepath.Join(u.app.Storage().RootURI().Path(), "journal")
	u.journal = &storage.Journal{Dir: dir}
	u.autosave = editor.NewAutosaver(u.journal, editor.DefaultAutosaveDelay)
	u.autosave.Notify(func(ev editor.AutosaveEvent) {
		if ev.Err != nil {
			u.do(func() { u.status.setError(fmt.Errorf("autosave: %w", ev.Err)) })
		}
	})
}

// changed is called after every edit of the session, by the editor or
// the form.
func (u *ui) changed() {
	if u.autosave != nil {
		u.autosave.Changed(u.session)
	}
}

// offerRecovery asks, for every post whose unsaved edits the journal
// holds and which differ from the file, whether to restore them.
func (u *ui) offerRecovery() {
	if u.journal == nil {
		return
	}
	entries, err := u.journal.Pending()
	if err != nil {
		u.status.setError(err) // damaged journal files are skipped
	}
	var offers []storage.JournalEntry
	for _, e := range entries {
		var cur []byte
		if e.Path != "" {
			cur, _ = os.ReadFile(e.Path) // nil when the file is gone
		}
		if e.Path != "" && !e.Differs(cur) {
			_ = u.journal.Remove(e.Key()) // already saved: nothing to offer
			continue
		}
		offers = append(offers, e)
	}
	u.offerNext(offers)
}

func (u *ui) offerNext(offers []storage.JournalEntry) {
	if len(offers) == 0 {
		return
	}
	e, rest := offers[0], offers[1:]
	name := e.Path
	if name == "" {
		name = "an untitled post"
	}
	var cur []byte
	if e.Path != "" {
		cur, _ = os.ReadFile(e.Path)
	}
	msg := fmt.Sprintf("Postdesk kept unsaved edits of\n%s\nfrom %s.", name, e.Written.Local().Format("2006-01-02 15:04"))
	if e.Path != "" && e.FileChangedSince(cur) {
		msg += "\n\nThe file has changed since those edits began: compare before you restore."
	}
	var d *dialog.CustomDialog
	restore := widget.NewButton("Restore", func() {
		d.Hide()
		u.restore(e)
		u.offerNext(rest)
	})
	restore.Importance = widget.HighImportance
	compare := widget.NewButton("Compare", func() {
		u.showCompare("Recovered edits", string(cur), string(e.Text))
	})
	discard := widget.NewButton("Discard", func() {
		d.Hide()
		_ = u.journal.Remove(e.Key())
		u.offerNext(rest)
	})
	d = dialog.NewCustomWithoutButtons("Recover unsaved edits?", widget.NewLabel(msg), u.win)
	d.SetButtons([]fyne.CanvasObject{discard, compare, restore})
	d.Show()
}

// restore opens the post of a journal entry with the entry's text; the
// file itself is written only when the user saves.
func (u *ui) restore(e storage.JournalEntry) {
	if e.Path == "" {
		// The session takes the entry's ID, so its state overwrites the
		// entry: removing it first would leave no copy until then.
		u.loadSession(editor.Recovered(e))
		u.changed()
		return
	}
	s, err := editor.Open(e.Path)
	if err != nil {
		// The file is gone: the recovered text is all there is.
		s = editor.Recovered(e)
	} else {
		s.Restore(e.Text)
	}
	u.loadSession(s)
	u.changed()
}

// watchFile notices changes made to the open file by something else.
func (u *ui) watchFile() {
	if u.stopWatch != nil {
		u.stopWatch()
		u.stopWatch = nil
	}
	if u.session.Path() == "" {
		return
	}
	session := u.session
	stop, err := storage.Watch(session.Path(), func() {
		u.do(func() {
			if u.session == session {
				u.outsideChange()
			}
		})
	})
	if err == nil {
		u.stopWatch = stop
	}
}

// outsideChange handles the open file changed on disk by something else:
// with no unsaved edits the post is read again; with some, the user
// chooses. Nothing is overwritten without asking.
func (u *ui) outsideChange() {
	changed, err := u.session.DiskChanged()
	if err != nil || !changed || u.asking {
		return
	}
	if _, statErr := os.Stat(u.session.Path()); statErr != nil {
		u.status.setError(fmt.Errorf("%s was deleted or renamed; your text is kept here and in the journal; save to write it again", u.session.Path()))
		return
	}
	if !u.session.Modified() {
		u.reload()
		u.status.setError(errors.New("reloaded: the file was changed outside Postdesk"))
		return
	}
	u.askConflict("The file changed on disk", "Another program changed\n"+u.session.Path()+"\nwhile you have unsaved edits here.", nil)
}

// askConflict offers reload, keep mine or compare when the file on disk
// and the edits here differ; after keeping mine, then runs.
func (u *ui) askConflict(title, msg string, then func()) {
	u.asking = true
	var d *dialog.CustomDialog
	done := func() { d.Hide(); u.asking = false }
	reload := widget.NewButton("Reload from disk", func() { done(); u.reload() })
	keep := widget.NewButton("Keep mine and save", func() {
		done()
		u.forceSave(then)
	})
	keep.Importance = widget.HighImportance
	compare := widget.NewButton("Compare", func() {
		disk, _ := os.ReadFile(u.session.Path())
		u.showCompare("On disk and here", string(disk), string(u.session.Post().Bytes()))
	})
	cancel := widget.NewButton("Cancel", done)
	d = dialog.NewCustomWithoutButtons(title, widget.NewLabel(msg), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, compare, reload, keep})
	d.Show()
}

func (u *ui) reload() {
	if err := u.session.Reload(); err != nil {
		u.saveFailed(err)
		return
	}
	if u.autosave != nil {
		u.autosave.Discard(u.session)
	}
	u.loadSession(u.session)
}

// showCompare shows two versions of a post side by side.
func (u *ui) showCompare(title, left, right string) {
	pane := func(label, text string) fyne.CanvasObject {
		e := widget.NewMultiLineEntry()
		e.TextStyle = fyne.TextStyle{Monospace: true}
		e.SetText(text)
		e.Disable() // read-only; Fyne still lets the text be selected and copied
		return container.NewBorder(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, e)
	}
	w := u.app.NewWindow(title)
	w.SetContent(container.NewHSplit(pane("On disk", left), pane("Here", right)))
	w.Resize(fyne.NewSize(1100, 700))
	w.Show()
}
