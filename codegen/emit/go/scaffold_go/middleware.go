package api

import "context"

// HandlerFunc handles one operation: a typed request in, a typed response (or an error) out.
// The router uses the same type for its own level, HandlerFunc[*HTTPRequest, *HTTPResponse].
type HandlerFunc[Req, Resp any] func(ctx context.Context, req Req) (Resp, error)

// Middleware wraps a handler: it may inspect or change the request, call next (or not), and
// inspect or change the response or error.
type Middleware[Req, Resp any] func(next HandlerFunc[Req, Resp]) HandlerFunc[Req, Resp]

// RawHandler is the router-level handler: every request, before routing to an operation's types.
type RawHandler = HandlerFunc[*HTTPRequest, *HTTPResponse]

// RawMiddleware wraps every request the router serves (see WithMiddleware), 404s and 405s included.
type RawMiddleware = Middleware[*HTTPRequest, *HTTPResponse]

// Chain wraps h in mws. The first middleware is the outermost: it runs first and sees the final
// response or error last.
func Chain[Req, Resp any](h HandlerFunc[Req, Resp], mws ...Middleware[Req, Resp]) HandlerFunc[Req, Resp] {
	for i := len(mws) - 1; i >= 0; i-- {
		if mws[i] != nil {
			h = mws[i](h)
		}
	}
	return h
}
