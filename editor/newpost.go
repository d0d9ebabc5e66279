package editor

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/postdesk/postdesk/storage"
)

// maxNameTries bounds the search for a free draft name (SLUG-2.md,
// SLUG-3.md, …); reaching it means something other than a name clash.
const maxNameTries = 1000

// NewDraft writes a new draft for blog from Chirpy's post template and
// returns its path. The title is set through the storage field API, the
// date is now in the blog's SiteZone with its offset written out
// (YYYY-MM-DD HH:MM:SS +ZZZZ), and categories and tags are empty lists.
//
// The draft goes into draftsDir, or blog.DraftsDir when draftsDir is "",
// as SLUG.md: Jekyll drafts carry no date in their name. An existing
// file is never overwritten; the name becomes SLUG-2.md, SLUG-3.md, …
// instead. The draft appears whole or not at all (storage.CreateFile).
func NewDraft(blog *storage.Blog, draftsDir, title string, now time.Time) (path string, err error) {
	if blog == nil {
		return "", errors.New("new draft: no blog folder")
	}
	if strings.TrimSpace(title) == "" {
		return "", errors.New("new draft: the title is empty")
	}
	if draftsDir == "" {
		draftsDir = blog.DraftsDir
	}
	post := storage.Parse("", []byte(NewPostText(now.In(blog.SiteZone()))))
	if err := post.Set("title", title); err != nil {
		return "", fmt.Errorf("new draft: %w", err)
	}
	if err := os.MkdirAll(draftsDir, 0o755); err != nil {
		return "", fmt.Errorf("new draft: %w", err)
	}
	slug := Slugify(title)
	for n := 1; n <= maxNameTries; n++ {
		name := slug + ".md"
		if n > 1 {
			name = slug + "-" + strconv.Itoa(n) + ".md"
		}
		path = filepath.Join(draftsDir, name)
		err := storage.CreateFile(path, post.Bytes())
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("new draft: %w", err)
		}
		return path, nil
	}
	return "", fmt.Errorf("new draft: %s.md and %d more names like it are taken", filepath.Join(draftsDir, slug), maxNameTries-1)
}
