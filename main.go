// Postdesk is a desktop app for writing static-blog posts. With no
// arguments, or a post file, it opens the window; with a subcommand it
// runs headless.
package main

import (
	"os"

	"github.com/postdesk/postdesk/app"
	"github.com/postdesk/postdesk/app/cli"
)

func main() {
	args := os.Args[1:]
	if path, ok := cli.WindowPath(args); ok {
		app.Run(path)
		return
	}
	os.Exit(cli.Run(args, os.Stdout, os.Stderr))
}
