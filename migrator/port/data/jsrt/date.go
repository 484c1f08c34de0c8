package jsrt

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"time"
)

// Dates hold a time value in ms since the epoch (NaN when invalid). Local
// time is UTC (Lambda runs with TZ=UTC).

// DateNow is Date.now().
func DateNow() Value { return Num(float64(time.Now().UnixMilli())) }

func timeClip(t float64) float64 {
	if math.IsNaN(t) || math.Abs(t) > 8.64e15 {
		return math.NaN()
	}
	return math.Trunc(t) + 0
}

func newDateValue(t float64) Value { return Obj(&Object{class: "Date", slot: timeClip(t)}) }

// NewDate is new Date(...args): now, from ms, from a date string, or from components.
func NewDate(args ...Value) Value {
	switch len(args) {
	case 0:
		return newDateValue(float64(time.Now().UnixMilli()))
	case 1:
		v := args[0]
		if v.IsObject() && v.o.class == "Date" {
			return newDateValue(v.o.slot.(float64))
		}
		p := ToPrimitive(v, "default")
		if p.k == KindString {
			return newDateValue(DateParse(p.s))
		}
		return newDateValue(ToNumber(p))
	}
	return newDateValue(dateFromParts(nums(args), true))
}

// DateUTC is Date.UTC(...parts).
func DateUTC(args ...Value) Value { return Num(timeClip(dateFromParts(nums(args), true))) }

func dateFromParts(p []float64, twoDigitYears bool) float64 {
	parts := []float64{math.NaN(), 0, 1, 0, 0, 0, 0}
	copy(parts, p)
	for _, f := range parts {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return math.NaN()
		}
	}
	y := math.Trunc(parts[0])
	if twoDigitYears && y >= 0 && y <= 99 {
		y += 1900
	}
	t := time.Date(int(y), time.January, 1, 0, 0, 0, 0, time.UTC).AddDate(0, int(parts[1]), int(parts[2])-1)
	ms := float64(t.UnixMilli()) + math.Trunc(parts[3])*3.6e6 + math.Trunc(parts[4])*6e4 + math.Trunc(parts[5])*1e3 + math.Trunc(parts[6])
	return ms
}

var isoDate = regexp.MustCompile(`^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:\d{2})?$`)

// DateParse is Date.parse(s): ISO 8601 forms (date-only is UTC, date-time
// without offset is local = UTC) and RFC 1123 / RFC 850 dates; NaN otherwise.
func DateParse(s string) float64 {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, "Mon Jan 02 2006 15:04:05 GMT-0700", "Mon, 2 Jan 2006 15:04:05 MST"} {
			if t, err := time.Parse(layout, s); err == nil {
				return float64(t.UnixMilli())
			}
		}
		return math.NaN()
	}
	if m[1] == "-000000" {
		return math.NaN()
	}
	num := func(s string, def int) int {
		if s == "" {
			return def
		}
		n, _ := strconv.Atoi(s)
		return n
	}
	y, mo, d := num(m[1], 0), num(m[2], 1), num(m[3], 1)
	h, mi, sec := num(m[4], 0), num(m[5], 0), num(m[6], 0)
	frac := m[7]
	for len(frac) < 3 {
		frac += "0"
	}
	ms := num(frac[:3], 0)
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi > 0 || sec > 0 || ms > 0)) {
		return math.NaN()
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ms*1e6, time.UTC)
	off := 0
	if z := m[8]; len(z) == 6 {
		off = (num(z[1:3], 0)*60 + num(z[4:6], 0)) * 60000
		if z[0] == '-' {
			off = -off
		}
	}
	return float64(t.UnixMilli() - int64(off))
}

func dateThis(this Value) float64 {
	if !this.IsObject() || this.o.class != "Date" {
		ThrowTypeError("this is not a Date object.")
	}
	return this.o.slot.(float64)
}

func dateTime(t float64) time.Time { return time.UnixMilli(int64(t)).UTC() }

// ISOString formats a time value like toISOString (RangeError when invalid).
func ISOString(t float64) string {
	if math.IsNaN(t) {
		ThrowRangeError("Invalid time value")
	}
	tm := dateTime(t)
	y := tm.Year()
	ys := fmt.Sprintf("%04d", y)
	if y < 0 || y > 9999 {
		ys = fmt.Sprintf("%+07d", y)
	}
	return ys + tm.Format("-01-02T15:04:05.000Z")
}

