// Package nodecrypto stands in for Node's crypto module: createHash, createHmac, timingSafeEqual,
// randomUUID and randomBytes (synchronous), with Node's error names, messages and codes.
package nodecrypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/subtle"
	"hash"
	"strings"

	"migrate.local/port/jsrt"
)

var digests = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New, "sha512-256": sha512.New512_256,
}

// Exports is the crypto module's exports object.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("createHash", jsrt.Fn("createHash", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return hasher(r, algorithm(r, jsrt.Arg(args, 0)), nil)
	}))
	exports.Set("createHmac", jsrt.Fn("createHmac", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		newHash := algorithm(r, jsrt.Arg(args, 0))
		key := bytesOf(r, jsrt.Arg(args, 1), jsrt.Undefined, "key",
			"of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey")
		return hasher(r, newHash, key)
	}))
	exports.Set("timingSafeEqual", jsrt.Fn("timingSafeEqual", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		a, b := bufferArg(r, jsrt.Arg(args, 0), "buf1"), bufferArg(r, jsrt.Arg(args, 1), "buf2")
		if len(a) != len(b) {
			jsrt.Throw(jsrt.CodedError("RangeError", "Input buffers must have the same byte length", "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"))
		}
		return jsrt.Bool(subtle.ConstantTimeCompare(a, b) == 1)
	}))
	exports.Set("randomUUID", jsrt.Fn("randomUUID", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value {
		return jsrt.CryptoRandomUUID()
	}))
	exports.Set("randomBytes", jsrt.Fn("randomBytes", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		size := jsrt.Arg(args, 0)
		n := jsrt.ToNumber(size)
		if size.Kind() != jsrt.KindNumber || n != float64(int64(n)) || n < 0 || n > 2147483647 {
			jsrt.Throw(jsrt.CodedError("RangeError", `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received `+jsrt.ToString(size), "ERR_OUT_OF_RANGE"))
		}
		if len(args) > 1 {
			jsrt.Throw(jsrt.NewError(r, "NotImplementedError", jsrt.Str("randomBytes with a callback: the translation has no event loop")))
		}
		b := make([]byte, int(n))
		_, _ = rand.Read(b)
		return jsrt.NewBuffer(b)
	}))
	exports.Set("default", jsrt.Obj(exports)) // `import crypto from 'node:crypto'`
	return jsrt.Obj(exports)
}

func algorithm(r *jsrt.Realm, name jsrt.Value) func() hash.Hash {
	if name.Kind() != jsrt.KindString {
		jsrt.Throw(jsrt.CodedError("TypeError", `The "algorithm" argument must be of type string.`+jsrt.Received(name), "ERR_INVALID_ARG_TYPE"))
	}
	newHash, ok := digests[strings.ToLower(jsrt.ToString(name))]
	if !ok {
		jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str("Digest method not supported")))
	}
	return newHash
}

// hasher is a Hash (key nil) or Hmac object: update(data, encoding) returns it, digest(encoding)
// returns a string in a known encoding or else a Buffer, and either after digest throws.
func hasher(r *jsrt.Realm, newHash func() hash.Hash, key []byte) jsrt.Value {
	h := newHash()
	if key != nil {
		h = hmac.New(newHash, key)
	}
	done := false
	o := jsrt.NewObject()
	self := jsrt.Obj(o)
	finalized := func(r *jsrt.Realm) {
		if done {
			jsrt.Throw(jsrt.CodedError("Error", "Digest already called", "ERR_CRYPTO_HASH_FINALIZED"))
		}
	}
	o.Set("update", jsrt.Fn("update", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		finalized(r)
		h.Write(bytesOf(r, jsrt.Arg(args, 0), jsrt.Arg(args, 1), "data", "of type string or an instance of Buffer, TypedArray, or DataView"))
		return self
	}))
	o.Set("digest", jsrt.Fn("digest", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		finalized(r)
		done = true
		sum := h.Sum(nil)
		if enc := jsrt.Arg(args, 0); enc.Kind() == jsrt.KindString {
			switch name := strings.ToLower(jsrt.ToString(enc)); name {
			case "hex", "base64", "base64url", "latin1", "binary", "utf8", "utf-8", "ascii":
				return jsrt.Str(jsrt.BufferToString(sum, name))
			}
		}
		return jsrt.NewBuffer(sum)
	}))
	return self
}

// bytesOf is a string (in `encoding`, utf8 by default) or a Buffer's bytes, else Node's TypeError.
func bytesOf(r *jsrt.Realm, v, encoding jsrt.Value, name, types string) []byte {
	if v.Kind() == jsrt.KindString {
		return jsrt.BufferBytes(jsrt.BufferFrom(v, encoding))
	}
	if jsrt.IsBuffer(v) {
		return jsrt.BufferBytes(v)
	}
	jsrt.Throw(jsrt.CodedError("TypeError", `The "`+name+`" argument must be `+types+"."+jsrt.Received(v), "ERR_INVALID_ARG_TYPE"))
	return nil
}

func bufferArg(r *jsrt.Realm, v jsrt.Value, name string) []byte {
	if !jsrt.IsBuffer(v) {
		jsrt.Throw(jsrt.CodedError("TypeError", `The "`+name+`" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`, "ERR_INVALID_ARG_TYPE"))
	}
	return jsrt.BufferBytes(v)
}
