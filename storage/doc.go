// Package storage reads and writes post files without changing what the
// user did not change.
//
// A post is kept as its original bytes plus the offsets of its parts (BOM,
// front matter delimiters, front matter text, body). Reading never copies
// or normalises; a field edit splices new text over the lines of that one
// field; saving writes the bytes back atomically. So an untouched span goes
// back to disk exactly as it came.
//
// Around the post it keeps the rest of what is on disk: the blog folder
// and its site rules (Blog; Site, where a post's links lead), writes of
// one file (WriteFile, Stage) and of several all or nothing (Batch), the
// changed-on-disk check (FileState), the library of posts and the
// autosave journal.
//
// The files follow a post from disk and back: post.go (the bytes and
// where their parts are), errors.go (what can be wrong with them), yaml.go,
// toml.go, nodes.go, fields.go, entry.go and date.go (the front matter read
// as fields, and Jekyll's dates), edit.go (a field edit as a splice),
// toml_to_yaml.go, save.go (one file written atomically), batch.go (several
// all or nothing), disk_state.go and watch.go (a file changed by something
// else), journal.go (unsaved edits kept across a crash); then the folders
// around the post: folder.go (which files are posts), blog.go (a blog
// folder and its configuration), site.go (where a post's links lead) and
// library.go (the posts of a blog, listed and searched).
//
// The package knows nothing of windows or widgets: the editor and the app
// build on it, and so does the command line.
package storage
