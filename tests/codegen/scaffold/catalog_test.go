package catalog

// Drives every operation of tests/codegen/specs/params.yaml through the generated router with
// real API Gateway v1 and v2 events: parameter styles, validation problems, bodies, responses,
// middlewares and the error envelope.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
)

// handlers implements every operation the way a user would, echoing what it decoded.
func handlers() Handlers {
	return Handlers{
		ListItems: func(ctx context.Context, req ListItemsInput) (ListItemsOutput, error) {
			echo := Echo{"limit": req.Limit, "tag": req.Tag, "ids": req.IDs, "colors": req.Colors,
				"words": req.Words, "requestId": req.XRequestID, "flags": req.XFlags,
				"session": req.Session, "prefs": req.Prefs}
			if req.Sort != nil {
				echo["sort"] = *req.Sort
			}
			if req.Order != nil {
				echo["order"] = *req.Order
			}
			if req.Q != nil {
				echo["q"] = *req.Q
			}
			if req.Price != nil {
				echo["price"] = *req.Price
			}
			if req.Active != nil {
				echo["active"] = *req.Active
			}
			if req.Since != nil {
				echo["since"] = req.Since.UTC().Format(time.RFC3339)
			}
			return ListItems200{Body: echo, XTotal: 3, XNext: ptr("page-2")}, nil
		},
		ListMyItems: func(ctx context.Context, req ListMyItemsInput) (ListMyItemsOutput, error) {
			return ListMyItems200{Body: "mine"}, nil
		},
		GetItem: func(ctx context.Context, req GetItemInput) (GetItemOutput, error) {
			if req.ItemID == 404 {
				return GetItem404{Body: NotFound{Title: "no such item"}}, nil
			}
			claims, _ := ClaimsFrom[string](ctx)
			return GetItem200{Body: Item{Name: fmt.Sprintf("item %d %s", req.ItemID, claims), Price: 2.5, Kind: Kind("book")}}, nil
		},
		PutItem: func(ctx context.Context, req PutItemInput) (PutItemOutput, error) {
			if req.ItemID == 409 {
				return nil, NewError(409, "conflict", "item 409 is locked")
			}
			if req.ItemID == 422 {
				return PutItem4XX{Status: 422, Body: NotFound{Title: "unprocessable"}}, nil
			}
			return PutItem200{Body: req.Body}, nil
		},
		DeleteItem: func(ctx context.Context, req DeleteItemInput) (DeleteItemOutput, error) {
			if req.ItemID == 500 {
				return nil, errors.New("database password is hunter2")
			}
			return DeleteItem204{}, nil
		},
		GetItemTag: func(ctx context.Context, req GetItemTagInput) (GetItemTagOutput, error) {
			body := map[string]string{"tag": string(req.PathTag), "item": fmt.Sprint(req.ItemID)}
			if req.QueryTag != nil {
				body["query"] = *req.QueryTag
			}
			return GetItemTagDefault{Status: 202, Body: body}, nil
		},
		GetFile: func(ctx context.Context, req GetFileInput) (GetFileOutput, error) {
			return GetFile200{Body: append([]byte(req.Name), 0, 1, 255)}, nil
		},
		Upload: func(ctx context.Context, req UploadInput) (UploadOutput, error) {
			return Upload201{Body: fmt.Sprintf("%d bytes: %x", len(req.Body), req.Body)}, nil
		},
		PatchNotes: func(ctx context.Context, req PatchNotesInput) (PatchNotesOutput, error) {
			return PatchNotes200{Body: "notes: " + req.Body}, nil
		},
	}
}

var required = map[string]string{"X-Request-Id": "0f8fad5b-d9cb-469f-a165-70867728950e"}
var session = []string{"session=s3cret"}

