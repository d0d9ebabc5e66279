package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSaveFailsMidWrite makes the write fail half-way: the original must
// be intact and no temporary file left in the folder.
func TestSaveFailsMidWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "2022-01-01-post.md")
	orig := "---\ntitle: 원래 제목\n---\n본문\n"
	if err := os.WriteFile(path, []byte(orig), 0o640); err != nil {
		t.Fatal(err)
	}
	diskFull := errors.New("no space left on device")
	halfThenFail := func(f *os.File, data []byte) error {
		if _, err := f.Write(data[:len(data)/2]); err != nil {
			return err
		}
		return diskFull
	}
	err := writeAtomic(path, []byte(strings.Repeat("새 글 ", 1000)), halfThenFail)
	if !errors.Is(err, diskFull) || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want one naming the file and wrapping the cause", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != orig {
		t.Errorf("original changed to %q", got)
	}
	assertOnlyFiles(t, dir, "2022-01-01-post.md")
}

func TestSaveKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", info.Mode().Perm())
	}
	assertOnlyFiles(t, dir, "a.md")
}

func TestSaveThroughLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target = %q", got)
	}
}

func TestSaveReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write to a read-only folder; the injected failure test covers the error path")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(dir, 0o755) }()
	if err := WriteFile(path, []byte("new")); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want one naming the file", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file = %q", got)
	}
}

func TestSaveMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone", "a.md")
	if err := WriteFile(path, []byte("x")); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %v, want one naming the file", err)
	}
}

func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("folder holds %q, want %q", got, names)
	}
}

// TestCreateFileNeverTorn: the new file's name appears only once its
// content is complete, with hard links or without; an existing file is
// never replaced; nothing is left behind.
func TestCreateFileNeverTorn(t *testing.T) {
	data := []byte(strings.Repeat("새 초안 ", 1000))
	refuse := func(string, string) error { return errors.New("operation not supported") }
	for _, tc := range []struct {
		name string
		link func(old, new string) error
	}{
		{"With hard links", os.Link},
		{"Without hard links", refuse},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "draft.md")
			write := func(f *os.File) error {
				if _, err := os.Lstat(path); err == nil {
					t.Error("the name exists before the content is written")
				}
				half := len(data) / 2
				if _, err := f.Write(data[:half]); err != nil {
					return err
				}
				if _, err := os.Lstat(path); err == nil {
					t.Error("the name exists while the content is half written")
				}
				_, err := f.Write(data[half:])
				return err
			}
			if err := createFile(path, write, tc.link); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(data) {
				t.Errorf("file holds %d bytes, want %d", len(got), len(data))
			}
			assertOnlyFiles(t, dir, "draft.md")

			err := createFile(path, func(f *os.File) error { return writeAll(f, []byte("other")) }, tc.link)
			if !errors.Is(err, fs.ErrExist) {
				t.Errorf("second create = %v, want ErrExist", err)
			}
			if got, _ := os.ReadFile(path); string(got) != string(data) {
				t.Error("an existing file was replaced")
			}
			assertOnlyFiles(t, dir, "draft.md")
		})
	}
}

// TestCreateFileLosesRace: a file that appears at the name while the
// content is being written is not replaced.
func TestCreateFileLosesRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.md")
	write := func(f *os.File) error {
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			return err
		}
		return writeAll(f, []byte("mine"))
	}
	if err := createFile(path, write, os.Link); !errors.Is(err, fs.ErrExist) {
		t.Errorf("create = %v, want ErrExist", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "theirs" {
		t.Errorf("file = %q", got)
	}
	assertOnlyFiles(t, dir, "draft.md")
}
