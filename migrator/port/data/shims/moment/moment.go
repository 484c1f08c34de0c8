// Package moment stands in for a subset of the moment package (2.x, English locale, local time =
// UTC as on Lambda): moment(), moment(ms), moment(date) and moment(m), and on the result format(),
// valueOf(), unix(), toISOString(), toJSON(), toDate() and isValid(). Every other method of a
// moment throws NotImplementedError naming it, and so does format() given a token outside the
// subset (week years, eras, quarters, locale formats such as L).
package moment

import (
	"math"
	"time"

	"migrate.local/port/jsrt"
)

// methods are the moment prototype's methods (moment 2.30); those without a translation throw.
var methods = []string{
	"add", "calendar", "clone", "creationData", "date", "dates", "day", "dayOfYear", "days",
	"daysInMonth", "diff", "endOf", "eraAbbr", "eraName", "eraNarrow", "eraYear", "from", "fromNow",
	"get", "hasAlignedHourOffset", "hour", "hours", "inspect", "invalidAt", "isAfter", "isBefore",
	"isBetween", "isDST", "isDSTShifted", "isLeapYear", "isLocal", "isSame", "isSameOrAfter",
	"isSameOrBefore", "isUTC", "isUtc", "isUtcOffset", "isoWeek", "isoWeekYear", "isoWeekday",
	"isoWeeks", "isoWeeksInISOWeekYear", "isoWeeksInYear", "lang", "local", "locale", "localeData",
	"max", "millisecond", "milliseconds", "min", "minute", "minutes", "month", "months", "parseZone",
	"parsingFlags", "quarter", "quarters", "second", "seconds", "set", "startOf", "subtract", "to",
	"toArray", "toNow", "toObject", "toString", "utc", "utcOffset", "week", "weekYear", "weekday",
	"weeks", "weeksInWeekYear", "weeksInYear", "year", "years", "zone", "zoneAbbr", "zoneName",
}

func notImplemented(what string) {
	jsrt.Throw(jsrt.NewError(nil, "NotImplementedError", jsrt.Str(what+" is not translated (moment shim subset)")))
}

// Exports is the moment module: the moment function (with itself as `default`).
func Exports(r *jsrt.Realm) jsrt.Value {
	fn := jsrt.Fn("createLocal", func(r *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return create(r, a)
	})
	fn.Object().Set("default", fn)
	return fn
}

func create(r *jsrt.Realm, args []jsrt.Value) jsrt.Value {
	input := jsrt.Arg(args, 0)
	var ms float64
	switch {
	case input.IsUndefined():
		ms = float64(time.Now().UnixMilli())
	case input.Kind() == jsrt.KindNumber:
		ms = input.Float()
	case input.IsObject() && input.Object().Class() == "Date":
		ms = jsrt.ToNumber(jsrt.CallMethod(r, input, "valueOf"))
	case input.IsObject() && isMoment(input):
		ms = input.Object().Slot().(*slot).ms
	default:
		notImplemented("moment(" + jsrt.ToString(jsrt.TypeOf(input)) + ")")
	}
	if len(args) > 1 {
		notImplemented("moment with a format or locale")
	}
	return newMoment(r, ms)
}

// slot marks a moment object and holds its time (ms since the epoch, NaN when invalid).
type slot struct{ ms float64 }

func isMoment(v jsrt.Value) bool {
	_, ok := v.Object().Slot().(*slot)
	return ok
}

func newMoment(r *jsrt.Realm, ms float64) jsrt.Value {
	valid := !math.IsNaN(ms) && math.Abs(ms) <= 8.64e15
	if valid {
		ms = math.Trunc(ms)
	} else {
		ms = math.NaN()
	}
	o := jsrt.NewObject()
	o.SetSlot(&slot{ms: ms})
	self := jsrt.Obj(o)
	method := func(name string, f func(a []jsrt.Value) jsrt.Value) {
		o.SetHidden(name, jsrt.Fn(name, func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value { return f(a) }))
	}
	for _, name := range methods {
		method(name, func([]jsrt.Value) jsrt.Value { notImplemented("moment()." + name); return jsrt.Undefined })
	}
	method("valueOf", func([]jsrt.Value) jsrt.Value { return jsrt.Num(ms) })
	method("unix", func([]jsrt.Value) jsrt.Value { return jsrt.Num(math.Floor(ms / 1000)) })
	method("isValid", func([]jsrt.Value) jsrt.Value { return jsrt.Bool(valid) })
	method("toDate", func([]jsrt.Value) jsrt.Value { return jsrt.New(r, r.Global("Date"), jsrt.Num(ms)) })
	iso := func([]jsrt.Value) jsrt.Value {
		if !valid {
			return jsrt.Null()
		}
		return jsrt.CallMethod(r, jsrt.New(r, r.Global("Date"), jsrt.Num(ms)), "toISOString")
	}
	method("toISOString", iso)
	method("toJSON", iso)
	method("format", func(a []jsrt.Value) jsrt.Value {
		pattern := jsrt.Arg(a, 0)
		if !jsrt.Truthy(pattern) {
			pattern = jsrt.Str("YYYY-MM-DDTHH:mm:ssZ")
		} else if pattern.Kind() != jsrt.KindString {
			notImplemented("moment().format of a " + jsrt.ToString(jsrt.TypeOf(pattern)))
		}
		if !valid {
			return jsrt.Str("Invalid date")
		}
		return jsrt.Str(format(time.UnixMilli(int64(ms)).UTC(), jsrt.ToString(pattern)))
	})
	return self
}
