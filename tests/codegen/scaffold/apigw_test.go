package scaffoldtest

// Helpers shared by the scaffold tests: real API Gateway events (testdata/, copied from
// golden/data/events) changed per case, invoked through Router.Invoke as Lambda would.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"
)

// call is one HTTP request a test sends, in either payload version.
type call struct {
	method  string
	path    string
	query   [][2]string // in order; repeated names allowed
	headers map[string]string
	cookies []string // "name=value"
	body    string
	binary  []byte // sent base64-encoded when set
	stage   string // v2: a named stage prefixes rawPath
	joined  bool   // v2: leave rawQueryString empty (API Gateway's comma-joined values only)
}

// answer is the response JSON of either version.
type answer struct {
	StatusCode        int                 `json:"statusCode"`
	Headers           map[string]string   `json:"headers"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Body              string              `json:"body"`
	IsBase64Encoded   bool                `json:"isBase64Encoded"`
	Cookies           []string            `json:"cookies"`
}

// header finds a response header case-insensitively in either version's maps.
func (a answer) header(name string) string {
	for k, v := range a.Headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	for k, v := range a.MultiValueHeaders {
		if strings.EqualFold(k, name) {
			return strings.Join(v, ",")
		}
	}
	return ""
}

func (a answer) json(t *testing.T) map[string]any {
	t.Helper()
	var out map[string]any
	if err := json.Unmarshal([]byte(a.Body), &out); err != nil {
		t.Fatalf("body is not a JSON object: %v: %q", err, a.Body)
	}
	return out
}

// problems are the pointer → rule pairs of a problem+json answer.
func (a answer) problems(t *testing.T) map[string]string {
	t.Helper()
	if a.StatusCode != 400 || a.header("Content-Type") != "application/problem+json" {
		t.Fatalf("want a 400 problem+json, got %d %q %s", a.StatusCode, a.header("Content-Type"), a.Body)
	}
	var problem struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
		Detail string `json:"detail"`
		Errors []struct {
			Pointer string `json:"pointer"`
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"errors"`
		Instance string `json:"instance"`
	}
	if err := json.Unmarshal([]byte(a.Body), &problem); err != nil {
		t.Fatal(err)
	}
	if problem.Status != 400 || problem.Type == "" || problem.Title == "" || problem.Detail == "" || problem.Instance == "" {
		t.Fatalf("incomplete problem: %s", a.Body)
	}
	out := map[string]string{}
	for _, e := range problem.Errors {
		if e.Message == "" {
			t.Fatalf("problem without message: %s", a.Body)
		}
		out[e.Pointer] = e.Rule
	}
	return out
}

func baseEvent(t *testing.T, file string) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var event map[string]any
	if err := json.Unmarshal(data, &event); err != nil {
		t.Fatal(err)
	}
	return event
}

// v1 is a REST API proxy event (payload 1.0) for c, built on a real captured event.
func v1(t *testing.T, c call) []byte {
	t.Helper()
	e := baseEvent(t, "api-gateway-rest.json")
	e["httpMethod"] = c.method
	e["path"] = c.path
	e["resource"] = c.path
	ctx := e["requestContext"].(map[string]any)
	ctx["httpMethod"] = c.method
	ctx["path"] = "/prod" + c.path
	headers := map[string]any{}
	multi := map[string]any{}
	for k, v := range e["headers"].(map[string]any) {
		if k != "Authorization" {
			headers[k] = v
			multi[k] = []any{v}
		}
	}
	for k, v := range c.headers {
		headers[k] = v
		multi[k] = []any{v}
	}
	if len(c.cookies) > 0 {
		headers["Cookie"] = strings.Join(c.cookies, "; ")
		multi["Cookie"] = []any{headers["Cookie"]}
	}
	e["headers"], e["multiValueHeaders"] = headers, multi
	single := map[string]any{}
	values := map[string]any{}
	for _, kv := range c.query {
		single[kv[0]] = kv[1]
		list, _ := values[kv[0]].([]any)
		values[kv[0]] = append(list, kv[1])
	}
	e["queryStringParameters"], e["multiValueQueryStringParameters"] = single, values
	if len(c.query) == 0 {
		e["queryStringParameters"], e["multiValueQueryStringParameters"] = nil, nil
	}
	e["pathParameters"] = nil
	setBody(e, c)
	return encode(t, e)
}

// v2 is an HTTP API event (payload 2.0) for c, built on a real captured event.
func v2(t *testing.T, c call) []byte {
	t.Helper()
	e := baseEvent(t, "api-gateway-http.json")
	rawPath := c.path
	ctx := e["requestContext"].(map[string]any)
	if c.stage != "" {
		rawPath = "/" + c.stage + c.path
		ctx["stage"] = c.stage
	}
	e["rawPath"] = rawPath
	e["routeKey"] = "$default"
	ctx["routeKey"] = "$default"
	httpCtx := ctx["http"].(map[string]any)
	httpCtx["method"] = c.method
	httpCtx["path"] = rawPath
	headers := map[string]any{}
	for k, v := range e["headers"].(map[string]any) {
		if k != "authorization" && k != "content-type" {
			headers[k] = v
		}
	}
	for k, v := range c.headers {
		headers[strings.ToLower(k)] = v
	}
	e["headers"] = headers
	raw := make([]string, 0, len(c.query))
	joined := map[string]any{}
	for _, kv := range c.query {
		raw = append(raw, url.QueryEscape(kv[0])+"="+url.QueryEscape(kv[1]))
		if prev, ok := joined[kv[0]].(string); ok {
			joined[kv[0]] = prev + "," + kv[1]
		} else {
			joined[kv[0]] = kv[1]
		}
	}
	e["rawQueryString"] = strings.Join(raw, "&")
	if c.joined {
		e["rawQueryString"] = ""
	}
	e["queryStringParameters"] = joined
	if len(c.query) == 0 {
		e["queryStringParameters"] = nil
	}
	e["cookies"] = c.cookies
	setBody(e, c)
	return encode(t, e)
}

func setBody(e map[string]any, c call) {
	switch {
	case c.binary != nil:
		e["body"], e["isBase64Encoded"] = base64.StdEncoding.EncodeToString(c.binary), true
	case c.body != "":
		e["body"], e["isBase64Encoded"] = c.body, false
	default:
		e["body"], e["isBase64Encoded"] = nil, false
	}
}

func encode(t *testing.T, e map[string]any) []byte {
	t.Helper()
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// invoker is what the tests call: Router.Invoke, the lambda.Handler that lambda.Start runs.
type invoker interface {
	Invoke(ctx context.Context, payload []byte) ([]byte, error)
}

// send invokes r with c as the given version ("v1" or "v2") and decodes the answer.
func send(t *testing.T, ctx context.Context, r invoker, version string, c call) answer {
	t.Helper()
	payload := v1(t, c)
	if version == "v2" {
		payload = v2(t, c)
	}
	out, err := r.Invoke(ctx, payload)
	if err != nil {
		t.Fatalf("%s %s %s: %v", version, c.method, c.path, err)
	}
	var a answer
	if err := json.Unmarshal(out, &a); err != nil {
		t.Fatal(err)
	}
	if version == "v1" && a.Cookies != nil {
		t.Fatalf("a v1 answer has cookies: %s", out)
	}
	if version == "v2" && a.MultiValueHeaders != nil {
		t.Fatalf("a v2 answer has multiValueHeaders: %s", out)
	}
	return a
}

var versions = []string{"v1", "v2"}

func ptr[T any](v T) *T { return &v }
