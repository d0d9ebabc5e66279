package cli

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/postdesk/postdesk/editor"
	"github.com/postdesk/postdesk/storage"
)

const stressUsage = `Usage: postdesk stress-edit FILE --journal DIR [--seed N] [--ops K]
       [--delay D] [--pause D]

A test harness, not for users: opens FILE, makes K random edits (Korean
text appended to the body, title and tag changes) through the editor's
session, journals them with the autosaver into DIR and saves every few
edits, printing one line per step so that a parent that kills it knows
what was last done:

  ready SHA          FILE opened; SHA is the sha256 of its bytes
  edit N SHA         edit N made; SHA is the post as it would be saved
  saving N SHA       a save of that state starts
  saved N SHA        the save is done and the autosaver told
  journaling SHA     an autosave journal write starts
  journal SHA        the journal write is done
  unjournaled        the journal entry was removed
  journal-failed E   a journal write or removal failed
  done               all edits made, journal flushed
`

func runStress(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("stress-edit", flag.ContinueOnError)
	journalDir := flags.String("journal", "", "")
	seed := flags.Uint64("seed", 1, "")
	ops := flags.Int("ops", 100, "")
	delay := flags.Duration("delay", 2*time.Millisecond, "")
	pause := flags.Duration("pause", time.Millisecond, "")
	files, err := parseArgs(flags, args)
	if err != nil {
		return usageError(stderr, stressUsage, "%v", err)
	}
	if len(files) != 1 || *journalDir == "" {
		return usageError(stderr, stressUsage, "stress-edit needs a FILE and --journal DIR")
	}
	file := files[0]

	// Every line is one write, so lines from the autosaver's goroutine
	// never mix with the main one's, and each is out before the step it
	// announces goes on.
	var mu sync.Mutex
	say := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(stdout, format+"\n", args...)
	}

	s, err := editor.Open(file)
	if err != nil {
		fmt.Fprintln(stderr, describe(file, err))
		return exitProblem
	}
	say("ready %s", storage.HashBytes(s.Post().Bytes()))

	auto := editor.NewAutosaver(&storage.Journal{Dir: *journalDir}, *delay)
	auto.Notify(func(e editor.AutosaveEvent) {
		switch e.Op {
		case editor.JournalWriting:
			say("journaling %s", storage.HashBytes(e.Entry.Text))
		case editor.JournalWritten:
			say("journal %s", storage.HashBytes(e.Entry.Text))
		case editor.JournalRemoved:
			say("unjournaled")
		case editor.JournalFailed:
			say("journal-failed %v", e.Err)
		}
	})

	rng := rand.New(rand.NewPCG(*seed, 0x706f737464657368))
	saveIn := 3 + rng.IntN(6)
	for n := 1; n <= *ops; n++ {
		if err := stressEdit(s, rng, n); err != nil {
			fmt.Fprintf(stderr, "postdesk: edit %d: %v\n", n, err)
			return exitProblem
		}
		sum := storage.HashBytes(s.Post().Bytes())
		// Announced before the autosaver sees it, so that whatever state
		// the journal holds after a kill has been announced.
		say("edit %d %s", n, sum)
		auto.Changed(s)
		if saveIn--; saveIn == 0 {
			saveIn = 3 + rng.IntN(6)
			say("saving %d %s", n, sum)
			if err := s.Save(); err != nil {
				fmt.Fprintf(stderr, "postdesk: %v\n", err)
				return exitProblem
			}
			auto.Saved(s)
			say("saved %d %s", n, sum)
		}
		if *pause > 0 {
			time.Sleep(time.Duration(rng.Int64N(int64(*pause) + 1)))
		}
	}
	if err := auto.Close(); err != nil {
		fmt.Fprintf(stderr, "postdesk: %v\n", err)
		return exitProblem
	}
	say("done")
	return exitOK
}

var stressWords = []string{"저장", "하지", "않은", "글은", "사라지지", "않는다", "자동", "저장이", "일기를", "지킨다", "커밋", "브랜치", "빌드"}

// stressEdit makes one random edit of the kinds the window makes.
func stressEdit(s *editor.Session, rng *rand.Rand, n int) error {
	switch r := rng.IntN(10); {
	case r < 6:
		body := s.Body()
		// Keep the file small, so that a few hundred runs stay quick.
		if len(body) > 16<<10 {
			body = body[:strings.IndexByte(body, '\n')+1]
		}
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(stressWords[rng.IntN(len(stressWords))])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "(%d).\n", n)
		s.SetBody(body + b.String())
		return nil
	case r < 8:
		return s.SetText("title", fmt.Sprintf("강제 종료 시험 %d: %s", n, stressWords[rng.IntN(len(stressWords))]))
	default:
		var tags []string
		for _, w := range stressWords[:6] {
			if rng.IntN(2) == 0 {
				tags = append(tags, w)
			}
		}
		return s.SetList("tags", append(tags, fmt.Sprint("t", n)))
	}
}
