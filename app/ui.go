package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/storage"
)

// ui is the main window: the Markdown editor and its preview side by side,
// the front matter form beside them, a toolbar above and a status bar
// below. It holds the open session and is the one place where the
// widgets and the session meet.
type ui struct {
	app fyne.App
	win fyne.Window

	session *editor.Session
	// loading is true while widgets are being filled from the session, so
	// that their change callbacks do not write back what they were given.
	loading bool

	// blog is the blog folder from Settings, nil when none is set.
	blog *storage.Blog
	// do runs a function on the UI goroutine: fyne.Do in the app; tests
	// run such functions themselves.
	do func(func())
	// input links the input-method tracking of every field of the window
	// (see ime.Group), so that a syllable follows a click into another
	// field and a save waits for the one composing.
	input *ime.Group

	journal   *storage.Journal  // nil when autosave is off
	autosave  *editor.Autosaver // writes unsaved edits to the journal
	stopWatch func()            // stops watching the open file
	asking    bool              // a conflict dialog is open

	siteFor, site string // the post path siteDir last looked up, and its blog folder

	// Slow work runs off the UI goroutine (see background), each kind
	// through its own debounce, without delay.
	exportPlan, exportApply, exportHTML, recovery debounce

	editor  *sourceEditor
	preview *previewPane
	form    *form
	status  *statusBar
	find    *findBar
	library *librarySidebar
	tips    *tipLayer    // the toolbar's tooltips
	dialogs []openDialog // the dialogs on screen that Escape closes

	editorSplit  *container.Split // editor | preview
	formSplit    *container.Split // (editor | preview) | form
	librarySplit *container.Split // library | the rest
}

func newUI(a fyne.App, w fyne.Window) *ui {
	u := &ui{app: a, win: w, do: fyne.Do, input: &ime.Group{}, tips: newTipLayer()}
	u.editor = newSourceEditor(u.input)
	u.editor.OnChanged = u.editorChanged
	u.editor.OnScrolled = u.syncPreview
	u.preview = newPreviewPane()
	u.form = newForm(u.fieldChanged, u.input)
	u.status = newStatusBar()
	u.find = newFindBar(u.editor, w.Canvas(), u.input, u.tips)
	u.library = newLibrarySidebar(func(path string) {
		u.confirmDiscard(func() { u.openPath(path) })
	}, u.form.setSuggestions, u.input)

	editorPane := container.NewBorder(u.find.box, nil, nil, nil, u.editor.TextArea)
	u.find.relayout = editorPane.Refresh
	u.editorSplit = container.NewHSplit(editorPane, u.preview.scroll)
	u.formSplit = container.NewHSplit(u.editorSplit, u.form.box)
	u.librarySplit = container.NewHSplit(u.library.box, u.formSplit)
	w.SetContent(container.NewStack(
		container.NewBorder(u.toolbar(), u.status.box, nil, nil, u.librarySplit),
		u.tips.layer))
	w.SetMainMenu(u.menu())
	// A click on the preview or a blank part of the window while a
	// syllable is composing leaves nothing focused; the syllable arrives
	// with the next key and goes back to the field it was typed in.
	w.Canvas().SetOnTypedRune(func(r rune) { u.input.Unfocused(r) })
	w.Canvas().SetOnTypedKey(u.typedKey)
	u.restoreLayout()
	w.SetCloseIntercept(func() {
		u.confirmDiscard(func() {
			u.saveLayout()
			u.shutdown()
			w.Close()
		})
	})
	return u
}

// raw tells whether the post's front matter does not parse: the editor
// then holds the whole file and the form is put away.
func (u *ui) raw() bool { return u.session != nil && u.session.Err() != nil }

// shutdown stops the work the window runs in the background: a pending
// preview render or word count, a scan, export or journal read, the file
// watch, and the autosaver, which first writes what it still holds.
func (u *ui) shutdown() {
	u.preview.stop()
	u.status.stop()
	u.library.stop()
	for _, job := range []*debounce{&u.exportPlan, &u.exportApply, &u.exportHTML, &u.recovery} {
		job.stop()
	}
	if u.stopWatch != nil {
		u.stopWatch()
	}
	if u.autosave != nil {
		_ = u.autosave.Close()
	}
}

