package editor

import (
	"crypto/rand"
	"slices"
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
	pending map[string]autosaveJob          // by journal key: the newest state not yet written
	names   map[string]storage.JournalEntry // by session ID: the path and ID of its newest state
	first   time.Time                       // when the oldest pending job came
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
	// stale are entries the session left under keys it no longer has
	// (after a Save as), removed only once this job is done, so that a
	// crash in between still finds one of them.
	stale []storage.JournalEntry
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
	return &Autosaver{j: j, delay: delay, maxWait: maxWaitFactor * delay, pending: map[string]autosaveJob{}, names: map[string]storage.JournalEntry{}}
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
// path its ID. The ID goes with a path too, so that the Autosaver knows
// the session when its path changes.
func journalEntryOf(s *Session) storage.JournalEntry {
	return storage.JournalEntry{Path: s.Path(), ID: s.id}
}

// newJournalID names a session's entry while it has no path: random, so
// that it stays unique across runs of the app whose entries were kept.
func newJournalID() string { return rand.Text() }

func (a *Autosaver) queue(e storage.JournalEntry, base []byte, remove bool, wait time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	key := e.Key()
	job := autosaveJob{entry: e, base: base, remove: remove, stale: a.pending[key].stale}
	if old, ok := a.names[e.ID]; ok && old.Key() != key {
		// The session's key changed (Save as). A state still waiting under
		// the old key is older than this one, so it is dropped; the entry
		// under the old key goes once this job is done.
		job.stale = append(job.stale, a.pending[old.Key()].stale...)
		job.stale = append(job.stale, old)
		delete(a.pending, old.Key())
	}
	job.stale = slices.DeleteFunc(job.stale, func(s storage.JournalEntry) bool { return s.Key() == key })
	a.names[e.ID] = storage.JournalEntry{Path: e.Path, ID: e.ID}
	a.pending[key] = job
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
func (a *Autosaver) Flush() error { return a.drain(false) }

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
		var leftover []storage.JournalEntry // stale entries whose removal failed
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
		if err == nil {
			for _, old := range job.stale {
				if rerr := a.j.Remove(old.Key()); rerr != nil {
					err = rerr
					leftover = append(leftover, old)
					continue
				}
				notify(AutosaveEvent{Op: JournalRemoved, Entry: old})
			}
		}
		a.mu.Lock()
		a.err = err
		if err != nil {
			if first == nil {
				first = err
			}
			if leftover == nil {
				a.retry(key, job)
			}
			for _, old := range leftover {
				a.retry(old.Key(), autosaveJob{entry: old, remove: true})
			}
		}
		a.mu.Unlock()
		if err != nil {
			notify(AutosaveEvent{Op: JournalFailed, Entry: job.entry, Err: err})
		}
	}
	return first
}

// retry queues a failed job again, unless a newer state for its key has
// come meanwhile, which then takes over the entries the job was to
// remove; a.mu must be held.
func (a *Autosaver) retry(key string, job autosaveJob) {
	if a.closed {
		return
	}
	if newer, ok := a.pending[key]; ok {
		newer.stale = append(newer.stale, job.stale...)
		a.pending[key] = newer // already scheduled
		return
	}
	a.pending[key] = job
	if a.first.IsZero() {
		a.first = time.Now()
	}
	a.schedule(a.maxWait)
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
func (a *Autosaver) Close() error { return a.drain(true) }

// drain writes what is pending, and with stop closes the Autosaver. It
// does nothing once closed.
func (a *Autosaver) drain(stop bool) error {
	a.io.Lock()
	defer a.io.Unlock()
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	if stop {
		a.closed = true
		if a.timer != nil {
			a.timer.Stop()
		}
	}
	jobs, notify := a.take()
	a.mu.Unlock()
	return a.run(jobs, notify)
}
