package api

import (
	"encoding/base64"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// HTTPRequest is one API Gateway request, whichever payload version brought it.
type HTTPRequest struct {
	// Method is the upper-case HTTP method.
	Method string
	// Path is the request path as routed: stage prefix and base path removed, still percent-encoded
	// where API Gateway left it so.
	Path string
	// Header holds every header under its canonical key.
	Header http.Header
	// Query holds every query parameter value, in order.
	Query url.Values
	// Cookies are the request's cookies (v2 "cookies", v1 "Cookie" headers).
	Cookies []*http.Cookie
	// Body is the request body, decoded from base64 when API Gateway encoded it.
	Body []byte
	// RequestID is API Gateway's request id.
	RequestID string
	// SourceIP is the client address API Gateway saw.
	SourceIP string
	// V1 is the original REST API (payload 1.0) event, when it was one.
	V1 *events.APIGatewayProxyRequest
	// V2 is the original HTTP API (payload 2.0) event, when it was one.
	V2 *events.APIGatewayV2HTTPRequest

	// queryJoined: API Gateway joined repeated query values with commas (v2 without rawQueryString).
	queryJoined bool
}

// HTTPResponse is one answer, converted to the request's payload version by the router.
type HTTPResponse struct {
	// Status is the HTTP status code.
	Status int
	// Header holds the response headers; Set-Cookie values become v2 "cookies".
	Header http.Header
	// Body is the response body; a body whose Content-Type is not text is sent base64-encoded.
	Body []byte
}

// StatusCode returns the response's status (the audit middleware reads it).
func (r *HTTPResponse) StatusCode() int { return r.Status }

func decodeBody(body string, encoded bool) ([]byte, error) {
	if !encoded {
		return []byte(body), nil
	}
	return base64.StdEncoding.DecodeString(body)
}

// requestFromV1 reads a REST API (or HTTP API payload 1.0) event.
func requestFromV1(e *events.APIGatewayProxyRequest) (*HTTPRequest, error) {
	r := &HTTPRequest{
		Method:    strings.ToUpper(e.HTTPMethod),
		Path:      e.Path,
		Header:    http.Header{},
		Query:     url.Values{},
		RequestID: e.RequestContext.RequestID,
		SourceIP:  e.RequestContext.Identity.SourceIP,
		V1:        e,
	}
	if len(e.MultiValueHeaders) > 0 {
		for key, values := range e.MultiValueHeaders {
			r.Header[http.CanonicalHeaderKey(key)] = append([]string(nil), values...)
		}
	} else {
		for key, value := range e.Headers {
			r.Header.Set(key, value)
		}
	}
	if len(e.MultiValueQueryStringParameters) > 0 {
		for key, values := range e.MultiValueQueryStringParameters {
			r.Query[key] = append([]string(nil), values...)
		}
	} else {
		for key, value := range e.QueryStringParameters {
			r.Query.Set(key, value)
		}
	}
	for _, line := range r.Header.Values("Cookie") {
		r.Cookies = append(r.Cookies, parseCookies(strings.Split(line, ";"))...)
	}
	body, err := decodeBody(e.Body, e.IsBase64Encoded)
	r.Body = body
	return r, err
}

// requestFromV2 reads an HTTP API payload 2.0 event.
func requestFromV2(e *events.APIGatewayV2HTTPRequest) (*HTTPRequest, error) {
	r := &HTTPRequest{
		Method:    strings.ToUpper(e.RequestContext.HTTP.Method),
		Path:      e.RawPath,
		Header:    http.Header{},
		Query:     url.Values{},
		RequestID: e.RequestContext.RequestID,
		SourceIP:  e.RequestContext.HTTP.SourceIP,
		Cookies:   parseCookies(e.Cookies),
		V2:        e,
	}
	if r.Path == "" {
		r.Path = e.RequestContext.HTTP.Path
	}
	// A named stage is the first segment of rawPath; $default has none.
	if stage := e.RequestContext.Stage; stage != "" && stage != "$default" {
		if rest, ok := strings.CutPrefix(r.Path, "/"+stage); ok && (rest == "" || rest[0] == '/') {
			r.Path = rest
		}
	}
	for key, value := range e.Headers {
		r.Header.Set(key, value)
	}
	if e.RawQueryString != "" {
		// url.ParseQuery keeps every well-formed pair even when it reports a malformed one.
		r.Query, _ = url.ParseQuery(e.RawQueryString)
	} else {
		for key, value := range e.QueryStringParameters {
			r.Query.Set(key, value)
		}
		r.queryJoined = true
	}
	body, err := decodeBody(e.Body, e.IsBase64Encoded)
	r.Body = body
	return r, err
}

// parseCookies reads "name=value" pairs leniently: surrounding spaces and quotes are dropped.
func parseCookies(pairs []string) []*http.Cookie {
	var cookies []*http.Cookie
	for _, pair := range pairs {
		name, value, _ := strings.Cut(strings.TrimSpace(pair), "=")
		if name == "" {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) > 1 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
		}
		cookies = append(cookies, &http.Cookie{Name: name, Value: value})
	}
	return cookies
}

// isText says whether a body of this media type travels as a plain string.
func isText(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return contentType == ""
	}
	return strings.HasPrefix(mediaType, "text/") || strings.HasSuffix(mediaType, "json") ||
		strings.HasSuffix(mediaType, "xml") || mediaType == "application/x-www-form-urlencoded" ||
		mediaType == "application/javascript"
}

func encodeBody(r *HTTPResponse) (string, bool) {
	if len(r.Body) == 0 {
		return "", false
	}
	if isText(r.Header.Get("Content-Type")) {
		return string(r.Body), false
	}
	return base64.StdEncoding.EncodeToString(r.Body), true
}

// toV1 is the REST API answer: single headers in "headers", repeated ones in "multiValueHeaders".
func (r *HTTPResponse) toV1() events.APIGatewayProxyResponse {
	out := events.APIGatewayProxyResponse{StatusCode: r.Status, Headers: map[string]string{}}
	for key, values := range r.Header {
		if len(values) == 1 {
			out.Headers[key] = values[0]
		} else if len(values) > 1 {
			if out.MultiValueHeaders == nil {
				out.MultiValueHeaders = map[string][]string{}
			}
			out.MultiValueHeaders[key] = values
		}
	}
	out.Body, out.IsBase64Encoded = encodeBody(r)
	return out
}

// toV2 is the HTTP API answer: repeated headers comma-joined, Set-Cookie values in "cookies".
func (r *HTTPResponse) toV2() events.APIGatewayV2HTTPResponse {
	out := events.APIGatewayV2HTTPResponse{StatusCode: r.Status, Headers: map[string]string{}}
	keys := make([]string, 0, len(r.Header))
	for key := range r.Header {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		if key == "Set-Cookie" {
			out.Cookies = append(out.Cookies, r.Header[key]...)
		} else if len(r.Header[key]) > 0 {
			out.Headers[key] = strings.Join(r.Header[key], ",")
		}
	}
	out.Body, out.IsBase64Encoded = encodeBody(r)
	return out
}
