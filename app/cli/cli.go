// Package cli is Postdesk's headless command line: the same storage and
// editor code the window uses, driven from a terminal or a script.
package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/postdesk/postdesk/storage"
)

// Exit codes, as the usual Unix tools use them.
const (
	exitOK      = 0
	exitProblem = 1 // the command ran and found a problem, or failed
	exitUsage   = 2 // the command line itself is wrong
)

// command is one subcommand: what it is for, how to call it, and its body.
type command struct {
	summary string
	usage   string
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"check":  {"report posts whose front matter does not parse", checkUsage, runCheck},
		"set":    {"edit front matter fields and save", setUsage, runSet},
		"render": {"print a post's body as HTML", renderUsage, runRender},
		"new":    {"start a draft from the post template", newUsage, runNew},
		"export": {"publish a post into a Jekyll blog, or as HTML", exportUsage, runExport},
		// Hidden: issue 6's kill test runs it; mainUsage does not list it.
		"stress-edit": {"edit, autosave and save a post at random", stressUsage, runStress},
	}
}

// Run runs the subcommand named by args[0] and returns the exit code:
// 0 when all went well, 1 for a problem found or a failure, 2 for a
// command line that is wrong.
func Run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || isHelp(args[0]) || args[0] == "help" {
		if len(args) == 2 {
			if c, ok := cmds[args[1]]; ok {
				fmt.Fprint(stdout, c.usage)
				return exitOK
			}
		}
		fmt.Fprint(stdout, mainUsage(cmds))
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "postdesk: unknown command %q\n\n%s", args[0], mainUsage(cmds))
		return exitUsage
	}
	for _, a := range args[1:] {
		if isHelp(a) {
			fmt.Fprint(stdout, c.usage)
			return exitOK
		}
	}
	return c.run(args[1:], stdout, stderr)
}

// WindowPath tells whether the command line asks for the window rather
// than a command: no arguments, or one argument naming a post file. path
// is that file, or "".
func WindowPath(args []string) (path string, ok bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 1 && storage.IsPostFile(filepath.Base(args[0])):
		return args[0], true
	}
	return "", false
}

func isHelp(a string) bool { return a == "-h" || a == "-help" || a == "--help" }

func mainUsage(cmds map[string]command) string {
	var b strings.Builder
	b.WriteString("Usage: postdesk [FILE.md | COMMAND [ARGS]]\n\nWith no command, Postdesk opens its window, with FILE.md when given. Commands:\n")
	for _, name := range []string{"new", "check", "set", "render", "export"} {
		fmt.Fprintf(&b, "  %-8s %s\n", name, cmds[name].summary)
	}
	b.WriteString("\nRun 'postdesk COMMAND --help' for a command's arguments.\n")
	return b.String()
}

// parseArgs parses args with flags, which must be ContinueOnError, and
// returns the arguments that are not options, in order. Unlike
// flags.Parse alone, it takes them wherever they stand, so that FILE may
// come before the options; after "--" every argument is one.
func parseArgs(flags *flag.FlagSet, args []string) ([]string, error) {
	flags.SetOutput(io.Discard)
	var rest []string
	for {
		if err := flags.Parse(args); err != nil {
			return nil, err
		}
		left := flags.Args()
		if len(left) == 0 {
			return rest, nil
		}
		if used := len(args) - len(left); used > 0 && args[used-1] == "--" {
			return append(rest, left...), nil
		}
		rest, args = append(rest, left[0]), left[1:]
	}
}

// usageError reports a wrong command line and how to call the command.
func usageError(stderr io.Writer, usage, format string, args ...any) int {
	fmt.Fprintf(stderr, "postdesk: "+format+"\n\n%s", append(args, usage)...)
	return exitUsage
}
