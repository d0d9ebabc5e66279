package assets

import _ "embed"

// ExportCSS is the stylesheet written inline into a post exported as a
// standalone HTML page. It is text rather than a fyne.Resource: the page
// is for a browser, not the window.
//
//go:embed export.css
var ExportCSS string
