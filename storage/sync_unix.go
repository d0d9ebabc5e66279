//go:build !windows

package storage

import "os"

// syncDir flushes a folder's entries, so a rename in it survives a crash.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
