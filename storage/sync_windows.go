//go:build windows

package storage

// syncDir does nothing on Windows, where a folder cannot be opened for
// flushing; NTFS journals the rename itself.
func syncDir(string) {}
