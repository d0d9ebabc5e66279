package storage

import (
	"fmt"
	"strings"
	"time"
)

// The rules below were found by feeding each form to real Jekyll 4.3.1
// (Psych 4.0.3, Ruby 3.1); storage/testdata/dates/jekyll-4.3.1.tsv holds
// what it printed and jekyll.py next to it makes that file again.
//
// Jekyll reads `date:` in two steps. Psych first loads the YAML: a plain
// scalar that matches the YAML 1.1 timestamp pattern (date, time with
// seconds, optional offset) becomes a Time, and without an offset that Time
// is in UTC; a plain date-only scalar becomes a Date; everything else,
// and every quoted scalar, stays a string. Jekyll then calls
// Time.parse(value.to_s) in its own process, whose TZ it set from
// `timezone:` in _config.yml, so a string without an offset, and a Date,
// land in the site's zone. Time#to_s has no sub-second part, so fractional
// seconds are dropped on the way.

// DateZone says where a front matter date's time zone comes from.
type DateZone int

const (
	// ZoneExplicit is a date whose text names its own offset (+0900,
	// +09:00, +09, Z, UTC or GMT), quoted or not.
	ZoneExplicit DateZone = iota
	// ZoneUTC is a plain (unquoted) date with a time that has seconds and
	// no offset, like 2022-01-01 17:30:00: YAML reads it as a timestamp
	// and Psych puts such a timestamp in UTC, whatever the site's zone.
	ZoneUTC
	// ZoneSite is a date without an offset that Jekyll reads in the site's
	// time zone: every quoted one, a time without seconds
	// (2022-01-01 17:30), a date without a time (2022-01-01), and a date
	// or time followed by Chirpy's placeholder "+/-TTTT" for an offset.
	ZoneSite
)

// String returns "explicit", "utc" or "site".
func (z DateZone) String() string {
	switch z {
	case ZoneExplicit:
		return "explicit"
	case ZoneUTC:
		return "utc"
	case ZoneSite:
		return "site"
	}
	return fmt.Sprintf("DateZone(%d)", int(z))
}

// Date is a front matter date as written and as Jekyll will read it.
type Date struct {
	// Text is the scalar as written, without its quotes.
	Text string
	// Wall is the clock reading written, fractional seconds included. For
	// ZoneExplicit it is in a fixed zone with the written offset (time.UTC
	// for a zero offset); otherwise it is in time.UTC and only its clock
	// fields mean anything, since the instant depends on Zone.
	Wall time.Time
	// Zone says which time zone Jekyll reads Wall in.
	Zone DateZone
	// HasTime is false for a date-only value like 2022-01-01, which Jekyll
	// reads as midnight in the site's zone.
	HasTime bool
}

// ParseDate reads a front matter date the way Jekyll 4 does. quoted says the
// YAML scalar was in single or double quotes, which makes it a string rather
// than a YAML timestamp and so changes its zone (see DateZone).
//
// The accepted form is
//
//	YYYY-M[M]-D[D] [ (T|t|spaces) H[H]:MM [ :SS [ .fraction ] ] [ spaces ] [ offset ] ]
//
// where offset is Z, z, UTC, GMT (any case) or a sign, two-digit hours and
// optionally two-digit minutes with or without a colon (+09, +0900, +09:00),
// up to ±23:59. The literal "+/-TTTT" that Chirpy's post template puts
// where the offset goes may follow the date or the time; Jekyll ignores it.
// Spaces around the whole text are ignored, as Jekyll does for quoted
// values.
//
// Jekyll accepts more, and ParseDate rejects these with an error that says
// what is wrong, without position (the caller knows where the scalar is);
// every error wraps ErrBadDate:
//
//   - Impossible calendar values that Ruby silently rolls over: February 30
//     (Jekyll gives March 2), hour 24 and second 60 (Jekyll gives the next
//     day or minute). Those Jekyll rejects itself, like month 13, hour 25 or
//     minute 60, are rejected too.
//   - Zone names other than UTC and GMT (KST, EST, PST): Ruby knows only
//     the US names and otherwise silently uses the site's zone.
//   - One-digit offset hours (+9): plain YAML reads +09:00, but Time.parse
//     ignores it in a quoted value.
//   - Offsets with seconds (+09:00:00) or minutes past 59 (+0960).
//   - Free forms Time.parse guesses at: "Jan 5 2022", 2022/01/05, 20220105,
//     12-hour clocks (5:30 PM), one-digit minutes, a dot with no fraction.
func ParseDate(text string, quoted bool) (Date, error) {
	p := dateParser{s: strings.Trim(text, " \t")}
	d, err := p.parse(quoted)
	if err != nil {
		return Date{}, err
	}
	d.Text = text
	return d, nil
}

