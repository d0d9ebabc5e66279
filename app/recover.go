package app

import (
	"fmt"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
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
