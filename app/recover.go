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
// holds and which differ from the file, whether to restore them. The
// journal and the files are read off the UI goroutine as the window
// opens; the autosaver writes a second after an edit at the earliest, so
// the read finds no entry of this run's.
func (u *ui) offerRecovery() {
	if u.journal == nil {
		return
	}
	journal := u.journal
	u.background(&u.recovery, "Reading the autosave journal…", func() func() {
		offers, err := pendingOffers(journal)
		return func() {
			if err != nil {
				u.status.setError(err) // damaged journal files are skipped
			}
			u.offerNext(offers)
		}
	})
}

// recoveryOffer is unsaved edits the journal holds, and the file they
// were made to as it is now: nil when it is gone or was never saved.
type recoveryOffer struct {
	entry storage.JournalEntry
	disk  []byte
}

// pendingOffers reads the journal's entries whose text differs from their
// file, and removes those that were saved after all. Damaged journal
// files are skipped, and reported in err.
func pendingOffers(j *storage.Journal) ([]recoveryOffer, error) {
	entries, err := j.Pending()
	var offers []recoveryOffer
	for _, e := range entries {
		var disk []byte
		if e.Path != "" {
			disk, _ = os.ReadFile(e.Path) // nil when the file is gone
		}
		if e.Path != "" && !e.Differs(disk) {
			_ = j.Remove(e.Key()) // already saved: nothing to offer
			continue
		}
		offers = append(offers, recoveryOffer{e, disk})
	}
	return offers, err
}

// offerNext asks about the first offer, then the rest.
func (u *ui) offerNext(offers []recoveryOffer) {
	if len(offers) == 0 {
		return
	}
	e, cur, rest := offers[0].entry, offers[0].disk, offers[1:]
	name := e.Path
	if name == "" {
		name = "an untitled post"
	}
	msg := fmt.Sprintf("Postdesk kept unsaved edits of\n%s\nfrom %s.", name, e.Written.Local().Format("2006-01-02 15:04"))
	if e.Path != "" && e.FileChangedSince(cur) {
		msg += "\n\nThe file has changed since those edits began: compare before you restore."
	}
	var d *dialog.CustomDialog
	restore := func() {
		d.Hide()
		u.restore(e)
		u.offerNext(rest)
	}
	discard := func() {
		d.Hide()
		_ = u.journal.Remove(e.Key())
		u.offerNext(rest)
	}
	restoreButton := widget.NewButton("Restore", restore)
	restoreButton.Importance = widget.HighImportance
	compare := widget.NewButton("Compare", func() { u.compareRecovery(offers[0], name, restore, discard) })
	d = dialog.NewCustomWithoutButtons("Recover unsaved edits?", widget.NewLabel(msg), u.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Discard", discard), compare, restoreButton})
	// Escape decides later: the edits stay in the journal, offered again
	// at the next start.
	u.showDialog(d)
}

// compareRecovery shows how the unsaved edits of an offer differ from
// the file, with buttons that answer the offer as its own do: restore
// the edits, or keep the file as it is and drop them. Closing it goes
// back to the offer.
func (u *ui) compareRecovery(o recoveryOffer, name string, restore, discard func()) {
	keep := compareAction{label: "Keep the file", do: discard}
	if o.disk == nil {
		keep.label = "Discard these edits" // no file to keep
	}
	u.showDiff("Unsaved edits of "+filepath.Base(name), "the file", "the unsaved edits",
		string(o.disk), string(o.entry.Text),
		keep, compareAction{label: "Restore these edits", do: restore, primary: true})
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
