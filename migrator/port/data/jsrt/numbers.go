package jsrt

import (
	"math"
	"strconv"
)

func numThis(this Value) float64 {
	if this.k != KindNumber {
		ThrowTypeError("Number.prototype method called on a non-number")
	}
	return this.n
}

func numberMethod(name string) Func {
	switch name {
	case "toFixed":
		return func(_ *Realm, this Value, a []Value) Value {
			return Str(ToFixed(numThis(this), int(toInteger(Arg(a, 0)))))
		}
	case "toPrecision":
		return func(_ *Realm, this Value, a []Value) Value {
			if Arg(a, 0).IsUndefined() {
				return Str(NumberToString(numThis(this)))
			}
			return Str(ToPrecision(numThis(this), int(toInteger(a[0]))))
		}
	case "toString":
		return func(_ *Realm, this Value, a []Value) Value {
			if Arg(a, 0).IsUndefined() {
				return Str(NumberToString(numThis(this)))
			}
			return Str(NumberToRadix(numThis(this), int(toInteger(a[0]))))
		}
	case "toLocaleString":
		return func(_ *Realm, this Value, _ []Value) Value { return Str(localeString(numThis(this))) }
	case "valueOf":
		return func(_ *Realm, this Value, _ []Value) Value { return this }
	}
	return nil
}

// localeString is toLocaleString() in en-US: grouped integer part, at most 3 fraction digits.
func localeString(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if math.IsInf(f, 0) {
			return map[bool]string{true: "-∞", false: "∞"}[f < 0]
		}
		return "NaN"
	}
	s := ToFixed(math.Abs(f), 3)
	ip, fp := s[:len(s)-4], s[len(s)-3:]
	for len(fp) > 0 && fp[len(fp)-1] == '0' {
		fp = fp[:len(fp)-1]
	}
	out := ""
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			out += ","
		}
		out += string(c)
	}
	if fp != "" {
		out += "." + fp
	}
	if f < 0 && out != "0" {
		out = "-" + out
	}
	return out
}

// Number is Number(v) (0 with no argument).
func Number(args ...Value) Value {
	if len(args) == 0 {
		return Num(0)
	}
	return Num(ToNumber(args[0]))
}

// String is String(v) ("" with no argument).
func String(args ...Value) Value {
	if len(args) == 0 {
		return Str("")
	}
	return ToValueString(args[0])
}

// Boolean is Boolean(v).
func Boolean(args ...Value) Value { return Bool(len(args) > 0 && Truthy(args[0])) }

// ParseInt is parseInt(s, radix).
func ParseInt(s Value, radix ...Value) Value {
	rd := 0
	if len(radix) > 0 {
		rd = int(ToInt32(radix[0]))
	}
	return Num(ParseIntString(ToString(s), rd))
}

// ParseFloat is parseFloat(s).
func ParseFloat(s Value) Value { return Num(ParseFloatString(ToString(s))) }

// IsNaN is the global isNaN(v) (converts first).
func IsNaN(v Value) bool { return math.IsNaN(ToNumber(v)) }

// IsFinite is the global isFinite(v) (converts first).
func IsFinite(v Value) bool {
	f := ToNumber(v)
	return !math.IsNaN(f) && !math.IsInf(f, 0)
}

// NumberIsNaN is Number.isNaN(v) (no conversion).
func NumberIsNaN(v Value) bool { return v.k == KindNumber && math.IsNaN(v.n) }

// NumberIsFinite is Number.isFinite(v) (no conversion).
func NumberIsFinite(v Value) bool {
	return v.k == KindNumber && !math.IsNaN(v.n) && !math.IsInf(v.n, 0)
}

// NumberIsInteger is Number.isInteger(v).
func NumberIsInteger(v Value) bool { return NumberIsFinite(v) && v.n == math.Trunc(v.n) }

// NumberIsSafeInteger is Number.isSafeInteger(v).
func NumberIsSafeInteger(v Value) bool {
	return NumberIsInteger(v) && math.Abs(v.n) <= 9007199254740991
}

// IntString formats an integer-valued number (for generated code's indices).
func IntString(i int) string { return strconv.Itoa(i) }
