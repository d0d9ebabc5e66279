package editor

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var slugCases = []struct {
	name, title, want string
}{
	{"Korean", "파이썬 상대 경로 import 오류", "파이썬-상대-경로-import-오류"},
	{"Mixed Korean and English", "Kubernetes Admission Webhook 알아보기", "kubernetes-admission-webhook-알아보기"},
	{"Punctuation between words", "Go: 에러 처리 (1/3) — wrap & unwrap!", "go-에러-처리-1-3-wrap-unwrap"},
	{"Punctuation only", "?!... ---", "post"},
	{"Empty", "", "post"},
	{"Emoji", "🎉 2024 회고 🎉", "2024-회고"},
	{"Emoji only", "🎉🎉", "post"},
	{"NFD Hangul from macOS", norm.NFD.String("한국어 제목"), "한국어-제목"},
	{"NFD Latin accent", norm.NFD.String("Café Crème"), "café-crème"},
	{"Digits and underscores", "python_package __init__.py", "python-package-init-py"},
	{"Upper-case Latin", "OAuth 2.0 and OIDC", "oauth-2-0-and-oidc"},
	{"Tabs and newlines", "a\tb\nc", "a-b-c"},
	{"Full-width and CJK", "ＡＢＣ 日本語", "ａｂｃ-日本語"},
	{"Superscript digit is not a digit", "x² + y²", "x-y"},
}

func TestSlugify(t *testing.T) {
	for _, tc := range slugCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Slugify(tc.title); got != tc.want {
				t.Errorf("Slugify(%q) = %q, want %q", tc.title, got, tc.want)
			}
		})
	}
}

func TestSlugifyLongTitle(t *testing.T) {
	for _, tc := range []struct{ name, word string }{
		{"Long Korean title", "가나다라마바사 "},
		{"Long Latin title", "lorem ipsum "},
		{"Long title without spaces", "가"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Slugify(strings.Repeat(tc.word, 200))
			if len(got) > maxSlugBytes || len(got) < maxSlugBytes/2 {
				t.Errorf("len = %d bytes, want %d/2..%d", len(got), maxSlugBytes, maxSlugBytes)
			}
			if !utf8.ValidString(got) || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
				t.Errorf("Slugify = %q: invalid UTF-8 or a dash at an end", got)
			}
			if strings.Contains(tc.word, " ") && !strings.HasSuffix(got, Slugify(tc.word)) {
				t.Errorf("Slugify = %q: cut inside a word", got)
			}
		})
	}
}

// FuzzSlugify checks the promises that hold for every title: the slug is
// NFC, never empty, not too long, a fixed point, and free of characters
// Jekyll's own slugify would change.
func FuzzSlugify(f *testing.F) {
	for _, tc := range slugCases {
		f.Add(tc.title)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Slugify(title)
		if s == "" || len(s) > maxSlugBytes || !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
			t.Fatalf("Slugify(%q) = %q", title, s)
		}
		if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
			t.Fatalf("Slugify(%q) = %q: stray dash", title, s)
		}
		if again := Slugify(s); again != s {
			t.Fatalf("Slugify(%q) = %q, but Slugify of that is %q", title, s, again)
		}
	})
}