// In returns the instant Jekyll gives the post, in site. site is the zone of
// `timezone:` in _config.yml; without that setting Jekyll uses the zone of
// the machine that builds, so pass time.Local for a local `jekyll serve` and
// time.UTC for GitHub Actions. A nil site means time.UTC.
//
// Fractional seconds are dropped, as Jekyll drops them. For a ZoneSite clock
// reading that the site's zone skips (a daylight saving gap) or repeats, In
// picks what Ruby picks: the later of the two candidate instants, so
// 02:30 on the spring-forward day in New York is 03:30 EDT and 01:30 on the
// fall-back day is 01:30 EST.
func (d Date) In(site *time.Location) time.Time {
	if site == nil {
		site = time.UTC
	}
	switch d.Zone {
	case ZoneSite:
		w := d.Wall
		return wallIn(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), site)
	default:
		return d.Wall.Truncate(time.Second).In(site)
	}
}

// FormatDate writes t as "2006-01-02 15:04:05 -0700", the form Postdesk
// writes a changed date in: its explicit offset makes Jekyll read the same
// instant whether or not the scalar is quoted, whatever the site's zone.
// Fractional seconds are dropped, since Jekyll ignores them. A zone whose
// offset is not whole minutes (local mean time before ~1900) cannot be
// written as -0700, so such a t is written in UTC to keep the instant. The
// result parses back with ParseDate only for years 0000 to 9999.
func FormatDate(t time.Time) string {
	if _, off := t.Zone(); off%60 != 0 {
		t = t.UTC()
	}
	return t.Format("2006-01-02 15:04:05 -0700")
}

// wallIn returns the instant whose clock reading in loc is the given one,
// choosing as Ruby's Time.parse does when loc skips or repeats that reading:
// the later candidate. Go's time.Date makes no promise about which it picks.
func wallIn(year int, month time.Month, day, hour, min, sec int, loc *time.Location) time.Time {
	t := time.Date(year, month, day, hour, min, sec, 0, loc)
	wall := time.Date(year, month, day, hour, min, sec, 0, time.UTC).Unix()
	// The reading can only be skipped or repeated around the edges of the
	// zone period time.Date landed in, so the offsets of that period and its
	// neighbours are the only candidates.
	_, off := t.Zone()
	offs := []int{off}
	start, end := t.ZoneBounds()
	if !start.IsZero() {
		_, o := start.Add(-time.Second).Zone()
		offs = append(offs, o)
	}
	if !end.IsZero() {
		_, o := end.Zone()
		offs = append(offs, o)
	}
	var best time.Time
	found := false
	for _, o := range offs {
		c := time.Unix(wall-int64(o), 0).In(loc)
		if _, co := c.Zone(); co != o {
			continue // that offset is not in force then: no such reading
		}
		if !found || c.After(best) {
			best, found = c, true
		}
	}
	if found {
		return best
	}
	// A gap: Ruby reads the clock with the offset from before the jump,
	// which lands after it; of the two offsets that is the later instant.
	gapOffs := []int{off}
	if wall-int64(off) < start.Unix() {
		_, o := start.Add(-time.Second).Zone()
		gapOffs = append(gapOffs, o)
	} else if !end.IsZero() {
		_, o := end.Zone()
		gapOffs = append(gapOffs, o)
	}
	for _, o := range gapOffs {
		c := time.Unix(wall-int64(o), 0).In(loc)
		if !found || c.After(best) {
			best, found = c, true
		}
	}
	return best
}

// chirpyPlaceholder stands for the offset in Chirpy's post template.
const chirpyPlaceholder = "+/-TTTT"

// dateParser walks a date's text left to right; it keeps its position so
// each step can say precisely what it expected.
type dateParser struct {
	s   string
	pos int
}

