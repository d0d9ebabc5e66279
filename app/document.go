package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/editor/publish"
	"github.com/postdesk/postdesk/editor/textarea"
	poststorage "github.com/postdesk/postdesk/storage"
)

// newPost starts an unsaved post from Chirpy's template.
func (u *ui) newPost() {
	u.confirmDiscard(func() { u.loadSession(editor.NewPost(time.Now().In(u.zone()))) })
}

// openPath opens the post at path; a file that cannot be read leaves the
// current post as it is.
func (u *ui) openPath(path string) {
	s, err := editor.Open(path)
	if err != nil {
		dialog.ShowError(err, u.win)
		if u.session == nil {
			u.loadSession(editor.NewPost(time.Now().In(u.zone())))
		}
		return
	}
	u.loadSession(s)
}

func (u *ui) showOpen() {
	u.confirmDiscard(func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			path := r.URI().Path()
			_ = r.Close()
			u.openPath(path)
		}, u.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".md", ".markdown"}))
		d.Show()
	})
}

// loadSession shows s in every pane.
func (u *ui) loadSession(s *editor.Session) {
	u.session = s
	u.loading = true
	if u.raw() {
		u.editor.SetText(s.RawText())
	} else {
		u.editor.SetText(s.Body())
	}
	u.form.load(s)
	u.loading = false
	u.refreshTitle()
	u.refreshStatus()
	body := s.BodySnapshot()
	u.status.scheduleCounts(body, u.do)
	u.schedulePreview(body)
	u.watchFile()
}

// editorChanged takes an edit made in the editor into the session. It
// costs the edit, not the post: the text is not read back, and the counts
// and the preview get a snapshot of the body that they read later, off the
// UI goroutine.
func (u *ui) editorChanged(e textarea.Edit) {
	if u.loading || u.session == nil {
		return
	}
	if u.raw() {
		u.session.ApplyRaw(editor.Edit(e))
		if u.session.Err() == nil {
			u.leaveRawMode()
		}
		u.refreshPreview()
	} else {
		u.session.Apply(editor.Edit(e))
		body := u.session.BodySnapshot()
		u.status.scheduleCounts(body, u.do)
		u.schedulePreview(body)
	}
	u.changed()
	u.refreshStatus()
}

// leaveRawMode brings the form back once the raw text parses, and keeps
// the cursor on the same character of the body.
func (u *ui) leaveRawMode() {
	cursor := u.editor.CursorOffset()
	raw := u.editor.Buffer().Len()
	body := u.session.Body()
	u.loading = true
	u.editor.SetText(body)
	u.form.load(u.session)
	u.loading = false
	cursor -= raw - u.editor.Buffer().Len()
	u.editor.Select(cursor, cursor)
}

// fieldChanged runs a form edit on the session and shows the outcome.
func (u *ui) fieldChanged(edit func(*editor.Session) error) {
	if u.loading || u.session == nil || u.raw() {
		return
	}
	before := u.previewOptions()
	err := edit(u.session)
	u.changed()
	u.refreshStatus()
	u.status.setFieldError(err)
	// A field edit leaves the body as it is; the preview changes only if
	// where the images are found did (media_subpath, img_path).
	if u.previewOptions() != before {
		u.refreshPreview()
	}
}

// whenCommitted runs f once no field of the window is composing a
// syllable: an action asked for with a key while one is (Ctrl+S, a close)
// reads the text only after the input method has committed it, just
// after the key.
func (u *ui) whenCommitted(f func()) { ime.DefaultGroup().AfterCommit(f) }

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
	case errors.Is(err, poststorage.ErrChangedOnDisk):
		u.askConflict("The file changed on disk", "Another program changed\n"+u.session.Path()+"\nsince you opened it. Saving now would overwrite that change.", then)
		return
	case errors.Is(err, poststorage.ErrDeleted):
		dialog.ShowConfirm("The file is gone", u.session.Path()+"\nwas deleted or renamed by another program. Write your text there again?", func(ok bool) {
			if ok {
				u.forceSave(then)
			}
		}, u.win)
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
	dialog.ShowError(err, u.win)
}

