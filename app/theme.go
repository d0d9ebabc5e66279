package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/postdesk/postdesk/assets"
)

// fontTheme is Fyne's default theme with the bundled Hangul fonts in place
// of its text fonts. Fyne's own fonts have no Hangul, and on a machine with
// no Korean font installed its system fallback finds nothing, so Korean
// would be drawn as boxes.
type fontTheme struct {
	fyne.Theme
}

// newTheme returns the Postdesk theme; colours, icons and sizes are the
// default theme's, so light/dark and user preferences keep working.
func newTheme() fyne.Theme {
	return &fontTheme{Theme: theme.DefaultTheme()}
}

// Font returns the bundled face for the style. The fonts have no italic
// cut, and Fyne does not slant faces, so italic text is drawn upright in
// the matching weight: that beats Hangul falling back to missing glyphs.
// Symbol text keeps Fyne's symbol font, which holds the icons' glyphs.
func (t *fontTheme) Font(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Symbol:
		return t.Theme.Font(style)
	case style.Monospace && style.Bold:
		return assets.FontMonospaceBold
	case style.Monospace:
		return assets.FontMonospace
	case style.Bold:
		return assets.FontBold
	default:
		return assets.FontRegular
	}
}
