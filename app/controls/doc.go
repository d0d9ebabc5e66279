// Package controls holds the window's reusable input widgets: ChipList,
// an ordered list of short strings with suggestions, and DateTimeEditor,
// a date typed as text with a calendar. They know nothing of posts or
// blogs; the window hands them what they need (placeholder text, a date
// format, the input-method group of its fields).
package controls
