// Package querystring stands in for Node's querystring module: parse/decode, stringify/encode,
// escape and unescape, following Node's lib/querystring.js step by step over UTF-16 code units.
package querystring

import (
	"strconv"

	"migrate.local/port/jsrt"
)

// Exports is the querystring module's exports object.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	parse := jsrt.Fn("parse", func(r *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return Parse(r, jsrt.Arg(a, 0), jsrt.Arg(a, 1), jsrt.Arg(a, 2), jsrt.Arg(a, 3))
	})
	stringify := jsrt.Fn("stringify", func(r *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return Stringify(jsrt.Arg(a, 0), jsrt.Arg(a, 1), jsrt.Arg(a, 2))
	})
	exports.Set("parse", parse)
	exports.Set("decode", parse)
	exports.Set("stringify", stringify)
	exports.Set("encode", stringify)
	exports.Set("escape", jsrt.Fn("escape", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return escape(jsrt.Arg(a, 0))
	}))
	exports.Set("unescape", jsrt.Fn("unescape", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return unescape(jsrt.Arg(a, 0).UTF16(), jsrt.Truthy(jsrt.Arg(a, 1)))
	}))
	exports.Set("default", jsrt.Obj(exports)) // `import querystring from 'node:querystring'`
	return jsrt.Obj(exports)
}

// unescape is querystring.unescape: decodeURIComponent, or when that throws, the bytes of the
// %XX escapes (and '+' as a space with decodeSpaces) read as UTF-8.
func unescape(s []uint16, decodeSpaces bool) jsrt.Value {
	str := jsrt.StrUTF16(s)
	var out jsrt.Value
	if jsrt.Recover(func() { out = jsrt.DecodeURIComponent(str) }) == nil {
		return out
	}
	return jsrt.Str(jsrt.BufferToString(unescapeBuffer(s, decodeSpaces), "utf8"))
}

// unescapeBuffer is Node's: each code unit becomes one byte (its low 8 bits), %XX its byte.
func unescapeBuffer(s []uint16, decodeSpaces bool) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '+' && decodeSpaces {
			out = append(out, ' ')
			continue
		}
		if c == '%' && i < len(s)-2 {
			high, low := unhex(s[i+1]), unhex(s[i+2])
			if high >= 0 && low >= 0 {
				out = append(out, byte(high<<4|low))
				i += 2
				continue
			}
		}
		out = append(out, byte(c))
	}
	return out
}

func unhex(c uint16) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// escape is querystring.escape: encodeURIComponent of the value as a string.
func escape(v jsrt.Value) jsrt.Value {
	if v.IsObject() {
		v = jsrt.Str(jsrt.ToString(v))
	}
	return jsrt.EncodeURIComponent(v)
}

// Stringify is querystring.stringify(obj, sep, eq): own enumerable keys in order, arrays as
// repeated keys, strings, finite numbers and booleans as text, anything else as ”.
func Stringify(obj, sep, eq jsrt.Value) jsrt.Value {
	if !obj.IsObject() || obj.Kind() == jsrt.KindFunction {
		return jsrt.Str("")
	}
	separator, equals := text(sep, "&"), text(eq, "=")
	var fields []string
	for _, key := range obj.Object().Keys() {
		prefix := jsrt.ToString(escape(jsrt.Str(key))) + equals
		value := jsrt.GetS(obj, key)
		if value.Kind() == jsrt.KindArray {
			for _, item := range value.Object().Items() {
				fields = append(fields, prefix+jsrt.ToString(escape(primitive(item))))
			}
			continue
		}
		fields = append(fields, prefix+jsrt.ToString(escape(primitive(value))))
	}
	out := ""
	for i, f := range fields {
		if i > 0 {
			out += separator
		}
		out += f
	}
	return jsrt.Str(out)
}

func primitive(v jsrt.Value) jsrt.Value {
	switch v.Kind() {
	case jsrt.KindString:
		return v
	case jsrt.KindNumber:
		if f := v.Float(); f-f == 0 {
			return jsrt.Str(jsrt.ToString(v))
		}
	case jsrt.KindBoolean:
		return jsrt.Str(strconv.FormatBool(v.Boolean()))
	}
	return jsrt.Str("")
}

func text(v jsrt.Value, fallback string) string {
	if !jsrt.Truthy(v) {
		return fallback
	}
	return jsrt.ToString(v)
}