func TestListItemsDecodesEveryStyle(t *testing.T) {
	router := NewRouter(handlers())
	for _, version := range versions {
		a := send(t, context.Background(), router, version, call{
			method: "GET", path: "/items",
			query: [][2]string{{"limit", "7"}, {"tag", "a"}, {"tag", "b c"}, {"ids", "1,2,3"}, {"sort", "desc"}, {"order", "asc"},
				{"q", "abc"}, {"price", "1.5"}, {"active", "true"}, {"since", "2026-11-24T08:00:00Z"},
				{"colors", "red|blue"}, {"words", "hello world"}},
			headers: map[string]string{"X-Request-Id": required["X-Request-Id"], "X-Flags": "x, y"},
			cookies: []string{"session=s3cret", "prefs=dark,compact"},
		})
		if a.StatusCode != 200 || a.header("X-Total") != "3" || a.header("X-Next") != "page-2" {
			t.Fatalf("%s: %d %v %s", version, a.StatusCode, a.Headers, a.Body)
		}
		want := map[string]any{"limit": 7.0, "tag": []any{"a", "b c"}, "ids": []any{1.0, 2.0, 3.0},
			"sort": "desc", "order": "asc", "q": "abc", "price": 1.5, "active": true, "since": "2026-11-24T08:00:00Z",
			"colors": []any{"red", "blue"}, "words": []any{"hello", "world"}, "requestId": required["X-Request-Id"],
			"flags": []any{"x", "y"}, "session": "s3cret", "prefs": []any{"dark", "compact"}}
		if got := a.json(t); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: decoded\n%v\nwant\n%v", version, got, want)
		}
	}
}

func TestDefaultsAndJoinedQueryValues(t *testing.T) {
	router := NewRouter(handlers())
	a := send(t, context.Background(), router, "v2", call{method: "GET", path: "/items", headers: required,
		cookies: session, query: [][2]string{{"tag", "a"}, {"tag", "b"}}, joined: true})
	got := a.json(t)
	if got["limit"] != 20.0 || !reflect.DeepEqual(got["tag"], []any{"a", "b"}) {
		t.Fatalf("default limit and comma-joined v2 values: %v", got)
	}
}

func TestValidationProblems(t *testing.T) {
	router := NewRouter(handlers())
	cases := []struct {
		name string
		c    call
		want map[string]string
	}{
		{"parameters", call{method: "GET", path: "/items", cookies: []string{"session=ab"},
			query: [][2]string{{"limit", "0"}, {"ids", "1,x"}, {"sort", "up"}, {"order", "sideways"}, {"q", "A"}, {"price", "0.75"},
				{"active", "yes"}, {"tag", "1"}, {"tag", "2"}, {"tag", "3"}, {"tag", "4"}, {"since", "yesterday"}}},
			map[string]string{"/query/limit": "minimum", "/query/ids/1": "type", "/query/sort": "enum",
				"/query/order": "enum", "/query/q": "pattern", "/query/price": "multipleOf", "/query/active": "type", "/query/tag": "maxItems",
				"/query/since": "type", "/header/X-Request-Id": "required", "/cookie/session": "minLength"}},
		{"limits", call{method: "GET", path: "/items", headers: required,
			query: [][2]string{{"limit", "101"}, {"q", "abcdefghijk"}, {"price", "0"}, {"ids", ""}}},
			map[string]string{"/query/limit": "maximum", "/query/q": "maxLength", "/query/price": "exclusiveMinimum",
				"/query/ids": "minItems", "/cookie/session": "required"}},
		{"repeated scalar", call{method: "GET", path: "/items", headers: required, cookies: session,
			query: [][2]string{{"limit", "1"}, {"limit", "2"}}}, map[string]string{"/query/limit": "single"}},
		{"path", call{method: "GET", path: "/items/0"}, map[string]string{"/path/itemId": "minimum"}},
		{"path type", call{method: "GET", path: "/items/seven"}, map[string]string{"/path/itemId": "type"}},
		{"path enum", call{method: "GET", path: "/items/1/tags/blue"}, map[string]string{"/path/tag": "enum"}},
		{"body rules", call{method: "PUT", path: "/items/5", headers: map[string]string{"Content-Type": "application/json"},
			body: `{"name":"","price":-1,"kind":"toy","tags":["a","b","c"]}`},
			map[string]string{"/body/name": "minLength", "/body/price": "minimum", "/body/kind": "enum", "/body/tags": "maxItems"}},
		{"body required property", call{method: "PUT", path: "/items/5", body: `{"name":"x","price":1}`},
			map[string]string{"/body/kind": "required"}},
		{"body type", call{method: "PUT", path: "/items/5", body: `{"name":"x","price":"cheap","kind":"book"}`},
			map[string]string{"/body/price": "type"}},
		{"body syntax", call{method: "PUT", path: "/items/5", body: `{"name":`}, map[string]string{"/body": "syntax"}},
		{"body missing", call{method: "PUT", path: "/items/5"}, map[string]string{"/body": "required"}},
	}
	for _, tc := range cases {
		for _, version := range versions {
			got := send(t, context.Background(), router, version, tc.c).problems(t)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s %s: problems %v, want %v", tc.name, version, got, tc.want)
			}
		}
	}
}

