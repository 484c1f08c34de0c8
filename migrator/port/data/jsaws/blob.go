package jsaws

import (
	"io"
	"time"

	"migrate.local/port/jsrt"
)

// Blob is a Buffer (a Uint8Array in the JS SDK's outputs) holding b.
func Blob(b []byte) jsrt.Value { return jsrt.NewBuffer(append([]byte(nil), b...)) }

// BlobAdapter is a blob output member as the JS SDK gives it (Lambda's
// Payload, Bedrock's body…): a Uint8Array with transformToString(encoding).
func BlobAdapter(b []byte) jsrt.Value {
	v := Blob(b)
	v.Object().Set("transformToString", jsrt.Fn("transformToString", func(_ *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		enc := "utf8"
		if len(args) > 0 && !args[0].IsUndefined() {
			enc = jsrt.ToString(args[0])
		}
		return jsrt.Str(encode(b, enc))
	}))
	return v
}

// BlobBytes returns the bytes of a Buffer/Uint8Array value.
func BlobBytes(v jsrt.Value) ([]byte, bool) {
	if !v.IsObject() {
		return nil, false
	}
	if v.Object().Class() != "Buffer" {
		return nil, false
	}
	return jsrt.BufferBytes(v), true
}

// Date is a JS Date at t.
func Date(t time.Time) jsrt.Value {
	return jsrt.NewDate(jsrt.Num(float64(t.UnixMilli())))
}

// Stream is the JS SDK's streaming body (S3 GetObject's Body, Lambda's
// payload stream…): an object with transformToString(encoding?),
// transformToByteArray() and transformToWebStream is left out. The Go body is
// read once, when the output is converted.
func Stream(rd io.Reader) jsrt.Value {
	b, err := io.ReadAll(rd)
	if c, ok := rd.(io.Closer); ok {
		_ = c.Close()
	}
	return jsrt.HostObject("IncomingMessage", map[string]jsrt.Value{
		"transformToString": jsrt.Fn("transformToString", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			if err != nil {
				jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(err.Error())))
			}
			enc := "utf8"
			if len(args) > 0 && !args[0].IsUndefined() {
				enc = jsrt.ToString(args[0])
			}
			return jsrt.Resolved(jsrt.Str(encode(b, enc)))
		}),
		"transformToByteArray": jsrt.Fn("transformToByteArray", func(r *jsrt.Realm, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
			if err != nil {
				jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(err.Error())))
			}
			return jsrt.Resolved(Blob(b))
		}),
	})
}

func encode(b []byte, enc string) string {
	if enc == "utf-8" {
		enc = "utf8"
	}
	return jsrt.BufferToString(b, enc)
}
