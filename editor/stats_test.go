package editor

import (
	"strings"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string
		want Stats
	}{
		{"Empty body", "", Stats{0, 0, 1}},
		{"English words", "The quick  brown\nfox.", Stats{4, 17, 1}},
		{"Hangul counts by syllable", "한글 입력", Stats{4, 4, 1}},
		{"Mixed Korean and English", "Go 언어로 CLI를 만든다", Stats{9, 12, 1}},
		{"Hangul splits a Latin word", "API를", Stats{2, 4, 1}},
		{"Reading time at 180 words a minute", strings.Repeat("가", 400), Stats{400, 400, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Count(tc.body); got != tc.want {
				t.Errorf("Count(%q) = %+v, want %+v", tc.body, got, tc.want)
			}
		})
	}
}
