package middy

import (
	"math"
	"slices"

	"migrate.local/port/jsrt"
)

// coercible is ajv's coerceToTypes: the schema's types a value may be coerced to, in schema order.
func coercible(types []string, mode string) []string {
	if mode == "" {
		return nil
	}
	var out []string
	for _, t := range types {
		if slices.Contains([]string{"string", "number", "integer", "boolean", "null"}, t) || (mode == "array" && t == "array") {
			out = append(out, t)
		}
	}
	return out
}

// checkTypes is ajv's checkDataTypes: with correct=false whether data is none of the types; with
// correct=true, for several types, ajv ANDs the per-type checks (so it holds for no value) — kept,
// since it decides whether a one-element array is unwrapped.
func checkTypes(types []string, data jsrt.Value, correct bool) bool {
	if len(types) == 1 {
		return isType(types[0], data) == correct
	}
	set := map[string]bool{}
	for _, t := range types {
		set[t] = true
	}
	cond := true
	if set["array"] && set["object"] {
		notObj := !(data.Kind() == jsrt.KindObject || data.Kind() == jsrt.KindArray || data.Kind() == jsrt.KindNull)
		if set["null"] {
			cond = notObj
		} else {
			cond = !jsrt.Truthy(data) || notObj
		}
		delete(set, "null")
		delete(set, "array")
		delete(set, "object")
	}
	if set["number"] {
		delete(set, "integer")
	}
	for _, t := range types {
		if set[t] {
			cond = cond && isType(t, data) == correct
		}
	}
	return cond
}

// coerce is ajv's coerceData for coerceTypes true/'array': it returns the value later keywords see,
// writes a coerced value into the parent and reports a type error when nothing applies.
func (s *schema) coerce(v *validation, data jsrt.Value, to []string, assign func(jsrt.Value), path string) jsrt.Value {
	var coerced *jsrt.Value
	if v.o.coerce == "array" && data.Kind() == jsrt.KindArray && len(data.Object().Items()) == 1 {
		data = data.Object().Items()[0]
		if checkTypes(s.types, data, true) {
			coerced = &data
		}
	}
	if coerced == nil {
		for _, t := range to {
			if c, ok := coerceTo(t, data); ok {
				coerced = &c
				break
			}
		}
	}
	if coerced == nil {
		s.typeError(v, path)
		return data
	}
	assign(*coerced)
	return *coerced
}

// coerceTo is one branch of ajv's coerceSpecificType.
func coerceTo(t string, data jsrt.Value) (jsrt.Value, bool) {
	k := data.Kind()
	numeric := k == jsrt.KindBoolean || k == jsrt.KindNull || (k == jsrt.KindString && jsrt.Truthy(data) &&
		!math.IsNaN(jsrt.ToNumber(data)))
	switch t {
	case "string":
		if k == jsrt.KindNumber || k == jsrt.KindBoolean {
			return jsrt.Str(jsrt.ToString(data)), true
		}
		if k == jsrt.KindNull {
			return jsrt.Str(""), true
		}
	case "number":
		if numeric {
			return jsrt.Num(jsrt.ToNumber(data)), true
		}
	case "integer":
		if m := math.Mod(jsrt.ToNumber(data), 1); numeric && (k != jsrt.KindString || m == 0 || math.IsNaN(m)) {
			return jsrt.Num(jsrt.ToNumber(data)), true
		}
	case "boolean":
		if jsrt.StrictEquals(data, jsrt.Str("false")) || jsrt.StrictEquals(data, jsrt.Num(0)) || k == jsrt.KindNull {
			return jsrt.Bool(false), true
		}
		if jsrt.StrictEquals(data, jsrt.Str("true")) || jsrt.StrictEquals(data, jsrt.Num(1)) {
			return jsrt.Bool(true), true
		}
	case "null":
		if jsrt.StrictEquals(data, jsrt.Str("")) || jsrt.StrictEquals(data, jsrt.Num(0)) || jsrt.StrictEquals(data, jsrt.Bool(false)) {
			return jsrt.Null(), true
		}
	case "array":
		if k == jsrt.KindString || k == jsrt.KindNumber || k == jsrt.KindBoolean || k == jsrt.KindNull {
			return jsrt.NewArray(data), true
		}
	}
	return jsrt.Undefined, false
}

// deepEqual is fast-deep-equal, which ajv uses for const and enum.
func deepEqual(a, b jsrt.Value) bool {
	if jsrt.StrictEquals(a, b) {
		return true
	}
	if a.Kind() == jsrt.KindNumber && b.Kind() == jsrt.KindNumber {
		return math.IsNaN(a.Float()) && math.IsNaN(b.Float())
	}
	if a.Kind() != b.Kind() || (a.Kind() != jsrt.KindObject && a.Kind() != jsrt.KindArray) {
		return false
	}
	if a.Kind() == jsrt.KindArray {
		x, y := a.Object().Items(), b.Object().Items()
		return len(x) == len(y) && equalItems(x, y)
	}
	ka, kb := a.Object().Keys(), b.Object().Keys()
	if len(ka) != len(kb) {
		return false
	}
	for _, k := range ka {
		if !b.Object().HasOwn(k) || !deepEqual(a.Object().Get(k), b.Object().Get(k)) {
			return false
		}
	}
	return true
}

func equalItems(x, y []jsrt.Value) bool {
	for i := range x {
		if !deepEqual(x[i], y[i]) {
			return false
		}
	}
	return true
}