func dateMethod(name string) Func {
	get := func(f func(time.Time) int) Func {
		return func(_ *Realm, this Value, _ []Value) Value {
			t := dateThis(this)
			if math.IsNaN(t) {
				return Num(t)
			}
			return Int(f(dateTime(t)))
		}
	}
	str := func(f func(t float64) string) Func {
		return func(_ *Realm, this Value, _ []Value) Value {
			t := dateThis(this)
			if math.IsNaN(t) {
				return Str("Invalid Date")
			}
			return Str(f(t))
		}
	}
	switch name {
	case "getTime", "valueOf":
		return func(_ *Realm, this Value, _ []Value) Value { return Num(dateThis(this)) }
	case "toISOString":
		return func(_ *Realm, this Value, _ []Value) Value { return Str(ISOString(dateThis(this))) }
	case "toJSON":
		return func(_ *Realm, this Value, _ []Value) Value {
			t := dateThis(this)
			if math.IsNaN(t) {
				return Null()
			}
			return Str(ISOString(t))
		}
	case "getFullYear", "getUTCFullYear":
		return get(func(t time.Time) int { return t.Year() })
	case "getMonth", "getUTCMonth":
		return get(func(t time.Time) int { return int(t.Month()) - 1 })
	case "getDate", "getUTCDate":
		return get(func(t time.Time) int { return t.Day() })
	case "getDay", "getUTCDay":
		return get(func(t time.Time) int { return int(t.Weekday()) })
	case "getHours", "getUTCHours":
		return get(func(t time.Time) int { return t.Hour() })
	case "getMinutes", "getUTCMinutes":
		return get(func(t time.Time) int { return t.Minute() })
	case "getSeconds", "getUTCSeconds":
		return get(func(t time.Time) int { return t.Second() })
	case "getMilliseconds", "getUTCMilliseconds":
		return get(func(t time.Time) int { return t.Nanosecond() / 1e6 })
	case "getTimezoneOffset":
		return get(func(time.Time) int { return 0 })
	case "toString":
		return str(func(t float64) string {
			return dateTime(t).Format("Mon Jan 02 2006 15:04:05") + " GMT+0000 (Coordinated Universal Time)"
		})
	case "toUTCString", "toGMTString":
		return str(func(t float64) string { return dateTime(t).Format("Mon, 02 Jan 2006 15:04:05 GMT") })
	case "toDateString":
		return str(func(t float64) string { return dateTime(t).Format("Mon Jan 02 2006") })
	case "toLocaleDateString":
		return str(func(t float64) string { return dateTime(t).Format("1/2/2006") })
	case "toLocaleString":
		return str(func(t float64) string { return dateTime(t).Format("1/2/2006, 3:04:05 PM") })
	case "toLocaleTimeString":
		return str(func(t float64) string { return dateTime(t).Format("3:04:05 PM") })
	case "setTime":
		return func(_ *Realm, this Value, a []Value) Value {
			dateThis(this)
			t := timeClip(ToNumber(Arg(a, 0)))
			this.o.slot = t
			return Num(t)
		}
	}
	return dateSetter(name)
}

// dateSetter implements setFullYear ... setMilliseconds (and the UTC forms).
func dateSetter(name string) Func {
	fields := map[string]int{"setFullYear": 0, "setMonth": 1, "setDate": 2, "setHours": 3, "setMinutes": 4, "setSeconds": 5, "setMilliseconds": 6}
	if len(name) > 6 && name[:6] == "setUTC" {
		name = "set" + name[6:]
	}
	first, ok := fields[name]
	if !ok {
		return nil
	}
	return func(_ *Realm, this Value, a []Value) Value {
		t := dateThis(this)
		if math.IsNaN(t) && first != 0 {
			return Num(t)
		}
		if math.IsNaN(t) {
			t = 0
		}
		tm := dateTime(t)
		p := []float64{float64(tm.Year()), float64(tm.Month() - 1), float64(tm.Day()), float64(tm.Hour()),
			float64(tm.Minute()), float64(tm.Second()), float64(tm.Nanosecond() / 1e6)}
		for i, v := range a {
			if first+i < len(p) {
				p[first+i] = ToNumber(v)
			}
		}
		nt := timeClip(dateFromParts(p, false))
		this.o.slot = nt
		return Num(nt)
	}
}
