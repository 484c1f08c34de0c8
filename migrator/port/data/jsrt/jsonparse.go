package jsrt

import "strconv"

// jsonParser parses JSON text (WTF-8) into Values like JSON.parse.
type jsonParser struct {
	s   string
	pos int
}

// syntaxError is a JSON.parse failure, reported with V8's wording.
type syntaxError struct{ msg string }

func (p *jsonParser) fail() {
	if p.pos >= len(p.s) {
		panic(syntaxError{"Unexpected end of JSON input"})
	}
	switch p.s {
	case "[object Object]", "undefined", "Infinity", "NaN":
		panic(syntaxError{"\"" + p.s + "\" is not valid JSON"})
	}
	_, n := decodeUnit(p.s, p.pos)
	tok := p.s[p.pos : p.pos+n]
	src := p.s
	if unitLen(src) >= 21 { // V8 shows 10 characters of context around the token in longer texts
		panic(syntaxError{"Unexpected token '" + tok + "', " + snippet(src, p.pos) + " is not valid JSON"})
	}
	panic(syntaxError{"Unexpected token '" + tok + "', \"" + src + "\" is not valid JSON"})
}

// failAt throws V8's "<what> in JSON at position N" for the current position.
func (p *jsonParser) failAt(what string) {
	panic(syntaxError{what + " in JSON at position " + strconv.Itoa(byteOffsetToUnits(p.s, min(p.pos, len(p.s))))})
}

// literal reads true/false/null, failing like V8 at the first wrong byte.
func (p *jsonParser) literal(word string, v Value) Value {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.s) || p.s[p.pos] != word[i] {
			p.fail()
		}
		p.pos++
	}
	return v
}

func snippet(s string, pos int) string {
	u := toUnits(s)
	at := byteOffsetToUnits(s, pos)
	lo, hi := max(0, at-10), min(len(u), at+10)
	out := "\"" + fromUnits(u[lo:hi]) + "\""
	if lo > 0 {
		out = "..." + out
	}
	if hi < len(u) {
		out += "..."
	}
	return out
}

