package jsrt

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

func newBuffer(b []byte) Value { return Obj(&Object{class: "Buffer", slot: b}) }

// BufferBytes returns the bytes of a Buffer value (nil otherwise).
func BufferBytes(v Value) []byte {
	if IsBuffer(v) {
		return v.o.slot.([]byte)
	}
	return nil
}

// IsBuffer reports whether v is a Buffer (an empty one too).
func IsBuffer(v Value) bool { return v.IsObject() && v.o.class == "Buffer" }

// NewBuffer wraps bytes as a Buffer value (no copy).
func NewBuffer(b []byte) Value { return newBuffer(b) }

// BufferFrom is Buffer.from(v, encoding): a string in utf8 (default),
// base64, base64url, hex, latin1/binary or ascii; an array of bytes; a Buffer (copied).
func BufferFrom(v Value, encoding ...Value) Value {
	enc := "utf8"
	if len(encoding) > 0 && !encoding[0].IsUndefined() {
		enc = strings.ToLower(ToString(encoding[0]))
	}
	switch {
	case v.k == KindString:
		return newBuffer(encodeString(v.s, enc))
	case v.k == KindArray:
		b := make([]byte, len(v.o.arr))
		for i, x := range v.o.arr {
			b[i] = byte(ToInt32(x))
		}
		return newBuffer(b)
	case BufferBytes(v) != nil:
		return newBuffer(bytes.Clone(BufferBytes(v)))
	}
	ThrowTypeError("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.")
	return Undefined
}

func encodeString(s, enc string) []byte {
	switch enc {
	case "utf8", "utf-8":
		return []byte(toUTF8(s))
	case "base64", "base64url":
		var clean []byte
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == '=':
				i = len(s)
			case c == '-':
				clean = append(clean, '+')
			case c == '_':
				clean = append(clean, '/')
			case c == '+' || c == '/' || (c >= '0' && c <= '9') || (c|0x20 >= 'a' && c|0x20 <= 'z'):
				clean = append(clean, c)
			}
		}
		if len(clean)%4 == 1 {
			clean = clean[:len(clean)-1]
		}
		out, _ := base64.RawStdEncoding.DecodeString(string(clean))
		return out
	case "hex":
		n := 0
		for n+1 < len(s) && isHex(rune(s[n])) && isHex(rune(s[n+1])) {
			n += 2
		}
		out, _ := hex.DecodeString(s[:n])
		return out
	case "latin1", "binary", "ascii":
		u := toUnits(s)
		out := make([]byte, len(u))
		for i, c := range u {
			out[i] = byte(c)
		}
		return out
	}
	ThrowTypeError("Unknown encoding: " + enc)
	return nil
}

// BufferToString is buf.toString(encoding).
func BufferToString(b []byte, enc string) string {
	switch strings.ToLower(enc) {
	case "", "utf8", "utf-8":
		return decodeUTF8(b)
	case "base64":
		return base64.StdEncoding.EncodeToString(b)
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b)
	case "hex":
		return hex.EncodeToString(b)
	case "latin1", "binary":
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c)
		}
		return fromUnits(u)
	case "ascii":
		u := make([]uint16, len(b))
		for i, c := range b {
			u[i] = uint16(c & 0x7F)
		}
		return fromUnits(u)
	}
	ThrowTypeError("Unknown encoding: " + enc)
	return ""
}

// decodeUTF8 decodes bytes as the WHATWG UTF-8 decoder does (each maximal
// invalid subpart becomes one U+FFFD), like Node's buf.toString().
func decodeUTF8(b []byte) string {
	var out strings.Builder
	for i := 0; i < len(b); {
		c := b[i]
		need, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c < 0x80:
			out.WriteByte(c)
			i++
			continue
		case c >= 0xC2 && c <= 0xDF:
			need = 1
		case c >= 0xE0 && c <= 0xEF:
			need = 2
			if c == 0xE0 {
				lo = 0xA0
			} else if c == 0xED {
				hi = 0x9F
			}
		case c >= 0xF0 && c <= 0xF4:
			need = 3
			if c == 0xF0 {
				lo = 0x90
			} else if c == 0xF4 {
				hi = 0x8F
			}
		default:
			out.WriteString("\uFFFD")
			i++
			continue
		}
		j := i + 1
		for k := 0; k < need; k++ {
			if j >= len(b) || b[j] < lo || b[j] > hi {
				break
			}
			lo, hi = 0x80, 0xBF
			j++
		}
		if j-i == need+1 {
			out.Write(b[i:j])
		} else {
			out.WriteString("\uFFFD")
		}
		i = j
	}
	return out.String()
}

func bufferMethod(name string) Func {
	switch name {
	case "toString":
		return func(_ *Realm, this Value, a []Value) Value {
			enc := ""
			if !Arg(a, 0).IsUndefined() {
				enc = strArg(a, 0)
			}
			return Str(BufferToString(BufferBytes(this), enc))
		}
	case "toJSON":
		return func(_ *Realm, this Value, _ []Value) Value {
			b := BufferBytes(this)
			data := make([]Value, len(b))
			for i, c := range b {
				data[i] = Int(int(c))
			}
			o := NewObject()
			o.Set("type", Str("Buffer"))
			o.Set("data", ArrayOf(data))
			return Obj(o)
		}
	case "equals":
		return func(_ *Realm, this Value, a []Value) Value {
			return Bool(bytes.Equal(BufferBytes(this), BufferBytes(Arg(a, 0))))
		}
	case "slice", "subarray":
		return func(_ *Realm, this Value, a []Value) Value {
			b := BufferBytes(this)
			i, j := relIndex(Arg(a, 0), len(b), 0), relIndex(Arg(a, 1), len(b), len(b))
			if i > j {
				i = j
			}
			return newBuffer(b[i:j])
		}
	}
	return nil
}

// BufferConcat is Buffer.concat(list).
func BufferConcat(list Value) Value {
	var out []byte
	for _, x := range Iterate(list) {
		out = append(out, BufferBytes(x)...)
	}
	return newBuffer(out)
}

// BufferByteLength is Buffer.byteLength(s, encoding).
func BufferByteLength(v Value, encoding ...Value) Value {
	if b := BufferBytes(v); b != nil {
		return Int(len(b))
	}
	return Int(len(BufferBytes(BufferFrom(ToValueString(v), encoding...))))
}
