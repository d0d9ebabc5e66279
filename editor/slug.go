package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The slug rules below were checked against real Jekyll 4.3.1 (see
// jekyll_test.go). Jekyll takes the part of a post's file name after the
// date as its slug and builds `:title` in the permalink with
// Utils.slugify(mode: "pretty", cased: true): every run of characters that
// is not a letter, mark or decimal digit (Ruby's [[:alnum:]], which covers
// Hangul) nor one of ._~!$&'()+,;=@ becomes one "-". Hangul is kept as it
// is, and the URL carries it percent-encoded (/posts/%ED%95%9C.../), while
// _site holds a folder named in Hangul.
//
// Jekyll does not normalise Unicode: a file name in NFD, as macOS input
// methods and HFS+ produce, gives a URL of loose jamo that no one can
// type. So the slug is composed to NFC first.

// maxSlugBytes caps a slug so that the post's file name
// (YYYY-MM-DD-SLUG-NN.md, 17 bytes more) and the dot-prefixed temporary
// name export writes first (about 30 more) fit the 255-byte name limit
// of common file systems. It is about 40 Hangul syllables, or 120
// Latin letters.
const maxSlugBytes = 120

// fallbackSlug names a post whose title has no letter or digit at all.
const fallbackSlug = "post"

// Slugify turns a post title into the slug of its file name and URL:
// composed to NFC, letters lower-cased, letters (Hangul included), marks
// and digits kept, every other run of characters (spaces, punctuation,
// emoji) made one "-", with no "-" at either end. The result is never
// empty ("post" when nothing is left) and at most 120 bytes, cut on a rune
// boundary, preferably between words.
//
// The result holds only letters, marks, digits and "-", so Jekyll's own
// slugify leaves it as it is: the URL is /posts/SLUG/ exactly.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFC.String(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > maxSlugBytes {
		s = cutSlug(s, maxSlugBytes)
	}
	if s == "" {
		return fallbackSlug
	}
	return s
}

// cutSlug shortens s to at most max bytes on a rune boundary. A cut
// between words reads better than one inside a word, so it backs up to
// the last "-" when that keeps at least half the length.
func cutSlug(s string, max int) string {
	end := max
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	s = s[:end]
	if i := strings.LastIndexByte(s, '-'); i >= max/2 {
		s = s[:i]
	}
	return strings.Trim(s, "-")
}
