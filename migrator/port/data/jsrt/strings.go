package jsrt

import "math"

// maxStringLength is V8's String::kMaxLength on 64-bit hosts; longer results throw a RangeError.
const maxStringLength = 1<<29 - 24

// toInteger is ToIntegerOrInfinity.
func toInteger(v Value) float64 {
	f := ToNumber(v)
	if math.IsNaN(f) {
		return 0
	}
	return math.Trunc(f)
}

// relIndex resolves a relative index argument (negative counts from the end) into [0, n].
func relIndex(v Value, n int, def int) int {
	if v.IsUndefined() {
		return def
	}
	f := toInteger(v)
	if f < 0 {
		return int(math.Max(float64(n)+f, 0))
	}
	return int(math.Min(f, float64(n)))
}

// clampIndex resolves an absolute index argument into [0, n].
func clampIndex(v Value, n int, def int) int {
	if v.IsUndefined() {
		return def
	}
	return int(math.Max(0, math.Min(toInteger(v), float64(n))))
}

// indexUnits finds sub in s (code units) at or after from; -1 if absent.
func indexUnits(s, sub []uint16, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		match := true
		for j := range sub {
			if s[i+j] != sub[j] {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

func lastIndexUnits(s, sub []uint16, from int) int {
	for i := min(from, len(s)-len(sub)); i >= 0; i-- {
		if indexUnits(s[i:i+len(sub)], sub, 0) == 0 {
			return i
		}
	}
	return -1
}

// strThis converts a string method's receiver.
func strThis(this Value) string {
	if this.IsNullish() {
		ThrowTypeError("String.prototype method called on null or undefined")
	}
	return ToString(this)
}

func strArg(args []Value, i int) string { return ToString(Arg(args, i)) }

func stringMethod(name string) Func {
	m, ok := stringMethods[name]
	if !ok {
		return nil
	}
	return m
}

// stringMethods is filled once by init (a table, never changed afterwards).
var stringMethods map[string]Func

func init() {
	stringMethods = map[string]Func{
		"toString": func(_ *Realm, this Value, _ []Value) Value { return this },
		"valueOf":  func(_ *Realm, this Value, _ []Value) Value { return this },
		"slice": func(_ *Realm, this Value, a []Value) Value {
			s := strThis(this)
			n := unitLen(s)
			return Str(unitSlice(s, relIndex(Arg(a, 0), n, 0), relIndex(Arg(a, 1), n, n)))
		},
		"substring": func(_ *Realm, this Value, a []Value) Value {
			s := strThis(this)
			n := unitLen(s)
			i, j := clampIndex(Arg(a, 0), n, 0), clampIndex(Arg(a, 1), n, n)
			return Str(unitSlice(s, min(i, j), max(i, j)))
		},
		"substr": func(_ *Realm, this Value, a []Value) Value {
			s := strThis(this)
			n := unitLen(s)
			i := relIndex(Arg(a, 0), n, 0)
			l := n - i
			if !Arg(a, 1).IsUndefined() {
				l = int(math.Min(math.Max(toInteger(Arg(a, 1)), 0), float64(n-i)))
			}
			return Str(unitSlice(s, i, i+l))
		},
		"charAt": func(_ *Realm, this Value, a []Value) Value {
			s := strThis(this)
			i := toInteger(Arg(a, 0))
			if i < 0 || i >= float64(unitLen(s)) {
				return Str("")
			}
			return Str(unitSlice(s, int(i), int(i)+1))
		},
		"charCodeAt": func(_ *Realm, this Value, a []Value) Value {
			u := toUnits(strThis(this))
			i := toInteger(Arg(a, 0))
			if i < 0 || i >= float64(len(u)) {
				return Num(math.NaN())
			}
			return Int(int(u[int(i)]))
		},
		"codePointAt": func(_ *Realm, this Value, a []Value) Value {
			u := toUnits(strThis(this))
			i := toInteger(Arg(a, 0))
			if i < 0 || i >= float64(len(u)) {
				return Undefined
			}
			c := int(u[int(i)])
			if c >= 0xD800 && c < 0xDC00 && int(i)+1 < len(u) && u[int(i)+1] >= 0xDC00 && u[int(i)+1] < 0xE000 {
				return Int((c-0xD800)<<10 + int(u[int(i)+1]) - 0xDC00 + 0x10000)
			}
			return Int(c)
		},
		"at": func(_ *Realm, this Value, a []Value) Value {
			s := strThis(this)
			n := unitLen(s)
			i := toInteger(Arg(a, 0))
			if i < 0 {
				i += float64(n)
			}
			if i < 0 || i >= float64(n) {
				return Undefined
			}
			return Str(unitSlice(s, int(i), int(i)+1))
		},
		"indexOf": func(_ *Realm, this Value, a []Value) Value {
			u, sub := toUnits(strThis(this)), toUnits(strArg(a, 0))
			return Int(indexUnits(u, sub, clampIndex(Arg(a, 1), len(u), 0)))
		},
		"lastIndexOf": func(_ *Realm, this Value, a []Value) Value {
			u, sub := toUnits(strThis(this)), toUnits(strArg(a, 0))
			from := len(u)
			if f := ToNumber(Arg(a, 1)); !math.IsNaN(f) {
				from = int(math.Max(0, math.Min(math.Trunc(f), float64(len(u)))))
			}
			return Int(lastIndexUnits(u, sub, from))
		},
		"includes": func(_ *Realm, this Value, a []Value) Value {
			noRegExp(Arg(a, 0), "includes")
			u, sub := toUnits(strThis(this)), toUnits(strArg(a, 0))
			return Bool(indexUnits(u, sub, clampIndex(Arg(a, 1), len(u), 0)) >= 0)
		},
		"startsWith": func(_ *Realm, this Value, a []Value) Value {
			noRegExp(Arg(a, 0), "startsWith")
			u, sub := toUnits(strThis(this)), toUnits(strArg(a, 0))
			p := clampIndex(Arg(a, 1), len(u), 0)
			return Bool(p+len(sub) <= len(u) && indexUnits(u[p:p+len(sub)], sub, 0) == 0)
		},
		"endsWith": func(_ *Realm, this Value, a []Value) Value {
			noRegExp(Arg(a, 0), "endsWith")
			u, sub := toUnits(strThis(this)), toUnits(strArg(a, 0))
			e := clampIndex(Arg(a, 1), len(u), len(u))
			return Bool(e-len(sub) >= 0 && indexUnits(u[e-len(sub):e], sub, 0) == 0)
		},
		"split":       strSplit,
		"trim":        func(_ *Realm, this Value, _ []Value) Value { return Str(trimJS(strThis(this), true, true)) },
		"trimStart":   func(_ *Realm, this Value, _ []Value) Value { return Str(trimJS(strThis(this), true, false)) },
		"trimEnd":     func(_ *Realm, this Value, _ []Value) Value { return Str(trimJS(strThis(this), false, true)) },
		"padStart":    func(_ *Realm, this Value, a []Value) Value { return strPad(strThis(this), a, true) },
		"padEnd":      func(_ *Realm, this Value, a []Value) Value { return strPad(strThis(this), a, false) },
		"repeat":      strRepeat,
		"concat":      strConcat,
		"replace":     func(r *Realm, this Value, a []Value) Value { return strReplace(r, strThis(this), a, false) },
		"replaceAll":  func(r *Realm, this Value, a []Value) Value { return strReplace(r, strThis(this), a, true) },
		"toUpperCase": func(_ *Realm, this Value, _ []Value) Value { return Str(ToUpper(strThis(this))) },
		"toLowerCase": func(_ *Realm, this Value, _ []Value) Value { return Str(ToLower(strThis(this))) },
		"toLocaleUpperCase": func(_ *Realm, this Value, _ []Value) Value {
			return Str(ToUpper(strThis(this)))
		},
		"toLocaleLowerCase": func(_ *Realm, this Value, _ []Value) Value {
			return Str(ToLower(strThis(this)))
		},
		"localeCompare": func(_ *Realm, this Value, a []Value) Value {
			return Int(LocaleCompare(strThis(this), strArg(a, 0)))
		},
		"normalize": func(_ *Realm, this Value, _ []Value) Value { return Str(strThis(this)) },
		"match":     strMatch,
		"matchAll":  strMatchAll,
		"search":    strSearch,
	}
}

func noRegExp(v Value, method string) {
	if v.IsObject() && v.o.class == "RegExp" {
		ThrowTypeError("First argument to String.prototype." + method + " must not be a regular expression")
	}
}
