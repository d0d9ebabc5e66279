package app

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/postdesk/postdesk/storage"
)

// openBlog makes dir the blog folder and lists its posts; "" means none.
func (u *ui) openBlog(dir string) {
	u.blog = nil
	if dir != "" {
		b, err := storage.OpenBlog(dir)
		if err != nil {
			u.status.setError(err)
		} else {
			u.blog = b
		}
	}
	u.rescanLibrary()
}

func (u *ui) rescanLibrary() {
	var extra []string
	if d := u.draftsDir(); u.blog != nil && d != u.blog.DraftsDir {
		extra = append(extra, d)
	}
	u.library.rescan(u.blog, extra, u.do)
}

// draftsDir is where new drafts go: the setting, else the blog's _drafts.
func (u *ui) draftsDir() string {
	if d := u.app.Preferences().String(prefDraftsDir); d != "" {
		if !filepath.IsAbs(d) && u.blog != nil {
			return filepath.Join(u.blog.Dir, d)
		}
		return d
	}
	if u.blog != nil {
		return u.blog.DraftsDir
	}
	return ""
}

// inBlog tells whether path is one of the posts the sidebar lists: under
// the blog folder or the drafts folder.
func (u *ui) inBlog(path string) bool {
	if u.blog == nil || path == "" {
		return false
	}
	for _, dir := range []string{u.blog.Dir, u.draftsDir()} {
		if _, ok := relInside(dir, path); ok {
			return true
		}
	}
	return false
}

// relInside is path relative to dir, and whether path is dir or below
// it. A name that only starts with "..", like "..draft.md", is inside.
func relInside(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// zone is the time zone for new dates: the setting, else the blog's
// configured zone, else the system's.
func (u *ui) zone() *time.Location {
	if name := u.app.Preferences().String(prefZone); name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	if u.blog != nil {
		return u.blog.SiteZone()
	}
	return time.Local
}

// siteDir is the blog folder the post at path belongs to: the one from
// Settings when the post is in it, else the nearest folder above the post
// with a site configuration. The file system is asked once per post path,
// not on every keystroke.
func (u *ui) siteDir(path string) string {
	if u.blog != nil {
		if _, ok := relInside(u.blog.Dir, path); ok {
			return u.blog.Dir
		}
	}
	if path != u.siteFor {
		u.siteFor, u.site = path, storage.FindBlogDir(filepath.Dir(path))
	}
	return u.site
}

// previewOptions says where the post's links lead: next to it, under
// its media_subpath (or legacy img_path), and in the blog folder.
func (u *ui) previewOptions() storage.Site {
	blogDir := ""
	if path := u.session.Path(); path != "" {
		blogDir = u.siteDir(path)
	}
	return storage.SiteOf(u.session.Post(), blogDir)
}

func (u *ui) relToBlog(path string) string {
	if u.blog != nil {
		if rel, ok := relInside(u.blog.Dir, path); ok {
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
