// Package editor is the editing session of one post, without windows:
// what the window and the command line both drive, testable headless.
//
// The files follow the post: session.go opens a post and holds it while
// it is edited (its body and its front matter fields, saving, the file
// changed on disk); edit.go takes each change of the body as a value
// (Edit) and writes only the bytes it changed, through newlines.go, which
// keeps each line's own line ending; schema.go is the front matter as a
// form sees it (Chirpy's fields and their kinds); commands.go holds the
// editing commands (bold, heading, link, image), each returning an Edit;
// stats.go counts words and reading time, Korean-aware; autosave.go
// journals unsaved edits so that a crash loses nothing; newpost.go,
// template.go and slug.go start a new post and name its file.
//
// The kramdown dialect is in editor/markdown, the preview's widgets in
// editor/preview, export in editor/publish, the editor widget in
// editor/textarea and input-method tracking in editor/ime.
package editor
