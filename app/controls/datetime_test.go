package controls

import (
	"errors"
	"testing"
	"time"
	_ "time/tzdata" // the zones below must exist on any test machine

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/postdesk/postdesk/editor/ime"
	"github.com/postdesk/postdesk/storage"
)

// dateFixture is a DateTimeEditor in a window, with a fixed clock and
// every OnChanged call kept.
type dateFixture struct {
	t       *testing.T
	ed      *DateTimeEditor
	win     fyne.Window
	changes []string
}

// jekyllDates is the format the window gives its date fields: dates as
// Jekyll reads them and Postdesk writes them.
func jekyllDates() DateFormat {
	return DateFormat{
		Parse: func(text string) (time.Time, bool, error) {
			d, err := storage.ParseDate(text, false)
			return d.Wall, d.Zone == storage.ZoneExplicit, err
		},
		Format: storage.FormatDate,
	}
}

// testNow is the fixed clock: noon UTC, a summer day in New York.
var testNow = time.Date(2024, 7, 14, 12, 5, 9, 123, time.UTC)

func newDateFixture(t *testing.T, zone string) *dateFixture {
	t.Helper()
	test.NewTempApp(t)
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	f := &dateFixture{t: t, ed: NewDateTimeEditor(jekyllDates(), &ime.Group{})}
	f.ed.now = func() time.Time { return testNow }
	f.ed.SetZone(loc)
	f.ed.OnChanged = func(s string) { f.changes = append(f.changes, s) }
	f.win = test.NewTempWindow(t, f.ed)
	f.win.Resize(fyne.NewSize(420, 360))
	return f
}

// want checks the text and the OnChanged calls.
func (f *dateFixture) want(text string, changes ...string) {
	f.t.Helper()
	if got := f.ed.Text(); got != text {
		f.t.Errorf("Text() = %q, want %q", got, text)
	}
	if len(f.changes) != len(changes) {
		f.t.Errorf("OnChanged calls %q, want %q", f.changes, changes)
		return
	}
	for i := range changes {
		if f.changes[i] != changes[i] {
			f.t.Errorf("OnChanged calls %q, want %q", f.changes, changes)
			return
		}
	}
}

// typeAtEnd focuses the entry, puts the cursor after the text, presses
// Backspace back times and types s.
func (f *dateFixture) typeAtEnd(back int, s string) {
	e := f.ed.entry
	f.win.Canvas().Focus(e)
	e.CursorColumn = len([]rune(e.Text))
	for range back {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	test.Type(e, s)
}

func TestDateTimeEditorSetText(t *testing.T) {
	for _, text := range []string{
		"2022-01-01 17:30:00 +0900",
		"2022-01-01",
		"2024-07-14T21:05:00+09:00",
		"2022-01-01 17:30:00 +/-TTTT",
		"2022-01-01 17:30",
	} {
		t.Run(text, func(t *testing.T) {
			f := newDateFixture(t, "Asia/Seoul")
			f.ed.SetText(text)
			f.want(text)
			if err := f.ed.Validate(); err != nil {
				t.Errorf("Validate() = %v", err)
			}
			if f.ed.message.Visible() {
				t.Errorf("message %q shown for a readable date", f.ed.message.Text)
			}
		})
	}
	t.Run("unreadable date is shown and marked", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.ed.SetText("2022-02-30 10:00:00 KST")
		f.want("2022-02-30 10:00:00 KST")
		if !f.ed.message.Visible() {
			t.Errorf("no message for an unreadable date")
		}
	})
	t.Run("Clear", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.ed.SetText("yesterday")
		f.ed.Clear()
		f.want("")
		if f.ed.message.Visible() || f.ed.Validate() != nil {
			t.Errorf("an empty editor is marked invalid")
		}
	})
}

func TestDateTimeEditorTyping(t *testing.T) {
	t.Run("invalid edit is marked and not reported, then a valid one is", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.ed.SetText("2022-01-01 17:30:00 +0900")
		f.typeAtEnd(1, "")
		f.want("2022-01-01 17:30:00 +090")
		err := f.ed.Validate()
		if !errors.Is(err, storage.ErrBadDate) {
			t.Errorf("Validate() = %v, want a storage.ErrBadDate", err)
		}
		if !f.ed.message.Visible() || f.ed.message.Text != "write 2022-01-01 17:30:00 +0900" {
			t.Errorf("message %q (shown %v), want %q", f.ed.message.Text, f.ed.message.Visible(), "write 2022-01-01 17:30:00 +0900")
		}
		test.Type(f.ed.entry, "5")
		f.want("2022-01-01 17:30:00 +0905", "2022-01-01 17:30:00 +0905")
		if f.ed.message.Visible() {
			t.Errorf("message %q still shown", f.ed.message.Text)
		}
	})
	t.Run("invalid text stays marked after the focus leaves", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.typeAtEnd(0, "2022-13-01")
		f.win.Canvas().Unfocus()
		if f.ed.entry.Validate() == nil {
			t.Errorf("entry accepts month 13")
		}
		f.want("2022-13-01")
	})
	t.Run("only readable prefixes are reported while typing", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.typeAtEnd(0, "2022-01-01 17:30:00 +0900")
		for _, c := range f.changes {
			if _, err := storage.ParseDate(c, false); err != nil {
				t.Errorf("OnChanged(%q), which does not parse: %v", c, err)
			}
		}
		if n := len(f.changes); n == 0 || f.changes[n-1] != "2022-01-01 17:30:00 +0900" {
			t.Errorf("OnChanged calls %q, want the last to be the full date", f.changes)
		}
	})
	t.Run("emptying the field is reported", func(t *testing.T) {
		f := newDateFixture(t, "Asia/Seoul")
		f.ed.SetText("2022-01-01")
		f.win.Canvas().Focus(f.ed.entry)
		f.ed.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		f.ed.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		f.want("", "")
	})
	t.Run("message names the zone's offset", func(t *testing.T) {
		f := newDateFixture(t, "America/New_York")
		f.ed.SetText("soon")
		if got, want := f.ed.message.Text, "write 2022-01-01 17:30:00 -0400"; got != want {
			t.Errorf("message %q, want %q", got, want)
		}
	})
}

