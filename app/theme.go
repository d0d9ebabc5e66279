package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/postdesk/postdesk/assets"
)

// newTheme returns the Postdesk theme: Fyne's default theme in the
// bundled Hangul fonts (see assets.Theme); colours, icons and sizes are
// the default theme's, so light/dark and user preferences keep working.
func newTheme() fyne.Theme {
	return assets.Theme(theme.DefaultTheme())
}
