package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/storage"
)

// showSettings edits the preferences.
func (u *ui) showSettings() {
	p := u.app.Preferences()
	blogDir := ime.NewEntry(u.input)
	blogDir.SetText(p.String(prefBlogDir))
	blogDir.SetPlaceHolder("the folder with _config.yml")
	blogDir.Validator = func(s string) error {
		if s == "" {
			return nil
		}
		_, err := storage.OpenBlog(s)
		return err
	}
	browse := widget.NewButton("Choose…", func() {
		u.showFileDialog(dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				blogDir.SetText(dir.Path())
			}
		}, u.win), pickBlog)
	})
	drafts := ime.NewEntry(u.input)
	drafts.SetText(p.String(prefDraftsDir))
	drafts.SetPlaceHolder("_drafts")
	assetsDir := ime.NewEntry(u.input)
	assetsDir.SetText(p.String(prefAssetsDir))
	assetsDir.SetPlaceHolder("assets/img/posts/<slug>")
	mono := widget.NewCheck("Monospace editor font", nil)
	mono.SetChecked(p.BoolWithFallback(prefMonospace, true))
	wrap := widget.NewCheck("Wrap long lines", nil)
	wrap.SetChecked(p.BoolWithFallback(prefWrap, true))
	zone := ime.NewEntry(u.input)
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
	u.showDialog(d, blogDir, drafts, assetsDir, zone)
	d.Resize(fyne.NewSize(640, 420))
}
