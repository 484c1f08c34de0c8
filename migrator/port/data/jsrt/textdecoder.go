package jsrt

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// utf8Labels are the WHATWG labels of UTF-8, the one encoding jsrt's TextDecoder decodes.
var utf8Labels = map[string]bool{
	"utf-8": true, "utf8": true, "unicode-1-1-utf-8": true, "unicode11utf8": true, "unicode20utf8": true,
	"x-unicode20utf8": true,
}

// newTextDecoder is `new TextDecoder(label, {fatal, ignoreBOM})` for UTF-8: decode(buffer) gives
// the text with a leading byte order mark dropped (unless ignoreBOM) and bad bytes as U+FFFD (a
// TypeError with fatal), as Node does. Other encodings (Node decodes many through ICU) and decode
// with {stream: true} are not translated: they throw NotImplementedError.
func newTextDecoder(_ *Realm, a []Value) Value {
	label := "utf-8"
	if given := Arg(a, 0); !given.IsUndefined() {
		label = strings.ToLower(strings.TrimSpace(ToString(given)))
	}
	if !utf8Labels[label] {
		Throw(NewError(nil, "NotImplementedError", Str("TextDecoder for "+label+" is not translated (UTF-8 only)")))
	}
	fatal, ignoreBOM := Truthy(GetOpt(Arg(a, 1), "fatal")), Truthy(GetOpt(Arg(a, 1), "ignoreBOM"))
	o := &Object{class: "TextDecoder"}
	o.Set("encoding", Str("utf-8"))
	o.Set("fatal", Bool(fatal))
	o.Set("ignoreBOM", Bool(ignoreBOM))
	o.Set("decode", Fn("decode", func(_ *Realm, _ Value, args []Value) Value {
		input := Arg(args, 0)
		if input.IsUndefined() {
			return Str("")
		}
		if !IsBuffer(input) {
			Throw(CodedError("TypeError", `The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`, "ERR_INVALID_ARG_TYPE"))
		}
		if Truthy(GetOpt(Arg(args, 1), "stream")) {
			Throw(NewError(nil, "NotImplementedError", Str("TextDecoder.decode with {stream: true} is not translated")))
		}
		b := BufferBytes(input)
		if !ignoreBOM {
			b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
		}
		if fatal && !utf8.Valid(b) {
			Throw(CodedError("TypeError", "The encoded data was not valid for encoding utf-8", "ERR_ENCODING_INVALID_ENCODED_DATA"))
		}
		return Str(decodeUTF8(b))
	}))
	return Obj(o)
}
