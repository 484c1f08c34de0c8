package middy

import (
	"regexp"
	"slices"
	"strings"

	"migrate.local/port/jsrt"
)

// ajvOptions are the ajv options transpileSchema passes ({...middy's defaults, ...given}).
type ajvOptions struct {
	strict      bool
	coerce      string // "", "true" or "array"
	useDefaults string // "", "true" or "empty"
	major       int    // @middy/validator major: picks the ajv-formats version
}

// subsetKeywords are the JSON Schema keywords the shim implements.
var subsetKeywords = []string{
	"type", "properties", "required", "additionalProperties", "items", "enum", "const",
	"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
	"minItems", "maxItems", "pattern", "format", "default",
	"title", "description", "$comment", "examples", "readOnly", "writeOnly", "deprecated", "$id", "$schema",
}

// ajvKeywords are keywords ajv (with ajv-formats, ajv-keywords and ajv-errors, as middy sets it up)
// knows but the shim does not implement: a schema using one throws NotImplementedError.
var ajvKeywords = []string{
	"$ref", "$defs", "definitions", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
	"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
	"dependencies", "patternProperties", "propertyNames", "prefixItems", "contains", "minContains",
	"maxContains", "uniqueItems", "multipleOf", "minProperties", "maxProperties",
	"unevaluatedProperties", "unevaluatedItems", "contentMediaType", "contentEncoding", "contentSchema",
	"nullable", "discriminator", "errorMessage", "typeof", "instanceof", "range", "exclusiveRange",
	"regexp", "transform", "uniqueItemProperties", "allRequired", "anyRequired", "oneRequired",
	"patternRequired", "prohibited", "deepProperties", "deepRequired", "dynamicDefaults", "select",
	"selectCases", "selectDefault", "formatMinimum", "formatMaximum", "formatExclusiveMinimum",
	"formatExclusiveMaximum",
}

// ajvFormats are the formats of ajv-formats ("full") and ajv-formats-draft2019 that middy installs.
var ajvFormats = []string{
	"date", "time", "date-time", "iso-time", "iso-date-time", "duration", "uri", "uri-reference",
	"uri-template", "url", "email", "hostname", "ipv4", "ipv6", "regex", "uuid", "json-pointer",
	"json-pointer-uri-fragment", "relative-json-pointer", "byte", "int32", "int64", "float", "double",
	"password", "binary", "idn-email", "idn-hostname", "iri", "iri-reference",
}

func readAjvOptions(r *jsrt.Realm, given jsrt.Value, major int) ajvOptions {
	o := ajvOptions{strict: true, coerce: "array", useDefaults: "empty", major: major}
	if !given.IsObject() {
		return o
	}
	mode := func(v jsrt.Value) string {
		if v.Kind() == jsrt.KindString {
			return jsrt.ToString(v)
		}
		if jsrt.Truthy(v) {
			return "true"
		}
		return ""
	}
	for _, key := range given.Object().Keys() {
		v := given.Object().Get(key)
		switch key {
		case "strict":
			o.strict = jsrt.Truthy(v)
		case "coerceTypes":
			o.coerce = mode(v)
		case "allErrors":
			if !jsrt.Truthy(v) {
				jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str("ajv-errors: Ajv option allErrors must be true")))
			}
		case "useDefaults":
			o.useDefaults = mode(v)
		case "messages":
		default:
			jsrt.Throw(notImplemented(r, "ajv option "+key))
		}
	}
	return o
}

func notImplemented(r *jsrt.Realm, what string) jsrt.Value {
	return jsrt.NewError(r, "NotImplementedError",
		jsrt.Str("not translated to Go: @middy/validator "+what+" (see the migrate port report)"))
}

// schema is one compiled (sub)schema of the subset.
type schema struct {
	path       string     // its schema path ("#/properties/a")
	raw        jsrt.Value // the schema object, for error params
	types      []string   // the type keyword as a list (nil: no type keyword)
	props      []string   // properties, in schema order
	sub        map[string]*schema
	additional *schema // additionalProperties as a schema (nil: none)
	noExtra    bool    // additionalProperties: false
	items      *schema
	pattern    *regexp.Regexp
	format     func(string) bool
	has        map[string]bool // the keywords present
}

