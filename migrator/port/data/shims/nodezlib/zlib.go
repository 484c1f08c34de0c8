// Package nodezlib stands in for Node's zlib module, decompression only: gunzipSync, inflateSync,
// inflateRawSync and unzipSync, with zlib's error codes. (Compression is left out on purpose: Go's
// deflate writes other bytes than zlib's, so a port could not give the output Node gives.)
package nodezlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"

	"migrate.local/port/jsrt"
)

// Exports is the zlib module's exports object.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	for _, f := range []struct {
		name   string
		decode func([]byte) ([]byte, error)
	}{{"gunzipSync", gunzip}, {"inflateSync", inflate}, {"inflateRawSync", inflateRaw}, {"unzipSync", unzip}} {
		exports.Set(f.name, jsrt.Fn(f.name, func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			return jsrt.NewBuffer(decompress(r, input(r, jsrt.Arg(args, 0)), f.decode))
		}))
	}
	exports.Set("default", jsrt.Obj(exports)) // `import zlib from 'node:zlib'`
	return jsrt.Obj(exports)
}

func input(r *jsrt.Realm, v jsrt.Value) []byte {
	switch {
	case v.Kind() == jsrt.KindString:
		return jsrt.BufferBytes(jsrt.BufferFrom(v))
	case jsrt.IsBuffer(v):
		return jsrt.BufferBytes(v)
	}
	message := `The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer.`
	jsrt.Throw(jsrt.CodedError("TypeError", message+jsrt.Received(v), "ERR_INVALID_ARG_TYPE"))
	return nil
}

func decompress(r *jsrt.Realm, data []byte, decode func([]byte) ([]byte, error)) []byte {
	out, err := decode(data)
	if err != nil {
		fail(r, err)
	}
	return out
}

// fail throws zlib's error for err: Node's message and code where Go can tell them apart; a corrupt
// deflate stream keeps Go's message (zlib names the broken part, Go does not) with zlib's code.
func fail(r *jsrt.Realm, err error) {
	message, code, errno := err.Error(), "Z_DATA_ERROR", -3
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, zlib.ErrHeader):
		message = "incorrect header check"
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, zlib.ErrChecksum):
		message = "incorrect data check"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		message, code, errno = "unexpected end of file", "Z_BUF_ERROR", -5
	case errors.As(err, &corrupt):
		message = "invalid deflate data (" + err.Error() + ")"
	}
	e := jsrt.CodedError("Error", message, code)
	e.Object().Set("errno", jsrt.Int(errno))
	jsrt.Throw(e)
}

// gunzip reads gzip members as Node does: after each member, data starting with a zero byte is
// ignored, anything else must be another member (two bytes that are not the magic are a header
// error, fewer bytes the end of the file).
func gunzip(data []byte) ([]byte, error) {
	var out []byte
	for {
		if len(data) >= 2 && (data[0] != 0x1f || data[1] != 0x8b) {
			return nil, gzip.ErrHeader
		}
		rest := bytes.NewReader(data) // a flate.Reader: gzip reads no byte past the member
		member, err := gzip.NewReader(rest)
		if err != nil {
			return nil, err
		}
		member.Multistream(false)
		text, err := io.ReadAll(member)
		if err != nil {
			return nil, err
		}
		out = append(out, text...)
		data = data[len(data)-rest.Len():]
		if len(data) == 0 || data[0] == 0 {
			return out, nil
		}
	}
}

func inflate(data []byte) ([]byte, error) {
	if len(data) >= 2 && (data[0]&0x0f != 8 || (uint16(data[0])<<8|uint16(data[1]))%31 != 0) {
		return nil, zlib.ErrHeader
	}
	reader, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(reader)
}

func inflateRaw(data []byte) ([]byte, error) {
	return io.ReadAll(flate.NewReader(bytes.NewReader(data)))
}

// unzip is unzipSync: gzip or zlib, told apart by the first two bytes.
func unzip(data []byte) ([]byte, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return gunzip(data)
	}
	return inflate(data)
}
