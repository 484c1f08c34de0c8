package jsrt

import (
	"math"
	"strconv"
	"strings"
)

// stringifier holds JSON.stringify's state.
type stringifier struct {
	r        *Realm
	replacer Value
	allow    map[string]bool // array replacer's keys
	allowSeq []string
	gap      string
	stack    []*Object
	b        strings.Builder
}

// quoteJSON writes s as a JSON string the way V8 does: \b \f \n \r \t,
// other controls as \u00xx, lone surrogates as \udxxx, the rest as is.
func quoteJSON(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || (r >= 0xD800 && r <= 0xDFFF):
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(`\u` + strings.Repeat("0", 4-len(h)) + h)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	b.WriteByte('"')
}

// JSONStringify is JSON.stringify(v, replacer, space); ok is false when the
// result is undefined (v is undefined, a function, ...).
func JSONStringify(r *Realm, v Value, replacer Value, space Value) (string, bool) {
	st := &stringifier{r: orBackground(r)}
	if replacer.k == KindFunction {
		st.replacer = replacer
	} else if replacer.k == KindArray {
		st.allow = map[string]bool{}
		for _, x := range replacer.o.arr {
			if x.k == KindString || x.k == KindNumber {
				k := ToString(x)
				if !st.allow[k] {
					st.allow[k] = true
					st.allowSeq = append(st.allowSeq, k)
				}
			}
		}
	}
	switch space.k {
	case KindNumber:
		n := int(math.Min(10, toInteger(space)))
		if n > 0 {
			st.gap = strings.Repeat(" ", n)
		}
	case KindString:
		st.gap = unitSlice(space.s, 0, min(10, unitLen(space.s)))
	}
	holder := NewObject()
	holder.Set("", v)
	if !st.property(holder, "", v, "") {
		return "", false
	}
	return st.b.String(), true
}

// JSONStringifyValue is JSON.stringify as a Value (undefined when there is no result).
func JSONStringifyValue(r *Realm, args ...Value) Value {
	s, ok := JSONStringify(r, Arg(args, 0), Arg(args, 1), Arg(args, 2))
	if !ok {
		return Undefined
	}
	return Str(s)
}

// ToJSON serialises a Value for the handler boundary (JSON.stringify(v) as
// UTF-8); ok is false when JSON.stringify gives undefined.
func ToJSON(v Value) ([]byte, bool) {
	s, ok := JSONStringify(nil, v, Undefined, Undefined)
	return []byte(s), ok
}

// property serialises holder[key] (already read as v); false means "undefined, skip".
func (st *stringifier) property(holder *Object, key string, v Value, indent string) bool {
	if v.IsObject() {
		if f := getMember(v, "toJSON"); f.k == KindFunction {
			v = Call(st.r, f, v, Str(key))
		}
	}
	if st.replacer.k == KindFunction {
		v = Call(st.r, st.replacer, Obj(holder), Str(key), v)
	}
	switch v.k {
	case KindUndefined, KindFunction:
		return false
	case KindNull:
		st.b.WriteString("null")
	case KindBoolean:
		st.b.WriteString(ToString(v))
	case KindNumber:
		if math.IsNaN(v.n) || math.IsInf(v.n, 0) {
			st.b.WriteString("null")
		} else {
			st.b.WriteString(NumberToString(v.n))
		}
	case KindString:
		quoteJSON(&st.b, v.s)
	case KindPromise:
		st.b.WriteString("{}")
	default:
		if v.o.class == "Buffer" {
			quoteJSON(&st.b, "")
			return true
		}
		for _, o := range st.stack {
			if o == v.o {
				ThrowTypeError("Converting circular structure to JSON")
			}
		}
		st.stack = append(st.stack, v.o)
		if v.k == KindArray {
			st.array(v.o, indent)
		} else {
			st.object(v.o, indent)
		}
		st.stack = st.stack[:len(st.stack)-1]
	}
	return true
}

func (st *stringifier) object(o *Object, indent string) {
	inner := indent + st.gap
	keys := o.Keys()
	if st.allow != nil {
		keys = st.allowSeq
	}
	if o.class == "Map" || o.class == "Set" || o.class == "RegExp" {
		keys = nil
	}
	st.b.WriteByte('{')
	n := 0
	for _, k := range keys {
		if st.allow != nil && !o.Has(k) {
			continue
		}
		mark := st.b.Len()
		if n > 0 {
			st.b.WriteByte(',')
		}
		if st.gap != "" {
			st.b.WriteString("\n" + inner)
		}
		quoteJSON(&st.b, k)
		st.b.WriteByte(':')
		if st.gap != "" {
			st.b.WriteByte(' ')
		}
		if !st.property(o, k, o.Get(k), inner) {
			s := st.b.String()[:mark]
			st.b.Reset()
			st.b.WriteString(s)
			continue
		}
		n++
	}
	if n > 0 && st.gap != "" {
		st.b.WriteString("\n" + indent)
	}
	st.b.WriteByte('}')
}

func (st *stringifier) array(o *Object, indent string) {
	inner := indent + st.gap
	st.b.WriteByte('[')
	for i := 0; i < len(o.arr); i++ {
		if i > 0 {
			st.b.WriteByte(',')
		}
		if st.gap != "" {
			st.b.WriteString("\n" + inner)
		}
		if !st.property(o, strconv.Itoa(i), o.arr[i], inner) {
			st.b.WriteString("null")
		}
	}
	if len(o.arr) > 0 && st.gap != "" {
		st.b.WriteString("\n" + indent)
	}
	st.b.WriteByte(']')
}
