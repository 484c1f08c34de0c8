package api

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// param describes one operation parameter as the spec declares it.
type param struct {
	in       string // path, query, header or cookie
	name     string
	style    string // form, simple, spaceDelimited, pipeDelimited
	explode  bool
	required bool
}

func (p param) pointer() string { return "/" + p.in + "/" + escapePointer(p.name) }

// decoder reads one request's parameters and body, collecting every problem it finds.
type decoder struct {
	r           *HTTPRequest
	path        map[string]string
	problems    []ProblemError
	unsupported string
}

func newDecoder(r *HTTPRequest, path map[string]string) *decoder {
	return &decoder{r: r, path: path}
}

func (d *decoder) add(pointer, rule, detail string) {
	d.problems = append(d.problems, ProblemError{Pointer: pointer, Rule: rule, Detail: detail})
}

// err is nil, a 415 problem, or the 400 problem listing everything found.
func (d *decoder) err() error {
	if d.unsupported != "" {
		return newProblem(http.StatusUnsupportedMediaType, d.unsupported)
	}
	if len(d.problems) > 0 {
		return invalidRequest(d.problems)
	}
	return nil
}

// raw is every value the request gives for p, before splitting.
func (d *decoder) raw(p param) []string {
	switch p.in {
	case "path":
		if value, ok := d.path[p.name]; ok {
			return []string{value}
		}
	case "query":
		return d.r.Query[p.name]
	case "header":
		return d.r.Header.Values(p.name)
	case "cookie":
		var values []string
		for _, c := range d.r.Cookies {
			if c.Name == p.name {
				values = append(values, c.Value)
			}
		}
		return values
	}
	return nil
}

// decodeOne reads a scalar parameter; false when it is absent or invalid (problems are recorded).
func decodeOne[T any](d *decoder, p param, parse func(string) (T, error), check func(d *decoder, ptr string, v T)) (T, bool) {
	var zero T
	values := d.raw(p)
	if len(values) == 0 {
		if p.required {
			d.add(p.pointer(), "required", fmt.Sprintf("the %s parameter %s is required", p.in, p.name))
		}
		return zero, false
	}
	if len(values) > 1 && p.in == "query" {
		d.add(p.pointer(), "single", fmt.Sprintf("the query parameter %s must be given once", p.name))
		return zero, false
	}
	v, err := parse(values[0])
	if err != nil {
		d.add(p.pointer(), "type", fmt.Sprintf("%q %s", values[0], err.Error()))
		return zero, false
	}
	if check != nil {
		before := len(d.problems)
		check(d, p.pointer(), v)
		if len(d.problems) > before {
			return zero, false
		}
	}
	return v, true
}

// decodeList reads an array parameter in its style: form (exploded: repeated; else comma-separated),
// simple (comma-separated), spaceDelimited, pipeDelimited.
func decodeList[T any](d *decoder, p param, parse func(string) (T, error), check func(d *decoder, ptr string, v T)) ([]T, bool) {
	values := d.raw(p)
	if len(values) == 0 {
		if p.required {
			d.add(p.pointer(), "required", fmt.Sprintf("the %s parameter %s is required", p.in, p.name))
		}
		return nil, false
	}
	separator := ","
	switch p.style {
	case "spaceDelimited":
		separator = " "
	case "pipeDelimited":
		separator = "|"
	}
	var items []string
	if p.explode && p.in != "header" && p.in != "path" && !d.r.queryJoined {
		items = values
	} else {
		for _, value := range values {
			for _, item := range strings.Split(value, separator) {
				if p.in == "header" {
					item = strings.TrimSpace(item)
				}
				items = append(items, item)
			}
		}
	}
	if len(items) == 1 && items[0] == "" {
		items = nil
	}
	out := make([]T, 0, len(items))
	before := len(d.problems)
	for i, item := range items {
		ptr := p.pointer() + "/" + strconv.Itoa(i)
		v, err := parse(item)
		if err != nil {
			d.add(ptr, "type", fmt.Sprintf("%q %s", item, err.Error()))
			continue
		}
		if check != nil {
			check(d, ptr, v)
		}
		out = append(out, v)
	}
	return out, len(d.problems) == before
}

func parseString[T ~string](s string) (T, error) { return T(s), nil }

func parseInt[T ~int | ~int8 | ~int16 | ~int32 | ~int64](s string) (T, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || int64(T(n)) != n {
		if err == nil || errors.Is(err, strconv.ErrRange) {
			return 0, errors.New("is out of range")
		}
		return 0, errors.New("is not an integer")
	}
	return T(n), nil
}

func parseFloat[T ~float32 | ~float64](s string) (T, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, errors.New("is not a number")
	}
	return T(f), nil
}

func parseBool[T ~bool](s string) (T, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errors.New("is not true or false")
}

// parseText reads types that know their text form (time.Time, Date, ...), else JSON.
func parseText[T any](s string) (T, error) {
	var v T
	if u, ok := any(&v).(encoding.TextUnmarshaler); ok {
		if err := u.UnmarshalText([]byte(s)); err != nil {
			return v, fmt.Errorf("is not a valid %T", v)
		}
		return v, nil
	}
	if json.Unmarshal([]byte(s), &v) == nil {
		return v, nil
	}
	quoted, _ := json.Marshal(s)
	if err := json.Unmarshal(quoted, &v); err != nil {
		return v, fmt.Errorf("is not a valid %T", v)
	}
	return v, nil
}

