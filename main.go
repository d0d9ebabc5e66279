// Postdesk is a desktop app for writing static-blog posts. With no
// arguments it opens the window; with a subcommand it runs headless.
package main

import (
	"os"

	"github.com/postdesk/postdesk/app"
	"github.com/postdesk/postdesk/app/cli"
)

func main() {
	if len(os.Args) > 1 {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	app.Run()
}
