package assets

import "fyne.io/fyne/v2"

// Theme returns base with the bundled fonts in place of its text fonts;
// its colours, icons and sizes stay base's. Fyne's own fonts have no
// Hangul, and on a machine with no Korean font installed its system
// fallback finds nothing, so Korean would be drawn as boxes. The app and
// the tests that measure text both draw with it, so they measure alike.
func Theme(base fyne.Theme) fyne.Theme {
	return &fontTheme{Theme: base}
}

// fontTheme is a theme with the bundled fonts for text.
type fontTheme struct {
	fyne.Theme
}

// Font returns the bundled face for the style. The fonts have no italic
// cut, and Fyne does not slant faces, so italic text is drawn upright in
// the matching weight: that beats Hangul falling back to missing glyphs.
// Symbol text keeps the base theme's symbol font, which holds the icons'
// glyphs.
func (t *fontTheme) Font(style fyne.TextStyle) fyne.Resource {
	switch {
	case style.Symbol:
		return t.Theme.Font(style)
	case style.Monospace && style.Bold:
		return FontMonospaceBold
	case style.Monospace:
		return FontMonospace
	case style.Bold:
		return FontBold
	default:
		return FontRegular
	}
}
