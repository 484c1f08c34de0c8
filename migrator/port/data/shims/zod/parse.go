package zod

import (
	"slices"

	"migrate.local/port/jsrt"
)

// kv is one field of an issue, in zod's order.
type kv struct {
	key   string
	value jsrt.Value
}

// addIssue is zod's makeIssue: the issue data in order, then path, then message
// (which keeps its place when the data already has a message key).
func addIssue(issues *[]jsrt.Value, path []jsrt.Value, fallback string, data ...kv) {
	o := jsrt.NewObject()
	for _, f := range data {
		o.Set(f.key, f.value)
	}
	o.Set("path", jsrt.ArrayOf(slices.Clone(path)))
	if m := o.Get("message"); m.IsUndefined() {
		o.Set("message", jsrt.Str(fallback))
	}
	*issues = append(*issues, jsrt.Obj(o))
}

func num(f float64) string { return jsrt.NumberToString(f) }

// parse validates v at path; it returns the parsed value and whether the
// value was rejected outright (a wrong type: refinements do not run).
func (s *schema) parse(r *jsrt.Realm, v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) (jsrt.Value, bool) {
	if v.IsUndefined() && s.def != nil {
		v = *s.def
	}
	if v.IsUndefined() && s.optional || v.Kind() == jsrt.KindNull && s.nullable {
		return v, false
	}
	got := parsedType(v)
	if s.kind == "enum" {
		if got != "string" {
			msg := "Expected " + joinValues(s.options) + ", received " + got
			if got == "undefined" {
				msg = "Required"
			}
			addIssue(issues, path, msg, kv{"expected", jsrt.Str(joinValues(s.options))}, kv{"received", jsrt.Str(got)},
				kv{"code", jsrt.Str("invalid_type")})
			return jsrt.Undefined, true
		}
		if !slices.Contains(s.options, jsrt.ToString(v)) {
			opts := make([]jsrt.Value, len(s.options))
			for i, o := range s.options {
				opts[i] = jsrt.Str(o)
			}
			addIssue(issues, path, "Invalid enum value. Expected "+joinValues(s.options)+", received '"+jsrt.ToString(v)+"'",
				kv{"received", v}, kv{"code", jsrt.Str("invalid_enum_value")}, kv{"options", jsrt.ArrayOf(opts)})
			return jsrt.Undefined, true
		}
		return s.refine(r, v, path, issues), false
	}
	if got != s.kind {
		msg := "Expected " + s.kind + ", received " + got
		if got == "undefined" {
			msg = "Required"
		}
		addIssue(issues, path, msg, kv{"code", jsrt.Str("invalid_type")}, kv{"expected", jsrt.Str(s.kind)},
			kv{"received", jsrt.Str(got)})
		return jsrt.Undefined, true
	}
	aborted := false
	switch s.kind {
	case "string":
		s.stringChecks(r, v, path, issues)
	case "number":
		s.numberChecks(v, path, issues)
	case "array":
		v, aborted = s.parseArray(r, v, path, issues)
	case "object":
		v, aborted = s.parseObject(r, v, path, issues)
	}
	if aborted { // an element or field of the wrong type: zod's merge gives INVALID
		return jsrt.Undefined, true
	}
	return s.refine(r, v, path, issues), false
}

func (s *schema) refine(r *jsrt.Realm, v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) jsrt.Value {
	for _, ref := range s.refines {
		if !jsrt.Truthy(jsrt.Await(jsrt.Call(r, ref.fn, jsrt.Undefined, v))) {
			addIssue(issues, path, "Invalid input", kv{"code", jsrt.Str("custom")}, kv{"message", ref.message})
		}
	}
	return v
}

