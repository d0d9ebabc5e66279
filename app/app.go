// Package app is the Fyne application: the window, its widgets and the
// bridge between them and the headless editor and storage packages. It
// holds no editing logic of its own; long work (export, HTML export, the
// journal read at start, scanning the blog) runs off the UI goroutine and
// comes back to the widgets through fyne.Do (ui.background, debounce).
//
// The files follow the window from start to use: app.go starts it;
// theme.go brings the Hangul fonts; ui.go lays out the panes and menu.go
// their toolbar, menu and shortcuts; document.go opens a post into the
// panes and takes the edits made in them (source.go, the editor; form.go,
// the front matter; find.go, find and replace; preview.go; status.go);
// save.go and conflict.go write it back and handle a file changed on disk;
// recover.go offers unsaved edits back after a crash; blog.go, library.go,
// publish.go, export_html.go, commands.go and settings.go serve the blog
// folder, the sidebar, export and the menu's commands; debounce.go is
// the "newest result wins" rule that background work shares.
package app

import (
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/postdesk/postdesk/assets"
)

// ID is the application ID, under which Fyne keeps preferences.
const ID = "app.postdesk"

// Run opens the main window, with the post at path when path is not
// empty, and blocks until the user quits.
func Run(path string) {
	collectSooner()
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
	endOnSignal()
	a.Run()
	// Quit through a signal or the system skips the close dialog: the
	// autosaver still writes what it holds to the journal.
	u.shutdown()
}

// collectSooner has Go collect garbage once the heap has grown by half
// since the last collection, not by all of it, unless GOGC says otherwise.
// Fyne keeps 40–80 MB of parsed fonts alive for the whole run (a set for
// each text style), and the default lets as much garbage pile up on top:
// measured, 6–11 MB less resident for 5–8% more time per keystroke.
func collectSooner() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
}

// endOnSignal makes sure SIGTERM and Ctrl+C end the process. Fyne quits
// on them itself, but its quit can wait forever for its event queue once
// the window loop has stopped (seen about once in a hundred runs of the
// input-method script). The journal, written a second after the last
// edit, has its own timer, so five seconds on nothing is pending.
func endOnSignal() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-ch
		time.Sleep(5 * time.Second)
		os.Exit(1)
	}()
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
