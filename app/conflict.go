package app

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/storage"
)

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
	// Escape is Cancel: the conflict is asked again at the next change.
	u.showDialogThen(d, func() { u.asking = false })
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
