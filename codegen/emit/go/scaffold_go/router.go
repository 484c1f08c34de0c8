package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// segment is one part of a path template: a literal, a whole-segment parameter, or a pattern
// such as "{name}.json".
type segment struct {
	literal string
	param   string
	pattern *regexp.Regexp
	names   []string
}

// route binds a method and a path template to an operation. Routes are listed most specific
// first: at the first segment where two templates differ, a literal beats a pattern, which beats
// a parameter.
type route struct {
	method    string
	template  string
	operation string
	segments  []segment
	serve     func(ctx context.Context, r *HTTPRequest, path map[string]string) (*HTTPResponse, error)
}

func (rt route) match(parts []string) (map[string]string, bool) {
	if len(parts) != len(rt.segments) {
		return nil, false
	}
	var params map[string]string
	bind := func(name, raw string) {
		if params == nil {
			params = map[string]string{}
		}
		if value, err := url.PathUnescape(raw); err == nil {
			raw = value
		}
		params[name] = raw
	}
	for i, seg := range rt.segments {
		switch {
		case seg.pattern != nil:
			found := seg.pattern.FindStringSubmatch(parts[i])
			if found == nil {
				return nil, false
			}
			for j, name := range seg.names {
				bind(name, found[j+1])
			}
		case seg.param != "":
			if parts[i] == "" {
				return nil, false
			}
			bind(seg.param, parts[i])
		case seg.literal != parts[i]:
			return nil, false
		}
	}
	return params, true
}

type requestKey struct{}
type operationKey struct{}
type matchKey struct{}

// match is the routing result the innermost router handler acts on.
type match struct {
	route   *route
	params  map[string]string
	allowed []string
	path    string
}

// RequestFrom is the raw request being served, for middlewares and handlers; nil outside the router.
func RequestFrom(ctx context.Context) *HTTPRequest {
	r, _ := ctx.Value(requestKey{}).(*HTTPRequest)
	return r
}

// OperationFrom is the operationId of the route being served; "" before routing or when no route matched.
func OperationFrom(ctx context.Context) string {
	op, _ := ctx.Value(operationKey{}).(string)
	return op
}

// Router answers API Gateway REST (payload 1.0) and HTTP API (payload 2.0) proxy events by
// routing them to the operations of Handlers.
type Router struct {
	routes     []route
	basePath   string
	middleware []RawMiddleware
	logger     *slog.Logger
	handler    RawHandler
}

// RouterOption configures a Router.
type RouterOption func(*Router)

// WithMiddleware wraps every request (404s and 405s included) in mws, the first outermost. The
// route is matched before they run: OperationFrom(ctx) names it ("" when none matched).
func WithMiddleware(mws ...RawMiddleware) RouterOption {
	return func(rt *Router) { rt.middleware = append(rt.middleware, mws...) }
}

// WithBasePath strips a custom domain's base path mapping (e.g. "/v1") from request paths.
func WithBasePath(path string) RouterOption {
	return func(rt *Router) { rt.basePath = "/" + strings.Trim(path, "/") }
}

// WithLogger sets where the router logs unhandled errors (default: JSON on stderr).
func WithLogger(logger *slog.Logger) RouterOption {
	return func(rt *Router) { rt.logger = logger }
}

// NewRouter returns the router over h's operations. A nil handler answers 501.
func NewRouter(h Handlers, opts ...RouterOption) *Router {
	rt := &Router{routes: h.routes(), logger: slog.New(slog.NewJSONHandler(os.Stderr, nil))}
	for _, opt := range opts {
		opt(rt)
	}
	rt.handler = Chain(RawHandler(dispatch), rt.middleware...)
	return rt
}

