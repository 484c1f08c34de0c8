package api

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"mime"
	"net/http"
	"reflect"
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
	problems    ValidationErrors
	unsupported string
}

func newDecoder(r *HTTPRequest, path map[string]string) *decoder {
	return &decoder{r: r, path: path}
}

func (d *decoder) add(pointer, rule, message string) {
	d.problems = append(d.problems, Problem{Pointer: pointer, Rule: rule, Message: message})
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
func decodeOne[T any](d *decoder, p param, parse func(string) (T, error)) (T, bool) {
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
	return v, true
}

// decodeList reads an array parameter in its style: form (exploded: repeated; else comma-separated),
// simple (comma-separated), spaceDelimited, pipeDelimited.
func decodeList[T any](d *decoder, p param, parse func(string) (T, error)) ([]T, bool) {
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
		out = append(out, v)
	}
	return out, len(d.problems) == before
}

// parseValue reads one parameter value into T: types that know their text form (time.Time,
// Date, ...) read it themselves; strings, integers, numbers and booleans (of any named type) are
// parsed strictly; anything else is read as JSON.
func parseValue[T any](s string) (T, error) {
	var v T
	if u, ok := any(&v).(encoding.TextUnmarshaler); ok {
		if err := u.UnmarshalText([]byte(s)); err != nil {
			return v, fmt.Errorf("is not a valid %T", v)
		}
		return v, nil
	}
	rv := reflect.ValueOf(&v).Elem()
	switch rv.Kind() {
	case reflect.String:
		rv.SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, rv.Type().Bits())
		if err != nil {
			if errors.Is(err, strconv.ErrRange) {
				return v, errors.New("is out of range")
			}
			return v, errors.New("is not an integer")
		}
		rv.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(s, 10, rv.Type().Bits())
		if err != nil {
			return v, errors.New("is not a non-negative integer")
		}
		rv.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, rv.Type().Bits())
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return v, errors.New("is not a number")
		}
		rv.SetFloat(f)
	case reflect.Bool:
		switch s {
		case "true":
			rv.SetBool(true)
		case "false":
			rv.SetBool(false)
		default:
			return v, errors.New("is not true or false")
		}
	default:
		if json.Unmarshal([]byte(s), &v) != nil {
			quoted, _ := json.Marshal(s)
			if err := json.Unmarshal(quoted, &v); err != nil {
				return v, fmt.Errorf("is not a valid %T", v)
			}
		}
	}
	return v, nil
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

// decodeJSONBody decodes and validates a JSON body into dst (a pointer); false when absent or
// invalid. Not generic: one body serves every operation.
func decodeJSONBody(d *decoder, dst any, required bool) bool {
	if !d.bodyPresent(required) {
		return false
	}
	if err := json.Unmarshal(d.r.Body, dst); err != nil {
		d.bodyProblems(err)
		return false
	}
	if validator, ok := dst.(interface{ Validate() error }); ok {
		if err := validator.Validate(); err != nil {
			d.bodyProblems(err)
			return false
		}
	}
	return true
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
	addError(&d.problems, "/body", err)
}
