package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor"
)

// dialogText is the text of the labels in the dialog on top of the
// window, "" when none is open.
func dialogText(u *ui) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// Export plans and writes off the UI goroutine, saying so in the status
// bar; the plan and then the files written come back as dialogs.
func TestExportInBackground(t *testing.T) {
	blog := newTestBlog(t)
	u := newTestUI(t, "")
	u.openBlog(blog)
	path, err := editor.NewDraft(u.blog, u.draftsDir(), "배경 글", time.Date(2026, 11, 26, 21, 30, 0, 0, u.blog.SiteZone()))
	if err != nil {
		t.Fatal(err)
	}
	u.openPath(path)

	u.showExport()
	if !strings.Contains(u.status.busy.Text, "Checking the post") {
		t.Errorf("status while planning = %q", u.status.busy.Text)
	}
	runUI(t, u, func() bool { return strings.Contains(dialogText(u), "The post goes to:") })
	want := filepath.Join("_posts", "2026-11-26-배경-글.md")
	if !strings.Contains(dialogText(u), want) {
		t.Errorf("plan dialog:\n%s\nwant the target %s", dialogText(u), want)
	}
	if u.status.busy.Visible() {
		t.Errorf("status still busy after the plan: %q", u.status.busy.Text)
	}

	tapDialogButton(t, u, "Export")
	runUI(t, u, func() bool { return strings.Contains(dialogText(u), "Written:") })
	if !strings.Contains(dialogText(u), want) {
		t.Errorf("report:\n%s\nwant %s", dialogText(u), want)
	}
	if _, err := os.Stat(filepath.Join(blog, want)); err != nil {
		t.Error(err)
	}
}

// The HTML page is written off the UI goroutine; the dialog says where.
func TestExportHTMLInBackground(t *testing.T) {
	u := newTestUI(t, writePost(t, smallPost))
	out := filepath.Join(t.TempDir(), "post.html")
	u.exportHTMLTo(out)
	runUI(t, u, func() bool { return strings.Contains(dialogText(u), "Written:") })
	page, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(page), "본문") {
		t.Errorf("page %q, %v", page, err)
	}
}
