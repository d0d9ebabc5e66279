package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/editor/publish"
)

// showExport publishes the open post into the blog's _posts: it shows
// where the post will go and what is wrong with it first, asks before it
// replaces another post, and lists every file it wrote.
func (u *ui) showExport() {
	if u.blog == nil {
		dialog.ShowInformation("Export", "Choose your blog folder in Settings first.", u.win)
		return
	}
	if u.raw() {
		dialog.ShowError(fmt.Errorf("the front matter does not parse; fix it first: %w", u.session.Err()), u.win)
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

func (u *ui) planExport(force bool) {
	plan, err := publish.Plan(u.session.Post(), publish.Options{
		Blog:      u.blog,
		Force:     force,
		AssetsDir: u.app.Preferences().String(prefAssetsDir),
	})
	if err != nil {
		dialog.ShowError(err, u.win)
		return
	}
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
		dialog.ShowCustom("Cannot export yet", "Close", body, u.win)
		return
	}
	if len(plan.Replaces) > 0 && !force {
		text.SetText(text.Text + "\n\nThis replaces:\n    " + strings.Join(u.relToBlogAll(plan.Replaces), "\n    "))
		dialog.ShowCustomConfirm("Replace another post?", "Replace", "Cancel", body, func(ok bool) {
			if ok {
				u.planExport(true)
			}
		}, u.win)
		return
	}
	dialog.ShowCustomConfirm("Export to the blog", "Export", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		written, err := plan.Apply()
		if err != nil {
			dialog.ShowError(fmt.Errorf("nothing was exported: %w", err), u.win)
			return
		}
		dialog.ShowInformation("Exported", "Written:\n"+strings.Join(u.relToBlogAll(written), "\n"), u.win)
		u.rescanLibrary()
	}, u.win)
}

func (u *ui) relToBlog(path string) string {
	if u.blog != nil {
		if rel, err := filepath.Rel(u.blog.Dir, path); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return path
}

func (u *ui) relToBlogAll(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = u.relToBlog(p)
	}
	return out
}

// newDraft asks for a title and starts a draft in the blog's drafts
// folder; without a blog folder it starts an unsaved post.
func (u *ui) newDraft() {
	if u.blog == nil {
		u.newPost()
		return
	}
	u.confirmDiscard(func() {
		title := ime.NewEntry()
		title.SetPlaceHolder("제목 / title")
		dialog.ShowForm("New post", "Create", "Cancel", []*widget.FormItem{widget.NewFormItem("Title", title)}, func(ok bool) {
			if !ok {
				return
			}
			path, err := editor.NewDraft(u.blog, u.draftsDir(), title.Text, time.Now())
			if err != nil {
				dialog.ShowError(err, u.win)
				return
			}
			u.openPath(path)
			u.rescanLibrary()
		}, u.win)
	})
}
