package api

import (
	"encoding"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// output is what every operation's response type implements: the status it is sent with. Its
// wire form comes from its fields (see encodeResponse).
type output interface {
	StatusCode() int
}

// refuse answers a request the route cannot serve: the problems found while decoding it (400),
// else 501 for an operation without a handler.
func refuse(problems error, operation string) (*HTTPResponse, error) {
	if problems != nil {
		return nil, problems
	}
	return nil, NotImplemented(operation)
}

// respond encodes what an operation's handler returned. Every route's serve closure ends here, so
// the generated code holds no per-operation copy of it.
func respond(operation string, resp output, err error) (*HTTPResponse, error) {
	if err != nil {
		return nil, err
	}
	if resp == nil {
		return nil, fmt.Errorf("operation %s returned neither a response nor an error", operation)
	}
	return encodeResponse(resp)
}

// encodeResponse writes a generated response type by its fields: the status from StatusCode, each
// field tagged `header:"Name"` as that header (",optional": left out when nil), the field tagged
// `body:"json|text|bytes"` as the body (`media:` its media type; a ContentType field overrides it
// for bytes). One reflective body serves every response type of every operation.
func encodeResponse(o output) (*HTTPResponse, error) {
	status := o.StatusCode()
	v := reflect.ValueOf(o)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	header := http.Header{}
	var body reflect.Value
	var kind, contentType string
	for i := range v.NumField() {
		field, x := v.Type().Field(i), v.Field(i)
		if name, ok := field.Tag.Lookup("header"); ok {
			name, optional := strings.CutSuffix(name, ",optional")
			if optional && isNilValue(x) {
				continue
			}
			if optional && x.Kind() == reflect.Pointer {
				x = x.Elem()
			}
			header.Set(name, formatHeader(x.Interface()))
		} else if k, ok := field.Tag.Lookup("body"); ok {
			body, kind, contentType = x, k, field.Tag.Get("media")
		}
	}
	switch kind {
	case "json":
		return jsonResponse(status, header, body.Interface())
	case "text":
		return textResponse(status, header, contentType, body.String())
	case "bytes":
		if override := v.FieldByName("ContentType"); override.IsValid() && override.String() != "" {
			contentType = override.String()
		}
		return bytesResponse(status, header, contentType, body.Bytes())
	}
	return emptyResponse(status, header)
}

// isNilValue reports whether x is a nil pointer, slice, map or interface (an optional header left out).
func isNilValue(x reflect.Value) bool {
	switch x.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return x.IsNil()
	}
	return false
}

func statusOr(status, fallback int) int {
	if status == 0 {
		return fallback
	}
	return status
}

func jsonResponse(status int, header http.Header, body any) (*HTTPResponse, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("encoding the %d response body: %w", status, err)
	}
	header.Set("Content-Type", "application/json")
	return &HTTPResponse{Status: status, Header: header, Body: data}, nil
}

func textResponse(status int, header http.Header, contentType, body string) (*HTTPResponse, error) {
	header.Set("Content-Type", contentType)
	return &HTTPResponse{Status: status, Header: header, Body: []byte(body)}, nil
}

func bytesResponse(status int, header http.Header, contentType string, body []byte) (*HTTPResponse, error) {
	header.Set("Content-Type", contentType)
	return &HTTPResponse{Status: status, Header: header, Body: body}, nil
}

func emptyResponse(status int, header http.Header) (*HTTPResponse, error) {
	return &HTTPResponse{Status: status, Header: header}, nil
}

// formatHeader writes a header value in the simple style: arrays comma-separated.
func formatHeader(v any) string {
	switch value := v.(type) {
	case string:
		return value
	case time.Time:
		return value.Format(time.RFC3339Nano)
	case encoding.TextMarshaler:
		text, err := value.MarshalText()
		if err == nil {
			return string(text)
		}
	case fmt.Stringer:
		return value.String()
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice || rv.Kind() == reflect.Array {
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = formatHeader(rv.Index(i).Interface())
		}
		return strings.Join(parts, ",")
	}
	return fmt.Sprint(v)
}