// dispatch is the innermost router handler: the matched operation, or 404, 405 or OPTIONS.
func dispatch(ctx context.Context, r *HTTPRequest) (*HTTPResponse, error) {
	m, _ := ctx.Value(matchKey{}).(*match)
	switch {
	case m == nil:
		return nil, errors.New("the request was not routed")
	case m.route != nil:
		return m.route.serve(ctx, r, m.params)
	case len(m.allowed) == 0:
		return nil, newProblem(http.StatusNotFound, fmt.Sprintf("no operation has the path %s", m.path))
	case r.Method == http.MethodOptions:
		return &HTTPResponse{Status: http.StatusNoContent, Header: http.Header{"Allow": {strings.Join(m.allowed, ", ")}}}, nil
	default:
		problem := newProblem(http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s", r.Method, m.path))
		problem.Header = http.Header{"Allow": {strings.Join(m.allowed, ", ")}}
		return nil, problem
	}
}

// Invoke implements lambda.Handler: it takes either payload version (2.0 has "version": "2.0")
// and answers in the same version's response type.
func (rt *Router) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	var probe struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(payload, &probe); err != nil {
		return nil, fmt.Errorf("the event is not an API Gateway proxy event: %w", err)
	}
	if probe.Version == "2.0" {
		var e events.APIGatewayV2HTTPRequest
		if err := json.Unmarshal(payload, &e); err != nil {
			return nil, fmt.Errorf("the event is not an HTTP API payload 2.0 event: %w", err)
		}
		resp, err := rt.ServeV2(ctx, e)
		if err != nil {
			return nil, err
		}
		return json.Marshal(resp)
	}
	var e events.APIGatewayProxyRequest
	if err := json.Unmarshal(payload, &e); err != nil {
		return nil, fmt.Errorf("the event is not an API Gateway proxy event: %w", err)
	}
	resp, err := rt.ServeV1(ctx, e)
	if err != nil {
		return nil, err
	}
	return json.Marshal(resp)
}

// ServeV1 answers a REST API (or HTTP API payload 1.0) proxy event.
func (rt *Router) ServeV1(ctx context.Context, e events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	r, err := requestFromV1(&e)
	return rt.serveDecoded(ctx, r, err).toV1(), nil
}

// ServeV2 answers an HTTP API payload 2.0 event.
func (rt *Router) ServeV2(ctx context.Context, e events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	r, err := requestFromV2(&e)
	return rt.serveDecoded(ctx, r, err).toV2(), nil
}

func (rt *Router) serveDecoded(ctx context.Context, r *HTTPRequest, err error) *HTTPResponse {
	if err != nil {
		problem := newProblem(http.StatusBadRequest, "the request body is not valid base64")
		problem.Errors = ValidationErrors{{Pointer: "/body", Rule: "base64", Message: err.Error()}}
		return problem.response(r)
	}
	return rt.Serve(ctx, r)
}

// Serve routes one request through the router's middleware to its operation and always answers.
func (rt *Router) Serve(ctx context.Context, r *HTTPRequest) *HTTPResponse {
	path := r.Path
	if rt.basePath != "/" && rt.basePath != "" {
		if rest, ok := strings.CutPrefix(path, rt.basePath); ok && (rest == "" || rest[0] == '/') {
			path = rest
		}
	}
	found, params, allowed := rt.find(r.Method, path)
	ctx = context.WithValue(ctx, requestKey{}, r)
	if found != nil {
		ctx = context.WithValue(ctx, operationKey{}, found.operation)
	}
	ctx = context.WithValue(ctx, matchKey{}, &match{route: found, params: params, allowed: allowed, path: path})
	resp, err := rt.handler(ctx, r)
	if err != nil {
		resp = rt.errorResponse(ctx, r, err)
	}
	if resp == nil {
		resp = rt.errorResponse(ctx, r, fmt.Errorf("no response for %s %s", r.Method, path))
	}
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	if r.Method == http.MethodHead {
		resp.Body = nil
	}
	return resp
}

// find is the route for method and path (HEAD falls back to GET), with its path parameters;
// else the methods the path allows (nil: no template matches it).
func (rt *Router) find(method, path string) (*route, map[string]string, []string) {
	trimmed := strings.Trim(path, "/")
	parts := []string{}
	if trimmed != "" {
		parts = strings.Split(trimmed, "/")
	}
	var head *route
	var headParams map[string]string
	methods := map[string]bool{}
	for i := range rt.routes {
		candidate := &rt.routes[i]
		params, ok := candidate.match(parts)
		if !ok {
			continue
		}
		if candidate.method == method {
			return candidate, params, nil
		}
		if method == http.MethodHead && candidate.method == http.MethodGet && head == nil {
			head, headParams = candidate, params
		}
		methods[candidate.method] = true
	}
	if head != nil {
		return head, headParams, nil
	}
	if len(methods) == 0 {
		return nil, nil, nil
	}
	if methods[http.MethodGet] {
		methods[http.MethodHead] = true
	}
	methods[http.MethodOptions] = true
	allowed := make([]string, 0, len(methods))
	for m := range methods {
		allowed = append(allowed, m)
	}
	sort.Strings(allowed)
	return nil, nil, allowed
}
