package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolbar is the row of icon buttons above the panes; each says what it
// does, with its shortcut, when the mouse rests on it.
func (u *ui) toolbar() *widget.Toolbar {
	b := func(icon fyne.Resource, tip string, action func()) widget.ToolbarItem {
		return newToolbarButton(icon, tip, u.tips, action)
	}
	return widget.NewToolbar(
		b(theme.MenuIcon(), "Show or hide the library (Ctrl+Shift+L)", u.toggleLibrary),
		widget.NewToolbarSeparator(),
		b(theme.DocumentCreateIcon(), "New post (Ctrl+N)", u.newDraft),
		b(theme.FolderOpenIcon(), "Open a post (Ctrl+O)", u.showOpen),
		b(theme.DocumentSaveIcon(), "Save (Ctrl+S)", u.save),
		b(theme.ContentCopyIcon(), "Save as (Ctrl+Shift+S)", func() { u.showSaveAs(nil) }),
		b(theme.UploadIcon(), "Export to the blog (Ctrl+E)", u.showExport),
		widget.NewToolbarSeparator(),
		b(theme.VisibilityIcon(), "Show or hide the preview (Ctrl+Shift+P)", u.togglePreview),
		b(theme.ListIcon(), "Show or hide the front matter form (Ctrl+Shift+M)", u.toggleForm),
		b(theme.SearchIcon(), "Find and replace (Ctrl+F)", u.find.show),
		widget.NewToolbarSpacer(),
		b(theme.SettingsIcon(), "Settings (Ctrl+,)", u.showSettings),
	)
}

// shortcut is Ctrl+key, or Cmd+key on macOS, with extra modifiers.
func shortcut(key fyne.KeyName, extra fyne.KeyModifier) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | extra}
}

// menu builds the main menu. Its shortcuts work while the editor has the
// focus, because Fyne offers a key to the main menu before the focused
// widget.
func (u *ui) menu() *fyne.MainMenu {
	item := func(label string, key fyne.KeyName, extra fyne.KeyModifier, action func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, action)
		if key != "" {
			it.Shortcut = shortcut(key, extra)
		}
		return it
	}
	wrap := func(marker string) func() { return func() { u.applyCommand(wrapCommand(marker)) } }
	heading := func(level int) func() { return func() { u.applyCommand(headingCommand(level)) } }
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("New post…", fyne.KeyN, 0, u.newDraft),
			item("Open…", fyne.KeyO, 0, u.showOpen),
			item("Save", fyne.KeyS, 0, u.save),
			item("Save as…", fyne.KeyS, fyne.KeyModifierShift, func() { u.showSaveAs(nil) }),
			fyne.NewMenuItemSeparator(),
			item("Export to the blog…", fyne.KeyE, 0, u.showExport),
			item("Export as HTML…", fyne.KeyE, fyne.KeyModifierShift, u.showExportHTML),
			fyne.NewMenuItemSeparator(),
			item("Settings…", fyne.KeyComma, 0, u.showSettings),
		),
		fyne.NewMenu("Edit",
			item("Undo", "", 0, u.editor.Undo),
			item("Redo", "", 0, u.editor.Redo),
			fyne.NewMenuItemSeparator(),
			item("Find and replace", fyne.KeyF, 0, u.find.show),
			fyne.NewMenuItemSeparator(),
			item("Bold", fyne.KeyB, 0, wrap("**")),
			item("Italic", fyne.KeyI, 0, wrap("*")),
			item("Strikethrough", fyne.KeyX, fyne.KeyModifierShift, wrap("~~")),
			item("Link", fyne.KeyK, 0, func() { u.applyCommand(linkCommand) }),
			item("Heading 1", fyne.Key1, 0, heading(1)),
			item("Heading 2", fyne.Key2, 0, heading(2)),
			item("Heading 3", fyne.Key3, 0, heading(3)),
			item("Insert image…", fyne.KeyI, fyne.KeyModifierShift, u.showInsertImage),
		),
		fyne.NewMenu("View",
			item("Library", fyne.KeyL, fyne.KeyModifierShift, u.toggleLibrary),
			item("Preview", fyne.KeyP, fyne.KeyModifierShift, u.togglePreview),
			item("Front matter form", fyne.KeyM, fyne.KeyModifierShift, u.toggleForm),
		),
	)
}