// parse reads the whole text; the fields follow the grammar in ParseDate.
func (p *dateParser) parse(quoted bool) (Date, error) {
	if p.s == "" {
		return Date{}, badDate("the date is empty")
	}
	year, ok := p.digits(4, 4)
	if !ok || !p.eat('-') {
		return Date{}, p.unsupported()
	}
	month, ok := p.digits(1, 2)
	if !ok || !p.eat('-') {
		return Date{}, p.unsupported()
	}
	day, ok := p.digits(1, 2)
	if !ok {
		return Date{}, p.unsupported()
	}
	if err := checkDay(year, month, day); err != nil {
		return Date{}, err
	}
	d := Date{Zone: ZoneSite}
	if p.done() || strings.TrimLeft(p.s[p.pos:], " ") == chirpyPlaceholder {
		d.Wall = time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		return d, nil
	}

	if !p.eat('T') && !p.eat('t') && !p.spaces() {
		return Date{}, p.unsupported()
	}
	d.HasTime = true
	hour, ok := p.digits(1, 2)
	if !ok || !p.eat(':') {
		return Date{}, p.unsupported()
	}
	min, ok := p.digits(2, 2)
	if !ok {
		return Date{}, p.unsupported()
	}
	sec, nsec, hasSec := 0, 0, false
	if p.eat(':') {
		if sec, ok = p.digits(2, 2); !ok {
			return Date{}, p.unsupported()
		}
		hasSec = true
		if p.eat('.') {
			if nsec, ok = p.fraction(); !ok {
				return Date{}, badDate("%q has a dot after the seconds but no digits", p.s)
			}
		}
	}
	if err := checkClock(hour, min, sec); err != nil {
		return Date{}, err
	}

	p.spaces()
	// Chirpy's post template reads "date: YYYY-MM-DD HH:MM:SS +/-TTTT", and
	// real posts keep the placeholder. YAML sees a string, Time.parse skips
	// what it cannot read, so Jekyll uses the site's zone.
	placeholder := strings.HasPrefix(p.s[p.pos:], chirpyPlaceholder)
	var loc *time.Location
	hasOff := false
	if placeholder {
		p.pos += len(chirpyPlaceholder)
	} else {
		var err error
		if loc, hasOff, err = p.offset(); err != nil {
			return Date{}, err
		}
	}
	if !p.done() {
		return Date{}, p.unsupported()
	}
	switch {
	case hasOff:
		d.Zone = ZoneExplicit
	case hasSec && !quoted && !placeholder:
		d.Zone = ZoneUTC
		loc = time.UTC
	default:
		loc = time.UTC
	}
	d.Wall = time.Date(year, time.Month(month), day, hour, min, sec, nsec, loc)
	return d, nil
}

// offset reads an optional offset or zone name at the end of the text.
func (p *dateParser) offset() (*time.Location, bool, error) {
	if p.done() {
		return nil, false, nil
	}
	rest := p.s[p.pos:]
	switch c := rest[0]; {
	case c == '+' || c == '-':
		return p.numericOffset()
	case isASCIILetter(c):
		word := rest
		for i := 0; i < len(rest); i++ {
			if !isASCIILetter(rest[i]) {
				word = rest[:i]
				break
			}
		}
		switch strings.ToUpper(word) {
		case "Z", "UTC", "GMT":
			p.pos += len(word)
			return time.UTC, true, nil
		case "AM", "PM":
			return nil, false, badDate("%q uses a 12-hour clock, which is not supported; write the hour from 00 to 23", p.s)
		}
		return nil, false, badDate("the time zone name %q is not supported; write an offset like +09:00", word)
	}
	return nil, false, p.unsupported()
}