func (d *decoder) length(ptr string, s string, min, max int) {
	n := utf8.RuneCountInString(s)
	if min >= 0 && n < min {
		d.add(ptr, "minLength", fmt.Sprintf("must be at least %d characters long", min))
	}
	if max >= 0 && n > max {
		d.add(ptr, "maxLength", fmt.Sprintf("must be at most %d characters long", max))
	}
}

func (d *decoder) pattern(ptr string, s string, re *regexp.Regexp) {
	if !re.MatchString(s) {
		d.add(ptr, "pattern", fmt.Sprintf("must match %s", re.String()))
	}
}

func (d *decoder) minimum(ptr string, v, min float64, exclusive bool) {
	if exclusive && v <= min {
		d.add(ptr, "exclusiveMinimum", fmt.Sprintf("must be greater than %v", min))
	} else if !exclusive && v < min {
		d.add(ptr, "minimum", fmt.Sprintf("must be at least %v", min))
	}
}

func (d *decoder) maximum(ptr string, v, max float64, exclusive bool) {
	if exclusive && v >= max {
		d.add(ptr, "exclusiveMaximum", fmt.Sprintf("must be less than %v", max))
	} else if !exclusive && v > max {
		d.add(ptr, "maximum", fmt.Sprintf("must be at most %v", max))
	}
}

func (d *decoder) multipleOf(ptr string, v, m float64) {
	if q := v / m; math.Abs(q-math.Round(q)) > 1e-9 {
		d.add(ptr, "multipleOf", fmt.Sprintf("must be a multiple of %v", m))
	}
}

func (d *decoder) items(ptr string, n, min, max int) {
	if min >= 0 && n < min {
		d.add(ptr, "minItems", fmt.Sprintf("must have at least %d items", min))
	}
	if max >= 0 && n > max {
		d.add(ptr, "maxItems", fmt.Sprintf("must have at most %d items", max))
	}
}

func (d *decoder) enum(ptr string, valid bool, allowed string) {
	if !valid {
		d.add(ptr, "enum", "must be one of "+allowed)
	}
}

// accepts checks the request's Content-Type against the operation's media types ("*/*",
// "application/*" and "+json" suffixes allowed); a missing Content-Type is taken as the first.
func (d *decoder) accepts(mediaTypes ...string) bool {
	header := d.r.Header.Get("Content-Type")
	if header == "" || len(d.r.Body) == 0 {
		return true
	}
	given, _, err := mime.ParseMediaType(header)
	if err == nil {
		for _, declared := range mediaTypes {
			if declared == given || declared == "*/*" ||
				(strings.HasSuffix(declared, "/*") && strings.HasPrefix(given, strings.TrimSuffix(declared, "*"))) ||
				(declared == "application/json" && strings.HasSuffix(given, "+json")) {
				return true
			}
		}
	}
	d.unsupported = fmt.Sprintf("the request body must be %s, not %s", strings.Join(mediaTypes, " or "), header)
	return false
}

func (d *decoder) bodyPresent(required bool) bool {
	if len(d.r.Body) > 0 {
		return true
	}
	if required {
		d.add("/body", "required", "the request body is required")
	}
	return false
}

// decodeJSONBody decodes and validates a JSON body into T; false when absent or invalid.
func decodeJSONBody[T any](d *decoder, required bool) (T, bool) {
	var v T
	if !d.bodyPresent(required) {
		return v, false
	}
	if err := json.Unmarshal(d.r.Body, &v); err != nil {
		d.bodyProblems(err)
		return v, false
	}
	if validator, ok := any(&v).(interface{ Validate() error }); ok {
		if err := validator.Validate(); err != nil {
			d.bodyProblems(err)
			return v, false
		}
	}
	return v, true
}

func decodeTextBody(d *decoder, required bool) (string, bool) {
	if !d.bodyPresent(required) {
		return "", false
	}
	if !utf8.Valid(d.r.Body) {
		d.add("/body", "type", "the request body is not UTF-8 text")
		return "", false
	}
	return string(d.r.Body), true
}

func decodeBytesBody(d *decoder, required bool) ([]byte, bool) {
	if !d.bodyPresent(required) {
		return nil, false
	}
	return d.r.Body, true
}

// bodyProblems records why a body did not decode or validate, located inside /body.
func (d *decoder) bodyProblems(err error) {
	if located := validationProblems(err); len(located) > 0 {
		for _, p := range located {
			p.Pointer = "/body" + p.Pointer
			d.problems = append(d.problems, p)
		}
		return
	}
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		d.add("/body", "json", fmt.Sprintf("the body is not valid JSON (byte %d): %s", syntax.Offset, syntax.Error()))
	case errors.As(err, &typeErr):
		ptr := "/body"
		if typeErr.Field != "" {
			for _, token := range strings.Split(typeErr.Field, ".") {
				ptr += "/" + escapePointer(token)
			}
		}
		d.add(ptr, "type", fmt.Sprintf("must be %s, not %s", jsonKind(typeErr.Type.Kind().String()), typeErr.Value))
	default:
		d.add("/body", "json", err.Error())
	}
}

func jsonKind(goKind string) string {
	switch {
	case strings.HasPrefix(goKind, "int"), strings.HasPrefix(goKind, "uint"):
		return "an integer"
	case strings.HasPrefix(goKind, "float"):
		return "a number"
	case goKind == "bool":
		return "a boolean"
	case goKind == "string":
		return "a string"
	case goKind == "slice", goKind == "array":
		return "an array"
	default:
		return "an object"
	}
}
