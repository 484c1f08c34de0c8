package middy

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"migrate.local/port/jsrt"
)

// run validates data as ajv's compiled function does (with the shim's subset of keywords), coercing
// types and assigning defaults in place; it returns ajv's error objects (none when valid).
func (s *schema) run(o ajvOptions, data jsrt.Value) []jsrt.Value {
	v := &validation{o: o}
	s.validate(v, data, func(jsrt.Value) {}, "")
	return v.errs
}

// validation is one call of a validate function: the options and the errors so far.
type validation struct {
	o    ajvOptions
	errs []jsrt.Value
}

func (v *validation) fail(path, schemaPath, keyword string, params *jsrt.Object, message string) {
	e := jsrt.NewObject()
	e.Set("instancePath", jsrt.Str(path))
	e.Set("schemaPath", jsrt.Str(schemaPath))
	e.Set("keyword", jsrt.Str(keyword))
	e.Set("params", jsrt.Obj(params))
	e.Set("message", jsrt.Str(message))
	v.errs = append(v.errs, jsrt.Obj(e))
}

func param(key string, value jsrt.Value) *jsrt.Object {
	p := jsrt.NewObject()
	p.Set(key, value)
	return p
}

// validate checks data at instance path `path`; assign writes a coerced value back into its parent.
func (s *schema) validate(v *validation, data jsrt.Value, assign func(jsrt.Value), path string) {
	deferred := false // the type error is reported by the type's keyword group (ajv's typeErrors)
	if len(s.types) > 0 {
		coerceTo := coercible(s.types, v.o.coerce)
		deferred = len(coerceTo) == 0 && len(s.types) == 1 && s.hasRulesFor(s.types[0])
		if !deferred && checkTypes(s.types, data, false) {
			if len(coerceTo) == 0 {
				s.typeError(v, path)
			} else {
				data = s.coerce(v, data, coerceTo, assign, path)
			}
		}
	}
	s.untyped(v, data, path)
	for _, group := range []string{"number", "string", "array", "object"} {
		if !s.hasRulesFor(group) {
			continue
		}
		if isType(group, data) {
			s.typed(v, group, data, path)
		} else if deferred && s.types[0] == group {
			s.typeError(v, path)
		}
	}
}

func (s *schema) typeError(v *validation, path string) {
	v.fail(path, s.path+"/type", "type", param("type", s.get("type")), "must be "+strings.Join(s.types, ","))
}

// groupKeywords are ajv's keyword groups (RULES.rules) for the subset, each in ajv's order.
var groupKeywords = map[string][]string{
	"number": {"maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"},
	"string": {"maxLength", "minLength", "pattern", "format"},
	"array":  {"maxItems", "minItems", "items"},
	"object": {"required", "additionalProperties", "properties"},
}

func (s *schema) hasRulesFor(group string) bool {
	return slices.ContainsFunc(groupKeywords[group], func(k string) bool { return s.has[k] })
}

func (s *schema) untyped(v *validation, data jsrt.Value, path string) {
	if s.has["const"] && !deepEqual(data, s.get("const")) {
		v.fail(path, s.path+"/const", "const", param("allowedValue", s.get("const")), "must be equal to constant")
	}
	if !s.has["enum"] {
		return
	}
	if !slices.ContainsFunc(s.get("enum").Object().Items(), func(x jsrt.Value) bool { return deepEqual(data, x) }) {
		v.fail(path, s.path+"/enum", "enum", param("allowedValues", s.get("enum")),
			"must be equal to one of the allowed values")
	}
}

func (s *schema) typed(v *validation, group string, data jsrt.Value, path string) {
	if group == "object" && v.o.useDefaults != "" {
		s.assignDefaults(v, data.Object())
	}
	for _, key := range groupKeywords[group] {
		if s.has[key] {
			checkOf(key)(s, v, data, path)
		}
	}
}

func (s *schema) assignDefaults(v *validation, obj *jsrt.Object) {
	for _, key := range s.props {
		sub := s.sub[key]
		if !sub.has["default"] {
			continue
		}
		cur := obj.Get(key)
		empty := v.o.useDefaults == "empty" && (cur.Kind() == jsrt.KindNull || jsrt.StrictEquals(cur, jsrt.Str("")))
		if cur.IsUndefined() || empty {
			obj.Set(key, jsrt.StructuredClone(sub.get("default")))
		}
	}
}

type keywordCheck func(s *schema, v *validation, data jsrt.Value, path string)

