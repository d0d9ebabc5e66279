//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/postdesk/postdesk/storage"
)

// The kill test of issue 6. Environment:
//
//	POSTDESK_STRESS_RUNS  how many times to start and kill the program (300)
//	POSTDESK_STRESS_SEED  the seed of the whole test (1), to replay a failure
//	POSTDESK_BIN          a postdesk binary to test instead of building one
const (
	stressOps     = 100                    // edits per run
	stressKillMax = 120 * time.Millisecond // a kill lands this long after "ready", at most
)

// TestKillDuringEdits starts the real program again and again on one post,
// lets it edit, autosave and save, and kills it with SIGKILL at a random
// moment. After every kill the post must be the content before the run or
// one the program set out to save: never torn, never empty. The journal
// must be absent or a whole entry holding a state the program made, and
// between them the file and the journal must hold every edit the program
// reported as saved or journalled. Then the test does what the user's
// "restore" would, and goes on with the next run.
func TestKillDuringEdits(t *testing.T) {
	runs := envInt(t, "POSTDESK_STRESS_RUNS", 300)
	if testing.Short() {
		runs = min(runs, 30)
	}
	seed := uint64(envInt(t, "POSTDESK_STRESS_SEED", 1))
	bin := postdeskBinary(t)

	dir := t.TempDir()
	postDir := filepath.Join(dir, "_posts")
	post := filepath.Join(postDir, "2024-07-14-강제-종료.md")
	fixture, err := os.ReadFile(filepath.Join("testdata", "journal", "2024-07-14-강제-종료.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(postDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(post, fixture, 0o644); err != nil {
		t.Fatal(err)
	}
	j := &storage.Journal{Dir: filepath.Join(dir, "config", "postdesk", "journal")}

	var sum stressSummary
	rng := rand.New(rand.NewPCG(seed, 6))
	t.Logf("seed %d, %d runs", seed, runs)
	for run := range runs {
		childSeed := rng.Uint64()
		killAfter := time.Duration(rng.Int64N(int64(stressKillMax)))
		ops := stressOps
		if rng.IntN(8) == 0 {
			ops = 1 + rng.IntN(8) // short enough that some runs end before the kill
		}
		before, err := os.ReadFile(post)
		if err != nil {
			t.Fatal(err)
		}
		lines := runAndKill(t, bin, killAfter, "stress-edit", post, "--journal", j.Dir,
			"--seed", strconv.FormatUint(childSeed, 10), "--ops", strconv.Itoa(ops),
			"--delay", "2ms", "--pause", "3ms")
		if !sum.check(t, run, j, post, before, lines) {
			t.Fatalf("run %d (child seed %d, kill after %v) failed; its output:\n%s",
				run, childSeed, killAfter, strings.Join(lines, "\n"))
		}
	}
	sum.tempFiles = countTemps(t, postDir) + countTemps(t, j.Dir)
	t.Logf("runs %d, kills %d (during save %d, during journal write %d), finished %d; "+
		"files torn %d, journals unreadable %d, edits lost %d; journals restored %d, stale journals %d; "+
		"leftover temp files %d",
		runs, sum.kills, sum.duringSave, sum.duringJournal, sum.finished,
		sum.torn, sum.unreadable, sum.lost, sum.restored, sum.stale, sum.tempFiles)
}

// stressSummary counts what the runs showed.
type stressSummary struct {
	kills, finished, duringSave, duringJournal int
	torn, unreadable, lost, restored, stale    int
	tempFiles                                  int
	temps                                      int // temporary files seen so far
}

// check checks the post and the journal after one run, against the lines
// the program printed, and reports whether all is well.
func (s *stressSummary) check(t *testing.T, run int, j *storage.Journal, post string, before []byte, lines []string) bool {
	t.Helper()
	ok := true
	fail := func(format string, args ...any) {
		t.Errorf("run %d: "+format, append([]any{run}, args...)...)
		ok = false
	}

	// What the program announced: the index of every state it made (0 for
	// the content it opened), which it set out to save, and which states
	// it reported safe on disk.
	index := map[string]int{storage.HashBytes(before): 0}
	saving := map[string]bool{storage.HashBytes(before): true}
	durable, last := 0, 0
	var inSave, inJournal, done bool
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "ready":
			if f[1] != storage.HashBytes(before) {
				fail("the program read %s, not the file as left by the run before", f[1])
			}
		case "edit":
			n, _ := strconv.Atoi(f[1])
			index[f[2]], last = n, n
		case "saving":
			saving[f[2]], inSave = true, true
		case "saved":
			inSave = false
			durable = max(durable, index[f[2]])
		case "journaling":
			inJournal = true
		case "journal":
			inJournal = false
			durable = max(durable, index[f[1]])
		case "done":
			// Closing the autosaver flushes the journal: the last edit
			// is on disk, saved or journalled.
			done, durable = true, last
		case "journal-failed":
			fail("journal write failed: %s", l)
		}
	}
	switch {
	case done:
		s.finished++
	default:
		s.kills++
		if inSave {
			s.duringSave++
		}
		if inJournal {
			s.duringJournal++
		}
	}

	after, err := os.ReadFile(post)
	if err != nil {
		fail("post unreadable: %v", err)
		return false
	}
	fileAt, known := index[storage.HashBytes(after)]
	switch {
	case len(after) == 0 || !saving[storage.HashBytes(after)] || !known:
		s.torn++
		fail("the post is neither the old content nor a saved one (%d bytes)", len(after))
	case storage.Parse(post, after).Err() != nil:
		s.torn++
		fail("the post no longer parses: %v", storage.Parse(post, after).Err())
	}

	recovered := fileAt
	e, present, err := j.Read(post)
	switch {
	case err != nil:
		s.unreadable++
		fail("journal: %v", err)
	case present:
		at, known := index[storage.HashBytes(e.Text)]
		if !known {
			s.unreadable++
			fail("the journal holds a state the program never made")
			break
		}
		if p := storage.Parse(post, e.Text); p.Err() != nil {
			s.unreadable++
			fail("the journal's text does not parse: %v", p.Err())
		}
		if at < fileAt {
			// A kill between a save and the removal of its journal entry
			// leaves an entry older than the file: FileChangedSince tells
			// the app to compare rather than restore.
			s.stale++
			if !e.FileChangedSince(after) {
				fail("a stale journal entry claims the file is unchanged since")
			}
		}
		if at > fileAt && e.Differs(after) {
			recovered = at
		}
	}
	if recovered < durable {
		s.lost++
		fail("edit %d was reported saved or journalled, but the file and journal hold only up to edit %d", durable, recovered)
	}

	// The user restores what the journal offers, which saves it, and the
	// entry goes: the next run starts from there. (No atomic save here:
	// nothing kills the test, and an fsync costs more than a run.)
	if present && recovered > fileAt {
		if err := os.WriteFile(post, e.Text, 0o644); err != nil {
			t.Fatal(err)
		}
		s.restored++
	}
	if err := j.Remove(post); err != nil {
		t.Fatal(err)
	}

	// A temporary file may outlive only a kill in the middle of a save
	// or journal write; it is left in place, to show that later saves are
	// not confused by it (and Jekyll skips dot files).
	temps := countTemps(t, filepath.Dir(post)) + countTemps(t, j.Dir)
	if temps > s.temps && !inSave && !inJournal {
		fail("%d new temporary files, but the kill was not during a write", temps-s.temps)
	}
	s.temps = temps
	return ok
}