func TestDateTimeEditorNow(t *testing.T) {
	cases := []struct {
		name, zone, text, want string
	}{
		{"empty: the set zone", "Asia/Seoul", "", "2024-07-14 21:05:09 +0900"},
		{"empty: the set zone's summer offset", "America/New_York", "", "2024-07-14 08:05:09 -0400"},
		{"no offset written: the set zone", "Asia/Seoul", "2022-01-01", "2024-07-14 21:05:09 +0900"},
		{"offset written: kept", "America/New_York", "2022-01-01 17:30:00 +0900", "2024-07-14 21:05:09 +0900"},
		{"Z written: kept", "Asia/Seoul", "2022-01-01T17:30:00Z", "2024-07-14 12:05:09 +0000"},
		{"unreadable: the set zone", "Asia/Seoul", "later", "2024-07-14 21:05:09 +0900"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDateFixture(t, tc.zone)
			f.ed.SetText(tc.text)
			test.Tap(f.ed.nowBtn)
			f.want(tc.want, tc.want)
		})
	}
}

func TestDateTimeEditorCalendar(t *testing.T) {
	cases := []struct {
		name, zone, text, want string
	}{
		{"explicit offset and time kept", "America/New_York", "2022-01-01 17:30:00 +0900", "2022-01-15 17:30:00 +0900"},
		{"RFC 3339 form", "Asia/Seoul", "2022-01-01T21:05:00-07:00", "2022-01-15 21:05:00 -0700"},
		{"no offset: the set zone", "Asia/Seoul", "2022-01-01 17:30", "2022-01-15 17:30:00 +0900"},
		{"date only: midnight", "Asia/Seoul", "2022-01-01", "2022-01-15 00:00:00 +0900"},
		{"empty: now's time in the set zone", "Asia/Seoul", "", "2024-07-15 21:05:09 +0900"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDateFixture(t, tc.zone)
			f.ed.SetText(tc.text)
			test.Tap(f.ed.calBtn)
			if f.ed.popUp == nil || !f.ed.popUp.Visible() {
				t.Fatal("calendar not shown")
			}
			day := dayButton(t, f.ed.popUp, "15")
			test.Tap(day)
			f.want(tc.want, tc.want)
			if f.ed.popUp.Visible() {
				t.Errorf("calendar still shown after picking a day")
			}
		})
	}
}

// dayButton finds the calendar's button for a day of the month.
func dayButton(t *testing.T, o fyne.CanvasObject, day string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(o) {
		if b, ok := o.(*widget.Button); ok && b.Text == day {
			return b
		}
	}
	t.Fatalf("no button for day %s in the calendar", day)
	return nil
}

// TestDateTimeEditorNarrow: in a narrow form (a 900×600 window) the date
// is shown whole, the buttons going under it; wide, all is on one row.
func TestDateTimeEditorNarrow(t *testing.T) {
	const text = "2024-03-01 10:20:30 +0900"
	for _, tc := range []struct {
		width  float32
		oneRow bool
	}{{250, false}, {420, true}} {
		f := newDateFixture(t, "Asia/Seoul")
		f.ed.SetText(text)
		f.win.Resize(fyne.NewSize(tc.width, 200))
		e := f.ed.entry
		th := f.ed.Theme()
		room := e.Size().Width - 2*th.Size(theme.SizeNameInnerPadding) - th.Size(theme.SizeNameInlineIcon)
		if e.ActionItem != nil {
			room -= e.ActionItem.MinSize().Width
		}
		if need := fyne.MeasureText(text, th.Size(theme.SizeNameText), e.TextStyle).Width; room < need {
			t.Errorf("at %v wide the entry has %.0f px for a date of %.0f px: it is cut", tc.width, room, need)
		}
		if got := f.ed.nowBtn.Position().Y == e.Position().Y; got != tc.oneRow {
			t.Errorf("at %v wide, Now on the entry's row = %v, want %v", tc.width, got, tc.oneRow)
		}
		if b := f.ed.nowBtn; b.Position().X+b.Size().Width > f.ed.Size().Width {
			t.Errorf("at %v wide, Now runs past the editor's edge", tc.width)
		}
	}
}

// TestDateTimeEditorPlaceHolderIsAPattern: an empty date field shows the
// form a date takes, not a sample date that reads as the post's own.
func TestDateTimeEditorPlaceHolderIsAPattern(t *testing.T) {
	f := newDateFixture(t, "Asia/Seoul")
	if got := f.ed.entry.PlaceHolder; got != "yyyy-mm-dd hh:mm:ss +0900" {
		t.Errorf("placeholder %q", got)
	}
}
