// Package assets holds the files Postdesk carries inside its binary: the
// fonts that draw Hangul on machines with no Korean fonts installed, their
// licence, and the app icon; and Theme, which draws Fyne's text in those
// fonts.
//
// The values are shared, read-only resources; callers must not modify them.
// They are package variables rather than constructors because Fyne caches
// parsed fonts by resource, so handing out one value per file keeps each font
// parsed once.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

var (
	//go:embed fonts/PostdeskGothic-Regular.ttf
	gothicRegular []byte
	//go:embed fonts/PostdeskGothic-Bold.ttf
	gothicBold []byte
	//go:embed fonts/PostdeskGothicCoding-Regular.ttf
	codingRegular []byte
	//go:embed fonts/PostdeskGothicCoding-Bold.ttf
	codingBold []byte
	//go:embed fonts/OFL.txt
	fontLicense string
	//go:embed icon.png
	icon []byte
)

// FontRegular is the proportional text face (a renamed subset of
// NanumGothic): Latin, Latin-1, common punctuation and symbols, and all
// 11,172 Hangul syllables. It has no italic cut, so it also serves italic.
var FontRegular fyne.Resource = fyne.NewStaticResource("PostdeskGothic-Regular.ttf", gothicRegular)

// FontBold is the bold weight of FontRegular, with the same coverage.
var FontBold fyne.Resource = fyne.NewStaticResource("PostdeskGothic-Bold.ttf", gothicBold)

// FontMonospace is the fixed-pitch face for code and the Markdown source (a
// renamed subset of NanumGothicCoding). Its Hangul syllables are two Latin
// cells wide, so Korean lines up in code blocks and tables.
var FontMonospace fyne.Resource = fyne.NewStaticResource("PostdeskGothicCoding-Regular.ttf", codingRegular)

// FontMonospaceBold is the bold weight of FontMonospace.
var FontMonospaceBold fyne.Resource = fyne.NewStaticResource("PostdeskGothicCoding-Bold.ttf", codingBold)

// FontLicense is the SIL Open Font License text with the fonts' copyright
// notices. The licence requires it to travel with every copy of the fonts,
// and a binary is a copy, so an About dialog should offer it.
var FontLicense = fontLicense

// Icon is the 512×512 PNG app icon.
var Icon fyne.Resource = fyne.NewStaticResource("icon.png", icon)
