// Command lambda serves Nested one-way properties on AWS Lambda behind API Gateway (REST or HTTP API).
//
// This file is yours: migrate writes it once and never overwrites it.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	api "example.com/readwritenested"
)

func main() {
	handlers := api.NewHandlers(&api.Service{})
	// Per-operation middleware wraps one handler, e.g.:
	//   handlers.X = api.Chain(handlers.X, api.Auth[api.XInput, api.XOutput](authOptions))
	router := api.NewRouter(handlers,
		// Router-level middleware sees every request, 404s and 405s included; the first is outermost.
		api.WithMiddleware(
			api.Audit[*api.HTTPRequest, *api.HTTPResponse](api.AuditOptions{}),
			// api.RateLimit[*api.HTTPRequest, *api.HTTPResponse](api.RateLimitOptions{Rate: 50, Burst: 100}),
			// api.Auth[*api.HTTPRequest, *api.HTTPResponse](api.AuthOptions[MyClaims]{Verify: verify}),
		),
	)
	lambda.Start(router)
}
