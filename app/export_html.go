package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/postdesk/postdesk/editor"
)

// showExportHTML writes the post as one standalone HTML page.
func (u *ui) showExportHTML() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		_ = w.Close()
		if err := editor.ExportHTML(u.session.Post(), path, u.previewOptions()); err != nil {
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
