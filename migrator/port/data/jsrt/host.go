package jsrt

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
)

// CryptoRandomUUID is crypto.randomUUID(): a random version 4 UUID.
func CryptoRandomUUID() Value {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return Str(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
}

// inspect renders a value the way console.log prints it (close to util.inspect for data).
func inspect(v Value, depth int) string {
	switch v.k {
	case KindString:
		if depth == 0 {
			return toUTF8(v.s)
		}
		return "'" + strings.ReplaceAll(toUTF8(v.s), "'", `\'`) + "'"
	case KindArray:
		if depth > 2 {
			return "[Array]"
		}
		parts := make([]string, len(v.o.arr))
		for i, x := range v.o.arr {
			parts[i] = inspect(x, depth+1)
		}
		if len(parts) == 0 {
			return "[]"
		}
		return "[ " + strings.Join(parts, ", ") + " ]"
	case KindObject:
		switch v.o.class {
		case "Error":
			return toUTF8(ToString(getMember(v, "stack")))
		case "Date":
			return ISOStringOrInvalid(v)
		case "Object":
			if depth > 2 {
				return "[Object]"
			}
			keys := v.o.Keys()
			if len(keys) == 0 {
				return "{}"
			}
			parts := make([]string, len(keys))
			for i, k := range keys {
				parts[i] = toUTF8(k) + ": " + inspect(v.o.Get(k), depth+1)
			}
			return "{ " + strings.Join(parts, ", ") + " }"
		}
	case KindFunction:
		return "[Function: " + v.o.name + "]"
	case KindPromise:
		return "Promise { ... }"
	}
	return toUTF8(ToString(v))
}

// ISOStringOrInvalid is a Date's ISO string, or "Invalid Date".
func ISOStringOrInvalid(v Value) string {
	t := v.o.slot.(float64)
	if t != t {
		return "Invalid Date"
	}
	return ISOString(t)
}

// ConsoleFormat joins console arguments as console.log does (strings raw, others inspected).
func ConsoleFormat(args ...Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = inspect(a, 0)
	}
	return strings.Join(parts, " ")
}

// Console writes console.<method>(...args) to the Realm's logger: log/info →
// Info, debug/trace → Debug, warn → Warn, error → Error.
func Console(r *Realm, method string, args ...Value) {
	r = orBackground(r)
	level := slog.LevelInfo
	switch method {
	case "debug", "trace":
		level = slog.LevelDebug
	case "warn":
		level = slog.LevelWarn
	case "error":
		level = slog.LevelError
	}
	r.logger.Log(r.ctx, level, ConsoleFormat(args...))
}

const uriUnreserved = "-_.!~*'()"

// EncodeURIComponent is encodeURIComponent(s) (URIError on lone surrogates).
func EncodeURIComponent(v Value) Value { return Str(encodeURI(ToString(v), uriUnreserved)) }

// EncodeURI is encodeURI(s).
func EncodeURI(v Value) Value { return Str(encodeURI(ToString(v), uriUnreserved+";,/?:@&=+$#")) }

func encodeURI(s, keep string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := decodeUnit(s, i)
		if r >= 0xD800 && r <= 0xDFFF {
			Throw(NewError(nil, "URIError", Str("URI malformed")))
		}
		c := s[i]
		if n == 1 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(keep, c) >= 0) {
			b.WriteByte(c)
		} else {
			for _, x := range []byte(s[i : i+n]) {
				fmt.Fprintf(&b, "%%%02X", x)
			}
		}
		i += n
	}
	return b.String()
}

// DecodeURIComponent is decodeURIComponent(s) (URIError on malformed input).
func DecodeURIComponent(v Value) Value {
	s := ToString(v)
	out, err := url.PathUnescape(s)
	if err != nil || !validUTF8Escapes(out, s) {
		Throw(NewError(nil, "URIError", Str("URI malformed")))
	}
	return Str(out)
}

// DecodeURI is decodeURI(s): like decodeURIComponent, but escapes of the
// reserved characters ;/?:@&=+$,# stay as they are.
func DecodeURI(v Value) Value {
	s := ToString(v)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(rune(s[i+1])) && isHex(rune(s[i+2])) {
			c := byte(digitVal(s[i+1])<<4 | digitVal(s[i+2]))
			if strings.IndexByte(";/?:@&=+$,#", c) >= 0 {
				b.WriteString("%25" + s[i+1:i+3]) // decodes back to the escape itself
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return DecodeURIComponent(Str(b.String()))
}

func validUTF8Escapes(out, in string) bool {
	return !strings.Contains(in, "%") || toUTF8(out) == out
}
