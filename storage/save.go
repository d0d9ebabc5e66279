package storage

import (
	"errors"
	"fmt"
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
func writeAtomic(path string, data []byte, write func(*os.File, []byte) error) (err error) {
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	mode := fs.FileMode(0o644)
	switch info, err := os.Stat(path); {
	case err == nil && !info.Mode().IsRegular():
		return fmt.Errorf("save %s: not a regular file", path)
	case err == nil:
		mode = info.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+name+".postdesk-*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = write(f, data); err != nil {
		return fmt.Errorf("save %s: write: %w", path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("save %s: flush to disk: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	// The rename is durable only once the folder is flushed too; the new
	// content is already complete, so a failure here is not reported.
	syncDir(dir)
	return nil
}
