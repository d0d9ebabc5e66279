package app

import (
	"bytes"
	"fmt"
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/postdesk/postdesk/assets"
)

// styles is every text style the editor can ask for, with the bundled face
// that must answer it.
var styles = []struct {
	name  string
	style fyne.TextStyle
	want  fyne.Resource
}{
	{"regular", fyne.TextStyle{}, assets.FontRegular},
	{"bold", fyne.TextStyle{Bold: true}, assets.FontBold},
	{"italic has no cut and falls back to regular", fyne.TextStyle{Italic: true}, assets.FontRegular},
	{"bold italic falls back to bold", fyne.TextStyle{Bold: true, Italic: true}, assets.FontBold},
	{"monospace", fyne.TextStyle{Monospace: true}, assets.FontMonospace},
	{"monospace bold", fyne.TextStyle{Monospace: true, Bold: true}, assets.FontMonospaceBold},
	{"monospace italic", fyne.TextStyle{Monospace: true, Italic: true}, assets.FontMonospace},
}

func TestThemeFonts(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	th := a.Settings().Theme()

	for _, tc := range styles {
		t.Run(tc.name, func(t *testing.T) {
			if got := th.Font(tc.style); got != tc.want {
				t.Errorf("Font(%+v) = %s, want %s", tc.style, name(got), tc.want.Name())
			}
		})
	}
	t.Run("symbol keeps Fyne's icon font", func(t *testing.T) {
		sym := fyne.TextStyle{Symbol: true}
		if got, want := th.Font(sym), theme.DefaultTheme().Font(sym); got != want {
			t.Errorf("Font(Symbol) = %s, want %s", name(got), name(want))
		}
	})
}

// sample is text a Korean technical post is made of, beyond the Hangul
// syllables that are checked one by one. Latin-1 letters are left out: the
// monospace face lacks accented letters, and Fyne falls back to its own
// monospace font for them.
const sample = "AZaz09 .,!?;:'\"()[]{}<>-_/\\@#$%^&*+=`~|©°±·×÷" +
	"—–…‘’“”•※→←↑↓⇒≤≥≠∞√∑" +
	"、。「」『』《》〈〉【】ㄱㅏㅎ！？（）～①㈜■□○●"

func TestBundledFontsCoverKorean(t *testing.T) {
	for _, tc := range styles {
		t.Run(tc.name, func(t *testing.T) {
			face, err := font.ParseTTF(bytes.NewReader(tc.want.Content()))
			if err != nil {
				t.Fatalf("parse %s: %v", tc.want.Name(), err)
			}
			var missing []rune
			for r := rune(0xAC00); r <= 0xD7A3; r++ { // every Hangul syllable
				if _, ok := face.NominalGlyph(r); !ok {
					missing = append(missing, r)
				}
			}
			for _, r := range sample {
				if _, ok := face.NominalGlyph(r); !ok {
					missing = append(missing, r)
				}
			}
			if len(missing) > 0 {
				t.Errorf("%s has no glyph for %d runes, first %s", tc.want.Name(), len(missing), quoteRunes(missing, 10))
			}
		})
	}
}

// TestHangulIsDrawn renders through Fyne's own text stack, which is what a
// user sees: if the theme's fonts were not used, Hangul would come out as the
// same missing-glyph boxes as unassigned code points.
func TestHangulIsDrawn(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())

	for _, tc := range styles {
		t.Run(tc.name, func(t *testing.T) {
			hangul := render(t, "한글", tc.style)
			boxes := render(t, "\u0378\u0379", tc.style) // unassigned in Unicode, so in no font
			if sameImage(hangul, boxes) {
				t.Errorf("Hangul is drawn like missing glyphs in style %+v", tc.style)
			}
			if sameImage(hangul, render(t, "글한", tc.style)) {
				t.Errorf("different syllables are drawn alike in style %+v", tc.style)
			}
		})
	}
}

func render(t *testing.T, s string, style fyne.TextStyle) image.Image {
	t.Helper()
	text := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	text.TextStyle = style
	text.TextSize = 24
	w := test.NewTempWindow(t, text)
	w.Resize(fyne.NewSize(80, 40))
	return w.Canvas().Capture()
}

func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func name(r fyne.Resource) string {
	if r == nil {
		return "<nil>"
	}
	return r.Name()
}

func quoteRunes(rs []rune, max int) string {
	if len(rs) > max {
		rs = rs[:max]
	}
	s := ""
	for _, r := range rs {
		s += fmt.Sprintf("%q (U+%04X) ", r, r)
	}
	return s
}
