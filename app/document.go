package app

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/editor/textarea"
)

// newPost starts an unsaved post from Chirpy's template.
func (u *ui) newPost() {
	u.confirmDiscard(func() { u.loadSession(editor.NewPost(time.Now().In(u.zone()))) })
}

// newDraft asks for a title and starts a draft in the blog's drafts
// folder; without a blog folder it starts an unsaved post.
func (u *ui) newDraft() {
	if u.blog == nil {
		u.newPost()
		return
	}
	u.confirmDiscard(func() {
		title := ime.NewEntry(u.input)
		title.SetPlaceHolder("제목 / title")
		d := dialog.NewForm("New post", "Create", "Cancel", []*widget.FormItem{widget.NewFormItem("Title", title)}, func(ok bool) {
			if !ok {
				return
			}
			path, err := editor.NewDraft(u.blog, u.draftsDir(), title.Text, time.Now())
			if err != nil {
				u.showError(err)
				return
			}
			u.openPath(path)
			u.rescanLibrary()
		}, u.win)
		title.OnSubmitted = func(string) { d.Submit() }
		u.showDialog(d, title)
		// Room for a long Korean title; the keyboard goes to it at once.
		d.Resize(fyne.NewSize(min(560, u.win.Canvas().Size().Width), d.MinSize().Height))
		u.win.Canvas().Focus(title)
	})
}

// openPath opens the post at path; a file that cannot be read leaves the
// current post as it is.
func (u *ui) openPath(path string) {
	s, err := editor.Open(path)
	if err != nil {
		u.showError(err)
		if u.session == nil {
			u.loadSession(editor.NewPost(time.Now().In(u.zone())))
		}
		return
	}
	u.loadSession(s)
}

func (u *ui) showOpen() {
	u.confirmDiscard(func() {
		u.showOpenFile(openPost, postExts, u.openPath)
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
	u.form.load(s, u.zone())
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
	u.form.load(u.session, u.zone())
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
