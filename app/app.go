// Package app is the Fyne application: the window, its widgets and the
// bridge between them and the headless editor and storage packages.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/assets"
)

// Run opens the main window and blocks until the user quits.
func Run() {
	a := fyneapp.NewWithID("app.postdesk")
	a.Settings().SetTheme(newTheme())
	a.SetIcon(assets.Icon)

	w := a.NewWindow("Postdesk")
	w.SetContent(placeholder())
	w.Resize(fyne.NewSize(720, 360))
	w.ShowAndRun()
}

// placeholder stands in for the editor layout until it exists. The Korean
// pangram and the code line let anyone check at a glance that the bundled
// fonts draw Hangul in every style the editor will use.
func placeholder() fyne.CanvasObject {
	bold := widget.NewLabelWithStyle("Postdesk — 한글 미리보기", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel("다람쥐 헌 쳇바퀴에 타고파. The quick brown fox jumps over the lazy dog.")
	mono := widget.NewLabelWithStyle("title: \"한글 제목\"  # 고정폭 글꼴 0O1lI", fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	hint := widget.NewLabel("The editor window is coming. Use the CLI meanwhile: postdesk --help")
	return container.NewVBox(bold, body, mono, widget.NewSeparator(), hint)
}
