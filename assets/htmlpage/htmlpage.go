// Package htmlpage holds what a post exported as a standalone HTML page
// carries inside the binary: its stylesheet. It stands apart from
// assets, whose fonts and icon are Fyne resources, so that exporting a
// post needs no Fyne.
package htmlpage

import _ "embed"

// Stylesheet is the stylesheet written inline into a post exported as a
// standalone HTML page. It is text rather than a fyne.Resource: the page
// is for a browser, not the window.
//
//go:embed export.css
var Stylesheet string