// checkOf returns the check of a keyword of the subset (a function, not a table: the checks
// recurse into validate, which uses this).
func checkOf(key string) keywordCheck {
	switch key {
	case "maximum":
		return limitNumber(key, "<=", func(x, l float64) bool { return x <= l })
	case "minimum":
		return limitNumber(key, ">=", func(x, l float64) bool { return x >= l })
	case "exclusiveMaximum":
		return limitNumber(key, "<", func(x, l float64) bool { return x < l })
	case "exclusiveMinimum":
		return limitNumber(key, ">", func(x, l float64) bool { return x > l })
	case "maxLength", "maxItems":
		return limitCount(key, "more")
	case "minLength", "minItems":
		return limitCount(key, "fewer")
	case "pattern":
		return checkPattern
	case "format":
		return checkFormat
	case "items":
		return checkItems
	case "required":
		return checkRequired
	case "additionalProperties":
		return checkAdditional
	}
	return checkProperties
}

func limitNumber(key, op string, ok func(x, limit float64) bool) keywordCheck {
	return func(s *schema, v *validation, data jsrt.Value, path string) {
		limit := s.get(key)
		if !ok(data.Float(), jsrt.ToNumber(limit)) {
			p := param("comparison", jsrt.Str(op))
			p.Set("limit", limit)
			v.fail(path, s.path+"/"+key, key, p, "must be "+op+" "+jsrt.ToString(limit))
		}
	}
}

// limitCount is ajv's limitLength (characters = code points) and limitItems.
func limitCount(key, comp string) keywordCheck {
	return func(s *schema, v *validation, data jsrt.Value, path string) {
		limit := s.get(key)
		n, unit := 0.0, "items"
		if data.Kind() == jsrt.KindString {
			n, unit = float64(utf8.RuneCountInString(jsrt.ToString(data))), "characters"
		} else {
			n = float64(len(data.Object().Items()))
		}
		if (comp == "more" && n > jsrt.ToNumber(limit)) || (comp == "fewer" && n < jsrt.ToNumber(limit)) {
			v.fail(path, s.path+"/"+key, key, param("limit", limit),
				"must NOT have "+comp+" than "+jsrt.ToString(limit)+" "+unit)
		}
	}
}

func checkPattern(s *schema, v *validation, data jsrt.Value, path string) {
	if !s.pattern.MatchString(jsrt.ToString(data)) {
		src := s.get("pattern")
		v.fail(path, s.path+"/pattern", "pattern", param("pattern", src), `must match pattern "`+jsrt.ToString(src)+`"`)
	}
}

func checkFormat(s *schema, v *validation, data jsrt.Value, path string) {
	if !s.format(jsrt.ToString(data)) {
		name := s.get("format")
		v.fail(path, s.path+"/format", "format", param("format", name), `must match format "`+jsrt.ToString(name)+`"`)
	}
}

func checkItems(s *schema, v *validation, data jsrt.Value, path string) {
	arr := data.Object()
	for i := range arr.Items() {
		at := jsrt.Int(i)
		s.items.validate(v, arr.Items()[i], func(x jsrt.Value) { jsrt.Set(data, at, x) }, path+"/"+jsrt.IntString(i))
	}
}

func checkRequired(s *schema, v *validation, data jsrt.Value, path string) {
	for _, key := range s.get("required").Object().Items() {
		if jsrt.Get(data, key).IsUndefined() {
			name := jsrt.ToString(key)
			v.fail(path, s.path+"/required", "required", param("missingProperty", key),
				"must have required property '"+name+"'")
		}
	}
}

func checkAdditional(s *schema, v *validation, data jsrt.Value, path string) {
	if !s.noExtra && s.additional == nil {
		return
	}
	obj := data.Object()
	for _, key := range obj.Keys() {
		if slices.Contains(s.props, key) {
			continue
		}
		if s.noExtra {
			v.fail(path, s.path+"/additionalProperties", "additionalProperties",
				param("additionalProperty", jsrt.Str(key)), "must NOT have additional properties")
			continue
		}
		k := key
		s.additional.validate(v, obj.Get(key), func(x jsrt.Value) { obj.Set(k, x) }, path+"/"+escapePointer(key))
	}
}

func checkProperties(s *schema, v *validation, data jsrt.Value, path string) {
	obj := data.Object()
	for _, key := range s.props {
		sub := s.sub[key]
		if len(sub.has) == 0 || (obj.Get(key).IsUndefined() && !(sub.has["default"] && v.o.useDefaults != "")) {
			continue
		}
		k := key
		sub.validate(v, obj.Get(key), func(x jsrt.Value) { obj.Set(k, x) }, path+"/"+escapePointer(key))
	}
}

// isType is ajv's checkDataType for one JSON type.
func isType(t string, d jsrt.Value) bool {
	finite := d.Kind() == jsrt.KindNumber && !math.IsInf(d.Float(), 0) && !math.IsNaN(d.Float())
	switch t {
	case "null":
		return d.Kind() == jsrt.KindNull
	case "array":
		return d.Kind() == jsrt.KindArray
	case "object":
		return d.Kind() == jsrt.KindObject
	case "integer":
		return finite && math.Trunc(d.Float()) == d.Float()
	case "number":
		return finite
	}
	return jsrt.ToString(jsrt.TypeOf(d)) == t
}
