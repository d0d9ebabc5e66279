package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// IsPostFile tells whether a file name is one Jekyll and Hugo read as a
// Markdown post.
func IsPostFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (ext == ".md" || ext == ".markdown") && !strings.HasPrefix(name, ".")
}

// SkipDir tells whether a folder named name is left out wherever
// Postdesk looks for posts: dot folders (.git), which Jekyll never reads,
// the _site Jekyll generates, and node_modules.
func SkipDir(name string) bool {
	return strings.HasPrefix(name, ".") || name == "_site" || name == "node_modules"
}

// WalkFiles calls visit for every file under dir, in lexical order,
// leaving out dot files and the folders SkipDir names. A dir that is a
// symbolic link is followed, as Jekyll follows a linked _posts; links to
// folders inside are not, which keeps a link loop from walking forever
// (Ruby's Dir["**/*"], which Jekyll uses, does not follow them either).
// A linked file is visited like any other. An error listing dir itself
// is returned; one listing a folder below it goes to fail and the walk
// goes on, so that one bad folder does not hide the rest.
func WalkFiles(dir string, visit func(path string), fail func(error)) error {
	list, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, d := range list {
		name := d.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "."):
		case d.IsDir():
			if !SkipDir(name) {
				if err := WalkFiles(path, visit, fail); err != nil {
					fail(err)
				}
			}
		case d.Type()&fs.ModeSymlink != 0 && isDir(path):
		default:
			visit(path)
		}
	}
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// FindPosts lists the Markdown files under root (see WalkFiles) in
// lexical order, or root itself when it is a file. A folder that cannot
// be listed is an error, returned with the posts found elsewhere.
func FindPosts(root string) ([]string, error) {
	fi, err := os.Stat(root)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{root}, nil
	}
	var paths []string
	var errs []error
	err = WalkFiles(root, func(path string) {
		if IsPostFile(filepath.Base(path)) {
			paths = append(paths, path)
		}
	}, func(err error) { errs = append(errs, err) })
	if err != nil {
		return nil, err
	}
	return paths, errors.Join(errs...)
}
