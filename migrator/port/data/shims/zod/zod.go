// Package zod stands in for the subset of zod 3 that handlers use to
// validate input: z.object/string/number/boolean/array/enum with min, max,
// length, regex, int, positive, nonnegative, optional, nullable, default and
// refine; safeParse/parse with zod's issues (code, path, message and the
// other fields in zod's key order) and ZodError.
package zod

import (
	"strings"

	"migrate.local/port/jsrt"
)

// schema is the slot of a zod schema object.
type schema struct {
	kind     string // "string", "number", "boolean", "object", "array", "enum"
	checks   []check
	shape    [][2]any // object: (key string, *schema) in order
	element  *schema
	options  []string
	optional bool
	nullable bool
	def      *jsrt.Value
	refines  []refinement
}

type check struct {
	name    string // min, max, length, regex, int, gt
	value   float64
	re      jsrt.Value
	message jsrt.Value
}

type refinement struct {
	fn      jsrt.Value
	message jsrt.Value
}

// message is a check's custom message: a string, or {message} (undefined for zod's default).
func message(v jsrt.Value) jsrt.Value {
	if v.Kind() == jsrt.KindString {
		return v
	}
	if v.IsObject() {
		return v.Object().Get("message")
	}
	return jsrt.Undefined
}

// Exports is the zod module: {z, default: z, ZodError}.
func Exports(r *jsrt.Realm) jsrt.Value {
	z := jsrt.NewObject()
	simple := func(kind string) jsrt.Value {
		return jsrt.Fn(kind, func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value { return wrap(&schema{kind: kind}) })
	}
	z.Set("string", simple("string"))
	z.Set("number", simple("number"))
	z.Set("boolean", simple("boolean"))
	z.Set("object", jsrt.Fn("object", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		s := &schema{kind: "object"}
		if shape := jsrt.Arg(args, 0); shape.IsObject() {
			for _, k := range shape.Object().Keys() {
				s.shape = append(s.shape, [2]any{k, slotOf(shape.Object().Get(k))})
			}
		}
		return wrap(s)
	}))
	z.Set("array", jsrt.Fn("array", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		return wrap(&schema{kind: "array", element: slotOf(jsrt.Arg(args, 0))})
	}))
	z.Set("enum", jsrt.Fn("enum", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		s := &schema{kind: "enum"}
		for _, v := range jsrt.Iterate(jsrt.Arg(args, 0)) {
			s.options = append(s.options, jsrt.ToString(v))
		}
		return wrap(s)
	}))
	zod := jsrt.Obj(z)
	exports := jsrt.NewObject()
	exports.Set("z", zod)
	exports.Set("default", zod)
	exports.Set("ZodError", jsrt.NewClass("ZodError", jsrt.Undefined, nil))
	return jsrt.Obj(exports)
}

func slotOf(v jsrt.Value) *schema {
	if v.IsObject() {
		if s, ok := v.Object().Slot().(*schema); ok {
			return s
		}
	}
	jsrt.ThrowTypeError("zod: expected a schema")
	return nil
}

func (s *schema) clone() *schema {
	c := *s
	c.checks = append([]check(nil), s.checks...)
	c.refines = append([]refinement(nil), s.refines...)
	return &c
}