func compileSchema(r *jsrt.Realm, v jsrt.Value, o ajvOptions, path string) *schema {
	if v.Kind() != jsrt.KindObject {
		jsrt.Throw(notImplemented(r, "schema that is not an object at "+path))
	}
	s := &schema{path: path, raw: v, sub: map[string]*schema{}, has: map[string]bool{}}
	for _, key := range v.Object().Keys() {
		switch {
		case slices.Contains(subsetKeywords, key):
			s.has[key] = true
		case slices.Contains(ajvKeywords, key):
			jsrt.Throw(notImplemented(r, "keyword "+key+" at "+path))
		case o.strict:
			jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(`strict mode: unknown keyword: "`+key+`"`)))
		}
	}
	s.checkShapes(r)
	if o.strict {
		s.strictChecks(r, o)
	}
	s.compileKeywords(r, o)
	return s
}

// keywordKinds are the value kinds the subset's keywords take; ajv refuses other values when it
// validates the schema against its meta-schema, whose messages the shim does not reproduce.
var keywordKinds = map[string][]jsrt.Kind{
	"type": {jsrt.KindString, jsrt.KindArray}, "properties": {jsrt.KindObject}, "required": {jsrt.KindArray},
	"enum": {jsrt.KindArray}, "pattern": {jsrt.KindString}, "format": {jsrt.KindString},
	"additionalProperties": {jsrt.KindObject, jsrt.KindBoolean}, "items": {jsrt.KindObject},
	"minimum": {jsrt.KindNumber}, "maximum": {jsrt.KindNumber}, "exclusiveMinimum": {jsrt.KindNumber},
	"exclusiveMaximum": {jsrt.KindNumber}, "minLength": {jsrt.KindNumber}, "maxLength": {jsrt.KindNumber},
	"minItems": {jsrt.KindNumber}, "maxItems": {jsrt.KindNumber},
}

func (s *schema) checkShapes(r *jsrt.Realm) {
	for _, key := range subsetKeywords {
		if kinds, ok := keywordKinds[key]; ok && s.has[key] && !slices.Contains(kinds, s.get(key).Kind()) {
			jsrt.Throw(notImplemented(r, "schema with an invalid "+key+" at "+s.path))
		}
	}
}

// keywordTypes are the subset's keywords that apply to one type, in ajv's RULES.all order (the
// first one whose type the schema lacks is the one ajv's strictTypes names).
var keywordTypes = [][2]string{
	{"maximum", "number"}, {"minimum", "number"}, {"exclusiveMaximum", "number"}, {"exclusiveMinimum", "number"},
	{"maxLength", "string"}, {"minLength", "string"}, {"pattern", "string"}, {"required", "object"},
	{"maxItems", "array"}, {"minItems", "array"}, {"additionalProperties", "object"}, {"properties", "object"},
	{"items", "array"}, {"format", "number,string"},
}

// strictChecks are the compile-time refusals of ajv's strict mode that the subset can meet.
func (s *schema) strictChecks(r *jsrt.Realm, o ajvOptions) {
	refuse := func(msg string) { jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(msg))) }
	if s.path == "#" && s.has["default"] && o.useDefaults != "" {
		refuse("strict mode: default is ignored in the schema root")
	}
	types := s.typeList(r)
	if len(types) > 1 && !(len(types) == 2 && slices.Contains(types, "null")) {
		refuse(`strict mode: use allowUnionTypes to allow union type keyword at "` + s.path + `" (strictTypes)`)
	}
	for _, kt := range keywordTypes {
		applicable := slices.ContainsFunc(strings.Split(kt[1], ","), func(t string) bool {
			return slices.Contains(types, t) || (t == "number" && slices.Contains(types, "integer"))
		})
		if s.has[kt[0]] && !applicable {
			refuse(`strict mode: missing type "` + kt[1] + `" for keyword "` + kt[0] + `" at "` + s.path + `" (strictTypes)`)
		}
	}
	if !s.has["required"] {
		return
	}
	props := jsrt.Undefined
	if s.has["properties"] {
		props = s.get("properties")
	}
	for _, key := range s.get("required").Object().Items() {
		if jsrt.GetOpt(props, jsrt.ToString(key)).IsUndefined() {
			refuse(`strict mode: required property "` + jsrt.ToString(key) + `" is not defined at "` + s.path + `" (strictRequired)`)
		}
	}
}

