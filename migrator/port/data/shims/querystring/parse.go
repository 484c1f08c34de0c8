package querystring

import "migrate.local/port/jsrt"

// Parse is querystring.parse(str, sep, eq, options), Node's loop over code units: '+' is a space,
// a key or value is decoded only when it holds a valid %XX escape (or always with a custom
// decodeURIComponent), repeated keys collect into arrays, options.maxKeys (default 1000) pairs.
func Parse(r *jsrt.Realm, qs, sep, eq, options jsrt.Value) jsrt.Value {
	obj := jsrt.Obj(jsrt.NewObject())
	if qs.Kind() != jsrt.KindString || qs.GoString() == "" {
		return obj
	}
	p := parser{r: r, obj: obj, s: qs.UTF16(), sep: codes(sep, "&"), eq: codes(eq, "="), pairs: 1000}
	if max := jsrt.GetOpt(options, "maxKeys"); max.Kind() == jsrt.KindNumber {
		p.pairs = 0
		if max.Float() > 0 {
			p.pairs = max.Float()
		}
	}
	if decode := jsrt.GetOpt(options, "decodeURIComponent"); decode.Kind() == jsrt.KindFunction {
		p.decode = decode
	}
	p.run()
	return obj
}

func codes(v jsrt.Value, fallback string) []uint16 {
	if !jsrt.Truthy(v) {
		return jsrt.Str(fallback).UTF16()
	}
	return jsrt.Str(jsrt.ToString(v)).UTF16()
}

type parser struct {
	r                      *jsrt.Realm
	obj                    jsrt.Value
	s, sep, eq             []uint16
	pairs                  float64 // 0: no limit
	decode                 jsrt.Value
	key, value             []uint16
	keyEncoded, valEncoded bool
	lastPos, sepIdx, eqIdx int
	encodeCheck            int
}

func (p *parser) custom() bool { return p.decode.Kind() == jsrt.KindFunction }

func (p *parser) plus() []uint16 {
	if p.custom() {
		return []uint16{'%', '2', '0'}
	}
	return []uint16{' '}
}

// spent counts one pair against maxKeys: true when the limit is reached.
func (p *parser) spent() bool {
	if p.pairs == 0 {
		return false
	}
	p.pairs--
	return p.pairs == 0
}

func (p *parser) run() {
	p.keyEncoded, p.valEncoded = p.custom(), p.custom()
	for i := 0; i < len(p.s); i++ {
		if done, stop := p.step(i); stop {
			return
		} else if done {
			continue
		}
	}
	if p.lastPos < len(p.s) {
		if p.eqIdx < len(p.eq) {
			p.key = append(p.key, p.s[p.lastPos:]...)
		} else if p.sepIdx < len(p.sep) {
			p.value = append(p.value, p.s[p.lastPos:]...)
		}
	} else if p.eqIdx == 0 && len(p.key) == 0 {
		return
	}
	p.add()
}

// step reads the code unit at i; stop: maxKeys reached.
func (p *parser) step(i int) (done, stop bool) {
	code := p.s[i]
	if code == p.sep[p.sepIdx] {
		p.sepIdx++
		if p.sepIdx == len(p.sep) {
			return true, p.pairEnd(i)
		}
		return true, false
	}
	p.sepIdx = 0
	if p.eqIdx < len(p.eq) {
		if code == p.eq[p.eqIdx] {
			p.eqIdx++
			if p.eqIdx == len(p.eq) {
				end := i - p.eqIdx + 1
				if p.lastPos < end {
					p.key = append(p.key, p.s[p.lastPos:end]...)
				}
				p.encodeCheck, p.lastPos = 0, i+1
			}
			return true, false
		}
		p.eqIdx = 0
		if !p.keyEncoded && p.checkEncoded(code, &p.keyEncoded) {
			return true, false
		}
		if code == '+' {
			p.key = append(append(p.key, p.s[p.lastPos:i]...), p.plus()...)
			p.lastPos = i + 1
			return true, false
		}
	}
	if code == '+' {
		p.value = append(append(p.value, p.s[p.lastPos:i]...), p.plus()...)
		p.lastPos = i + 1
	} else if !p.valEncoded {
		p.checkEncoded(code, &p.valEncoded)
	}
	return true, false
}

// checkEncoded follows a possible %XX escape; for a key (Node `continue`s) it says whether the
// unit was taken.
func (p *parser) checkEncoded(code uint16, encoded *bool) bool {
	if code == '%' {
		p.encodeCheck = 1
		return true
	}
	if p.encodeCheck > 0 {
		if unhex(code) >= 0 {
			p.encodeCheck++
			if p.encodeCheck == 3 {
				*encoded = true
			}
			return true
		}
		p.encodeCheck = 0
	}
	return false
}

// pairEnd is a whole separator ending at i; true when maxKeys is reached.
func (p *parser) pairEnd(i int) bool {
	end := i - p.sepIdx + 1
	if p.eqIdx < len(p.eq) {
		if p.lastPos < end {
			p.key = append(p.key, p.s[p.lastPos:end]...)
		} else if len(p.key) == 0 { // an empty substring between separators
			if p.spent() {
				return true
			}
			p.lastPos, p.sepIdx, p.eqIdx = i+1, 0, 0
			return false
		}
	} else if p.lastPos < end {
		p.value = append(p.value, p.s[p.lastPos:end]...)
	}
	p.add()
	if p.spent() {
		return true
	}
	p.keyEncoded, p.valEncoded = p.custom(), p.custom()
	p.key, p.value, p.encodeCheck = nil, nil, 0
	p.lastPos, p.sepIdx, p.eqIdx = i+1, 0, 0
	return false
}

func (p *parser) add() {
	key, value := jsrt.StrUTF16(p.key), jsrt.StrUTF16(p.value)
	if len(p.key) > 0 && p.keyEncoded {
		key = p.decodeStr(p.key)
	}
	if len(p.value) > 0 && p.valEncoded {
		value = p.decodeStr(p.value)
	}
	name := jsrt.ToString(key)
	current, own := p.obj.Object().GetOwn(name) // Node's object has no prototype: own keys only
	switch {
	case !own || current.IsUndefined():
		jsrt.SetS(p.obj, name, value)
	case current.Kind() == jsrt.KindArray:
		jsrt.SetS(p.obj, name, jsrt.NewArray(append(current.Object().Items(), value)...))
	default:
		jsrt.SetS(p.obj, name, jsrt.NewArray(current, value))
	}
}

func (p *parser) decodeStr(s []uint16) jsrt.Value {
	if !p.custom() {
		return unescape(s, true)
	}
	var out jsrt.Value
	if jsrt.Recover(func() { out = jsrt.Call(p.r, p.decode, jsrt.Undefined, jsrt.StrUTF16(s)) }) == nil {
		return out
	}
	return unescape(s, true)
}
