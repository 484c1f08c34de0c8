// Command lambda serves Shop on AWS Lambda behind API Gateway (REST or HTTP API).
//
// This file is yours: migrate writes it once and never overwrites it.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	shop "example.com/shop"
)

func main() {
	handlers := shop.NewHandlers(&shop.Service{})
	// Per-operation middleware wraps one handler, e.g.:
	//   handlers.X = shop.Chain(handlers.X, shop.Auth[shop.XInput, shop.XOutput](authOptions))
	router := shop.NewRouter(handlers,
		// Router-level middleware sees every request, 404s and 405s included; the first is outermost.
		shop.WithMiddleware(
			shop.Audit[*shop.HTTPRequest, *shop.HTTPResponse](shop.AuditOptions{}),
			// shop.RateLimit[*shop.HTTPRequest, *shop.HTTPResponse](shop.RateLimitOptions{Rate: 50, Burst: 100}),
			// shop.Auth[*shop.HTTPRequest, *shop.HTTPResponse](shop.AuthOptions[MyClaims]{Verify: verify}),
		),
	)
	lambda.Start(router)
}
