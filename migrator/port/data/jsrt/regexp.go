package jsrt

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// regexpState is the internal slot of a RegExp.
type regexpState struct {
	re             *regexp.Regexp
	source, flags  string
	global, sticky bool
}

// jsSpace is JavaScript's \s as an RE2 class body.
const jsSpace = `\t\n\x{0B}\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`

// ErrRegExpUnsupported wraps every reason NewRegExp refuses a pattern.
var ErrRegExpUnsupported = errors.New("regular expression not supported by Go's RE2")

// TranslateRegExp returns the RE2 pattern with the same meaning as the
// JavaScript pattern /source/flags, or an error (wrapping
// ErrRegExpUnsupported) saying which construct has no RE2 equivalent.
func TranslateRegExp(source, flags string) (string, error) {
	fail := func(why string) (string, error) {
		return "", fmt.Errorf("%w: /%s/%s: %s", ErrRegExpUnsupported, source, flags, why)
	}
	var b strings.Builder
	for _, f := range flags {
		if !strings.ContainsRune("gimsuy", f) {
			return fail("flag " + string(f) + " is not supported")
		}
	}
	if strings.Contains(flags, "i") {
		b.WriteString("(?i)")
	}
	multiline := strings.Contains(flags, "m")
	if multiline {
		b.WriteString("(?m)")
	}
	uflag, dotAll := strings.Contains(flags, "u"), strings.Contains(flags, "s")
	rs := []rune(source)
	inClass := false
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case c == '\\':
			if i+1 >= len(rs) {
				return fail(`\ at end of pattern`)
			}
			i++
			e := rs[i]
			switch {
			case e == 'd' || e == 'D' || e == 'w' || e == 'W':
				b.WriteString(`\` + string(e))
			case e == 's':
				if inClass {
					b.WriteString(jsSpace)
				} else {
					b.WriteString("[" + jsSpace + "]")
				}
			case e == 'S':
				if inClass {
					return fail(`\S inside a character class`)
				}
				b.WriteString("[^" + jsSpace + "]")
			case e == 'b' && inClass:
				b.WriteString(`\x08`)
			case e == 'b' || e == 'B':
				b.WriteString(`\` + string(e))
			case e >= '1' && e <= '9':
				return fail("backreferences (\\" + string(e) + ") are not supported by RE2")
			case e == 'k' && (uflag || strings.Contains(source, "(?<")):
				return fail(`named backreferences (\k<name>) are not supported by RE2`)
			case e == '0':
				if i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9' {
					return fail("octal escapes are not supported")
				}
				b.WriteString(`\x00`)
			case e == 't':
				b.WriteString(`\t`)
			case e == 'n':
				b.WriteString(`\n`)
			case e == 'r':
				b.WriteString(`\r`)
			case e == 'f':
				b.WriteString(`\f`)
			case e == 'v':
				b.WriteString(`\x0B`)
			case e == 'c' && i+1 < len(rs) && (rs[i+1]|0x20) >= 'a' && (rs[i+1]|0x20) <= 'z':
				i++
				fmt.Fprintf(&b, `\x{%X}`, rs[i]%32)
			case e == 'x' && i+2 < len(rs) && isHex(rs[i+1]) && isHex(rs[i+2]):
				b.WriteString(`\x{` + string(rs[i+1:i+3]) + `}`)
				i += 2
			case e == 'u':
				cp, n, err := regexpUnicodeEscape(rs[i+1:], uflag)
				if err != "" {
					return fail(err)
				}
				fmt.Fprintf(&b, `\x{%X}`, cp)
				i += n
			case (e == 'p' || e == 'P') && uflag:
				end := i + 1
				for end < len(rs) && rs[end] != '}' {
					end++
				}
				if i+1 >= len(rs) || rs[i+1] != '{' || end >= len(rs) {
					return fail(`invalid \p escape`)
				}
				prop := string(rs[i+2 : end])
				if _, err := regexp.Compile(`\p{` + prop + `}`); err != nil || strings.ContainsAny(prop, "=_") {
					return fail(`\p{` + prop + `} has no RE2 equivalent`)
				}
				b.WriteString(`\` + string(e) + `{` + prop + `}`)
				i = end
			case e < 0x80 && !isAlnum(e):
				b.WriteString(`\` + string(e))
			default:
				if uflag {
					return fail(`invalid escape \` + string(e))
				}
				b.WriteString(regexp.QuoteMeta(string(e)))
			}
		case inClass:
			switch c {
			case ']':
				inClass = false
				b.WriteRune(c)
			case '[':
				b.WriteString(`\[`)
			default:
				b.WriteRune(c)
			}
		case c == '[':
			switch {
			case strings.HasPrefix(string(rs[i:]), "[^]"):
				b.WriteString(`[\x{0}-\x{10FFFF}]`)
				i += 2
			case strings.HasPrefix(string(rs[i:]), "[]"):
				b.WriteString(`[^\x{0}-\x{10FFFF}]`)
				i++
			default:
				inClass = true
				b.WriteRune(c)
				if i+1 < len(rs) && rs[i+1] == '^' {
					b.WriteRune('^')
					i++
				}
			}
		case c == '.':
			if dotAll {
				b.WriteString(`[\x{0}-\x{10FFFF}]`)
			} else {
				b.WriteString(`[^\n\r\x{2028}\x{2029}]`)
			}
		case c == '(' && i+2 < len(rs) && rs[i+1] == '?':
			rest := string(rs[i+2:])
			switch {
			case strings.HasPrefix(rest, "=") || strings.HasPrefix(rest, "!"):
				return fail("lookahead (?= / (?! is not supported by RE2")
			case strings.HasPrefix(rest, "<=") || strings.HasPrefix(rest, "<!"):
				return fail("lookbehind (?<= / (?<! is not supported by RE2")
			case strings.HasPrefix(rest, "<"):
				b.WriteString("(?P<")
				i += 2
			case strings.HasPrefix(rest, ":"):
				b.WriteString("(?:")
				i += 2
			default:
				return fail("group modifier (?" + string(rs[i+2]) + " is not supported")
			}
		case (c == '^' || c == '$') && multiline:
			// JavaScript's multiline ^ and $ also match at \r, U+2028 and U+2029 (so at
			// every CRLF line end); RE2's only at \n, and RE2 has no lookaround to say so.
			return fail("multiline " + string(c) + " also matches at \\r, U+2028 and U+2029 in JavaScript, only at \\n in RE2")
		default:
			b.WriteRune(c)
		}
	}
	return b.String(), nil
}

func isHex(r rune) bool {
	return (r >= '0' && r <= '9') || (r|0x20 >= 'a' && r|0x20 <= 'f')
}

func isAlnum(r rune) bool {
	return (r >= '0' && r <= '9') || (r|0x20 >= 'a' && r|0x20 <= 'z') || r == '_'
}

// regexpUnicodeEscape decodes the rest of a \u escape: XXXX, a surrogate
// pair \uXXXX\uXXXX, or (u flag) {X...}. It returns the code point, the
// runes consumed and a reason when it cannot be expressed in RE2.
func regexpUnicodeEscape(rs []rune, uflag bool) (rune, int, string) {
	if uflag && len(rs) > 0 && rs[0] == '{' {
		end := 1
		for end < len(rs) && rs[end] != '}' {
			end++
		}
		cp, err := strconv.ParseUint(string(rs[1:end]), 16, 32)
		if end >= len(rs) || err != nil || cp > 0x10FFFF {
			return 0, 0, `invalid \u{...} escape`
		}
		return rune(cp), end + 1, ""
	}
	if len(rs) < 4 || !isHex(rs[0]) || !isHex(rs[1]) || !isHex(rs[2]) || !isHex(rs[3]) {
		return 'u', 0, ""
	}
	cp, _ := strconv.ParseUint(string(rs[:4]), 16, 32)
	if cp >= 0xD800 && cp < 0xDC00 && len(rs) >= 10 && rs[4] == '\\' && rs[5] == 'u' {
		lo, err := strconv.ParseUint(string(rs[6:10]), 16, 32)
		if err == nil && lo >= 0xDC00 && lo < 0xE000 {
			return rune((cp-0xD800)<<10 + (lo - 0xDC00) + 0x10000), 10, ""
		}
	}
	if cp >= 0xD800 && cp < 0xE000 {
		return 0, 0, "lone surrogate escapes cannot be matched by RE2"
	}
	return rune(cp), 4, ""
}

// NewRegExp is new RegExp(source, flags) / a /source/flags literal. The
// error says why the pattern has no RE2 equivalent (the translator reports
// it at translate time through TranslateRegExp).
func NewRegExp(source, flags string) (Value, error) {
	pat, err := TranslateRegExp(source, flags)
	if err != nil {
		return Undefined, err
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return Undefined, fmt.Errorf("%w: /%s/%s: %v", ErrRegExpUnsupported, source, flags, err)
	}
	o := &Object{class: "RegExp", slot: &regexpState{re: re, source: source, flags: flags,
		global: strings.Contains(flags, "g"), sticky: strings.Contains(flags, "y")}}
	o.Set("lastIndex", Num(0))
	o.Set("source", Str(source))
	o.Set("flags", Str(flags))
	o.Set("global", Bool(strings.Contains(flags, "g")))
	return Obj(o), nil
}

// MustRegExp is NewRegExp that throws a SyntaxError when the pattern is refused.
func MustRegExp(source, flags string) Value {
	v, err := NewRegExp(source, flags)
	if err != nil {
		Throw(NewError(nil, "SyntaxError", Str(err.Error())))
	}
	return v
}

// regexpConstruct is new RegExp(pattern, flags).
func regexpConstruct(_ *Realm, args []Value) Value {
	src, flags := Arg(args, 0), ""
	if !Arg(args, 1).IsUndefined() {
		flags = ToString(args[1])
	}
	if src.IsObject() && src.o.class == "RegExp" {
		st := src.o.slot.(*regexpState)
		if Arg(args, 1).IsUndefined() {
			flags = st.flags
		}
		return MustRegExp(st.source, flags)
	}
	s := "(?:)"
	if !src.IsUndefined() {
		s = ToString(src)
	}
	return MustRegExp(s, flags)
}