// countTemps counts WriteFile's temporary files in dir.
func countTemps(t *testing.T, dir string) int {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join(dir, ".*.postdesk-*.tmp"))
	return len(names)
}

// runAndKill starts bin with args, waits for its first line, kills it
// with SIGKILL after killAfter and returns every whole line it printed.
func runAndKill(t *testing.T, bin string, killAfter time.Duration, args ...string) []string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ch := make(chan string, 1024)
	go func() {
		defer close(ch)
		r := bufio.NewReader(out)
		for {
			l, err := r.ReadString('\n')
			if err != nil {
				return // a line cut by the kill is dropped
			}
			ch <- strings.TrimSuffix(l, "\n")
		}
	}()
	var lines []string
	select {
	case l, ok := <-ch:
		if ok {
			lines = append(lines, l)
		}
	case <-time.After(30 * time.Second):
		t.Log("the program printed nothing in 30 s; killing it")
	}
	time.Sleep(killAfter)
	_ = cmd.Process.Kill() // SIGKILL on Unix; an error means it already ended
	for l := range ch {
		lines = append(lines, l)
	}
	_ = cmd.Wait()
	if stderr.Len() > 0 {
		t.Errorf("the program wrote to stderr: %s", stderr.Bytes())
	}
	return lines
}

// postdeskBinary builds the real program, the module root's main
// package, or returns POSTDESK_BIN.
func postdeskBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("POSTDESK_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(t.TempDir(), "postdesk")
	out, err := exec.Command("go", "build", "-o", bin, "../..").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		t.Fatalf("%s=%q: want a whole number", name, v)
	}
	return n
}
