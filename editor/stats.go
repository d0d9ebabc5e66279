package editor

import (
	"unicode"
)

// Stats are the counts shown in the status bar.
type Stats struct {
	Words int // as Jekyll's number_of_words counts in "auto" mode
	Chars int // characters other than white space
	// Minutes is the reading time as Chirpy shows it on the post.
	Minutes int
}

// chirpyWPM is the reading speed Chirpy's read-time include assumes.
const chirpyWPM = 180

// Count counts a post body the way the blog will: Jekyll's
// number_of_words in "auto" mode, which Chirpy uses for reading time,
// counts each Han, Hiragana, Katakana and Hangul character as a word of
// its own, plus the space-separated words of the rest. Korean text thus
// gets a reading time by syllables, not by the few long space-separated
// words it has.
func Count(body string) Stats {
	var st Stats
	inWord := false
	for _, r := range body {
		switch {
		case unicode.IsSpace(r):
			inWord = false
			continue
		case isCJK(r):
			st.Words++
			inWord = false
		case !inWord:
			st.Words++
			inWord = true
		}
		st.Chars++
	}
	st.Minutes = max(1, st.Words/chirpyWPM)
	return st
}

func isCJK(r rune) bool {
	switch {
	case r < 0x1100: // Latin, Greek, Cyrillic and the rest of the alphabets: no CJK before Hangul Jamo
		return false
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables, most of a Korean post
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}
