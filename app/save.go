package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/storage"
)

// whenCommitted runs f once no field of the window is composing a
// syllable: an action asked for with a key while one is (Ctrl+S, a close)
// reads the text only after the input method has committed it, just
// after the key.
func (u *ui) whenCommitted(f func()) { u.input.AfterCommit(f) }

// save writes the post.
func (u *ui) save() { u.saveThen(nil) }

// saveThen writes the post and runs then once it is saved: not when the
// user cancels a dialog on the way or the save fails, which says why.
func (u *ui) saveThen(then func()) {
	u.whenCommitted(func() { u.saveNow(then) })
}

func (u *ui) saveNow(then func()) {
	if u.session.Path() == "" {
		u.showSaveAs(then)
		return
	}
	err := u.session.Save()
	switch {
	case errors.Is(err, storage.ErrChangedOnDisk):
		u.askConflict("The file changed on disk", "Another program changed\n"+u.session.Path()+"\nsince you opened it. Saving now would overwrite that change.", then)
		return
	case errors.Is(err, storage.ErrDeleted):
		u.showConfirm("The file is gone", u.session.Path()+"\nwas deleted or renamed by another program. Write your text there again?", func(ok bool) {
			if ok {
				u.forceSave(then)
			}
		})
		return
	case err != nil:
		u.saveFailed(err)
		return
	}
	u.saved(then)
}

// forceSave writes the post over whatever is on disk now, after the user
// said so, and runs then once it is saved.
func (u *ui) forceSave(then func()) {
	if err := u.session.ForceSave(); err != nil {
		u.saveFailed(err)
		return
	}
	u.saved(then)
}

// saved updates everything that shows the saved state, then runs then.
func (u *ui) saved(then func()) {
	if u.autosave != nil {
		u.autosave.Saved(u.session)
	}
	u.status.setError(nil)
	u.refreshTitle()
	u.refreshStatus()
	if u.inBlog(u.session.Path()) {
		u.rescanLibrary()
	}
	if then != nil {
		then()
	}
}

// saveFailed says why a save failed. The text stays in the window, and
// the journal keeps it too.
func (u *ui) saveFailed(err error) {
	err = fmt.Errorf("not saved: %w. Your text is still here and in the autosave journal", err)
	u.status.setError(err)
	u.showError(err)
}

func (u *ui) showSaveAs(then func()) {
	name := filepath.Base(u.session.Path())
	if u.session.Path() == "" {
		name = time.Now().In(u.zone()).Format("2006-01-02") + "-new-post.md"
	}
	u.showSaveFile(savePost, name, postExts, func(path string) { u.saveAs(path, then) })
}

// saveAs saves the post to path, the name chosen in the file dialog,
// which has made it an empty file. A name without .md gets it; the
// dialog asked only about the name typed, so a file already there under
// the longer name is replaced only once the user says so.
func (u *ui) saveAs(path string, then func()) {
	saveTo := func(path string) {
		u.session.SetPath(path)
		u.saveNow(then)
	}
	if storage.IsPostFile(filepath.Base(path)) {
		saveTo(path)
		return
	}
	_ = os.Remove(path) // the dialog made it empty; the post goes to PATH.md
	path += ".md"
	if _, err := os.Lstat(path); err != nil {
		saveTo(path)
		return
	}
	u.showConfirm("Replace "+filepath.Base(path)+"?",
		path+"\nalready exists. Replace it with this post?", func(ok bool) {
			if ok {
				saveTo(path)
			}
		})
}

// confirmDiscard runs next at once when nothing is unsaved, and otherwise
// after the user chose to save or to discard the changes.
func (u *ui) confirmDiscard(next func()) {
	u.whenCommitted(func() { u.confirmDiscardNow(next) })
}

func (u *ui) confirmDiscardNow(next func()) {
	if u.session == nil || !u.session.Modified() {
		next()
		return
	}
	var d *dialog.CustomDialog
	save := widget.NewButton("Save", func() {
		d.Hide()
		u.saveNow(next)
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() {
		d.Hide()
		if u.autosave != nil {
			u.autosave.Discard(u.session)
		}
		next()
	})
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes",
		widget.NewLabel("This post has changes that are not saved."), u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	u.showDialog(d)
}
