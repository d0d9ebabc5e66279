package editor

import (
	"time"

	"github.com/postdesk/postdesk/storage"
)

// NewPostText is a new post as Chirpy's own template starts one: a title
// to fill in, the date now in the blog's zone with its offset written
// out, and empty categories and tags.
func NewPostText(now time.Time) string {
	return "---\ntitle: \ndate: " + storage.FormatDate(now) + "\ncategories: []\ntags: []\n---\n\n"
}

// NewPost is a session for a new, not yet saved post.
func NewPost(now time.Time) *Session {
	s := NewSession(storage.Parse("", []byte(NewPostText(now))))
	s.saved = nil
	return s
}
