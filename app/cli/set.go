package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

const setUsage = `Usage: postdesk set FILE [--yaml] [KEY=VALUE]... [--unset KEY]...

Edits front matter fields of FILE and saves it atomically. Only the lines of
the fields named change; every other byte of the file stays as it was.

  KEY=VALUE    set a field. For the text fields of the form (title,
               description, author, layout, media_subpath, img_path,
               image.path, image.alt, image.lqip) VALUE is the text itself,
               quoted in the file as needed, as the form writes it:
               'title=C# tips #1' gives the title "C# tips #1", and
               'title="quoted"' a title of 8 characters, quotes included.
               An empty VALUE removes a text field, as clearing it does.
               For every other key VALUE is YAML flow syntax:
               tags=[a, b], pin=true, date=2024-07-14 21:05:00 +0900,
               series=x. A dotted KEY sets a nested field.
  --yaml       read every VALUE as YAML flow syntax, text fields too:
               --yaml 'title="quoted"' gives the title quoted, no quotes
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
	asYAML := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--yaml" || a == "-yaml":
			asYAML = true
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
	if err := applyEdits(post, edits, asYAML); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n%s: not changed\n", file, err, file)
		return exitProblem
	}
	return saveEdited(stderr, post, disk)
}

// applyEdits makes the edits to post, in order, and stops at the first
// one that fails. Unless asYAML (--yaml, wherever it stands), a text
// field of the form is set through the session, as the form sets it: the
// value is the text, quoted as YAML needs, and a field the post lacks
// goes in the schema's order.
func applyEdits(post *storage.Post, edits []fieldEdit, asYAML bool) error {
	path := post.Path
	session := editor.NewSession(post)
	post.Path = path // NewSession makes it absolute; messages name the file as given
	for _, e := range edits {
		var err error
		switch {
		case e.unset:
			err = post.Remove(e.key)
		case !asYAML && isTextField(e.key):
			err = session.SetText(e.key, e.value)
		default:
			err = post.SetYAML(e.key, e.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// isTextField tells whether the schema types key as text, whose value
// the command line takes literally.
func isTextField(key string) bool {
	f, ok := editor.FieldByKey(key)
	return ok && (f.Kind == editor.KindText || f.Kind == editor.KindLongText)
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
