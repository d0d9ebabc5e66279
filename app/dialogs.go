package app

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/postdesk/postdesk/editor/ime"
)

// openDialog is a dialog on screen that Escape closes: the window knows
// it by its pop-up, the canvas overlay it shows in, so that Escape closes
// only the dialog on top and never one beneath another that it does not
// know.
type openDialog struct {
	dialog dialog.Dialog
	popup  fyne.CanvasObject
}

// showDialog shows d and lets Escape close it, whether nothing has the
// keyboard or one of fields does. Fyne's dialogs ignore Escape: the key
// goes to the focused widget, or to the canvas when none is.
func (u *ui) showDialog(d dialog.Dialog, fields ...*ime.Entry) {
	u.showDialogThen(d, nil, fields...)
}

// showDialogThen is showDialog for a dialog that must know when it
// closes, by a button or by Escape: closed runs then.
func (u *ui) showDialogThen(d dialog.Dialog, closed func(), fields ...*ime.Entry) {
	d.Show()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return // shown by the system, outside the window
	}
	u.dialogs = append(u.dialogs, openDialog{dialog: d, popup: top})
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(o openDialog) bool { return o.popup == top })
		if closed != nil {
			closed()
		}
	})
	for _, f := range fields {
		escapeCalls(f, u.escape)
	}
}

// escapeCalls makes Escape in the entry f run escape, before any key
// handler f had.
func escapeCalls(f *ime.Entry, escape func() bool) {
	before := f.OnTypedKey
	f.OnTypedKey = func(ev *fyne.KeyEvent) bool {
		if ev.Name == fyne.KeyEscape && escape() {
			return true
		}
		return before != nil && before(ev)
	}
}

// typedKey takes the keys that reach the window with nothing focused.
func (u *ui) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		u.escape()
	}
}

// escape closes the dialog on top, else the find bar, and tells whether
// it closed anything.
func (u *ui) escape() bool {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		for i := len(u.dialogs) - 1; i >= 0; i-- {
			if u.dialogs[i].popup == top {
				u.dialogs[i].dialog.Dismiss()
				return true
			}
		}
		return false
	}
	if u.find.box.Visible() {
		u.find.hide()
		return true
	}
	return false
}

// showError, showInfo and showConfirm are Fyne's dialogs that Escape
// closes.
func (u *ui) showError(err error) { u.showDialog(dialog.NewError(err, u.win)) }

func (u *ui) showInfo(title, message string) {
	u.showDialog(dialog.NewInformation(title, message, u.win))
}

func (u *ui) showConfirm(title, message string, answer func(bool)) {
	u.showDialog(dialog.NewConfirm(title, message, answer, u.win))
}

// A folder a file dialog opens in, by what the dialog is for. Fyne's own
// choice, the last folder used for anything, is rarely the one wanted:
// an HTML export offered the blog's image folder.
type fileKind int

const (
	openPost   fileKind = iota // a post to open
	savePost                   // where to save the post
	pickImage                  // an image to insert
	exportPage                 // where to write the HTML page
	pickBlog                   // the blog folder
)

// startDir is the folder a file dialog for kind opens in: the open post's
// folder when it has one, else the blog's folder for that kind, else the
// home folder. Only folders that exist count.
func (u *ui) startDir(kind fileKind) string {
	var path, post, blog string
	if u.session != nil && u.session.Path() != "" {
		path = u.session.Path()
		post = filepath.Dir(path)
	}
	if u.blog != nil {
		blog = u.blog.Dir
	}
	var dirs []string
	switch kind {
	case openPost:
		dirs = []string{post}
		if u.blog != nil {
			dirs = append(dirs, u.blog.PostsDir, u.draftsDir())
		}
	case savePost:
		dirs = []string{post, u.draftsDir(), blog}
	case pickImage:
		if path == "" || u.inBlog(path) {
			dirs = []string{joinIf(blog, "assets", "img"), joinIf(blog, "assets"), joinIf(blog, "static")}
		}
		dirs = append(dirs, post)
	case exportPage:
		dirs = []string{post}
	case pickBlog:
		dirs = []string{blog}
	}
	for _, d := range dirs {
		if info, err := os.Stat(d); d != "" && err == nil && info.IsDir() {
			return d
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// joinIf joins a path below dir, or is "" when dir is.
func joinIf(dir string, elem ...string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(append([]string{dir}, elem...)...)
}

// showFileDialog shows d, a file or folder dialog, in the folder for
// kind, over most of the window: Fyne's own size shows four rows.
func (u *ui) showFileDialog(d *dialog.FileDialog, kind fileKind) {
	if dir := u.startDir(kind); dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	u.showDialog(d)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(win.Width*0.9, win.Height*0.9))
}

// postExts are the file endings the open and save dialogs list as posts.
var postExts = []string{".md", ".markdown"}

// showOpenFile asks for a file to open, among those ending in one of
// exts, in the folder for kind, and gives chosen its path.
func (u *ui) showOpenFile(kind fileKind, exts []string, chosen func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		chosen(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.showFileDialog(d, kind)
}

// showSaveFile asks where to write a file, offering name in the folder
// for kind, and gives chosen the path, which the dialog has made an
// empty file. Without exts every file is listed.
func (u *ui) showSaveFile(kind fileKind, name string, exts []string, chosen func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		chosen(path)
	}, u.win)
	if exts != nil {
		d.SetFilter(storage.NewExtensionFileFilter(exts))
	}
	d.SetFileName(name)
	u.showFileDialog(d, kind)
}
