package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/postdesk/postdesk/storage"
)

const checkUsage = `Usage: postdesk check PATH...

Reads every post under each PATH (a file, or a folder searched for *.md and
*.markdown) and prints one line per problem, as path:LINE:COL: message.
Exit status: 0 when every post parses, 1 when any does not, 2 for a wrong
command line.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return usageError(stderr, checkUsage, "check needs at least one file or folder")
	}
	files, problems := 0, 0
	for _, root := range args {
		paths, err := storage.FindPosts(root)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", root, unwrapPath(err))
			problems++
			continue
		}
		for _, path := range paths {
			files++
			if _, err := storage.Load(path); err != nil {
				fmt.Fprintln(stdout, describe(path, err))
				problems++
			}
		}
	}
	if problems > 0 {
		fmt.Fprintf(stderr, "%d of %d posts have problems\n", problems, files)
		return exitProblem
	}
	return exitOK
}

// describe words an error about the file at path as one line that starts
// with the path.
func describe(path string, err error) string {
	var perr *storage.ParseError
	if errors.As(err, &perr) {
		return perr.Error()
	}
	return fmt.Sprintf("%s: %v", path, unwrapPath(err))
}

// unwrapPath drops the *fs.PathError wrapper, whose path the line already
// starts with.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
