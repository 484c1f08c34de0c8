package jsrt

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// NumberToString formats f exactly as JavaScript's String(f) does: the
// shortest digits that round-trip, plain notation for exponents in
// [-7, 21), exponent notation otherwise (1e+21, 1e-7).
func NumberToString(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if f < 0 {
		return "-" + NumberToString(-f)
	}
	if f < 1e15 && f == math.Trunc(f) {
		return strconv.FormatInt(int64(f), 10)
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	return formatDigits(digits, x+1)
}

// formatDigits applies Number::toString's layout to digits with decimal point position n.
func formatDigits(digits string, n int) string {
	k := len(digits)
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	sign := "+"
	if n-1 < 0 {
		sign = "-"
	}
	exp := "e" + sign + strconv.Itoa(abs(n-1))
	if k == 1 {
		return digits + exp
	}
	return digits[:1] + "." + digits[1:] + exp
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// isJSSpace reports JavaScript's WhiteSpace and LineTerminator code points (what trim removes).
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func trimJS(s string, left, right bool) string {
	if left {
		s = strings.TrimLeftFunc(s, isJSSpace)
	}
	if right {
		s = strings.TrimRightFunc(s, isJSSpace)
	}
	return s
}

// StringToNumber is ToNumber on a string: whitespace trimmed, "" is 0,
// decimal, 0x/0o/0b integers and Infinity, anything else NaN.
func StringToNumber(s string) float64 {
	s = trimJS(s, true, true)
	if s == "" {
		return 0
	}
	if len(s) > 2 && s[0] == '0' {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
		if base != 0 {
			f, n := parseIntDigits(s[2:], base)
			if n != len(s)-2 {
				return math.NaN()
			}
			return f
		}
	}
	if n := decimalPrefix(s, true); n == len(s) {
		return parseDecimal(s)
	}
	return math.NaN()
}

// decimalPrefix returns the length of the longest StrDecimalLiteral prefix of s
// (0 if none). withSign allows a leading + or -.
func decimalPrefix(s string, withSign bool) int {
	i := 0
	if withSign && i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	if strings.HasPrefix(s[i:], "Infinity") {
		return i + 8
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intDigits := i - start
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		fracDigits = j - i - 1
		if intDigits > 0 || fracDigits > 0 {
			i = j
		}
	}
	if intDigits == 0 && fracDigits == 0 {
		return 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > j {
			i = k
		}
	}
	return i
}

func parseDecimal(s string) float64 {
	switch strings.TrimLeft(s, "+") {
	case "Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !math.IsInf(f, 0) && f != 0 {
		return math.NaN()
	}
	return f
}

// parseIntDigits reads the longest prefix of digits in base and returns its
// exactly rounded value and the count of digits read.
func parseIntDigits(s string, base int) (float64, int) {
	n := 0
	for n < len(s) && digitVal(s[n]) < base {
		n++
	}
	if n == 0 {
		return math.NaN(), 0
	}
	if n <= 10 {
		v, _ := strconv.ParseInt(s[:n], base, 64)
		return float64(v), n
	}
	b, _ := new(big.Int).SetString(s[:n], base)
	f, _ := new(big.Float).SetInt(b).Float64()
	return f, n
}

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// ParseIntString is parseInt(s, radix) (radix 0 means "not given").
func ParseIntString(s string, radix int) float64 {
	s = trimJS(s, true, false)
	sign := 1.0
	if s != "" && (s[0] == '+' || s[0] == '-') {
		if s[0] == '-' {
			sign = -1
		}
		s = s[1:]
	}
	strip := true
	if radix != 0 {
		if radix < 2 || radix > 36 {
			return math.NaN()
		}
		strip = radix == 16
	} else {
		radix = 10
	}
	if strip && len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s, radix = s[2:], 16
	}
	f, _ := parseIntDigits(s, radix)
	return sign * f
}

// ParseFloatString is parseFloat(s).
func ParseFloatString(s string) float64 {
	s = trimJS(s, true, false)
	n := decimalPrefix(s, true)
	if n == 0 {
		return math.NaN()
	}
	return parseDecimal(s[:n])
}
