package storage

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParseSave: whatever the bytes, parsing never panics and saving
// without an edit gives the input back.
func FuzzParseSave(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p := Parse("fuzz.md", src)
		if !bytes.Equal(p.Bytes(), src) {
			t.Fatalf("parse then save changed the input")
		}
		if p.Err() == nil && p.Format() != FormatNone {
			if got := p.Bytes()[p.fmFrom:p.fmTo]; !bytes.Equal(got, p.FrontMatter()) {
				t.Fatal("front matter span is off")
			}
		}
	})
}

// FuzzSetTitle: on any post that parses, setting the title to any text
// either succeeds and reads back, or is refused with the file unchanged.
// The body never changes.
func FuzzSetTitle(f *testing.F) {
	for _, tc := range parseCases {
		f.Add([]byte(tc.src), "새 제목")
	}
	for _, tc := range editCases {
		f.Add([]byte(tc.src), "yes: no #")
	}
	f.Fuzz(func(t *testing.T, src []byte, title string) {
		p := Parse("fuzz.md", src)
		if p.Err() != nil {
			return
		}
		body := append([]byte{}, p.Body()...)
		err := p.Set("title", title)
		switch {
		case err == nil:
			if got, ok := p.String("title"); !ok || got != title {
				if p.Format() != FormatTOML || got != title {
					t.Fatalf("title reads back %q, want %q", got, title)
				}
			}
		case errors.Is(err, ErrNotMap), errors.Is(err, ErrRawOnly), errors.Is(err, ErrBadValue), errors.Is(err, ErrSyntax):
			if !bytes.Equal(p.Bytes(), src) {
				t.Fatal("refused edit changed the file")
			}
		default:
			if !bytes.Equal(p.Bytes(), src) {
				t.Fatalf("failed edit changed the file: %v", err)
			}
			t.Fatalf("set title %q: %v", title, err)
		}
		if !bytes.Equal(p.Body(), body) {
			t.Fatal("body changed")
		}
	})
}
