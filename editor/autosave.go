package editor

import (
	"fmt"
	"sync"
	"time"

	"github.com/postdesk/postdesk/storage"
)

// DefaultAutosaveDelay is how long the editor must be quiet before its
// unsaved state goes to the journal.
const DefaultAutosaveDelay = time.Second

// maxWaitFactor bounds how long steady typing can put the journal off:
// after this many delays since the first unwritten change, the state is
// written even though the user is still typing.
const maxWaitFactor = 5

// Autosaver keeps the journal up to date with the unsaved state of open
// sessions. The editor calls Changed on every edit, which only takes a
// snapshot; the journal is written off the caller's goroutine once the
// session has been quiet for the delay. A write that fails is retried,
// and Err reports it meanwhile, so the user can be told.
//
// An Autosaver is safe for concurrent use. After Close it writes nothing.
type Autosaver struct {
	j       *storage.Journal
	delay   time.Duration
	maxWait time.Duration

	mu      sync.Mutex
	pending map[string]autosaveJob // by journal key: the newest state not yet written
	first   time.Time              // when the oldest pending job came
	timer   *time.Timer
	closed  bool
	err     error
	notify  func(AutosaveEvent)

	// io keeps journal writes one at a time and in order, so an older
	// state can never land over a newer one.
	io sync.Mutex
}

type autosaveJob struct {
	entry  storage.JournalEntry
	base   []byte // the file the edits started from; hashed off the caller's goroutine
	remove bool
}

// AutosaveOp says what an AutosaveEvent reports.
type AutosaveOp int

// The journal operations an Autosaver reports.
const (
	JournalWriting AutosaveOp = iota // a write is about to start
	JournalWritten                   // the entry is on disk, whole
	JournalRemoved                   // the entry is gone (saved or discarded)
	JournalFailed                    // a write or removal failed; it will be retried
)

// AutosaveEvent reports one journal operation, for a status line, a log
// or a test. Entry.Text is nil for removals.
type AutosaveEvent struct {
	Op    AutosaveOp
	Entry storage.JournalEntry
	Err   error
}

// NewAutosaver writes to j once edits have been quiet for delay; a delay
// of 0 means DefaultAutosaveDelay.
func NewAutosaver(j *storage.Journal, delay time.Duration) *Autosaver {
	if delay <= 0 {
		delay = DefaultAutosaveDelay
	}
	return &Autosaver{j: j, delay: delay, maxWait: maxWaitFactor * delay, pending: map[string]autosaveJob{}}
}

// Notify makes the Autosaver call f with every journal operation, on the
// goroutine doing it. f must be quick and must not call the Autosaver.
func (a *Autosaver) Notify(f func(AutosaveEvent)) {
	a.mu.Lock()
	a.notify = f
	a.mu.Unlock()
}

// Changed records that s was edited. It copies the session's state, so
// the caller may go on editing at once; the journal is written later. An
// edit that brings the session back to the file as saved removes its
// entry instead.
func (a *Autosaver) Changed(s *Session) {
	if !s.Modified() {
		a.queue(journalEntryOf(s), nil, true, 0)
		return
	}
	e := journalEntryOf(s)
	e.Text = s.post.Bytes() // a snapshot: the post makes a new slice on every edit
	e.Written = time.Now()
	// A session saved nowhere yet (saved == nil) started from no file.
	var base []byte
	if s.saved != nil {
		base = s.saved // as immutable as the post's bytes it came from
	}
	a.queue(e, base, false, a.delay)
}

// Saved records that s was saved: its entry is removed. If s was edited
// again since, its new state is journalled instead.
func (a *Autosaver) Saved(s *Session) { a.Changed(s) }

// Discard removes the entry of s whatever its state, when the user
// chooses to drop the unsaved edits.
func (a *Autosaver) Discard(s *Session) { a.queue(journalEntryOf(s), nil, true, 0) }

// journalEntryOf names the entry of s: its path, or for a session with no
// path an ID that is unique while it is open.
func journalEntryOf(s *Session) storage.JournalEntry {
	if s.Path() == "" {
		return storage.JournalEntry{ID: fmt.Sprintf("session-%p", s)}
	}
	return storage.JournalEntry{Path: s.Path()}
}

func (a *Autosaver) queue(e storage.JournalEntry, base []byte, remove bool, wait time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.pending[e.Key()] = autosaveJob{entry: e, base: base, remove: remove}
	now := time.Now()
	if a.first.IsZero() {
		a.first = now
	}
	if late := a.first.Add(a.maxWait).Sub(now); late < wait {
		wait = max(late, 0)
	}
	a.schedule(wait)
}

// schedule (re)arms the timer; a.mu must be held.
func (a *Autosaver) schedule(wait time.Duration) {
	if a.timer == nil {
		a.timer = time.AfterFunc(wait, func() { _ = a.Flush() })
		return
	}
	a.timer.Reset(wait)
}

// Flush writes every pending state now and returns the first error. The
// app calls it before it quits; tests call it instead of waiting.
func (a *Autosaver) Flush() error {
	a.io.Lock()
	defer a.io.Unlock()
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	jobs, notify := a.take()
	a.mu.Unlock()
	return a.run(jobs, notify)
}

// take empties the queue; a.mu must be held.
func (a *Autosaver) take() (map[string]autosaveJob, func(AutosaveEvent)) {
	jobs := a.pending
	a.pending = map[string]autosaveJob{}
	a.first = time.Time{}
	return jobs, a.notify
}

// run does the jobs; a.io must be held.
func (a *Autosaver) run(jobs map[string]autosaveJob, notify func(AutosaveEvent)) error {
	if notify == nil {
		notify = func(AutosaveEvent) {}
	}
	var first error
	for key, job := range jobs {
		var err error
		if job.remove {
			if err = a.j.Remove(key); err == nil {
				notify(AutosaveEvent{Op: JournalRemoved, Entry: job.entry})
			}
		} else {
			if job.base != nil {
				job.entry.BaseHash = storage.HashBytes(job.base)
			}
			notify(AutosaveEvent{Op: JournalWriting, Entry: job.entry})
			if err = a.j.Write(job.entry); err == nil {
				notify(AutosaveEvent{Op: JournalWritten, Entry: job.entry})
			}
		}
		a.mu.Lock()
		a.err = err
		if err != nil {
			if first == nil {
				first = err
			}
			// Try again later, unless a newer state has come meanwhile.
			if _, newer := a.pending[key]; !newer && !a.closed {
				a.pending[key] = job
				if a.first.IsZero() {
					a.first = time.Now()
				}
				a.schedule(a.maxWait)
			}
		}
		a.mu.Unlock()
		if err != nil {
			notify(AutosaveEvent{Op: JournalFailed, Entry: job.entry, Err: err})
		}
	}
	return first
}

// Err is the error of the last journal operation, nil when it worked: an
// app shows it so that the user knows the edits are not safe yet.
func (a *Autosaver) Err() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

// Close writes what is pending, once, and stops: nothing is written after
// Close returns, and later calls do nothing.
func (a *Autosaver) Close() error {
	a.io.Lock()
	defer a.io.Unlock()
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	a.closed = true
	if a.timer != nil {
		a.timer.Stop()
	}
	jobs, notify := a.take()
	a.mu.Unlock()
	return a.run(jobs, notify)
}