// typeList is the type keyword as a list of JSON types (ajv's getSchemaTypes).
func (s *schema) typeList(r *jsrt.Realm) []string {
	if !s.has["type"] {
		return nil
	}
	t := s.get("type")
	list := []jsrt.Value{t}
	if t.Kind() == jsrt.KindArray {
		list = t.Object().Items()
	}
	var out []string
	for _, x := range list {
		name := jsrt.ToString(x)
		if !slices.Contains([]string{"string", "number", "integer", "boolean", "null", "object", "array"}, name) {
			jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str("type must be JSONType or JSONType[]: "+jsrt.ToString(t))))
		}
		out = append(out, name)
	}
	return out
}

func (s *schema) get(key string) jsrt.Value { return s.raw.Object().Get(key) }

func (s *schema) compileKeywords(r *jsrt.Realm, o ajvOptions) {
	s.types = s.typeList(r)
	if s.has["properties"] {
		props := s.get("properties")
		for _, key := range props.Object().Keys() {
			s.props = append(s.props, key)
			s.sub[key] = compileSchema(r, props.Object().Get(key), o, s.path+"/properties/"+escapeFragment(key))
		}
	}
	if s.has["additionalProperties"] {
		a := s.get("additionalProperties")
		switch {
		case a.Kind() == jsrt.KindBoolean:
			s.noExtra = !a.Boolean()
		case len(a.Object().Keys()) > 0:
			s.additional = compileSchema(r, a, o, s.path+"/additionalProperties")
		}
	}
	if s.has["items"] {
		s.items = compileSchema(r, s.get("items"), o, s.path+"/items")
	}
	if s.has["pattern"] {
		pat, err := jsrt.TranslateRegExp(jsrt.ToString(s.get("pattern")), "u")
		if err == nil {
			s.pattern, err = regexp.Compile(pat)
		}
		if err != nil {
			jsrt.Throw(notImplemented(r, "pattern "+jsrt.ToString(s.get("pattern"))+": "+err.Error()))
		}
	}
	if s.has["format"] {
		name := jsrt.ToString(s.get("format"))
		s.format = formatChecker(name, o.major)
		if s.format == nil && !slices.Contains(ajvFormats, name) {
			jsrt.Throw(jsrt.NewError(r, "Error", jsrt.Str(`unknown format "`+name+`" ignored in schema at path "`+s.path+`"`)))
		}
		if s.format == nil {
			jsrt.Throw(notImplemented(r, "format "+name+" at "+s.path))
		}
	}
}

// escapeFragment is ajv's schema-path escaping: JSON pointer, then encodeURIComponent.
func escapeFragment(key string) string {
	const keep = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()"
	out := make([]byte, 0, len(key))
	for _, b := range []byte(escapePointer(key)) {
		if slices.Contains([]byte(keep), b) {
			out = append(out, b)
		} else {
			out = append(out, '%', "0123456789ABCDEF"[b>>4], "0123456789ABCDEF"[b&15])
		}
	}
	return string(out)
}

// escapePointer escapes a key for a JSON pointer (~ → ~0, / → ~1).
func escapePointer(key string) string {
	out := make([]byte, 0, len(key))
	for _, b := range []byte(key) {
		switch b {
		case '~':
			out = append(out, '~', '0')
		case '/':
			out = append(out, '~', '1')
		default:
			out = append(out, b)
		}
	}
	return string(out)
}
