package middy

import (
	"regexp"
	"strconv"
)

// The formats of ajv-formats' "full" mode that the shim implements (middy 4 ships ajv-formats 2,
// middy 5 ajv-formats 3; they differ on time zones in time and date-time).
var (
	dateRe  = regexp.MustCompile(`^(\d\d\d\d)-(\d\d)-(\d\d)$`)
	time2Re = regexp.MustCompile(`(?i)^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?$`)
	time3Re = regexp.MustCompile(`(?i)^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$`)
	// dateTimeSep is /t|\s/i (JavaScript's \s).
	dateTimeSep = regexp.MustCompile(`[tT\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`)
	emailRe     = regexp.MustCompile("(?i)^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@" +
		`(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$`)
	uuidRe = regexp.MustCompile(`(?i)^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$`)
)

// formatChecker returns the check of a format name for @middy/validator `major`, or nil when the
// shim does not implement it.
func formatChecker(name string, major int) func(string) bool {
	timeCheck := func(s string) bool { return time2(s) }
	if major >= 5 {
		timeCheck = time3
	}
	switch name {
	case "date":
		return date
	case "time":
		return timeCheck
	case "date-time":
		return func(s string) bool {
			parts := dateTimeSep.Split(s, -1)
			return len(parts) == 2 && date(parts[0]) && timeCheck(parts[1])
		}
	case "email":
		return emailRe.MatchString
	case "uuid":
		return uuidRe.MatchString
	}
	return nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func date(s string) bool {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	year, month, day := atoi(m[1]), atoi(m[2]), atoi(m[3])
	days := []int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	leap := year%4 == 0 && (year%100 != 0 || year%400 == 0)
	return month >= 1 && month <= 12 && day >= 1 && (day <= days[month] || (month == 2 && leap && day == 29))
}

// time2 is ajv-formats 2's time: the time zone is optional (also in date-time, where 2.x means to
// require it but tests `timeZone !== ""` on an undefined group).
func time2(s string) bool {
	m := time2Re.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	h, mi, sec := atoi(m[1]), atoi(m[2]), atoi(m[3])
	return (h <= 23 && mi <= 59 && sec <= 59) || (h == 23 && mi == 59 && sec == 60)
}

// time3 is ajv-formats 3's time (strict time zone), with its leap-second rule.
func time3(s string) bool {
	m := time3Re.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	h, mi := atoi(m[1]), atoi(m[2])
	sec, _ := strconv.ParseFloat(m[3], 64)
	sign := 1
	if m[5] == "-" {
		sign = -1
	}
	tzH, tzM := atoi(m[6]), atoi(m[7])
	if tzH > 23 || tzM > 59 || m[4] == "" {
		return false
	}
	if h <= 23 && mi <= 59 && sec < 60 {
		return true
	}
	utcMin := mi - tzM*sign
	utcHr := h - tzH*sign
	if utcMin < 0 {
		utcHr--
	}
	return (utcHr == 23 || utcHr == -1) && (utcMin == 59 || utcMin == -1) && sec < 61
}