func (u *ui) showSaveAs(then func()) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		u.saveAs(path, then)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".md", ".markdown"}))
	if name := filepath.Base(u.session.Path()); u.session.Path() != "" {
		d.SetFileName(name)
	} else {
		d.SetFileName(time.Now().In(u.zone()).Format("2006-01-02") + "-new-post.md")
	}
	d.Show()
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
	if poststorage.IsPostFile(filepath.Base(path)) {
		saveTo(path)
		return
	}
	_ = os.Remove(path) // the dialog made it empty; the post goes to PATH.md
	path += ".md"
	if _, err := os.Lstat(path); err != nil {
		saveTo(path)
		return
	}
	dialog.ShowConfirm("Replace "+filepath.Base(path)+"?",
		path+"\nalready exists. Replace it with this post?", func(ok bool) {
			if ok {
				saveTo(path)
			}
		}, u.win)
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
	d.Show()
}

func (u *ui) refreshTitle() {
	name := "Untitled post"
	if p := u.session.Path(); p != "" {
		name = filepath.Base(p)
	}
	u.win.SetTitle(name + " — Postdesk")
}

func (u *ui) refreshStatus() {
	var problem error
	if u.raw() {
		problem = u.session.Err()
	}
	u.status.show(u.session.Path(), u.session.Modified(), problem)
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

// previewOptions says where the post's images are: next to it, under
// its media_subpath (or legacy img_path), and in the blog folder.
func (u *ui) previewOptions() editor.PreviewOptions {
	opt := editor.PreviewOptions{MediaPrefix: u.session.Text("media_subpath")}
	if opt.MediaPrefix == "" {
		opt.MediaPrefix = u.session.Text("img_path")
	}
	if path := u.session.Path(); path != "" {
		opt.PostDir = filepath.Dir(path)
		opt.BlogDir = u.siteDir(path)
	}
	return opt
}

// siteDir is the blog folder the post at path belongs to: the one from
// Settings when the post is in it, else the nearest folder above the post
// with a site configuration. The file system is asked once per post path,
// not on every keystroke.
func (u *ui) siteDir(path string) string {
	if u.blog != nil {
		if rel, err := filepath.Rel(u.blog.Dir, path); err == nil && !strings.HasPrefix(rel, "..") {
			return u.blog.Dir
		}
	}
	if path != u.siteFor {
		u.siteFor, u.site = path, poststorage.FindBlogDir(filepath.Dir(path))
	}
	return u.site
}

// zone is the time zone for new dates: the setting, else the blog's
// configured zone, else the system's.
func (u *ui) zone() *time.Location {
	if name := u.app.Preferences().String(prefZone); name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	if u.blog != nil {
		return u.blog.SiteZone()
	}
	return time.Local
}

// openBlog makes dir the blog folder and lists its posts; "" means none.
func (u *ui) openBlog(dir string) {
	u.blog = nil
	if dir != "" {
		b, err := poststorage.OpenBlog(dir)
		if err != nil {
			u.status.setError(err)
		} else {
			u.blog = b
		}
	}
	u.rescanLibrary()
}

// draftsDir is where new drafts go: the setting, else the blog's _drafts.
func (u *ui) draftsDir() string {
	if d := u.app.Preferences().String(prefDraftsDir); d != "" {
		if !filepath.IsAbs(d) && u.blog != nil {
			return filepath.Join(u.blog.Dir, d)
		}
		return d
	}
	if u.blog != nil {
		return u.blog.DraftsDir
	}
	return ""
}

// inBlog tells whether path is one of the posts the sidebar lists: under
// the blog folder or the drafts folder.
func (u *ui) inBlog(path string) bool {
	if u.blog == nil || path == "" {
		return false
	}
	for _, dir := range []string{u.blog.Dir, u.draftsDir()} {
		if rel, err := filepath.Rel(dir, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func (u *ui) rescanLibrary() {
	var extra []string
	if d := u.draftsDir(); u.blog != nil && d != u.blog.DraftsDir {
		extra = append(extra, d)
	}
	u.library.rescan(u.blog, extra...)
}

// applyCommand runs an editing command on the editor's text and selection.
func (u *ui) applyCommand(cmd func(string, editor.Selection) editor.Change) {
	u.editor.apply(cmd(u.editor.Text(), u.editor.selection()))
	u.win.Canvas().Focus(u.editor.TextArea)
}

func wrapCommand(marker string) func(string, editor.Selection) editor.Change {
	return func(text string, sel editor.Selection) editor.Change { return editor.ToggleWrap(text, sel, marker) }
}

func headingCommand(level int) func(string, editor.Selection) editor.Change {
	return func(text string, sel editor.Selection) editor.Change { return editor.Heading(text, sel.End, level) }
}

func linkCommand(text string, sel editor.Selection) editor.Change { return editor.Link(text, sel) }

// showInsertImage picks an image file and inserts a reference to it,
// relative to the post when the image is in or below the post's folder.
func (u *ui) showInsertImage() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		if post := u.session.Path(); post != "" {
			if rel, err := filepath.Rel(filepath.Dir(post), path); err == nil && !strings.HasPrefix(rel, "..") {
				path = filepath.ToSlash(rel)
			}
		}
		alt := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		u.applyCommand(func(text string, sel editor.Selection) editor.Change {
			return editor.InsertImage(text, sel, path, alt)
		})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}))
	d.Show()
}

