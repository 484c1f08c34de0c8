// Package nodepath stands in for Node's path module on Linux (path.posix): every function of
// lib/path.js's posix object, step by step over UTF-16 code units. path.win32 is not translated:
// its functions throw NotImplementedError.
package nodepath

import (
	"os"

	"migrate.local/port/jsrt"
)

const (
	slash = '/'
	dot   = '.'
)

// Exports is the path module's exports object (path.posix is the same object, as on Linux).
func Exports(r *jsrt.Realm) jsrt.Value {
	exports := jsrt.NewObject()
	self := jsrt.Obj(exports)
	str := func(name string, f func(a []jsrt.Value) []uint16) jsrt.Value {
		return jsrt.Fn(name, func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
			return jsrt.StrUTF16(f(a))
		})
	}
	exports.Set("resolve", str("resolve", resolve))
	exports.Set("normalize", str("normalize", func(a []jsrt.Value) []uint16 { return normalize(text(a, 0, "path")) }))
	exports.Set("isAbsolute", jsrt.Fn("isAbsolute", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		p := text(a, 0, "path")
		return jsrt.Bool(len(p) > 0 && p[0] == slash)
	}))
	exports.Set("join", str("join", join))
	exports.Set("relative", str("relative", func(a []jsrt.Value) []uint16 {
		return relative(text(a, 0, "from"), text(a, 1, "to"))
	}))
	toNamespaced := jsrt.Fn("toNamespacedPath", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return jsrt.Arg(a, 0)
	})
	exports.Set("toNamespacedPath", toNamespaced)
	exports.Set("dirname", str("dirname", func(a []jsrt.Value) []uint16 { return dirname(text(a, 0, "path")) }))
	exports.Set("basename", str("basename", func(a []jsrt.Value) []uint16 {
		var suffix []uint16
		hasSuffix := !jsrt.Arg(a, 1).IsUndefined()
		if hasSuffix {
			suffix = text(a, 1, "suffix")
		}
		return basename(text(a, 0, "path"), suffix, hasSuffix)
	}))
	exports.Set("extname", str("extname", func(a []jsrt.Value) []uint16 { return extname(text(a, 0, "path")) }))
	exports.Set("format", jsrt.Fn("format", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return format(jsrt.Arg(a, 0))
	}))
	exports.Set("parse", jsrt.Fn("parse", func(_ *jsrt.Realm, _ jsrt.Value, a []jsrt.Value) jsrt.Value {
		return parse(text(a, 0, "path"))
	}))
	exports.Set("sep", jsrt.Str("/"))
	exports.Set("delimiter", jsrt.Str(":"))
	exports.Set("win32", win32())
	exports.Set("posix", self)
	exports.Set("_makeLong", toNamespaced)
	exports.Set("default", self) // `import path from 'node:path'`
	return self
}

// win32 is path.win32: not translated, each function throws NotImplementedError when called.
func win32() jsrt.Value {
	o := jsrt.NewObject()
	for _, name := range []string{"resolve", "normalize", "isAbsolute", "join", "relative", "toNamespacedPath",
		"dirname", "basename", "extname", "format", "parse"} {
		o.Set(name, jsrt.Fn(name, func(_ *jsrt.Realm, _ jsrt.Value, _ []jsrt.Value) jsrt.Value {
			jsrt.Throw(jsrt.NewError(nil, "NotImplementedError", jsrt.Str("path.win32."+name+" is not translated")))
			return jsrt.Undefined
		}))
	}
	o.Set("sep", jsrt.Str("\\"))
	o.Set("delimiter", jsrt.Str(";"))
	return jsrt.Obj(o)
}

// text is validateString(args[i], name): the string's code units, or Node's ERR_INVALID_ARG_TYPE.
func text(args []jsrt.Value, i int, name string) []uint16 {
	v := jsrt.Arg(args, i)
	if v.Kind() != jsrt.KindString {
		jsrt.Throw(jsrt.CodedError("TypeError", `The "`+name+`" argument must be of type string.`+jsrt.Received(v), "ERR_INVALID_ARG_TYPE"))
	}
	return v.UTF16()
}

func cwd() []uint16 {
	dir, err := os.Getwd()
	if err != nil {
		jsrt.Throw(jsrt.CodedError("Error", "process.cwd failed: "+err.Error(), "ENOENT"))
	}
	return jsrt.Str(dir).UTF16()
}

func resolve(args []jsrt.Value) []uint16 {
	var resolved []uint16
	absolute := false
	for i := len(args) - 1; i >= -1 && !absolute; i-- {
		var p []uint16
		if i >= 0 {
			p = text(args, i, "paths["+itoa(i)+"]")
		} else {
			p = cwd()
		}
		if len(p) == 0 {
			continue
		}
		resolved = concat(p, []uint16{slash}, resolved)
		absolute = p[0] == slash
	}
	resolved = normalizeString(resolved, !absolute)
	if absolute {
		return concat([]uint16{slash}, resolved)
	}
	if len(resolved) > 0 {
		return resolved
	}
	return []uint16{dot}
}

func normalize(p []uint16) []uint16 {
	if len(p) == 0 {
		return []uint16{dot}
	}
	absolute := p[0] == slash
	trailing := p[len(p)-1] == slash
	p = normalizeString(p, !absolute)
	if len(p) == 0 {
		if absolute {
			return []uint16{slash}
		}
		if trailing {
			return []uint16{dot, slash}
		}
		return []uint16{dot}
	}
	if trailing {
		p = concat(p, []uint16{slash})
	}
	if absolute {
		return concat([]uint16{slash}, p)
	}
	return p
}

func join(args []jsrt.Value) []uint16 {
	var joined []uint16
	started := false
	for i := range args {
		arg := text(args, i, "path")
		if len(arg) == 0 {
			continue
		}
		if !started {
			joined, started = concat(arg), true
		} else {
			joined = concat(joined, []uint16{slash}, arg)
		}
	}
	if !started {
		return []uint16{dot}
	}
	return normalize(joined)
}

func itoa(i int) string { return jsrt.ToString(jsrt.Num(float64(i))) }

func concat(parts ...[]uint16) []uint16 {
	out := []uint16{}
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func equal(a, b []uint16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
