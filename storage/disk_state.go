package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// Expected states of a post file that something else has touched: the
// app asks the user what to do, and nothing is overwritten meanwhile.
var (
	// ErrChangedOnDisk refuses a save over a file that is no longer the
	// one last read or written: git, another editor or a sync tool wrote
	// it since.
	ErrChangedOnDisk = errors.New("file changed on disk since it was opened")
	// ErrDeleted refuses a save to a file that was deleted or renamed
	// away since it was opened. Writing it again is the user's choice
	// (ForceSave).
	ErrDeleted = errors.New("file was deleted or renamed since it was opened")
)

// FileState is a file as Postdesk last read or wrote it. The zero
// FileState stands for no file at all, as for a post not yet saved.
type FileState struct {
	Size    int64
	ModTime time.Time
	Hash    string // hex sha256 of the content (HashBytes)
}

// HashBytes is the hex sha256 of b, the form FileState and the
// journal's BaseHash use.
func HashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hashAlways is the size up to which Changed hashes the file even when
// size and time are unchanged: a time stamp may be as coarse as a second
// or two, and a one-letter edit keeps the size, while hashing a post of
// this size costs well under a millisecond. Larger files are compared by
// size and time first.
const hashAlways = 4 << 20

// StatFile reads the state of the file at path.
func StatFile(path string) (FileState, error) {
	_, state, err := readState(path)
	return state, err
}

// LoadState reads and parses the post at path, as Load does, and returns
// the state of the very bytes it parsed: the file is read once, so a
// write landing meanwhile cannot give the post one text and the state
// another.
func LoadState(path string) (*Post, FileState, error) {
	src, state, err := readState(path)
	if err != nil {
		return nil, FileState{}, fmt.Errorf("read post: %w", err)
	}
	p := Parse(path, src)
	return p, state, p.Err()
}

// readState reads the file at path and its state. The time is taken
// before the content, from the file read: a write after it makes the
// time differ, so Changed hashes the file again rather than trust it.
func readState(path string) ([]byte, FileState, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, FileState{}, err
	}
	defer func() { _ = f.Close() }()
	info, err := f.Stat()
	if err != nil {
		return nil, FileState{}, err
	}
	data := make([]byte, 0, info.Size()+bytes.MinRead)
	b := bytes.NewBuffer(data)
	if _, err := b.ReadFrom(f); err != nil {
		return nil, FileState{}, err
	}
	return b.Bytes(), stateOf(b.Bytes(), info), nil
}

// stateOf is the state of a file holding data; its size is that of data,
// not of info, which may have been taken while the file was changing.
func stateOf(data []byte, info fs.FileInfo) FileState {
	return FileState{Size: int64(len(data)), ModTime: info.ModTime(), Hash: HashBytes(data)}
}

// Exists tells whether s is the state of a file rather than of none.
func (s FileState) Exists() bool { return s.Hash != "" }

// Changed tells whether the file at path is no longer in state s. A file
// that was touched but holds the same bytes has not changed; a file that
// is gone has, unless s is the zero state. Up to a few MiB the content is
// always hashed (see hashAlways); beyond, only when size or time differ.
func (s FileState) Changed(path string) (bool, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s.Exists(), nil
	case err != nil:
		return false, err
	case !s.Exists():
		return true, nil
	case info.Size() != s.Size:
		return true, nil
	case info.Size() > hashAlways && info.ModTime().Equal(s.ModTime):
		return false, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return HashBytes(data) != s.Hash, nil
}

// SaveIfUnchanged writes data to path atomically (WriteFile) only if the
// file is still in state expect, and returns its new state. A file that
// changed is refused with ErrChangedOnDisk, a file gone with ErrDeleted;
// either way nothing is written and the caller asks the user. A zero
// expect saves a new file, and is refused with ErrChangedOnDisk if a file
// appeared there meanwhile.
//
// The check and the rename are separate steps, so a write landing in
// between is not caught; it is the moment of the save itself, against
// the seconds or hours that the check covers.
func SaveIfUnchanged(path string, data []byte, expect FileState) (FileState, error) {
	changed, err := expect.Changed(path)
	if err != nil {
		return expect, fmt.Errorf("save %s: %w", path, err)
	}
	if changed {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return expect, fmt.Errorf("save %s: %w", path, ErrDeleted)
		}
		return expect, fmt.Errorf("save %s: %w", path, ErrChangedOnDisk)
	}
	return ForceSave(path, data)
}

// ForceSave writes data to path atomically whatever is there now, as when
// the user chose "keep mine" or to save a deleted file again, and returns
// the file's new state.
func ForceSave(path string, data []byte) (FileState, error) {
	if err := WriteFile(path, data); err != nil {
		return FileState{}, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return FileState{}, fmt.Errorf("save %s: %w", path, err)
	}
	return stateOf(data, info), nil
}

// FileStamp tells one version of a file from the next without reading
// it: a file rewritten or replaced has another size or modification
// time. Unlike FileState it misses an edit that keeps both, which is
// good enough for what is only shown, as an image in the preview.
// Stamps compare with ==; the zero FileStamp is that of no file.
type FileStamp struct {
	Size int64 // in bytes
	Mod  int64 // the modification time, in Unix nanoseconds
}

// stampOf is the stamp of the file info describes.
func stampOf(info fs.FileInfo) FileStamp {
	return FileStamp{Size: info.Size(), Mod: info.ModTime().UnixNano()}
}
