package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// ErrAppeared refuses to overwrite a file that a Batch was not told it
// replaces: something else put it there after the caller looked.
var ErrAppeared = errors.New("appeared after the write was planned")

// Batch writes and removes several files all or nothing, as export puts
// a post and its images into a blog: a half-done export would publish a
// post whose images are missing, or lose the post it replaced.
//
// Write stages each new content in full beside its file (see Stage), so
// nothing is replaced until everything could be written; Commit then
// renames the files into place one by one, keeping each file it replaces
// under a dot-prefixed backup name until the last rename is done. On any
// failure, in Write or in Commit, the batch is undone: new files and the
// folders Write created removed, backups put back, so the folders are as
// they were. Jekyll skips dot files, so a temporary or backup file left by
// a crash is never published.
//
// A Batch is used by one goroutine: Write and Remove, then Commit once.
type Batch struct {
	// Replaces lists the existing files the batch may overwrite or
	// remove, as the caller found them when it planned. Any other file
	// found where the batch writes is never overwritten: Commit fails
	// with ErrAppeared.
	Replaces []string

	ops  []*batchOp
	dirs []string // folders Write created, to remove on failure
}

// batchOp is one file of a batch: new content for path, or its removal
// when staged is nil.
type batchOp struct {
	path   string  // the file as the caller names it
	dest   string  // the file changed: path, or the target of a link at path
	staged *Staged // the new content, written and flushed
	backup string  // the replaced file, kept until the end
	placed bool    // the new content is at dest
}

// Write stages the new content of path, given by write, creating the
// folders it needs. A symbolic link at path is followed, as a save
// follows it. On error the whole batch is undone and the error, which
// starts with the path, returned.
func (b *Batch) Write(path string, write func(io.Writer) error) error {
	if err := b.mkdirs(filepath.Dir(path)); err != nil {
		b.Discard()
		return err
	}
	st, err := Stage(path, write)
	if err != nil {
		b.Discard()
		return err
	}
	b.ops = append(b.ops, &batchOp{path: path, dest: st.Path, staged: st})
	return nil
}

// Remove plans the removal of path, which must be in Replaces; a file
// already gone is no error.
func (b *Batch) Remove(path string) {
	b.ops = append(b.ops, &batchOp{path: path, dest: path})
}

// mkdirs creates dir and remembers which folders it had to create.
func (b *Batch) mkdirs(dir string) error {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b.dirs = append(b.dirs, missing...)
	return nil
}

// Commit puts every file in place, in the order written, and returns the
// files written (not those removed) in that order. On error nothing is
// changed. At the end the folders changed are flushed, so that the
// renames survive a crash.
func (b *Batch) Commit() (written []string, err error) {
	for _, op := range b.ops {
		if err := b.commit(op); err != nil {
			b.Discard()
			return nil, err
		}
		if op.placed {
			written = append(written, op.path)
		}
	}
	b.finish()
	return written, nil
}

// commit puts op in place, keeping a backup of what it replaces.
func (b *Batch) commit(op *batchOp) error {
	_, err := os.Lstat(op.dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if op.staged == nil {
			return nil // already gone
		}
	case err != nil:
		return err
	case !slices.Contains(b.Replaces, op.path):
		return fmt.Errorf("%s %w", op.path, ErrAppeared)
	default:
		if err := op.keepBackup(); err != nil {
			return err
		}
	}
	if op.staged == nil {
		return nil
	}
	if err := op.staged.Commit(); err != nil {
		return err
	}
	op.placed = true
	return nil
}

// keepBackup keeps the file at op.dest under a dot-prefixed name. A hard
// link keeps the file in place until the new one is renamed over it, so
// that the file is never missing; where links are not supported, or the
// file is to be removed, it is renamed away instead.
func (op *batchOp) keepBackup() error {
	f, err := os.CreateTemp(filepath.Dir(op.dest), "."+filepath.Base(op.dest)+".postdesk-backup-*")
	if err != nil {
		return err
	}
	name := f.Name()
	_ = f.Close()
	if err := os.Remove(name); err != nil {
		return err
	}
	if op.staged == nil || os.Link(op.dest, name) != nil {
		if err := os.Rename(op.dest, name); err != nil {
			return err
		}
	}
	op.backup = name
	return nil
}

// Discard undoes every step the batch has taken, last first, and empties
// it: staged contents dropped, files placed removed, backups put back,
// folders created removed. Commit and a failed Write call it; a caller
// that gives up on a batch before Commit calls it too.
func (b *Batch) Discard() {
	for i := len(b.ops) - 1; i >= 0; i-- {
		op := b.ops[i]
		switch {
		case op.backup != "":
			_ = os.Rename(op.backup, op.dest)
		case op.placed:
			_ = os.Remove(op.dest)
		}
		if op.staged != nil {
			op.staged.Discard()
		}
	}
	// Deeper folders first: a longer path cannot hold a shorter one.
	slices.SortFunc(b.dirs, func(x, y string) int { return len(y) - len(x) })
	for _, d := range b.dirs {
		_ = os.Remove(d)
	}
	b.ops, b.dirs = nil, nil
}

// finish makes the renames durable, flushing every folder they changed
// (and the parents of folders created), then removes the backups. The
// files are complete already, so a flush that fails is not reported.
func (b *Batch) finish() {
	var dirs []string
	for _, op := range b.ops {
		dirs = append(dirs, filepath.Dir(op.dest))
	}
	for _, d := range b.dirs {
		dirs = append(dirs, filepath.Dir(d))
	}
	slices.Sort(dirs)
	for _, d := range slices.Compact(dirs) {
		_ = SyncDir(d)
	}
	for _, op := range b.ops {
		if op.backup != "" {
			_ = os.Remove(op.backup)
		}
	}
	b.ops, b.dirs = nil, nil
}
