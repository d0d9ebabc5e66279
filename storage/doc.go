// Package storage reads and writes post files without changing what the
// user did not change.
//
// A post is kept as its original bytes plus the offsets of its parts (BOM,
// front matter delimiters, front matter text, body). Reading never copies
// or normalises; a field edit splices new text over the lines of that one
// field; saving writes the bytes back atomically. So an untouched span goes
// back to disk exactly as it came.
//
// The package knows nothing of windows or widgets: the editor and the app
// build on it, and so does the command line.
package storage