// showSettings edits the preferences.
func (u *ui) showSettings() {
	p := u.app.Preferences()
	blogDir := ime.NewEntry()
	blogDir.SetText(p.String(prefBlogDir))
	blogDir.SetPlaceHolder("the folder with _config.yml")
	blogDir.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, err := poststorage.OpenBlog(s)
		return err
	}
	browse := widget.NewButton("Choose…", func() {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				blogDir.SetText(dir.Path())
			}
		}, u.win)
	})
	drafts := ime.NewEntry()
	drafts.SetText(p.String(prefDraftsDir))
	drafts.SetPlaceHolder("_drafts")
	assetsDir := ime.NewEntry()
	assetsDir.SetText(p.String(prefAssetsDir))
	assetsDir.SetPlaceHolder("assets/img/posts/<slug>")
	mono := widget.NewCheck("Monospace editor font", nil)
	mono.SetChecked(p.BoolWithFallback(prefMonospace, true))
	wrap := widget.NewCheck("Wrap long lines", nil)
	wrap.SetChecked(p.BoolWithFallback(prefWrap, true))
	zone := ime.NewEntry()
	zone.SetPlaceHolder("the blog's timezone, else the system's (" + time.Local.String() + ")")
	zone.SetText(p.String(prefZone))
	zone.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := time.LoadLocation(s); err != nil {
			return errors.New("not a time zone name like Asia/Seoul")
		}
		return nil
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Blog folder", container.NewBorder(nil, nil, nil, browse, blogDir)),
		widget.NewFormItem("Drafts folder", drafts),
		widget.NewFormItem("Images go to", assetsDir),
		widget.NewFormItem("Time zone for new dates", zone),
		widget.NewFormItem("Editor", container.NewVBox(mono, wrap)),
	}
	d := dialog.NewForm("Settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p.SetString(prefBlogDir, blogDir.Text)
		p.SetString(prefDraftsDir, drafts.Text)
		p.SetString(prefAssetsDir, assetsDir.Text)
		p.SetBool(prefMonospace, mono.Checked)
		p.SetBool(prefWrap, wrap.Checked)
		p.SetString(prefZone, zone.Text)
		u.editor.setLook(mono.Checked, wrap.Checked)
		u.openBlog(blogDir.Text)
		u.form.setZone(u.zone())
	}, u.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// showExportHTML writes the post as one standalone HTML page.
func (u *ui) showExportHTML() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		if err := publish.HTML(u.session.Post(), path, u.previewOptions().BlogDir); err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		dialog.ShowInformation("Exported", "Written:\n"+path, u.win)
	}, u.win)
	name := strings.TrimSuffix(filepath.Base(u.session.Path()), filepath.Ext(u.session.Path()))
	if name == "" || name == "." {
		name = "post"
	}
	d.SetFileName(name + ".html")
	d.Show()
}
