package editor

import (
	"slices"
	"strings"
)

// FieldKind says how the form edits a front matter field.
type FieldKind int

// The kinds of field the form knows.
const (
	KindText     FieldKind = iota // one line of text
	KindLongText                  // several lines (description)
	KindDate                      // a date with time and zone
	KindList                      // an ordered list of short strings (tags)
	KindBool                      // true or false
)

// Field is one front matter field of the form.
type Field struct {
	Key   string // dotted path in the front matter: "title", "image.alt"
	Label string
	Kind  FieldKind
	Help  string
	// Required fields must be set before a post is exported.
	Required bool
	// Default is what Chirpy assumes for a boolean field a post leaves
	// out. Unchecking a box whose default is false removes the field
	// rather than writing "false".
	Default bool
}

// ChirpyFields lists the fields of the Chirpy theme that the form shows,
// in the order Chirpy's own posts write them. Every other key of a post
// goes to the "Other fields" box.
func ChirpyFields() []Field {
	return []Field{
		{Key: "title", Label: "Title", Kind: KindText, Required: true},
		{Key: "description", Label: "Description", Kind: KindLongText, Help: "summary shown in post lists and search results"},
		{Key: "author", Label: "Author", Kind: KindText, Help: "an id from _data/authors.yml"},
		{Key: "authors", Label: "Authors", Kind: KindList, Help: "several ids from _data/authors.yml"},
		{Key: "date", Label: "Date", Kind: KindDate, Required: true},
		{Key: "last_modified_at", Label: "Last modified", Kind: KindDate},
		{Key: "categories", Label: "Categories", Kind: KindList, Help: "at most two: a top category and a sub-category"},
		{Key: "tags", Label: "Tags", Kind: KindList, Help: "lowercase, as Chirpy advises"},
		{Key: "pin", Label: "Pin to the top of the home page", Kind: KindBool},
		{Key: "math", Label: "Math (MathJax)", Kind: KindBool},
		{Key: "mermaid", Label: "Mermaid diagrams", Kind: KindBool},
		{Key: "toc", Default: true, Label: "Table of contents", Kind: KindBool},
		{Key: "comments", Default: true, Label: "Comments", Kind: KindBool},
		{Key: "render_with_liquid", Default: true, Label: "Render Liquid tags", Kind: KindBool},
		{Key: "published", Default: true, Label: "Published", Kind: KindBool, Help: "off keeps the post out of the site: a draft"},
		{Key: "image.path", Label: "Preview image", Kind: KindText, Help: "path or URL of the image shown on the post's card"},
		{Key: "image.alt", Label: "Image alt text", Kind: KindText},
		{Key: "image.lqip", Label: "Image placeholder (LQIP)", Kind: KindText, Help: "a tiny base64 data URI or path shown while the image loads"},
		{Key: "media_subpath", Label: "Media folder", Kind: KindText, Help: "prefix for the post's relative image paths"},
		{Key: "img_path", Label: "Media folder (legacy img_path)", Kind: KindText},
		{Key: "layout", Label: "Layout", Kind: KindText},
	}
}

// FieldByKey returns the form field with the dotted key, if the form has it.
func FieldByKey(key string) (Field, bool) {
	for _, f := range ChirpyFields() {
		if f.Key == key {
			return f, true
		}
	}
	return Field{}, false
}

// isFormKey tells whether a top-level key is edited by the form rather
// than the "Other fields" box.
func isFormKey(key string) bool {
	for _, f := range ChirpyFields() {
		if top, _, _ := strings.Cut(f.Key, "."); top == key {
			return true
		}
	}
	return false
}

// schemaKeysUnder lists, in the order of ChirpyFields, the keys the
// schema has directly under the dotted key parent ("" for the top level):
// "image" once for image.path, image.alt and image.lqip.
func schemaKeysUnder(parent string) []string {
	var keys []string
	for _, f := range ChirpyFields() {
		rest := f.Key
		if parent != "" {
			var ok bool
			if rest, ok = strings.CutPrefix(f.Key, parent+"."); !ok {
				continue
			}
		}
		k, _, _ := strings.Cut(rest, ".")
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}