// wrap makes the schema object with zod's chainable methods (each returns a new schema).
func wrap(s *schema) jsrt.Value {
	methods := map[string]jsrt.Value{}
	chain := func(name string, f func(c *schema, args []jsrt.Value)) {
		methods[name] = jsrt.Fn(name, func(_ *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
			c := s.clone()
			f(c, args)
			return wrap(c)
		})
	}
	numeric := func(name string) {
		chain(name, func(c *schema, args []jsrt.Value) {
			c.checks = append(c.checks, check{name: name, value: jsrt.ToNumber(jsrt.Arg(args, 0)), message: message(jsrt.Arg(args, 1))})
		})
	}
	numeric("min")
	numeric("max")
	numeric("length")
	numeric("gte")
	numeric("lte")
	numeric("gt")
	numeric("lt")
	chain("regex", func(c *schema, args []jsrt.Value) {
		c.checks = append(c.checks, check{name: "regex", re: jsrt.Arg(args, 0), message: message(jsrt.Arg(args, 1))})
	})
	chain("int", func(c *schema, args []jsrt.Value) {
		c.checks = append(c.checks, check{name: "int", message: message(jsrt.Arg(args, 0))})
	})
	chain("positive", func(c *schema, args []jsrt.Value) {
		c.checks = append(c.checks, check{name: "gt", value: 0, message: message(jsrt.Arg(args, 0))})
	})
	chain("nonnegative", func(c *schema, args []jsrt.Value) {
		c.checks = append(c.checks, check{name: "min", value: 0, message: message(jsrt.Arg(args, 0))})
	})
	chain("optional", func(c *schema, _ []jsrt.Value) { c.optional = true })
	chain("nullable", func(c *schema, _ []jsrt.Value) { c.nullable = true })
	chain("default", func(c *schema, args []jsrt.Value) {
		v := jsrt.Arg(args, 0)
		c.def = &v
	})
	chain("refine", func(c *schema, args []jsrt.Value) {
		c.refines = append(c.refines, refinement{fn: jsrt.Arg(args, 0), message: message(jsrt.Arg(args, 1))})
	})
	methods["safeParse"] = jsrt.Fn("safeParse", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		data, issues := run(r, s, jsrt.Arg(args, 0))
		res := jsrt.NewObject()
		res.Set("success", jsrt.Bool(len(issues) == 0))
		if len(issues) == 0 {
			res.Set("data", data)
		} else {
			res.Set("error", zodError(r, issues))
		}
		return jsrt.Obj(res)
	})
	methods["parse"] = jsrt.Fn("parse", func(r *jsrt.Realm, _ jsrt.Value, args []jsrt.Value) jsrt.Value {
		data, issues := run(r, s, jsrt.Arg(args, 0))
		if len(issues) > 0 {
			jsrt.Throw(zodError(r, issues))
		}
		return data
	})
	v := jsrt.HostObject("ZodType", methods)
	v.Object().SetSlot(s)
	return v
}

func run(r *jsrt.Realm, s *schema, v jsrt.Value) (jsrt.Value, []jsrt.Value) {
	var issues []jsrt.Value
	out, _ := s.parse(r, v, nil, &issues)
	return out, issues
}

// zodError is a ZodError: name, issues (and errors), message = JSON of the issues, flatten().
func zodError(r *jsrt.Realm, issues []jsrt.Value) jsrt.Value {
	list := jsrt.ArrayOf(issues)
	text, _ := jsrt.JSONStringify(r, list, jsrt.Undefined, jsrt.Num(2))
	e := jsrt.NewError(r, "ZodError", jsrt.Str(text))
	o := e.Object()
	o.Set("issues", list)
	o.Set("errors", list)
	o.Set("flatten", jsrt.Fn("flatten", func(*jsrt.Realm, jsrt.Value, []jsrt.Value) jsrt.Value {
		form, fields := []jsrt.Value{}, jsrt.NewObject()
		for _, is := range issues {
			path := is.Object().Get("path").Object().Items()
			msg := is.Object().Get("message")
			if len(path) == 0 {
				form = append(form, msg)
				continue
			}
			key := jsrt.ToString(path[0])
			prev := fields.Get(key)
			if prev.IsUndefined() {
				prev = jsrt.NewArray()
				fields.Set(key, prev)
			}
			jsrt.CallMethod(r, prev, "push", msg)
		}
		res := jsrt.NewObject()
		res.Set("formErrors", jsrt.ArrayOf(form))
		res.Set("fieldErrors", jsrt.Obj(fields))
		return jsrt.Obj(res)
	}))
	return e
}

// parsedType is zod's getParsedType.
func parsedType(v jsrt.Value) string {
	switch v.Kind() {
	case jsrt.KindUndefined:
		return "undefined"
	case jsrt.KindNull:
		return "null"
	case jsrt.KindNumber:
		if f := jsrt.ToNumber(v); f != f {
			return "nan"
		}
		return "number"
	case jsrt.KindArray:
		return "array"
	case jsrt.KindFunction:
		return "function"
	case jsrt.KindPromise:
		return "promise"
	}
	if v.IsObject() {
		switch v.Object().Class() {
		case "Date":
			return "date"
		case "Map":
			return "map"
		case "Set":
			return "set"
		}
		return "object"
	}
	return jsrt.ToString(jsrt.TypeOf(v))
}

func joinValues(options []string) string {
	quoted := make([]string, len(options))
	for i, o := range options {
		quoted[i] = "'" + o + "'"
	}
	return strings.Join(quoted, " | ")
}