// numericOffset reads +HH, +HHMM or +HH:MM.
func (p *dateParser) numericOffset() (*time.Location, bool, error) {
	start := p.pos
	sign := 1
	if p.s[p.pos] == '-' {
		sign = -1
	}
	p.pos++
	var hours, mins int
	switch n := p.run(); n {
	case 2:
		hours, _ = p.digits(2, 2)
		if p.eat(':') {
			var ok bool
			if mins, ok = p.digits(2, 2); !ok {
				return nil, false, badDate("the offset %q needs two-digit minutes, like +09:00", p.s[start:])
			}
		}
	case 4:
		v, _ := p.digits(4, 4)
		hours, mins = v/100, v%100
	case 1, 3:
		return nil, false, badDate("the offset %q needs two-digit hours, like +09:00", p.s[start:])
	default:
		return nil, false, p.unsupported()
	}
	if p.pos < len(p.s) && p.s[p.pos] == ':' {
		return nil, false, badDate("the offset %q has more than hours and minutes; write it like +09:00", p.s[start:])
	}
	text := p.s[start:p.pos]
	if hours > 23 {
		return nil, false, badDate("the offset %s is out of range (hours 00 to 23)", text)
	}
	if mins > 59 {
		return nil, false, badDate("the offset %s is out of range (minutes 00 to 59)", text)
	}
	off := sign * (hours*3600 + mins*60)
	if off == 0 {
		return time.UTC, true, nil
	}
	return time.FixedZone("", off), true, nil
}

// checkDay rejects calendar dates that do not exist. Ruby rolls a day past
// the month's end (up to 31) into the next month, which would give the
// post a date other than the one written.
func checkDay(year, month, day int) error {
	if month < 1 || month > 12 {
		return badDate("month %d is out of range (1 to 12)", month)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return badDate("day %d is out of range (%s %04d has days 1 to %d)", day, time.Month(month), year, last)
	}
	return nil
}

// checkClock rejects clock readings that do not exist, including hour 24
// and second 60, which Ruby rolls into the next day or minute.
func checkClock(hour, min, sec int) error {
	switch {
	case hour > 23:
		return badDate("hour %d is out of range (0 to 23)", hour)
	case min > 59:
		return badDate("minute %d is out of range (0 to 59)", min)
	case sec > 59:
		return badDate("second %d is out of range (0 to 59)", sec)
	}
	return nil
}

// unsupported is the error for text that does not follow the grammar at
// all, so naming one wrong field would mislead.
func (p *dateParser) unsupported() error {
	return badDate("%q is not a date Postdesk can read; write YYYY-MM-DD, optionally followed by HH:MM:SS and an offset like +09:00", p.s)
}

// digits reads between min and max ASCII digits; it fails, consuming
// nothing, when the run of digits is shorter or longer.
func (p *dateParser) digits(min, max int) (int, bool) {
	n := p.run()
	if n < min || n > max {
		return 0, false
	}
	v := 0
	for _, c := range p.s[p.pos : p.pos+n] {
		v = v*10 + int(c-'0')
	}
	p.pos += n
	return v, true
}

// fraction reads the digits after a decimal point as nanoseconds,
// truncating past nine digits as Jekyll truncates past zero.
func (p *dateParser) fraction() (int, bool) {
	n := p.run()
	if n == 0 {
		return 0, false
	}
	ns := 0
	for i := 0; i < 9; i++ {
		ns *= 10
		if i < n {
			ns += int(p.s[p.pos+i] - '0')
		}
	}
	p.pos += n
	return ns, true
}

// run counts the ASCII digits at the current position.
func (p *dateParser) run() int {
	n := 0
	for p.pos+n < len(p.s) && p.s[p.pos+n] >= '0' && p.s[p.pos+n] <= '9' {
		n++
	}
	return n
}

// eat consumes c if it is next.
func (p *dateParser) eat(c byte) bool {
	if p.pos < len(p.s) && p.s[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// spaces consumes a run of spaces and says whether there was one.
func (p *dateParser) spaces() bool {
	start := p.pos
	for p.pos < len(p.s) && p.s[p.pos] == ' ' {
		p.pos++
	}
	return p.pos > start
}

// done says whether the whole text has been read.
func (p *dateParser) done() bool { return p.pos == len(p.s) }

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// dateError is a date problem in plain words. It unwraps to ErrBadDate
// without repeating that sentinel's text, since the caller already names
// the field: "path:3:7: date: month 13 is out of range (1 to 12)".
type dateError string

// Error returns the message.
func (e dateError) Error() string { return string(e) }

// Unwrap returns ErrBadDate.
func (e dateError) Unwrap() error { return ErrBadDate }

// badDate formats a dateError.
func badDate(format string, args ...any) error { return dateError(fmt.Sprintf(format, args...)) }
