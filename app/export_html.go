package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"github.com/postdesk/postdesk/editor/publish"
)

// showExportHTML asks where to write the post as one standalone HTML page.
func (u *ui) showExportHTML() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		u.exportHTMLTo(path)
	}, u.win)
	name := strings.TrimSuffix(filepath.Base(u.session.Path()), filepath.Ext(u.session.Path()))
	if name == "" || name == "." {
		name = "post"
	}
	d.SetFileName(name + ".html")
	u.showFileDialog(d, exportPage)
}

// exportHTMLTo writes the post as HTML to path, with its images beside
// it, off the UI goroutine: a long post with many images takes a while.
func (u *ui) exportHTMLTo(path string) {
	post, opt := u.postCopy(), u.previewOptions()
	u.background(&u.exportHTML, "Exporting as HTML…", func() func() {
		err := publish.HTML(post, path, opt.BlogDir)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.showInfo("Exported", "Written:\n"+path)
		}
	})
}
