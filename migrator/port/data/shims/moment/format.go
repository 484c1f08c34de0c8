package moment

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// tokens is moment's formattingTokens; `.` is JavaScript's (no line terminators: they are dropped).
var tokens = regexp.MustCompile(`(\[[^\[]*\])|(\\e)|(\\)?(eHHmm|[Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|[^\n\r\x{2028}\x{2029}])`)

// untranslated are moment's other format tokens (locale weeks, eras, quarters, zone names) and the
// locale formats it expands first (L, LT, l …).
var untranslated = map[string]bool{
	"eHHmm": true, "w": true, "wo": true, "ww": true, "W": true, "Wo": true, "WW": true, "Q": true,
	"Qo": true, "N": true, "NN": true, "NNN": true, "NNNN": true, "NNNNN": true, "yy": true, "yyy": true,
	"yyyy": true, "y": true, "yo": true, "gg": true, "gggg": true, "ggggg": true, "GG": true, "GGGG": true,
	"GGGGG": true, "e": true, "E": true, "z": true, "zz": true, "L": true, "l": true,
}

var (
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	mins     = []string{"Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"}
)

// format is moment's formatMoment for the English locale at UTC.
func format(t time.Time, pattern string) string {
	var out strings.Builder
	for _, token := range tokens.FindAllString(pattern, -1) {
		if untranslated[token] {
			notImplemented("moment().format token " + token)
		}
		if text, ok := value(t, token); ok {
			out.WriteString(text)
		} else if strings.HasPrefix(token, "[") && len(token) > 1 {
			out.WriteString(strings.TrimSuffix(strings.TrimPrefix(token, "["), "]"))
		} else {
			out.WriteString(strings.ReplaceAll(token, `\`, ""))
		}
	}
	return out.String()
}

// value is a token's text, or false when the token is literal text.
func value(t time.Time, token string) (string, bool) {
	year, hour, ms := t.Year(), t.Hour(), t.Nanosecond()/1e6
	h12 := hour % 12
	if h12 == 0 {
		h12 = 12
	}
	k := hour
	if k == 0 {
		k = 24
	}
	switch token {
	case "Y":
		if year <= 9999 {
			return zeroFill(year, 4, false), true
		}
		return "+" + strconv.Itoa(year), true
	case "YY":
		return zeroFill(year%100, 2, false), true
	case "YYYY", "YYYYY":
		return zeroFill(year, len(token), false), true
	case "YYYYYY":
		return zeroFill(year, 6, true), true
	case "M", "MM", "Mo":
		return number(token, int(t.Month())), true
	case "MMM":
		return months[t.Month()-1][:3], true
	case "MMMM":
		return months[t.Month()-1], true
	case "D", "DD", "Do":
		return number(token, t.Day()), true
	case "DDD", "DDDD", "DDDo":
		if year == -271821 { // moment's dayOfYear reads the start of the year, before the first valid date
			return map[string]string{"DDD": "NaN", "DDDD": "-NaN", "DDDo": "NaNth"}[token], true
		}
		return number(token, t.YearDay()), true
	case "d", "do":
		return number(token, int(t.Weekday())), true
	case "dd":
		return mins[t.Weekday()], true
	case "ddd":
		return weekdays[t.Weekday()][:3], true
	case "dddd":
		return weekdays[t.Weekday()], true
	case "H", "HH":
		return number(token, hour), true
	case "h", "hh":
		return number(token, h12), true
	case "k", "kk":
		return number(token, k), true
	case "m", "mm":
		return number(token, t.Minute()), true
	case "s", "ss":
		return number(token, t.Second()), true
	case "Hmm", "Hmmss", "hmm", "hmmss":
		text := strconv.Itoa(hour)
		if token[0] == 'h' {
			text = strconv.Itoa(h12)
		}
		text += zeroFill(t.Minute(), 2, false)
		if strings.HasSuffix(token, "ss") {
			text += zeroFill(t.Second(), 2, false)
		}
		return text, true
	case "a", "A":
		text := "am"
		if hour > 11 {
			text = "pm"
		}
		if token == "A" {
			text = strings.ToUpper(text)
		}
		return text, true
	case "x":
		return strconv.FormatInt(t.UnixMilli(), 10), true
	case "X":
		return strconv.FormatInt(int64(math.Floor(float64(t.UnixMilli())/1000)), 10), true
	case "Z":
		return "+00:00", true
	case "ZZ":
		return "+0000", true
	}
	if strings.Trim(token, "S") == "" {
		switch len(token) {
		case 1:
			return strconv.Itoa(ms / 100), true
		case 2:
			return zeroFill(ms/10, 2, false), true
		default:
			return zeroFill(ms*int(math.Pow10(len(token)-3)), len(token), false), true
		}
	}
	return "", false
}

// padded are the zero-filled numeric tokens and their widths.
var padded = map[string]int{"MM": 2, "DD": 2, "DDDD": 3, "HH": 2, "hh": 2, "kk": 2, "mm": 2, "ss": 2}

// number is a numeric token: zero-filled (padded), with its English ordinal (`Mo`, `Do`, `DDDo`,
// `do`), or as is.
func number(token string, n int) string {
	if width, ok := padded[token]; ok {
		return zeroFill(n, width, false)
	}
	if strings.HasSuffix(token, "o") {
		return ordinal(n)
	}
	return strconv.Itoa(n)
}

func ordinal(n int) string {
	suffix := "th"
	if (n%100)/10 != 1 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// zeroFill is moment's: the absolute value padded with zeros to width, '-' or (forced) '+' before.
func zeroFill(n, width int, forceSign bool) string {
	abs := strconv.Itoa(int(math.Abs(float64(n))))
	sign := ""
	if n < 0 {
		sign = "-"
	} else if forceSign {
		sign = "+"
	}
	if len(abs) < width {
		abs = strings.Repeat("0", width-len(abs)) + abs
	}
	return sign + abs
}
