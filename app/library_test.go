package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/postdesk/postdesk/storage"
)

// TestLibraryShowsProblems: posts Jekyll will skip for their names, and
// folders that could not be read, are said in the sidebar, not only kept
// in the index.
func TestLibraryShowsProblems(t *testing.T) {
	misnamed := fmt.Errorf("%w: Jekyll skips notes.md", storage.ErrPostName)
	lib := &storage.Library{
		Entries: []storage.LibraryEntry{
			{Path: "/blog/_posts/2024-01-01-fine.md", Title: "Fine"},
			{Path: "/blog/_posts/notes.md", Title: "notes", NameErr: misnamed},
			{Path: "/blog/_posts/2024-02-30-day.md", Title: "day", NameErr: misnamed},
			{Path: "/blog/_posts/a.md", NameErr: misnamed},
			{Path: "/blog/_posts/b.md", NameErr: misnamed},
		},
		Errs: []error{errors.New("scan: open /blog/_posts/locked: permission denied")},
	}
	note := libraryNote(lib, "/blog")
	for _, want := range []string{"5 posts in /blog", "4 files Jekyll will not publish as named:", "notes.md, 2024-02-30-day.md, a.md…", "1 folder could not be read", "permission denied"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	if meta := entryMeta(lib.Entries[1]); !strings.Contains(meta, "file name") {
		t.Errorf("meta of a misnamed post = %q", meta)
	}
	if note := libraryNote(&storage.Library{Entries: lib.Entries[:1]}, "/blog"); note != "1 posts in /blog" {
		t.Errorf("note without problems = %q", note)
	}
}
