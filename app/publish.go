package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/publish"
)

// showExport publishes the open post into the blog's _posts: it shows
// where the post will go and what is wrong with it first, asks before it
// replaces another post, and lists every file it wrote.
func (u *ui) showExport() {
	if u.blog == nil {
		u.showInfo("Export", "Choose your blog folder in Settings first.")
		return
	}
	if u.raw() {
		u.showError(fmt.Errorf("the front matter does not parse; fix it first: %w", u.session.Err()))
		return
	}
	// Unsaved edits are saved first; a cancelled or failed save said so
	// and exports nothing.
	u.whenCommitted(func() {
		if u.session.Modified() || u.session.Path() == "" {
			u.saveNow(func() { u.planExport(false) })
			return
		}
		u.planExport(false)
	})
}

// planExport works out where the post goes and what goes with it, off
// the UI goroutine, as it reads the blog folder and the images; then the
// user confirms. force replaces another post in the way.
func (u *ui) planExport(force bool) {
	post := u.postCopy()
	opt := publish.Options{
		Blog:      u.blog,
		Force:     force,
		AssetsDir: u.app.Preferences().String(prefAssetsDir),
	}
	u.background(&u.exportPlan, "Checking the post for export…", func() func() {
		plan, err := publish.Plan(post, opt)
		return func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.confirmExport(plan, force)
		}
	})
}

// confirmExport shows where the post will go, its images and what is
// wrong with it, and exports once the user agrees; another post in the
// way is replaced only after asking.
func (u *ui) confirmExport(plan *publish.Export, force bool) {
	var lines []string
	lines = append(lines, "The post goes to:", "    "+u.relToBlog(plan.Target), "")
	for _, img := range plan.Images {
		lines = append(lines, "Image: "+filepath.Base(img.From)+" → "+u.relToBlog(img.To))
	}
	for _, p := range plan.Problems {
		kind := "Error"
		if p.Warning {
			kind = "Warning"
		}
		field := ""
		if p.Field != "" {
			field = p.Field + ": "
		}
		lines = append(lines, fmt.Sprintf("%s: %s%s", kind, field, p.Message))
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVScroll(text)
	body.SetMinSize(fyne.NewSize(560, 240))

	if errs := plan.Errors(); len(errs) > 0 {
		u.showDialog(dialog.NewCustom("Cannot export yet", "Close", body, u.win))
		return
	}
	if len(plan.Replaces) > 0 && !force {
		text.SetText(text.Text + "\n\nThis replaces:\n    " + strings.Join(u.relToBlogAll(plan.Replaces), "\n    "))
		u.showDialog(dialog.NewCustomConfirm("Replace another post?", "Replace", "Cancel", body, func(ok bool) {
			if ok {
				u.planExport(true)
			}
		}, u.win))
		return
	}
	u.showDialog(dialog.NewCustomConfirm("Export to the blog", "Export", "Cancel", body, func(ok bool) {
		if ok {
			u.applyExport(plan)
		}
	}, u.win))
}

// applyExport writes what plan says, off the UI goroutine, then lists
// every file it wrote.
func (u *ui) applyExport(plan *publish.Export) {
	u.background(&u.exportApply, "Exporting to the blog…", func() func() {
		written, err := plan.Apply()
		return func() {
			if err != nil {
				u.showError(fmt.Errorf("nothing was exported: %w", err))
				return
			}
			u.showInfo("Exported", "Written:\n"+strings.Join(u.relToBlogAll(written), "\n"))
			u.rescanLibrary()
		}
	})
}
