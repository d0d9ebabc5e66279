package storage

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Save writes the post back to its path atomically. See WriteFile.
func (p *Post) Save() error { return WriteFile(p.Path, p.src) }

// WriteFile replaces the file at path with data so that, whatever
// happens, path holds either its old content or the new, never a mix: the
// data goes to a temporary file in the same folder, is flushed to disk,
// and is renamed over path. The temporary file's name starts with a dot,
// so that Jekyll, which skips dot files, can never publish a leftover.
// The file keeps its permission bits; a link is followed and its target
// replaced. On any error the original is untouched and the temporary file
// removed.
func WriteFile(path string, data []byte) error {
	return writeAtomic(path, data, writeAll)
}

func writeAll(f *os.File, data []byte) error {
	_, err := f.Write(data)
	return err
}

// writeAtomic is WriteFile with the writing step passed in, so that tests
// can make it fail half-way.
func writeAtomic(path string, data []byte, write func(*os.File, []byte) error) error {
	st, err := stage(path, func(f *os.File) error { return write(f, data) })
	if err != nil {
		return fmt.Errorf("save %w", err)
	}
	if err := st.Commit(); err != nil {
		st.Discard()
		return fmt.Errorf("save %w", err)
	}
	// The rename is durable only once the folder is flushed too; the new
	// content is already complete, so a failure here is not reported.
	_ = SyncDir(filepath.Dir(st.Path))
	return nil
}

// Staged is the new content of a file, written in full to a temporary
// file in the file's folder and flushed to disk, but not in place yet:
// Commit puts it there in one rename, Discard drops it. The temporary
// file's name starts with a dot, so that Jekyll, which skips dot files,
// never publishes a leftover.
type Staged struct {
	// Path is the file the content is for. Where the path given to Stage
	// is a symbolic link, it is the link's target, which the content
	// replaces, so that the link stays.
	Path string
	// Temp holds the content until Commit or Discard, then "".
	Temp string
}

// Stage writes the new content of path, given by write, to a temporary
// file beside it, with the permission bits of the file there (0644 for a
// new one), and flushes it to disk. path must be a regular file or not
// exist; its folder must exist. On error nothing is left behind. Errors
// start with the path.
func Stage(path string, write func(io.Writer) error) (*Staged, error) {
	return stage(path, func(f *os.File) error { return write(f) })
}

func stage(path string, write func(*os.File) error) (st *Staged, err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	mode := fs.FileMode(0o644)
	switch info, err := os.Stat(path); {
	case err == nil && !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s: not a regular file", path)
	case err == nil:
		mode = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+name+".postdesk-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return nil, fmt.Errorf("%s: write: %w", path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return nil, fmt.Errorf("%s: flush to disk: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Staged{Path: path, Temp: f.Name()}, nil
}

// Commit renames the content over Path in one step. The rename survives
// a crash once the folder is flushed too: see SyncDir.
func (s *Staged) Commit() error {
	if err := os.Rename(s.Temp, s.Path); err != nil {
		return fmt.Errorf("%s: %w", s.Path, err)
	}
	s.Temp = ""
	return nil
}

// Discard removes the content not committed; after Commit it does
// nothing.
func (s *Staged) Discard() {
	if s.Temp != "" {
		_ = os.Remove(s.Temp)
		s.Temp = ""
	}
}

// CreateFile writes data to a new file at path, which must not exist:
// a file there, even one that appears meanwhile, is never replaced, and
// the error wraps fs.ErrExist. The file appears whole or not at all: the
// data is staged (see Stage) and then linked to path, which fails when
// path exists. Where the file system has no hard links, path is created
// empty and exclusively, and the staged file renamed over it; a crash
// then may leave that empty file, never a torn one.
func CreateFile(path string, data []byte) error {
	return createFile(path, func(f *os.File) error { return writeAll(f, data) }, os.Link)
}

// createFile is CreateFile with the writing step and the link passed in,
// so that tests can watch the one and refuse the other.
func createFile(path string, write func(*os.File) error, link func(old, new string) error) error {
	if _, err := os.Lstat(path); err == nil {
		return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
	}
	st, err := stage(path, write)
	if err != nil {
		return err
	}
	defer st.Discard()
	if err := link(st.Temp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "create", Path: path, Err: fs.ErrExist}
		}
		// No hard links here: take the name, then fill it in one rename.
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		_ = f.Close()
		if err := st.Commit(); err != nil {
			_ = os.Remove(path)
			return err
		}
	}
	_ = SyncDir(filepath.Dir(path))
	return nil
}
