package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

const newUsage = `Usage: postdesk new --title T [--blog DIR]

Starts a draft titled T in the blog DIR (default: the current folder) from
Chirpy's post template: the date now in the blog's time zone, empty
categories and tags. It goes into DIR/_drafts/SLUG.md, or SLUG-2.md and so on
when that name is taken; an existing file is never overwritten.
Prints the path of the new draft.
Exit status: 0 on success, 1 when DIR is no blog or the draft cannot be
written, 2 for a wrong command line.
`

func runNew(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("new", flag.ContinueOnError)
	title := flags.String("title", "", "")
	blogDir := flags.String("blog", ".", "")
	rest, err := parseArgs(flags, args)
	switch {
	case err != nil:
		return usageError(stderr, newUsage, "%v", err)
	case len(rest) > 0:
		return usageError(stderr, newUsage, "unexpected argument %q; give the title with --title", rest[0])
	case strings.TrimSpace(*title) == "":
		return usageError(stderr, newUsage, "new needs --title T")
	}
	blog, err := storage.OpenBlog(*blogDir)
	if err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	path, err := editor.NewDraft(blog, "", *title, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	fmt.Fprintln(stdout, path)
	return exitOK
}
