package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"

	"github.com/postdesk/postdesk/editor/publish"
	"github.com/postdesk/postdesk/storage"
)

const exportUsage = `Usage: postdesk export FILE --blog DIR [--slug S] [--force]
       postdesk export FILE --html OUT [--blog DIR]

Publishes the post FILE into the Jekyll blog DIR as
DIR/_posts/YYYY-MM-DD-SLUG.md, the date as Jekyll reads it in the blog's time
zone. Local images the post shows are copied into
DIR/assets/img/posts/SLUG/ and their links rewritten; nothing else in the
post changes. The post is checked first: with any error, or another post in
the way, nothing is written. Exporting the same post again (same title and
date) updates its earlier export. Everything is written or nothing is.

  --blog DIR   the Jekyll site folder (with _config.yml)
  --slug S     the slug of the file name and URL (default: from the title)
  --force      replace another post with the same file name, and remove
               posts with the same slug under another date
  --html OUT   instead, write the post as one standalone HTML page OUT,
               its local images in OUT_files/; --blog then only serves
               to find /assets/... images

Prints the target, then warnings and errors (on stderr), then each file
written.
Exit status: 0 when exported, 1 when the post has errors, another post is in
the way or writing failed, 2 for a wrong command line.
`

func runExport(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("export", flag.ContinueOnError)
	blogDir := flags.String("blog", "", "")
	slug := flags.String("slug", "", "")
	htmlOut := flags.String("html", "", "")
	force := flags.Bool("force", false, "")
	files, err := parseArgs(flags, args)
	switch {
	case err != nil:
		return usageError(stderr, exportUsage, "%v", err)
	case len(files) == 0:
		return usageError(stderr, exportUsage, "export needs a FILE")
	case len(files) > 1:
		return usageError(stderr, exportUsage, "export takes one FILE, not also %q", files[1])
	case *htmlOut == "" && *blogDir == "":
		return usageError(stderr, exportUsage, "export needs --blog DIR (or --html OUT)")
	case *htmlOut != "" && (*slug != "" || *force):
		return usageError(stderr, exportUsage, "--slug and --force are for export into a blog, not --html")
	}
	file := files[0]

	post, err := storage.Load(file)
	if err != nil {
		fmt.Fprintln(stderr, describe(file, err))
		return exitProblem
	}
	var blog *storage.Blog
	if *blogDir != "" {
		if blog, err = storage.OpenBlog(*blogDir); err != nil {
			fmt.Fprintf(stderr, "postdesk: %v\n", err)
			return exitProblem
		}
	}
	if *htmlOut != "" {
		blogDir := ""
		if blog != nil {
			blogDir = blog.Dir
		}
		if err := publish.HTML(post, *htmlOut, blogDir); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			return exitProblem
		}
		fmt.Fprintf(stdout, "wrote %s\n", *htmlOut)
		return exitOK
	}

	plan, err := publish.Plan(post, publish.Options{Blog: blog, Slug: *slug, Force: *force})
	if err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	if plan.Target != "" {
		fmt.Fprintf(stdout, "target %s\n", plan.Target)
	}
	for _, pr := range plan.Problems {
		kind := "error"
		if pr.Warning {
			kind = "warning"
		}
		fmt.Fprintf(stderr, "%s: %s: %s\n", file, kind, pr)
	}
	if errs := plan.Errors(); len(errs) > 0 {
		fmt.Fprintf(stderr, "%s: not exported: %d errors; nothing was written\n", file, len(errs))
		return exitProblem
	}
	written, err := plan.Apply()
	if err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	for _, r := range plan.Replaces {
		if !slices.Contains(written, r) {
			fmt.Fprintf(stdout, "removed %s\n", r)
		}
	}
	for _, w := range written {
		fmt.Fprintf(stdout, "wrote %s\n", w)
	}
	return exitOK
}
