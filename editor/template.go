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

// NewPost is a session for a new post that has no file yet. It counts as
// modified only once the user changes it, so an untouched new post can be
// closed without a question.
func NewPost(now time.Time) *Session {
	return NewSession(storage.Parse("", []byte(NewPostText(now))))
}
