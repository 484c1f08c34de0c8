package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// AuthOptions configures Auth.
type AuthOptions[C any] struct {
	// Verify turns a bearer token into claims (the user's hook: check a JWT, look up a session...).
	// An *APIError it returns is answered as is (403, say); any other error answers 401.
	Verify func(ctx context.Context, token string) (C, error)
	// Realm is named in WWW-Authenticate (default "api").
	Realm string
	// Skip lets requests through unauthenticated, e.g. public operations:
	// func(ctx context.Context) bool { return OperationFrom(ctx) == "listPets" }.
	Skip func(ctx context.Context) bool
}

type claimsKey[C any] struct{}

// ClaimsFrom returns the claims Auth verified for this request.
func ClaimsFrom[C any](ctx context.Context) (C, bool) {
	claims, ok := ctx.Value(claimsKey[C]{}).(C)
	return claims, ok
}

// Auth requires "Authorization: Bearer <token>", verified by opts.Verify; the claims reach the
// handler through ClaimsFrom. Missing or rejected tokens answer 401 with WWW-Authenticate.
// Apply it to all requests (WithMiddleware(Auth[*HTTPRequest, *HTTPResponse](opts))) or to one
// operation (Chain(h.GetPet, Auth[GetPetInput, GetPetOutput](opts))).
func Auth[Req, Resp, C any](opts AuthOptions[C]) Middleware[Req, Resp] {
	realm := opts.Realm
	if realm == "" {
		realm = "api"
	}
	unauthorized := func(message, challenge string) *APIError {
		err := NewError(http.StatusUnauthorized, "unauthorized", message)
		err.Header = http.Header{"Www-Authenticate": {fmt.Sprintf("Bearer realm=%q%s", realm, challenge)}}
		return err
	}
	return func(next HandlerFunc[Req, Resp]) HandlerFunc[Req, Resp] {
		return func(ctx context.Context, req Req) (Resp, error) {
			var zero Resp
			if opts.Skip != nil && opts.Skip(ctx) {
				return next(ctx, req)
			}
			var header string
			if r := RequestFrom(ctx); r != nil {
				header = r.Header.Get("Authorization")
			}
			scheme, token, _ := strings.Cut(strings.TrimSpace(header), " ")
			token = strings.TrimSpace(token)
			if !strings.EqualFold(scheme, "Bearer") || token == "" {
				return zero, unauthorized("a bearer token is required", "")
			}
			if opts.Verify == nil {
				return zero, unauthorized("no token verifier is configured", `, error="invalid_token"`)
			}
			claims, err := opts.Verify(ctx, token)
			if err != nil {
				var apiErr *APIError
				if errors.As(err, &apiErr) {
					return zero, err
				}
				rejected := unauthorized("the bearer token is not valid", `, error="invalid_token"`)
				rejected.Err = err
				return zero, rejected
			}
			return next(context.WithValue(ctx, claimsKey[C]{}, claims), req)
		}
	}
}