func TestRoutingAnswers(t *testing.T) {
	router := NewRouter(handlers())
	for _, version := range versions {
		a := send(t, context.Background(), router, version, call{method: "GET", path: "/nowhere"})
		if a.StatusCode != 404 || a.header("Content-Type") != "application/problem+json" {
			t.Fatalf("%s: 404: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "DELETE", path: "/items"})
		if a.StatusCode != 405 || a.header("Allow") != "GET, HEAD, OPTIONS" {
			t.Fatalf("%s: 405: %d %v", version, a.StatusCode, a.Headers)
		}
		a = send(t, context.Background(), router, version, call{method: "OPTIONS", path: "/items/3"})
		if a.StatusCode != 204 || a.header("Allow") != "DELETE, GET, HEAD, OPTIONS, PUT" {
			t.Fatalf("%s: OPTIONS: %d %v", version, a.StatusCode, a.Headers)
		}
		a = send(t, context.Background(), router, version, call{method: "GET", path: "/items/mine/"})
		if a.StatusCode != 200 || a.Body != "mine" || !strings.HasPrefix(a.header("Content-Type"), "text/plain") {
			t.Fatalf("%s: the literal /items/mine must beat /items/{itemId}: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "HEAD", path: "/items/mine"})
		if a.StatusCode != 200 || a.Body != "" {
			t.Fatalf("%s: HEAD: %d %q", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "GET", path: "/items/404"})
		if a.StatusCode != 404 || a.header("Content-Type") != "application/json" || a.json(t)["title"] != "no such item" {
			t.Fatalf("%s: typed 404: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "GET", path: "/items/12/tags/red", query: [][2]string{{"tag", "q"}}})
		if a.StatusCode != 202 || !reflect.DeepEqual(a.json(t), map[string]any{"tag": "red", "item": "12", "query": "q"}) {
			t.Fatalf("%s: default response with its own status: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "DELETE", path: "/items/3"})
		if a.StatusCode != 204 || a.Body != "" {
			t.Fatalf("%s: 204: %d %q", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "PUT", path: "/items/422", body: `{"name":"x","price":1,"kind":"game"}`})
		if a.StatusCode != 422 || a.json(t)["title"] != "unprocessable" {
			t.Fatalf("%s: 4XX response: %d %s", version, a.StatusCode, a.Body)
		}
	}
	a := send(t, context.Background(), router, "v2", call{method: "GET", path: "/items/mine", stage: "prod"})
	if a.StatusCode != 200 || a.Body != "mine" {
		t.Fatalf("v2 named stage: %d %s", a.StatusCode, a.Body)
	}
}

func TestBodies(t *testing.T) {
	router := NewRouter(handlers())
	for _, version := range versions {
		a := send(t, context.Background(), router, version, call{method: "PUT", path: "/items/5",
			headers: map[string]string{"Content-Type": "application/json; charset=utf-8"},
			body:    `{"name":"dune","price":9.5,"kind":"book","tags":["sf"]}`})
		if a.StatusCode != 200 || !reflect.DeepEqual(a.json(t), map[string]any{"name": "dune", "price": 9.5, "kind": "book", "tags": []any{"sf"}}) {
			t.Fatalf("%s: JSON round trip: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "PUT", path: "/items/5",
			headers: map[string]string{"Content-Type": "text/xml"}, body: "<item/>"})
		if a.StatusCode != 415 || a.header("Content-Type") != "application/problem+json" {
			t.Fatalf("%s: 415: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "POST", path: "/upload",
			headers: map[string]string{"Content-Type": "application/octet-stream"}, binary: []byte{0, 1, 2, 250, 255}})
		if a.StatusCode != 201 || a.Body != "5 bytes: 000102faff" || a.IsBase64Encoded {
			t.Fatalf("%s: base64 request body: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "GET", path: "/files/report.json"})
		raw, err := base64.StdEncoding.DecodeString(a.Body)
		if a.StatusCode != 200 || !a.IsBase64Encoded || err != nil || !bytes.Equal(raw, []byte("report\x00\x01\xff")) ||
			a.header("Content-Type") != "application/octet-stream" {
			t.Fatalf("%s: binary response: %d %v %s", version, a.StatusCode, a.IsBase64Encoded, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "PATCH", path: "/notes",
			headers: map[string]string{"Content-Type": "text/plain"}, body: "héllo"})
		if a.StatusCode != 200 || a.Body != "notes: héllo" {
			t.Fatalf("%s: text body: %d %s", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "PATCH", path: "/notes"})
		if a.StatusCode != 200 || a.Body != "notes: " {
			t.Fatalf("%s: optional body: %d %s", version, a.StatusCode, a.Body)
		}
	}
	bad := v1(t, call{method: "POST", path: "/upload"})
	bad = bytes.Replace(bad, []byte(`"isBase64Encoded":false`), []byte(`"isBase64Encoded":true`), 1)
	bad = bytes.Replace(bad, []byte(`"body":null`), []byte(`"body":"%%%"`), 1)
	out, _ := router.Invoke(context.Background(), bad)
	if !bytes.Contains(out, []byte(`"statusCode":400`)) || !bytes.Contains(out, []byte("base64")) {
		t.Fatalf("invalid base64: %s", out)
	}
}

func TestErrorEnvelope(t *testing.T) {
	var logs bytes.Buffer
	router := NewRouter(handlers(), WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))))
	traced := context.WithValue(context.Background(), "x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
	for _, version := range versions {
		a := send(t, traced, router, version, call{method: "PUT", path: "/items/409", body: `{"name":"x","price":1,"kind":"book"}`})
		want := map[string]any{"code": "conflict", "message": "item 409 is locked", "trace_id": "1-5759e988-bd862e3fe1be46a994272793"}
		if a.StatusCode != 409 || !reflect.DeepEqual(a.json(t), want) {
			t.Fatalf("%s: APIError: %d %s", version, a.StatusCode, a.Body)
		}
		lc := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-42"})
		a = send(t, lc, router, version, call{method: "DELETE", path: "/items/500"})
		got := a.json(t)
		if a.StatusCode != 500 || got["code"] != "internal_error" || got["trace_id"] != "req-42" || strings.Contains(a.Body, "hunter2") {
			t.Fatalf("%s: a plain error must answer 500 without its text: %d %s", version, a.StatusCode, a.Body)
		}
	}
	if !strings.Contains(logs.String(), "hunter2") {
		t.Fatalf("the router must log the hidden error: %q", logs.String())
	}
	stub := NewRouter(NewHandlers(&Service{}))
	a := send(t, context.Background(), stub, "v2", call{method: "GET", path: "/items/mine"})
	if a.StatusCode != 501 || a.json(t)["code"] != "not_implemented" {
		t.Fatalf("the user-owned stubs answer 501: %d %s", a.StatusCode, a.Body)
	}
}

type claims = string

func TestAuth(t *testing.T) {
	auth := AuthOptions[claims]{
		Verify: func(ctx context.Context, token string) (claims, error) {
			if token != "good" {
				return "", errors.New("bad signature")
			}
			return "alice", nil
		},
		Skip: func(ctx context.Context) bool { return OperationFrom(ctx) == "listMyItems" },
	}
	all := NewRouter(handlers(), WithMiddleware(Auth[*HTTPRequest, *HTTPResponse](auth)))
	h := handlers()
	h.GetItem = Chain(h.GetItem, Auth[GetItemInput, GetItemOutput](auth))
	one := NewRouter(h)
	for _, version := range versions {
		for _, router := range []*Router{all, one} {
			a := send(t, context.Background(), router, version, call{method: "GET", path: "/items/3"})
			if a.StatusCode != 401 || a.header("WWW-Authenticate") != `Bearer realm="api"` || a.json(t)["code"] != "unauthorized" {
				t.Fatalf("%s: missing token: %d %v %s", version, a.StatusCode, a.Headers, a.Body)
			}
			a = send(t, context.Background(), router, version, call{method: "GET", path: "/items/3", headers: map[string]string{"Authorization": "Bearer forged"}})
			if a.StatusCode != 401 || !strings.Contains(a.header("WWW-Authenticate"), `error="invalid_token"`) || strings.Contains(a.Body, "signature") {
				t.Fatalf("%s: bad token: %d %v %s", version, a.StatusCode, a.Headers, a.Body)
			}
			a = send(t, context.Background(), router, version, call{method: "GET", path: "/items/3", headers: map[string]string{"Authorization": "bearer good"}})
			if a.StatusCode != 200 || a.json(t)["name"] != "item 3 alice" {
				t.Fatalf("%s: good token, claims reach the handler: %d %s", version, a.StatusCode, a.Body)
			}
		}
		a := send(t, context.Background(), all, version, call{method: "GET", path: "/items/mine"})
		if a.StatusCode != 200 {
			t.Fatalf("%s: Skip lets public operations through: %d", version, a.StatusCode)
		}
	}
}

func TestRateLimit(t *testing.T) {
	now := time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)
	limit := RateLimit[*HTTPRequest, *HTTPResponse](RateLimitOptions{Rate: 0.5, Burst: 2, Now: func() time.Time { return now }})
	router := NewRouter(handlers(), WithMiddleware(limit))
	for i, version := range []string{"v1", "v2", "v1"} {
		a := send(t, context.Background(), router, version, call{method: "GET", path: "/items/mine"})
		if i < 2 && a.StatusCode != 200 {
			t.Fatalf("request %d within the burst: %d", i, a.StatusCode)
		}
		if i == 2 && (a.StatusCode != 429 || a.header("Retry-After") != "2" || a.json(t)["code"] != "rate_limited") {
			t.Fatalf("request past the burst: %d %v %s", a.StatusCode, a.Headers, a.Body)
		}
	}
	now = now.Add(2 * time.Second)
	if a := send(t, context.Background(), router, "v2", call{method: "GET", path: "/items/mine"}); a.StatusCode != 200 {
		t.Fatalf("a refilled token: %d", a.StatusCode)
	}
}

func TestAuditLines(t *testing.T) {
	var out bytes.Buffer
	audit := Audit[*HTTPRequest, *HTTPResponse](AuditOptions{Service: "catalog", Logger: NewLogger(&out, "catalog")})
	router := NewRouter(handlers(), WithMiddleware(audit))
	ctx := lambdacontext.NewContext(context.WithValue(context.Background(), "x-amzn-trace-id", "Root=1-abc-def;Sampled=1"),
		&lambdacontext.LambdaContext{AwsRequestID: "req-7", InvokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:catalog"})
	send(t, ctx, router, "v1", call{method: "GET", path: "/items/mine"})
	send(t, ctx, router, "v2", call{method: "GET", path: "/nowhere"})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one line per request: %q", out.String())
	}
	for i, line := range lines {
		var entry map[string]any
		if err := json.Unmarshal([]byte(line), &entry); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"level", "message", "service", "cold_start", "function_request_id", "xray_trace_id", "timestamp"} {
			if _, ok := entry[key]; !ok {
				t.Fatalf("audit line lacks %q: %s", key, line)
			}
		}
		if entry["level"] != "INFO" || entry["service"] != "catalog" || entry["function_request_id"] != "req-7" ||
			entry["xray_trace_id"] != "1-abc-def" || entry["cold_start"] != (i == 0) {
			t.Fatalf("audit line %d: %s", i, line)
		}
		if _, err := time.Parse(time.RFC3339, entry["timestamp"].(string)); err != nil {
			t.Fatalf("timestamp: %v", err)
		}
	}
	if !strings.Contains(lines[0], `"operation":"listMyItems"`) || !strings.Contains(lines[0], `"status":200`) ||
		!strings.Contains(lines[1], `"status":404`) {
		t.Fatalf("operation and status: %q", out.String())
	}
}
