// Package uuid stands in for the npm uuid package's v4, validate and NIL.
package uuid

import (
	"crypto/rand"
	"fmt"
	"regexp"

	"migrate.local/port/jsrt"
)

var valid = regexp.MustCompile(`(?i)^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$`)

// Exports is the uuid module: v4() (random, RFC 9562 version 4), validate(s), NIL.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("v4", jsrt.Fn("v4", func(r *jsrt.Realm, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
		var b [16]byte
		_, _ = rand.Read(b[:])
		b[6] = b[6]&0x0f | 0x40
		b[8] = b[8]&0x3f | 0x80
		return jsrt.Str(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
	}))
	exports.Set("validate", jsrt.Fn("validate", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return jsrt.Bool(len(args) > 0 && args[0].Kind() == jsrt.KindString && valid.MatchString(jsrt.ToString(args[0])))
	}))
	exports.Set("NIL", jsrt.Str("00000000-0000-0000-0000-000000000000"))
	return jsrt.Obj(exports)
}