// background runs work off the UI goroutine through job, saying what it
// does (doing) in the status bar meanwhile, then show, the function work
// returns, on the UI goroutine, unless a newer call through job overtook
// it. Work must not touch the session or the widgets: it gets copies.
func (u *ui) background(job *debounce, doing string, work func() (show func())) {
	u.status.setBusy(doing, true)
	job.schedule(func() func() {
		show := work()
		return func() {
			u.status.setBusy(doing, false)
			show()
		}
	}, u.do)
}

// postCopy is the open post as it is now, for work off the UI goroutine,
// which must not read the session's post while the user edits it. The
// bytes are a snapshot already: an edit never changes them in place.
func (u *ui) postCopy() *storage.Post {
	p := u.session.Post()
	return storage.Parse(p.Path, p.Bytes())
}

// syncPreview scrolls the preview to the block at the editor's first
// visible line. In raw mode the editor also shows the front matter, so its
// lines are not the body's and the preview stays where it is.
func (u *ui) syncPreview() {
	if !u.raw() && u.preview.scroll.Visible() {
		u.preview.showLine(u.editor.TopLine())
	}
}

// refreshPreview schedules a render of the body as it is now.
func (u *ui) refreshPreview() {
	if u.session != nil {
		u.schedulePreview(u.session.BodySnapshot())
	}
}

// schedulePreview schedules a render of body, the post's Markdown.
func (u *ui) schedulePreview(body editor.Snapshot) {
	if u.session == nil || !u.preview.scroll.Visible() {
		return
	}
	u.preview.schedule(body, u.previewOptions())
}

// togglePreview shows or hides the preview; hidden, it costs no renders.
func (u *ui) togglePreview() {
	u.setPreviewVisible(!u.preview.scroll.Visible())
}

func (u *ui) setPreviewVisible(on bool) {
	u.setPaneVisible(u.preview.scroll, u.editorSplit, prefShowPreview, on)
	if on {
		u.refreshPreview()
	}
}

func (u *ui) toggleForm() { u.setFormVisible(!u.form.box.Visible()) }

func (u *ui) setFormVisible(on bool) { u.setPaneVisible(u.form.box, u.formSplit, prefShowForm, on) }

func (u *ui) toggleLibrary() { u.setLibraryVisible(!u.library.box.Visible()) }

func (u *ui) setLibraryVisible(on bool) {
	u.setPaneVisible(u.library.box, u.librarySplit, prefShowLibrary, on)
}

// setPaneVisible shows or hides a pane of a split and remembers it.
func (u *ui) setPaneVisible(pane fyne.CanvasObject, split *container.Split, pref string, on bool) {
	if on {
		pane.Show()
	} else {
		pane.Hide()
	}
	split.Refresh()
	u.app.Preferences().SetBool(pref, on)
}

// restoreLayout puts back the window size, split positions and panes of
// the last session.
func (u *ui) restoreLayout() {
	p := u.app.Preferences()
	def := defaultSize()
	u.win.Resize(fyne.NewSize(
		float32(p.FloatWithFallback(prefWidth, float64(def.Width))),
		float32(p.FloatWithFallback(prefHeight, float64(def.Height)))))
	u.editorSplit.SetOffset(p.FloatWithFallback(prefSplitPreview, 0.5))
	u.formSplit.SetOffset(p.FloatWithFallback(prefSplitForm, 0.66))
	u.librarySplit.SetOffset(p.FloatWithFallback(prefSplitLibrary, 0.18))
	u.setLibraryVisible(p.BoolWithFallback(prefShowLibrary, true))
	u.setPreviewVisible(p.BoolWithFallback(prefShowPreview, true))
	u.setFormVisible(p.BoolWithFallback(prefShowForm, true))
	u.editor.setLook(p.BoolWithFallback(prefMonospace, true), p.BoolWithFallback(prefWrap, true))
}

func (u *ui) saveLayout() {
	p := u.app.Preferences()
	size := u.win.Canvas().Size()
	p.SetFloat(prefWidth, float64(size.Width))
	p.SetFloat(prefHeight, float64(size.Height))
	p.SetFloat(prefSplitPreview, u.editorSplit.Offset)
	p.SetFloat(prefSplitForm, u.formSplit.Offset)
	p.SetFloat(prefSplitLibrary, u.librarySplit.Offset)
}
