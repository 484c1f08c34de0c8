package jsrt

import (
	"math"
	"strings"
)

func strSplit(r *Realm, this Value, a []Value) Value {
	s := strThis(this)
	if sep := Arg(a, 0); sep.IsObject() && sep.o.class == "RegExp" {
		return regexpSplit(sep.o, s, Arg(a, 1))
	}
	limit := math.MaxUint32
	if !Arg(a, 1).IsUndefined() {
		limit = int(toUint32(ToNumber(Arg(a, 1))))
	}
	if Arg(a, 0).IsUndefined() {
		if limit == 0 {
			return NewArray()
		}
		return NewArray(Str(s))
	}
	sep := strArg(a, 0)
	var parts []Value
	if sep == "" {
		for _, u := range toUnits(s) {
			parts = append(parts, StrUTF16([]uint16{u}))
		}
	} else if isASCII(s) && isASCII(sep) {
		for _, p := range strings.Split(s, sep) {
			parts = append(parts, Str(p))
		}
	} else {
		u, su := toUnits(s), toUnits(sep)
		start := 0
		for {
			i := indexUnits(u, su, start)
			if i < 0 {
				break
			}
			parts = append(parts, StrUTF16(u[start:i]))
			start = i + len(su)
		}
		parts = append(parts, StrUTF16(u[start:]))
	}
	if len(parts) > limit {
		parts = parts[:limit]
	}
	return ArrayOf(parts)
}

func strPad(s string, a []Value, start bool) Value {
	n := int(toInteger(Arg(a, 0)))
	l := unitLen(s)
	fill := " "
	if !Arg(a, 1).IsUndefined() {
		fill = strArg(a, 1)
	}
	if n <= l || fill == "" {
		return Str(s)
	}
	if n > maxStringLength {
		ThrowRangeError("Invalid string length")
	}
	fu := toUnits(fill)
	pad := make([]uint16, 0, n-l)
	for len(pad) < n-l {
		pad = append(pad, fu[len(pad)%len(fu)])
	}
	if start {
		return Str(concat(fromUnits(pad), s))
	}
	return Str(concat(s, fromUnits(pad)))
}

func strRepeat(_ *Realm, this Value, a []Value) Value {
	s := strThis(this)
	n := toInteger(Arg(a, 0))
	if n < 0 || math.IsInf(n, 0) {
		ThrowRangeError("Invalid count value: " + NumberToString(n))
	}
	if s == "" || n == 0 {
		return Str("")
	}
	u := toUnits(s)
	if n*float64(len(u)) > maxStringLength {
		ThrowRangeError("Invalid string length")
	}
	out := make([]uint16, 0, int(n)*len(u))
	for i := 0; i < int(n); i++ {
		out = append(out, u...)
	}
	return StrUTF16(out)
}

func strConcat(_ *Realm, this Value, a []Value) Value {
	s := strThis(this)
	for _, x := range a {
		s = concat(s, ToString(x))
	}
	return Str(s)
}

// strReplace is replace/replaceAll with a string or RegExp pattern and a
// string (with $ patterns) or function replacement.
func strReplace(r *Realm, s string, a []Value, all bool) Value {
	if p := Arg(a, 0); p.IsObject() && p.o.class == "RegExp" {
		return regexpReplace(r, p.o, s, Arg(a, 1), all)
	}
	u, pat := toUnits(s), toUnits(strArg(a, 0))
	repl := Arg(a, 1)
	var out []uint16
	pos, last := 0, 0
	for {
		i := indexUnits(u, pat, pos)
		if i < 0 {
			break
		}
		out = append(out, u[last:i]...)
		var rep string
		if repl.k == KindFunction {
			rep = ToString(Call(r, repl, Undefined, StrUTF16(pat), Int(i), Str(s)))
		} else {
			rep = expandReplacement(ToString(repl), u, i, i+len(pat), nil, nil)
		}
		out = append(out, toUnits(rep)...)
		last = i + len(pat)
		pos = last
		if len(pat) == 0 {
			pos++
		}
		if !all || pos > len(u) {
			break
		}
	}
	out = append(out, u[last:]...)
	return StrUTF16(out)
}

// expandReplacement applies $$, $&, $`, $', $n and $<name> (GetSubstitution).
func expandReplacement(tpl string, u []uint16, start, end int, groups []Value, named *Object) string {
	if !strings.Contains(tpl, "$") {
		return tpl
	}
	t := toUnits(tpl)
	var out []uint16
	for i := 0; i < len(t); i++ {
		if t[i] != '$' || i+1 >= len(t) {
			out = append(out, t[i])
			continue
		}
		c := t[i+1]
		switch {
		case c == '$':
			out = append(out, '$')
			i++
		case c == '&':
			out = append(out, u[start:end]...)
			i++
		case c == '`':
			out = append(out, u[:start]...)
			i++
		case c == '\'':
			out = append(out, u[end:]...)
			i++
		case c >= '0' && c <= '9' && groups != nil:
			n, w := int(c-'0'), 1
			if i+2 < len(t) && t[i+2] >= '0' && t[i+2] <= '9' && n*10+int(t[i+2]-'0') <= len(groups) {
				n, w = n*10+int(t[i+2]-'0'), 2
			}
			if n >= 1 && n <= len(groups) {
				if g := groups[n-1]; g.k == KindString {
					out = append(out, toUnits(g.s)...)
				}
				i += w
			} else {
				out = append(out, '$')
			}
		case c == '<' && named != nil:
			closeAt := indexUnits(t, []uint16{'>'}, i+2)
			if closeAt < 0 {
				out = append(out, '$')
				continue
			}
			if g := named.Get(fromUnits(t[i+2 : closeAt])); g.k == KindString {
				out = append(out, toUnits(g.s)...)
			}
			i = closeAt
		default:
			out = append(out, '$')
		}
	}
	return fromUnits(out)
}