// sizeIssue is a too_small/too_big issue of a string ("character(s)"), array ("element(s)") or number.
func sizeIssue(issues *[]jsrt.Value, path []jsrt.Value, typ string, small bool, limit float64, inclusive, exact bool, message jsrt.Value) {
	code, bound := "too_big", "maximum"
	if small {
		code, bound = "too_small", "minimum"
	}
	var text string
	switch {
	case typ == "number" && small:
		text = "Number must be " + pick(exact, "exactly equal to ", pick(inclusive, "greater than or equal to ", "greater than ")) + num(limit)
	case typ == "number":
		text = "Number must be " + pick(exact, "exactly", pick(inclusive, "less than or equal to", "less than")) + " " + num(limit)
	case typ == "string" && small:
		text = "String must contain " + pick(exact, "exactly", pick(inclusive, "at least", "over")) + " " + num(limit) + " character(s)"
	case typ == "string":
		text = "String must contain " + pick(exact, "exactly", pick(inclusive, "at most", "under")) + " " + num(limit) + " character(s)"
	case small:
		text = "Array must contain " + pick(exact, "exactly", pick(inclusive, "at least", "more than")) + " " + num(limit) + " element(s)"
	default:
		text = "Array must contain " + pick(exact, "exactly", pick(inclusive, "at most", "less than")) + " " + num(limit) + " element(s)"
	}
	addIssue(issues, path, text, kv{"code", jsrt.Str(code)}, kv{bound, jsrt.Num(limit)}, kv{"type", jsrt.Str(typ)},
		kv{"inclusive", jsrt.Bool(inclusive)}, kv{"exact", jsrt.Bool(exact)}, kv{"message", message})
}

func pick(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}

func (s *schema) stringChecks(r *jsrt.Realm, v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) {
	n := jsrt.ToNumber(jsrt.GetS(v, "length"))
	for _, c := range s.checks {
		switch c.name {
		case "min":
			if n < c.value {
				sizeIssue(issues, path, "string", true, c.value, true, false, c.message)
			}
		case "max":
			if n > c.value {
				sizeIssue(issues, path, "string", false, c.value, true, false, c.message)
			}
		case "length":
			if n != c.value {
				sizeIssue(issues, path, "string", n < c.value, c.value, true, true, c.message)
			}
		case "regex":
			jsrt.SetS(c.re, "lastIndex", jsrt.Num(0))
			if !jsrt.Truthy(jsrt.CallMethod(r, c.re, "test", v)) {
				addIssue(issues, path, "Invalid", kv{"validation", jsrt.Str("regex")}, kv{"code", jsrt.Str("invalid_string")},
					kv{"message", c.message})
			}
		}
	}
}

func (s *schema) numberChecks(v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) {
	f := jsrt.ToNumber(v)
	for _, c := range s.checks {
		switch c.name {
		case "int":
			if !jsrt.NumberIsInteger(jsrt.Num(f)) {
				addIssue(issues, path, "Expected integer, received float", kv{"code", jsrt.Str("invalid_type")},
					kv{"expected", jsrt.Str("integer")}, kv{"received", jsrt.Str("float")}, kv{"message", c.message})
			}
		case "min", "gte":
			if f < c.value {
				sizeIssue(issues, path, "number", true, c.value, true, false, c.message)
			}
		case "gt":
			if f <= c.value {
				sizeIssue(issues, path, "number", true, c.value, false, false, c.message)
			}
		case "max", "lte":
			if f > c.value {
				sizeIssue(issues, path, "number", false, c.value, true, false, c.message)
			}
		case "lt":
			if f >= c.value {
				sizeIssue(issues, path, "number", false, c.value, false, false, c.message)
			}
		}
	}
}

func (s *schema) parseArray(r *jsrt.Realm, v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) (jsrt.Value, bool) {
	items := v.Object().Items()
	n := float64(len(items))
	for _, c := range s.checks {
		switch {
		case c.name == "length" && n != c.value:
			sizeIssue(issues, path, "array", n < c.value, c.value, true, true, c.message)
		case c.name == "min" && n < c.value:
			sizeIssue(issues, path, "array", true, c.value, true, false, c.message)
		case c.name == "max" && n > c.value:
			sizeIssue(issues, path, "array", false, c.value, true, false, c.message)
		}
	}
	out := make([]jsrt.Value, len(items))
	aborted := false
	for i, item := range items {
		var bad bool
		out[i], bad = s.element.parse(r, item, append(slices.Clone(path), jsrt.Num(float64(i))), issues)
		aborted = aborted || bad
	}
	return jsrt.ArrayOf(out), aborted
}

func (s *schema) parseObject(r *jsrt.Realm, v jsrt.Value, path []jsrt.Value, issues *[]jsrt.Value) (jsrt.Value, bool) {
	in := v.Object()
	out := jsrt.NewObject()
	aborted := false
	for _, pair := range s.shape {
		key, field := pair[0].(string), pair[1].(*schema)
		value, bad := field.parse(r, in.Get(key), append(slices.Clone(path), jsrt.Str(key)), issues)
		aborted = aborted || bad
		if !value.IsUndefined() || in.Has(key) {
			out.Set(key, value)
		}
	}
	return jsrt.Obj(out), aborted
}
