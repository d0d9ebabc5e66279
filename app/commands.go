package app

import (
	"path/filepath"
	"strings"

	"github.com/postdesk/postdesk/editor"
)

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
	images := []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}
	u.showOpenFile(pickImage, images, func(path string) {
		if post := u.session.Path(); post != "" {
			if rel, ok := relInside(filepath.Dir(post), path); ok {
				path = filepath.ToSlash(rel)
			}
		}
		alt := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		u.applyCommand(func(text string, sel editor.Selection) editor.Change {
			return editor.InsertImage(text, sel, path, alt)
		})
	})
}
