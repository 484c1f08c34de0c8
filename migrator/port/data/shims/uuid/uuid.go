// Package uuid stands in for the npm uuid package's v1, v4, validate and NIL.
package uuid

import (
	"regexp"

	"migrate.local/port/jsrt"
)

var valid = regexp.MustCompile(`(?i)^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$`)

// Exports is the uuid module: v4() (random, RFC 9562 version 4), validate(s), NIL.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("v4", jsrt.Fn("v4", func(r *jsrt.Realm, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
		return jsrt.CryptoRandomUUID() // RFC 9562 version 4, as crypto.randomUUID
	}))
	exports.Set("validate", jsrt.Fn("validate", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.Bool(len(args) > 0 && args[0].Kind() == jsrt.KindString && valid.MatchString(jsrt.ToString(args[0])))
	}))
	exports.Set("v1", jsrt.Fn("v1", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return v1(r, args)
	}))
	exports.Set("NIL", jsrt.Str("00000000-0000-0000-0000-000000000000"))
	return jsrt.Obj(exports)
}
