// Package app is the Fyne application: the window, its widgets and the
// bridge between them and the headless editor and storage packages.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/postdesk/postdesk/assets"
)

// ID is the application ID, under which Fyne keeps preferences.
const ID = "app.postdesk"

// Run opens the main window, with the post at path when path is not
// empty, and blocks until the user quits.
func Run(path string) {
	a := fyneapp.NewWithID(ID)
	a.Settings().SetTheme(newTheme())
	a.SetIcon(assets.Icon)
	w := a.NewWindow("Postdesk")
	u := newUI(a, w)
	u.openJournal()
	u.openBlog(a.Preferences().String(prefBlogDir))
	if path != "" {
		u.openPath(path)
	} else {
		u.newPost()
	}
	w.Show()
	u.offerRecovery()
	a.Run()
}

// The preferences: the window's layout and the settings.
const (
	prefWidth        = "window.width"
	prefHeight       = "window.height"
	prefSplitPreview = "split.preview"
	prefSplitForm    = "split.form"
	prefShowPreview  = "view.preview"
	prefShowForm     = "view.form"
	prefMonospace    = "editor.monospace"
	prefWrap         = "editor.wrap"
	prefZone         = "dates.zone"
	prefBlogDir      = "blog.dir"
	prefDraftsDir    = "blog.drafts"
	prefAssetsDir    = "blog.assets"
	prefSplitLibrary = "split.library"
	prefShowLibrary  = "view.library"
)

func defaultSize() fyne.Size { return fyne.NewSize(1280, 800) }
