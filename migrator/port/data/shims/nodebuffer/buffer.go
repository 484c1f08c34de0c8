// Package nodebuffer stands in for Node's buffer module: its Buffer is the global Buffer
// (require('buffer').Buffer === Buffer in Node).
package nodebuffer

import "migrate.local/port/jsrt"

// Exports is the buffer module's exports object.
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	exports.Set("Buffer", r.Global("Buffer"))
	exports.Set("default", jsrt.Obj(exports)) // `import buffer from 'node:buffer'`
	return jsrt.Obj(exports)
}
