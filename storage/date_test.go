package storage

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests name zones; do not depend on the machine's zoneinfo
)

// dateLayout prints times the way the Jekyll probe site printed page.date,
// plus the fraction where there is one.
const dateLayout = "2006-01-02 15:04:05.999999999 -0700"

func mustLoadZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return loc
}

// dateCases pin each form against what Jekyll 4.3.1 printed for
// {{ page.date | date: "%Y-%m-%d %H:%M:%S %z" }} with timezone: Asia/Seoul
// and America/New_York (testdata/dates/jekyll-4.3.1.tsv has the full run).
// seoul and newYork are those printed values.
var dateCases = []struct {
	name    string
	text    string
	quoted  bool
	zone    DateZone
	wall    string // dateLayout; zone part is +0000 unless zone is ZoneExplicit
	hasTime bool
	seoul   string
	newYork string
}{
	// Jekyll: the same instant plain or quoted.
	{"offset without colon", "2022-01-01 17:30:00 +0900", false, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the same as plain.
	{"offset without colon quoted", "2022-01-01 17:30:00 +0900", true, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the same as +0900.
	{"offset with colon", "2022-01-01 17:30:00 +09:00", false, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the same as +0900.
	{"offset hours only", "2022-01-01 17:30:00 +09", true, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the same as with a space.
	{"offset glued to seconds", "2022-01-01 17:30:00+0900", false, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the same plain or quoted.
	{"ISO 8601 with T and offset", "2024-07-14T21:05:00+09:00", false, ZoneExplicit, "2024-07-14 21:05:00 +0900", true,
		"2024-07-14 21:05:00 +0900", "2024-07-14 08:05:00 -0400"},
	// Jekyll: the same plain or quoted.
	{"ISO 8601 with Z", "2024-07-14T21:05:00Z", false, ZoneExplicit, "2024-07-14 21:05:00 +0000", true,
		"2024-07-15 06:05:00 +0900", "2024-07-14 17:05:00 -0400"},
	// Jekyll: the same as Z, plain or quoted.
	{"lower-case t and z", "2022-01-01t17:30:00z", true, ZoneExplicit, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: the same as Z, plain or quoted.
	{"UTC spelled out", "2022-01-01 17:30:00 UTC", false, ZoneExplicit, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: the same plain or quoted.
	{"negative offset", "2022-01-01 17:30:00 -0500", false, ZoneExplicit, "2022-01-01 17:30:00 -0500", true,
		"2022-01-02 07:30:00 +0900", "2022-01-01 17:30:00 -0500"},
	// Jekyll: the same plain or quoted.
	{"half-hour offset", "2022-01-01 17:30:00 +0530", false, ZoneExplicit, "2022-01-01 17:30:00 +0530", true,
		"2022-01-01 21:00:00 +0900", "2022-01-01 07:00:00 -0500"},
	// Jekyll: the same as +00:00.
	{"negative zero offset", "2022-01-01 17:30:00 -00:00", false, ZoneExplicit, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: printed 17:30:00 +0900; the fraction is dropped.
	{"fraction with offset", "2022-01-01T17:30:00.123+09:00", false, ZoneExplicit, "2022-01-01 17:30:00.123 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: the fraction is dropped, not rounded.
	{"nine fraction digits", "2022-01-01 17:30:00.999999999 +0900", true, ZoneExplicit, "2022-01-01 17:30:00.999999999 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},
	// Jekyll: accepted without seconds; the offset still counts.
	{"no seconds with offset", "2022-01-01 17:30 +0900", false, ZoneExplicit, "2022-01-01 17:30:00 +0900", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 03:30:00 -0500"},

	// Jekyll: plain is UTC (02:30 next day in Seoul); quoted is 17:30 site time.
	{"no offset plain is UTC", "2022-01-01 17:30:00", false, ZoneUTC, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: 17:30 in the site's zone.
	{"no offset quoted is site time", "2022-01-01 17:30:00", true, ZoneSite, "2022-01-01 17:30:00 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},
	// Jekyll: like the space-separated form.
	{"no offset with T plain is UTC", "2022-01-01T17:30:00", false, ZoneUTC, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: Psych allows any run of spaces, so still UTC.
	{"two spaces before time plain is UTC", "2022-01-01  17:30:00", false, ZoneUTC, "2022-01-01 17:30:00 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: Psych allows one-digit month, day and hour, so still UTC.
	{"one-digit fields plain is UTC", "2022-1-5 7:05:00", false, ZoneUTC, "2022-01-05 07:05:00 +0000", true,
		"2022-01-05 16:05:00 +0900", "2022-01-05 02:05:00 -0500"},
	// Jekyll: UTC and the fraction dropped.
	{"fraction without offset plain is UTC", "2022-01-01 17:30:00.5", false, ZoneUTC, "2022-01-01 17:30:00.5 +0000", true,
		"2022-01-02 02:30:00 +0900", "2022-01-01 12:30:00 -0500"},
	// Jekyll: site time and the fraction dropped.
	{"fraction without offset quoted is site time", "2022-01-01 17:30:00.5", true, ZoneSite, "2022-01-01 17:30:00.5 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},

	// Jekyll: without seconds YAML sees a string, so site time even plain.
	{"no seconds plain is site time", "2022-01-01 17:30", false, ZoneSite, "2022-01-01 17:30:00 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},
	// Jekyll: the same as plain.
	{"no seconds quoted is site time", "2022-01-01 17:30", true, ZoneSite, "2022-01-01 17:30:00 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},
	// Jekyll: site time.
	{"no seconds with T", "2022-01-01T17:30", false, ZoneSite, "2022-01-01 17:30:00 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},
	// Jekyll: site time.
	{"one-digit hour without seconds", "2022-01-01 7:05", false, ZoneSite, "2022-01-01 07:05:00 +0000", true,
		"2022-01-01 07:05:00 +0900", "2022-01-01 07:05:00 -0500"},
	// Jekyll: Psych makes a Date, Jekyll makes it a string again: site midnight.
	{"date only plain is site midnight", "2022-01-01", false, ZoneSite, "2022-01-01 00:00:00 +0000", false,
		"2022-01-01 00:00:00 +0900", "2022-01-01 00:00:00 -0500"},
	// Jekyll: the same as plain.
	{"date only quoted is site midnight", "2022-01-01", true, ZoneSite, "2022-01-01 00:00:00 +0000", false,
		"2022-01-01 00:00:00 +0900", "2022-01-01 00:00:00 -0500"},
	// Jekyll: January 5, site midnight.
	{"date only one-digit month and day", "2022-1-5", false, ZoneSite, "2022-01-05 00:00:00 +0000", false,
		"2022-01-05 00:00:00 +0900", "2022-01-05 00:00:00 -0500"},

	// Jekyll: New York skips 02:00-03:00; Ruby moves forward to 03:30 EDT.
	{"daylight saving gap quoted", "2022-03-13 02:30:00", true, ZoneSite, "2022-03-13 02:30:00 +0000", true,
		"2022-03-13 02:30:00 +0900", "2022-03-13 03:30:00 -0400"},
	// Jekyll: plain is UTC, so no gap.
	{"daylight saving gap plain is UTC", "2022-03-13 02:30:00", false, ZoneUTC, "2022-03-13 02:30:00 +0000", true,
		"2022-03-13 11:30:00 +0900", "2022-03-12 21:30:00 -0500"},
	// Jekyll: New York has 01:30 twice; Ruby takes the second, EST.
	{"daylight saving overlap takes the later", "2022-11-06 01:30", false, ZoneSite, "2022-11-06 01:30:00 +0000", true,
		"2022-11-06 01:30:00 +0900", "2022-11-06 01:30:00 -0500"},
	// Jekyll: no leap-year surprise.
	{"leap day", "2024-02-29", false, ZoneSite, "2024-02-29 00:00:00 +0000", false,
		"2024-02-29 00:00:00 +0900", "2024-02-29 00:00:00 -0500"},
	// Jekyll: Chirpy's template placeholder is ignored, even plain: 17:26 site time.
	{"Chirpy placeholder offset plain is site time", "2022-04-29 17:26:00 +/-TTTT", false, ZoneSite, "2022-04-29 17:26:00 +0000", true,
		"2022-04-29 17:26:00 +0900", "2022-04-29 17:26:00 -0400"},
	// Jekyll: the same as plain.
	{"Chirpy placeholder offset without seconds", "2022-04-29 17:26 +/-TTTT", true, ZoneSite, "2022-04-29 17:26:00 +0000", true,
		"2022-04-29 17:26:00 +0900", "2022-04-29 17:26:00 -0400"},
	// Jekyll: site midnight.
	{"Chirpy placeholder after a date only", "2022-04-29 +/-TTTT", false, ZoneSite, "2022-04-29 00:00:00 +0000", false,
		"2022-04-29 00:00:00 +0900", "2022-04-29 00:00:00 -0400"},
	// Jekyll: quoted scalars may carry spaces; Time.parse ignores them.
	{"spaces inside quotes", " 2022-01-01 17:30:00 ", true, ZoneSite, "2022-01-01 17:30:00 +0000", true,
		"2022-01-01 17:30:00 +0900", "2022-01-01 17:30:00 -0500"},
}

func TestParseDate(t *testing.T) {
	seoul, newYork := mustLoadZone(t, "Asia/Seoul"), mustLoadZone(t, "America/New_York")
	for _, tc := range dateCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.text, tc.quoted)
			if err != nil {
				t.Fatalf("ParseDate(%q, %v): %v", tc.text, tc.quoted, err)
			}
			if d.Text != tc.text {
				t.Errorf("Text = %q, want %q", d.Text, tc.text)
			}
			if d.Zone != tc.zone {
				t.Errorf("Zone = %v, want %v", d.Zone, tc.zone)
			}
			if got := d.Wall.Format(dateLayout); got != tc.wall {
				t.Errorf("Wall = %s, want %s", got, tc.wall)
			}
			if tc.zone != ZoneExplicit && d.Wall.Location() != time.UTC {
				t.Errorf("Wall location = %v, want UTC for a date without offset", d.Wall.Location())
			}
			if d.HasTime != tc.hasTime {
				t.Errorf("HasTime = %v, want %v", d.HasTime, tc.hasTime)
			}
			if got := d.In(seoul).Format(dateLayout); got != tc.seoul {
				t.Errorf("In(Asia/Seoul) = %s, Jekyll gave %s", got, tc.seoul)
			}
			if got := d.In(newYork).Format(dateLayout); got != tc.newYork {
				t.Errorf("In(America/New_York) = %s, Jekyll gave %s", got, tc.newYork)
			}
		})
	}
}

// TestDateInAtZoneChanges pins how a site-time reading that a zone skips or
// repeats lands. want is what Ruby 3.1's Time.parse(text).localtime gave
// with ENV["TZ"] set to the zone, the call Jekyll makes.
func TestDateInAtZoneChanges(t *testing.T) {
	tests := []struct {
		name string
		zone string
		text string
		want string
	}{
		{"New York gap moves forward", "America/New_York", "2022-03-13 02:30:00", "2022-03-13 03:30:00 -0400"},
		{"New York overlap takes standard time", "America/New_York", "2022-11-06 01:30:00", "2022-11-06 01:30:00 -0500"},
		{"London overlap takes GMT", "Europe/London", "2022-10-30 01:30:00", "2022-10-30 01:30:00 +0000"},
		{"Moscow 2014 overlap without daylight saving", "Europe/Moscow", "2014-10-26 01:30:00", "2014-10-26 01:30:00 +0300"},
		{"Lord Howe half-hour overlap", "Australia/Lord_Howe", "2022-04-03 01:45:00", "2022-04-03 01:45:00 +1030"},
		{"Lord Howe half-hour gap", "Australia/Lord_Howe", "2022-10-02 02:15:00", "2022-10-02 02:45:00 +1100"},
		{"Sao Paulo midnight gap", "America/Sao_Paulo", "2018-11-04 00:30:00", "2018-11-04 01:30:00 -0200"},
		{"Sao Paulo overlap", "America/Sao_Paulo", "2018-02-17 23:30:00", "2018-02-17 23:30:00 -0300"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.text, true)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.In(mustLoadZone(t, tc.zone)).Format(dateLayout); got != tc.want {
				t.Errorf("In(%s) = %s, Ruby gave %s", tc.zone, got, tc.want)
			}
		})
	}
}

func TestDateInNilIsUTC(t *testing.T) {
	d, err := ParseDate("2022-01-01 17:30", false)
	if err != nil {
		t.Fatal(err)
	}
	// Jekyll without timezone: and run with TZ=UTC printed 17:30:00 +0000.
	if got, want := d.In(nil).Format(dateLayout), "2022-01-01 17:30:00 +0000"; got != want {
		t.Errorf("In(nil) = %s, want %s", got, want)
	}
}

// dateErrorCases are rejected; the comment says what Jekyll did.
var dateErrorCases = []struct {
	name   string
	text   string
	quoted bool
	want   string
}{
	// Jekyll: build error "Invalid date '2022-13-45'".
	{"month 13", "2022-13-45", false, "month 13 is out of range (1 to 12)"},
	// Jekyll: build error.
	{"month 0", "2022-00-10", false, "month 0 is out of range (1 to 12)"},
	// Jekyll: silently gave March 2.
	{"February 30", "2022-02-30", false, "day 30 is out of range (February 2022 has days 1 to 28)"},
	// Jekyll: silently gave March 2, 10:00 +0900.
	{"February 30 with offset", "2022-02-30 10:00:00 +0900", true, "day 30 is out of range (February 2022 has days 1 to 28)"},
	// Jekyll: build error.
	{"February 32", "2022-02-32", false, "day 32 is out of range (February 2022 has days 1 to 28)"},
	// Jekyll: silently gave March 1.
	{"February 29 outside a leap year", "2023-02-29", false, "day 29 is out of range (February 2023 has days 1 to 28)"},
	// Jekyll: build error.
	{"hour 25", "2022-01-01 25:00:00", false, "hour 25 is out of range (0 to 23)"},
	// Jekyll: silently gave the next midnight.
	{"hour 24", "2022-01-01 24:00:00", true, "hour 24 is out of range (0 to 23)"},
	// Jekyll: build error.
	{"minute 60", "2022-01-01 23:60:00", false, "minute 60 is out of range (0 to 59)"},
	// Jekyll: silently gave the next minute.
	{"leap second", "2022-01-01 23:59:60", false, "second 60 is out of range (0 to 59)"},
	// Jekyll: build error.
	{"offset hours 25", "2022-01-01 17:30:00 +2500", false, "the offset +2500 is out of range (hours 00 to 23)"},
	// Jekyll: silently read it as +10:00.
	{"offset minutes 60", "2022-01-01 17:30:00 +0960", false, "the offset +0960 is out of range (minutes 00 to 59)"},
	// Jekyll: +09:00 plain, but quoted it ignored the offset and used site time.
	{"one-digit offset hours", "2022-01-01 17:30:00 +9", false, `the offset "+9" needs two-digit hours, like +09:00`},
	// Jekyll: read it as +09:00.
	{"offset with seconds", "2022-01-01 17:30:00 +09:00:00", false, `the offset "+09:00:00" has more than hours and minutes; write it like +09:00`},
	// Jekyll: right in Seoul by luck (the local name), site time elsewhere.
	{"zone name Ruby does not know", "2022-01-01 17:30:00 KST", false, `the time zone name "KST" is not supported; write an offset like +09:00`},
	// Jekyll: -0500, as Ruby knows the US names.
	{"US zone name", "2022-01-01 17:30:00 EST", false, `the time zone name "EST" is not supported; write an offset like +09:00`},
	// Jekyll: 17:30 site time.
	{"12-hour clock", "2022-01-01 5:30 PM", false, `"2022-01-01 5:30 PM" uses a 12-hour clock, which is not supported; write the hour from 00 to 23`},
	// Jekyll: UTC plain, site time quoted.
	{"dot without fraction", "2022-01-01 17:30:00.", false, `"2022-01-01 17:30:00." has a dot after the seconds but no digits`},
	// Jekyll: 17:05 site time.
	{"one-digit minute", "2022-01-01 17:5", false, `"2022-01-01 17:5" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: January 5, site midnight.
	{"month name", "Jan 5 2022", false, `"Jan 5 2022" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: January 5, site midnight.
	{"slashes", "2022/01/05", false, `"2022/01/05" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: YAML makes it an integer, Time.parse January 5.
	{"no separators", "20220105", false, `"20220105" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: build error.
	{"not a date", "hello", true, `"hello" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: an empty date: is nil, and Jekyll keeps the filename's date;
	// the caller decides that, not ParseDate.
	{"empty", "", true, "the date is empty"},
	// YAML cannot hold a tab in a plain scalar; quoted, Ruby reads it.
	{"tab before time", "2022-01-01\t17:30:00", true, `"2022-01-01\t17:30:00" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	// Jekyll: build error "Invalid date".
	{"Chirpy template left unfilled", "YYYY-MM-DD HH:MM:SS +/-TTTT", false, `"YYYY-MM-DD HH:MM:SS +/-TTTT" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	{"five-digit year", "12022-01-01", false, `"12022-01-01" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
	{"text after offset", "2022-01-01 17:30:00 +09:00 x", false, `"2022-01-01 17:30:00 +09:00 x" is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00`},
}

func TestParseDateErrors(t *testing.T) {
	for _, tc := range dateErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.text, tc.quoted)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %+v, want error", tc.text, d)
			}
			if !errors.Is(err, ErrBadDate) {
				t.Errorf("error %v does not wrap ErrBadDate", err)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n got %s\nwant %s", err, tc.want)
			}
		})
	}
}

// TestParseDateMatchesJekyll replays every observation jekyll.py recorded:
// where ParseDate accepts a form, In must give exactly what Jekyll gave.
func TestParseDateMatchesJekyll(t *testing.T) {
	// Forms Jekyll accepts and ParseDate rejects on purpose, see ParseDate.
	rejected := map[string]bool{}
	for _, tc := range dateErrorCases {
		rejected[tc.text] = true
	}
	for _, extra := range []string{"2022-02-30 10:00:00", "2022-01-01 17:30:00 PST"} {
		rejected[extra] = true
	}

	f, err := os.Open(filepath.Join("testdata", "dates", "jekyll-4.3.1.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 4 {
			t.Fatalf("bad line %q", line)
		}
		zone, style, form, jekyll := fields[0], fields[1], fields[2], fields[3]
		loc := time.UTC // no timezone: in _config.yml, built with TZ=UTC
		if zone != "" {
			loc = mustLoadZone(t, zone)
		}
		n++
		d, err := ParseDate(form, style == "quoted")
		switch {
		case err != nil && jekyll != "error" && !rejected[form]:
			t.Errorf("%s %s %q: ParseDate: %v; Jekyll gave %s", zone, style, form, err, jekyll)
		case err == nil && jekyll == "error":
			t.Errorf("%s %s %q: ParseDate accepted it; Jekyll failed the build", zone, style, form)
		case err == nil:
			if got := d.In(loc).Format(dateLayout); got != jekyll {
				t.Errorf("%s %s %q: In = %s, Jekyll gave %s", zone, style, form, got, jekyll)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no observations read")
	}
}

func TestFormatDate(t *testing.T) {
	seoul, newYork := mustLoadZone(t, "Asia/Seoul"), mustLoadZone(t, "America/New_York")
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"Seoul", time.Date(2022, 1, 1, 17, 30, 0, 0, seoul), "2022-01-01 17:30:00 +0900"},
		{"New York summer time", time.Date(2024, 7, 14, 8, 5, 0, 0, newYork), "2024-07-14 08:05:00 -0400"},
		{"UTC", time.Date(2024, 7, 14, 21, 5, 0, 0, time.UTC), "2024-07-14 21:05:00 +0000"},
		{"half-hour offset", time.Date(2022, 1, 1, 17, 30, 0, 0, time.FixedZone("", 5*3600+1800)), "2022-01-01 17:30:00 +0530"},
		{"fraction dropped", time.Date(2022, 1, 1, 17, 30, 0, 999999999, seoul), "2022-01-01 17:30:00 +0900"},
		// New York's local mean time was -4:56:02, which -0700 cannot say.
		{"offset with seconds written in UTC", time.Date(1850, 1, 1, 0, 0, 0, 0, newYork), "1850-01-01 04:56:02 +0000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FormatDate(tc.in)
			if got != tc.want {
				t.Fatalf("FormatDate = %s, want %s", got, tc.want)
			}
			for _, quoted := range []bool{false, true} {
				d, err := ParseDate(got, quoted)
				if err != nil {
					t.Fatalf("ParseDate(%q, %v): %v", got, quoted, err)
				}
				if d.Zone != ZoneExplicit {
					t.Errorf("quoted=%v: Zone = %v, want explicit", quoted, d.Zone)
				}
				if back := d.In(newYork); !back.Equal(tc.in.Truncate(time.Second)) {
					t.Errorf("quoted=%v: round trip gave %s, want %s", quoted, back, tc.in)
				}
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.text, tc.quoted)
	}
	for _, tc := range dateErrorCases {
		f.Add(tc.text, tc.quoted)
	}
	// Found by fuzzing: Seoul's local mean time (+8:27:52) puts this before
	// year 0 once FormatDate falls back to UTC.
	f.Add("0000-1-1 0:00 ", false)
	locs := []*time.Location{time.UTC, mustLoadZone(f, "Asia/Seoul"), mustLoadZone(f, "America/New_York")}
	f.Fuzz(func(t *testing.T, text string, quoted bool) {
		d, err := ParseDate(text, quoted)
		if err != nil {
			if !errors.Is(err, ErrBadDate) {
				t.Fatalf("error %v does not wrap ErrBadDate", err)
			}
			return
		}
		if d.Text != text {
			t.Fatalf("Text = %q, want %q", d.Text, text)
		}
		for _, loc := range locs {
			in := d.In(loc)
			s := FormatDate(in)
			if len(s) != len("2006-01-02 15:04:05 -0700") || s[0] == '-' {
				continue // a year outside 0000-9999, which ParseDate never reads
			}
			back, err := ParseDate(s, quoted)
			if err != nil {
				t.Fatalf("%q In(%v) = %q does not parse: %v", text, loc, s, err)
			}
			if !back.In(loc).Equal(in) {
				t.Fatalf("%q In(%v) = %s, but %q gives %s", text, loc, in, s, back.In(loc))
			}
		}
	})
}
