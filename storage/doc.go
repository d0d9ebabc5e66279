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
// The package knows nothing of windows or widgets: the editor and the app
// build on it, and so does the command line.
package storage
