package controls

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
)

// DateFormat is how a DateTimeEditor reads and writes its text; the
// widget itself knows no date syntax.
type DateFormat struct {
	// Parse reads text as a date and time. named tells whether the text
	// names its offset: then wall is in a zone with that offset;
	// otherwise only wall's clock fields count, and the editor reads them
	// in its zone (see SetZone). A date without a time is midnight.
	Parse func(text string) (wall time.Time, named bool, err error)
	// Format writes t, with t's offset, as the Now button and the
	// calendar write a date.
	Format func(t time.Time) string
}

// DateTimeEditor edits a date as text, "2022-01-01 17:30:00 +0900",
// keeping the text's own time zone. A date put in with SetText is shown
// exactly as written, in any form its DateFormat reads, until the user
// changes it; the Now button and the calendar write the form the
// DateFormat makes.
//
// The zone of the date is the offset its text names, if it names one, and
// otherwise the zone set with SetZone: the Now button and the calendar
// write times in that zone, so a date written with +0900 keeps +0900
// whatever the machine's zone.
type DateTimeEditor struct {
	widget.BaseWidget

	// OnChanged is called with the new text after each edit by the user
	// that leaves a date the DateFormat reads, or an empty text; never
	// for text it rejects and never for SetText or Clear.
	OnChanged func(string)

	format DateFormat
	zone   *time.Location
	// now is the clock of the Now button; tests replace it.
	now func() time.Time
	// loading is set while the text is put in by the program rather than
	// typed, so the entry's change callback does not report it.
	loading bool

	entry    *ime.Entry
	message  *widget.Label
	nowBtn   *widget.Button
	calBtn   *widget.Button
	row      *fyne.Container
	calendar *widget.Calendar
	popUp    *widget.PopUp
	content  *fyne.Container
}

// NewDateTimeEditor returns an empty editor of dates in format, in the
// machine's time zone until SetZone says otherwise, in g, the
// input-method group of the window's fields (see ime.Group).
func NewDateTimeEditor(format DateFormat, g *ime.Group) *DateTimeEditor {
	d := &DateTimeEditor{format: format, zone: time.Local, now: time.Now}
	d.entry = ime.NewEntry(g)
	d.entry.Validator = d.check
	// Fyne hides a validation error while the entry has the focus unless
	// told otherwise, and then keeps showing the last verdict: a text that
	// just turned invalid would still carry the tick.
	d.entry.AlwaysShowValidationError = true
	d.entry.OnChanged = d.typed
	d.message = widget.NewLabel("")
	d.message.Importance = widget.DangerImportance
	d.message.Hide()
	d.nowBtn = widget.NewButton("Now", d.setNow)
	d.calBtn = widget.NewButtonWithIcon("", theme.CalendarIcon(), d.showCalendar)
	d.row = container.New(&dateRowLayout{d: d}, d.entry, d.calBtn, d.nowBtn)
	d.content = container.NewVBox(d.row, d.message)
	d.ExtendBaseWidget(d)
	d.updatePlaceHolder()
	return d
}

// CreateRenderer returns the renderer of the entry, the Now button and the
// message.
func (d *DateTimeEditor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.content)
}

// SetZone sets the zone for a date whose text names no offset, and for an
// empty one: in Postdesk, the blog's time zone. nil means the machine's
// zone.
func (d *DateTimeEditor) SetZone(loc *time.Location) {
	if loc == nil {
		loc = time.Local
	}
	d.zone = loc
	d.updatePlaceHolder()
	// The example in the message names the zone's offset.
	d.showError(d.check(d.entry.Text))
}

// SetText shows text as written, without calling OnChanged. An unreadable
// date is shown too, marked invalid, so the user can fix it.
func (d *DateTimeEditor) SetText(text string) {
	d.load(text)
}

// Text returns the text as shown, which may be invalid.
func (d *DateTimeEditor) Text() string {
	return d.entry.Text
}

// Clear empties the editor without calling OnChanged.
func (d *DateTimeEditor) Clear() {
	d.load("")
}

// Validate returns why the text is not a date, or nil for a readable date
// or an empty text (whether a date is required is the form's call). The
// error's text tells the user what to write; errors.Unwrap gives the
// DateFormat's reason.
func (d *DateTimeEditor) Validate() error {
	return d.check(d.entry.Text)
}

// dateInputError is a date the editor cannot read: a short instruction for
// the user, with the DateFormat's reason inside.
type dateInputError struct {
	example string
	err     error
}

// Error tells the user the form to write, with an example in the zone in
// use.
func (e *dateInputError) Error() string { return "write " + e.example }

// Unwrap returns the reason the DateFormat gave.
func (e *dateInputError) Unwrap() error { return e.err }

// check is the entry's validator.
func (d *DateTimeEditor) check(text string) error {
	if text == "" {
		return nil
	}
	if _, _, err := d.format.Parse(text); err != nil {
		return &dateInputError{example: d.example(), err: err}
	}
	return nil
}

// example is the sample date the placeholder and the message show, with
// the offset of the editor's zone now.
func (d *DateTimeEditor) example() string {
	return "2022-01-01 17:30:00 " + d.now().In(d.zone).Format("-0700")
}

// updatePlaceHolder shows the form a date takes, spelled as a pattern:
// a sample date in an empty field reads as a value the post has.
func (d *DateTimeEditor) updatePlaceHolder() {
	// Lower case, so that the pattern is about as wide as a date.
	d.entry.SetPlaceHolder("yyyy-mm-dd hh:mm:ss " + d.now().In(d.zone).Format("-0700"))
}

// typed runs on every change of the entry's text.
func (d *DateTimeEditor) typed(text string) {
	err := d.check(text)
	d.showError(err)
	if d.loading || err != nil {
		return
	}
	if d.OnChanged != nil {
		d.OnChanged(text)
	}
}

