package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/postdesk/postdesk/storage"
)

const setUsage = `Usage: postdesk set FILE [KEY=VALUE]... [--unset KEY]...

Edits front matter fields of FILE and saves it atomically. Only the lines of
the fields named change; every other byte of the file stays as it was.

  KEY=VALUE    set a field; VALUE is YAML flow syntax: title=바뀐 제목,
               tags=[a, b], pin=true, date=2024-07-14 21:05:00 +0900.
               A dotted KEY sets a nested field: image.path=/img/a.png
  --unset KEY  remove a field (and a nested mapping it leaves empty)

With no edits the file is saved as loaded, byte for byte. A file whose front
matter does not parse is refused and left untouched, and so is a file that
another program changed while set was editing it.
Exit status: 0 on success, 1 when the file cannot be read, parsed or saved,
2 for a wrong command line.
`

// fieldEdit is one KEY=VALUE or --unset KEY from the command line.
type fieldEdit struct {
	key, value string
	unset      bool
}

func runSet(args []string, stdout, stderr io.Writer) int {
	var file string
	var edits []fieldEdit
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--unset" || a == "-unset":
			if i+1 == len(args) {
				return usageError(stderr, setUsage, "--unset needs a KEY")
			}
			i++
			edits = append(edits, fieldEdit{key: args[i], unset: true})
		case strings.HasPrefix(a, "--unset="):
			edits = append(edits, fieldEdit{key: strings.TrimPrefix(a, "--unset="), unset: true})
		case strings.HasPrefix(a, "-") && file != "":
			return usageError(stderr, setUsage, "unknown option %q", a)
		case file == "":
			file = a
		case strings.Contains(a, "="):
			key, value, _ := strings.Cut(a, "=")
			edits = append(edits, fieldEdit{key: key, value: value})
		default:
			return usageError(stderr, setUsage, "%q is not KEY=VALUE", a)
		}
	}
	if file == "" {
		return usageError(stderr, setUsage, "set needs a FILE")
	}
	for _, e := range edits {
		if e.key == "" || strings.HasPrefix(e.key, ".") || strings.HasSuffix(e.key, ".") || strings.Contains(e.key, "..") {
			return usageError(stderr, setUsage, "%q is not a field name", e.key)
		}
	}

	post, disk, err := storage.LoadState(file)
	if err != nil {
		fmt.Fprintln(stderr, describe(file, err))
		if post != nil {
			fmt.Fprintf(stderr, "%s: not changed: fix the front matter first\n", file)
		}
		return exitProblem
	}
	if err := applyEdits(post, edits); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n%s: not changed\n", file, err, file)
		return exitProblem
	}
	return saveEdited(stderr, post, disk)
}

// applyEdits makes the edits to post, in order, and stops at the first
// one that fails.
func applyEdits(post *storage.Post, edits []fieldEdit) error {
	for _, e := range edits {
		var err error
		if e.unset {
			err = post.Remove(e.key)
		} else {
			err = post.SetYAML(e.key, e.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// saveEdited writes post over its file only if the file is still disk,
// the state it was read in: the check the window's save makes, so that a
// change another program made meanwhile is never overwritten.
func saveEdited(stderr io.Writer, post *storage.Post, disk storage.FileState) int {
	_, err := storage.SaveIfUnchanged(post.Path, post.Bytes(), disk)
	switch {
	case errors.Is(err, storage.ErrChangedOnDisk) || errors.Is(err, storage.ErrDeleted):
		fmt.Fprintf(stderr, "postdesk: %v\n%s: not changed; run set again to edit the file as it is now\n", err, post.Path)
		return exitProblem
	case err != nil:
		fmt.Fprintf(stderr, "postdesk: %v\n%s: not changed\n", err, post.Path)
		return exitProblem
	}
	return exitOK
}
