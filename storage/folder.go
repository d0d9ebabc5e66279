package storage

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// IsPostFile tells whether a file name is one Jekyll and Hugo read as a
// Markdown post.
func IsPostFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".md" || ext == ".markdown") && !strings.HasPrefix(name, ".")
}

// FindPosts lists the Markdown files under root in lexical order,
// or root itself when it is a file. Like Jekyll, it skips folders whose
// names start with a dot, and the generated _site.
func FindPosts(root string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == root && !d.IsDir() {
			paths = append(paths, path)
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (strings.HasPrefix(name, ".") || name == "_site" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if IsPostFile(name) {
			paths = append(paths, path)
		}
		return nil
	})
	return paths, err
}