// showError shows err under the entry while the text is not a date; the
// entry's own mark only turns red once it loses the focus.
func (d *DateTimeEditor) showError(err error) {
	if err == nil {
		d.message.Hide()
		return
	}
	d.message.SetText(err.Error())
	d.message.Show()
}

// load puts text in the entry as the program, not the user.
func (d *DateTimeEditor) load(text string) {
	d.loading = true
	defer func() { d.loading = false }()
	d.entry.SetText(text)
	d.showError(d.check(text))
	d.row.Refresh()
}

// write puts text in the entry as the user's edit: the Now button or a
// day picked in the calendar.
func (d *DateTimeEditor) write(text string) {
	d.load(text)
	if d.check(text) == nil && d.OnChanged != nil {
		d.OnChanged(text)
	}
}

// setNow writes the current time in the date's zone.
func (d *DateTimeEditor) setNow() {
	loc, _ := d.current()
	d.write(d.format.Format(d.now().In(loc)))
}

// current returns the date's zone and the date and time shown in it. For
// an empty or unreadable text the time is now; a date without a time is
// midnight.
func (d *DateTimeEditor) current() (*time.Location, time.Time) {
	w, named, err := d.format.Parse(d.entry.Text)
	if err != nil {
		return d.zone, d.now().In(d.zone)
	}
	if named {
		// The fixed zone of the written offset, so the text keeps it.
		return w.Location(), w.Truncate(time.Second)
	}
	// No offset written: the clock reading is read in the editor's zone,
	// where the window sets the blog's, the zone Jekyll uses for such a
	// date.
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, d.zone)
	return d.zone, t
}

// showCalendar opens a calendar under the entry at the date shown.
func (d *DateTimeEditor) showCalendar() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(d.entry)
	if cv == nil {
		return
	}
	_, t := d.current()
	d.calendar = widget.NewCalendar(t, d.pickDay)
	d.popUp = widget.NewPopUp(d.calendar, cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(d.entry)
	below := pos.Add(fyne.NewPos(0, d.entry.Size().Height))
	// The date is low in a long form: open upwards rather than be cut off
	// by the window's edge.
	if h := d.popUp.MinSize().Height; below.Y+h > cv.Size().Height && pos.Y-h >= 0 {
		below = pos.Subtract(fyne.NewPos(0, h))
	}
	d.popUp.ShowAtPosition(below)
}

// pickDay writes the day picked in the calendar, keeping the time of day
// and the zone of the date shown.
func (d *DateTimeEditor) pickDay(day time.Time) {
	if d.popUp != nil {
		d.popUp.Hide()
	}
	loc, t := d.current()
	picked := time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
	d.write(d.format.Format(picked))
}

// dateRowLayout puts the entry, the calendar button and the Now button on
// one row when the whole date fits in the entry beside the buttons, and
// else the buttons on a row under the entry, so that a narrow form (a
// small window) shows the date whole rather than cut.
type dateRowLayout struct {
	d *DateTimeEditor
	// width is the width of the last Layout; MinSize, which is not told
	// the width, uses it to tell one row from two.
	width float32
}

// entryWidth is the width the entry needs to show its text or, if
// longer, the example date: the text, the padding and the validation mark.
func (l *dateRowLayout) entryWidth() float32 {
	th := l.d.Theme()
	size := th.Size(theme.SizeNameText)
	style := l.d.entry.TextStyle
	w := fyne.MeasureText(l.d.example(), size, style).Width
	w = fyne.Max(w, fyne.MeasureText(l.d.entry.Text, size, style).Width)
	w = fyne.Max(w, fyne.MeasureText(l.d.entry.PlaceHolder, size, style).Width)
	inner := th.Size(theme.SizeNameInnerPadding)
	return w + 3*inner + th.Size(theme.SizeNameInlineIcon) + 2*th.Size(theme.SizeNameInputBorder) + th.Size(theme.SizeNamePadding)
}

// oneRow tells whether everything fits on one row of width w.
func (l *dateRowLayout) oneRow(w float32) bool {
	return w >= l.entryWidth()+l.buttonsWidth()+theme.Padding()
}

func (l *dateRowLayout) buttonsWidth() float32 {
	return l.d.calBtn.MinSize().Width + theme.Padding() + l.d.nowBtn.MinSize().Width
}

// Layout places the entry and the buttons within size.
func (l *dateRowLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	d, pad := l.d, theme.Padding()
	h := l.rowHeight()
	bw := l.buttonsWidth()
	var x, y float32
	if l.oneRow(size.Width) {
		d.entry.Resize(fyne.NewSize(size.Width-bw-pad, h))
		x = size.Width - bw
	} else {
		d.entry.Resize(fyne.NewSize(size.Width, h))
		y = h + pad
	}
	d.entry.Move(fyne.NewPos(0, 0))
	for _, b := range []*widget.Button{d.calBtn, d.nowBtn} {
		b.Move(fyne.NewPos(x, y))
		b.Resize(fyne.NewSize(b.MinSize().Width, h))
		x += b.MinSize().Width + pad
	}
}

func (l *dateRowLayout) rowHeight() float32 {
	d := l.d
	return fyne.Max(d.entry.MinSize().Height, fyne.Max(d.calBtn.MinSize().Height, d.nowBtn.MinSize().Height))
}

// MinSize is one row before any layout or at a width that fits it, else
// two rows.
func (l *dateRowLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	w := fyne.Max(l.d.entry.MinSize().Width, l.buttonsWidth())
	h := l.rowHeight()
	if l.width > 0 && !l.oneRow(l.width) {
		h = 2*h + theme.Padding()
	}
	return fyne.NewSize(w, h)
}
