// Command lambda serves Pets on AWS Lambda behind API Gateway (REST or HTTP API).
//
// This file is yours: migrate writes it once and never overwrites it.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	pets "example.com/svc/internal/api"
)

func main() {
	handlers := pets.NewHandlers(&pets.Service{})
	// Per-operation middleware wraps one handler, e.g.:
	//   handlers.X = pets.Chain(handlers.X, pets.Auth[pets.XInput, pets.XOutput](authOptions))
	router := pets.NewRouter(handlers,
		// Router-level middleware sees every request, 404s and 405s included; the first is outermost.
		pets.WithMiddleware(
			pets.Audit[*pets.HTTPRequest, *pets.HTTPResponse](pets.AuditOptions{}),
			// pets.RateLimit[*pets.HTTPRequest, *pets.HTTPResponse](pets.RateLimitOptions{Rate: 50, Burst: 100}),
			// pets.Auth[*pets.HTTPRequest, *pets.HTTPResponse](pets.AuthOptions[MyClaims]{Verify: verify}),
		),
	)
	lambda.Start(router)
}
