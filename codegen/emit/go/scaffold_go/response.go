package api

import (
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"time"
)

// output is what every operation's response type implements: its status and its wire form.
type output interface {
	StatusCode() int
	encode() (*HTTPResponse, error)
}

// serveOperation decodes and validates the request, calls the handler and encodes its response.
// Problems found while decoding answer 400 before the handler runs; a nil handler answers 501.
func serveOperation[Req any, Resp output](ctx context.Context, r *HTTPRequest, path map[string]string, operation string, decode func(*decoder) Req, h HandlerFunc[Req, Resp]) (*HTTPResponse, error) {
	d := newDecoder(r, path)
	req := decode(d)
	if err := d.err(); err != nil {
		return nil, err
	}
	if h == nil {
		return nil, NotImplemented(operation)
	}
	resp, err := h(ctx, req)
	if err != nil {
		return nil, err
	}
	if any(resp) == nil {
		return nil, fmt.Errorf("operation %s returned neither a response nor an error", operation)
	}
	return resp.encode()
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
