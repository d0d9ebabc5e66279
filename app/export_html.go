package app

import (
	"path/filepath"
	"strings"

	"github.com/postdesk/postdesk/editor/publish"
)

// showExportHTML asks where to write the post as one standalone HTML page.
func (u *ui) showExportHTML() {
	name := strings.TrimSuffix(filepath.Base(u.session.Path()), filepath.Ext(u.session.Path()))
	if name == "" || name == "." {
		name = "post"
	}
	u.showSaveFile(exportPage, name+".html", nil, u.exportHTMLTo)
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
