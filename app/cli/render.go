package cli

import (
	"bufio"
	"fmt"
	"io"

	"github.com/postdesk/postdesk/editor/markdown"
	"github.com/postdesk/postdesk/storage"
)

const renderUsage = `Usage: postdesk render FILE

Prints the body of the post FILE (without its front matter) as HTML, through
the same Markdown pipeline as the preview.
Exit status: 0 on success, 1 when the file cannot be read or parsed, 2 for a
wrong command line.
`

func runRender(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageError(stderr, renderUsage, "render takes one FILE")
	}
	post, err := storage.Load(args[0])
	if err != nil {
		fmt.Fprintln(stderr, describe(args[0], err))
		return exitProblem
	}
	w := bufio.NewWriter(stdout)
	if err := markdown.Render(w, post.Body()); err != nil {
		fmt.Fprintf(stderr, "%s: render: %v\n", args[0], err)
		return exitProblem
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	return exitOK
}