func (p *jsonParser) ws() {
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value() Value {
	p.ws()
	if p.pos >= len(p.s) {
		p.fail()
	}
	switch c := p.s[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return Str(p.str())
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", Bool(true))
	case c == 'f':
		return p.literal("false", Bool(false))
	case c == 'n':
		return p.literal("null", Null())
	}
	p.fail()
	return Undefined
}

func (p *jsonParser) object() Value {
	o := NewObject()
	p.pos++
	p.ws()
	if p.pos < len(p.s) && p.s[p.pos] == '}' {
		p.pos++
		return Obj(o)
	}
	first := true
	for {
		p.ws()
		if p.pos >= len(p.s) || p.s[p.pos] != '"' {
			if first {
				p.failAt("Expected property name or '}'")
			}
			p.failAt("Expected double-quoted property name")
		}
		first = false
		k := p.str()
		p.ws()
		if p.pos >= len(p.s) || p.s[p.pos] != ':' {
			p.failAt("Expected ':' after property name")
		}
		p.pos++
		o.Set(k, p.value())
		p.ws()
		switch {
		case p.pos < len(p.s) && p.s[p.pos] == ',':
			p.pos++
		case p.pos < len(p.s) && p.s[p.pos] == '}':
			p.pos++
			return Obj(o)
		default:
			p.failAt("Expected ',' or '}' after property value")
		}
	}
}

func (p *jsonParser) array() Value {
	items := []Value{}
	p.pos++
	p.ws()
	if p.pos < len(p.s) && p.s[p.pos] == ']' {
		p.pos++
		return ArrayOf(items)
	}
	for {
		items = append(items, p.value())
		p.ws()
		switch {
		case p.pos < len(p.s) && p.s[p.pos] == ',':
			p.pos++
		case p.pos < len(p.s) && p.s[p.pos] == ']':
			p.pos++
			return ArrayOf(items)
		default:
			p.failAt("Expected ',' or ']' after array element")
		}
	}
}

func (p *jsonParser) str() string {
	p.pos++
	var u []uint16
	start := p.pos
	for {
		if p.pos >= len(p.s) {
			panic(syntaxError{"Unterminated string in JSON at position " + strconv.Itoa(byteOffsetToUnits(p.s, p.pos))})
		}
		c := p.s[p.pos]
		switch {
		case c == '"':
			if u == nil {
				out := p.s[start:p.pos]
				p.pos++
				return out
			}
			u = append(u, toUnits(p.s[start:p.pos])...)
			p.pos++
			return fromUnits(u)
		case c < 0x20:
			panic(syntaxError{"Bad control character in string literal in JSON at position " + strconv.Itoa(byteOffsetToUnits(p.s, p.pos))})
		case c == '\\':
			u = append(u, toUnits(p.s[start:p.pos])...)
			p.pos++
			if p.pos >= len(p.s) {
				p.fail()
			}
			e := p.s[p.pos]
			simple := map[byte]uint16{'"': '"', '\\': '\\', '/': '/', 'b': 8, 'f': 12, 'n': 10, 'r': 13, 't': 9}
			if x, ok := simple[e]; ok {
				u = append(u, x)
				p.pos++
			} else if e == 'u' {
				x := uint16(0)
				for k := 1; k <= 4; k++ {
					if p.pos+k >= len(p.s) || !isHex(rune(p.s[p.pos+k])) {
						p.pos += k
						p.failAt("Bad Unicode escape")
					}
					x = x<<4 | uint16(digitVal(p.s[p.pos+k]))
				}
				u = append(u, x)
				p.pos += 5
			} else {
				panic(syntaxError{"Bad escaped character in JSON at position " + strconv.Itoa(byteOffsetToUnits(p.s, p.pos))})
			}
			start = p.pos
		default:
			p.pos++
		}
	}
}

func (p *jsonParser) number() Value {
	start := p.pos
	digits := func() int {
		n := 0
		for p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	if p.s[p.pos] == '-' {
		p.pos++
	}
	if p.pos < len(p.s) && p.s[p.pos] == '0' {
		p.pos++
		if p.pos < len(p.s) && p.s[p.pos] >= '0' && p.s[p.pos] <= '9' {
			p.failAt("Unexpected number")
		}
	} else if digits() == 0 {
		p.failAt("No number after minus sign")
	}
	if p.pos < len(p.s) && p.s[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			p.failAt("Unterminated fractional number")
		}
	}
	if p.pos < len(p.s) && (p.s[p.pos] == 'e' || p.s[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.s) && (p.s[p.pos] == '+' || p.s[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			p.failAt("Exponent part is missing a number")
		}
	}
	return Num(parseDecimal(p.s[start:p.pos]))
}

// parseJSON parses text or returns V8's SyntaxError message.
func parseJSON(text string) (v Value, msg string) {
	p := &jsonParser{s: text}
	defer func() {
		if e := recover(); e != nil {
			se, ok := e.(syntaxError)
			if !ok {
				panic(e)
			}
			msg = se.msg
		}
	}()
	v = p.value()
	p.ws()
	if p.pos < len(p.s) {
		panic(syntaxError{"Unexpected non-whitespace character after JSON at position " + strconv.Itoa(byteOffsetToUnits(p.s, p.pos))})
	}
	return v, ""
}

// JSONParse is JSON.parse(text[, reviver]); invalid text throws a SyntaxError.
func JSONParse(r *Realm, text Value, reviver ...Value) Value {
	v, msg := parseJSON(ToString(text))
	if msg != "" {
		Throw(NewError(r, "SyntaxError", Str(msg)))
	}
	if len(reviver) > 0 && reviver[0].k == KindFunction {
		holder := NewObject()
		holder.Set("", v)
		return revive(orBackground(r), reviver[0], holder, "")
	}
	return v
}

func revive(r *Realm, f Value, holder *Object, key string) Value {
	v := holder.Get(key)
	if v.k == KindObject || v.k == KindArray {
		for _, k := range v.o.Keys() {
			nv := revive(r, f, v.o, k)
			if nv.IsUndefined() {
				v.o.Delete(k)
			} else {
				v.o.Set(k, nv)
			}
		}
	}
	return Call(r, f, Obj(holder), Str(key), v)
}

// FromJSON parses a JSON document (the handler's event) into a Value;
// numbers become float64 as in JSON.parse.
func FromJSON(b []byte) (Value, error) {
	v, msg := parseJSON(string(b))
	if msg != "" {
		return Undefined, &Thrown{Value: NewError(nil, "SyntaxError", Str(msg))}
	}
	return v, nil
}
