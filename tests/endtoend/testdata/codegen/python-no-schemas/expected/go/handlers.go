package api

import "context"

// Service implements the operations of No schemas.
//
// This file is yours: migrate writes it once and never overwrites it. Operations added to the
// spec later answer 501 through the embedded UnimplementedServer until you add their methods.
// Return a typed response (one of the operation's output types), or an *APIError for a chosen
// status; any other error answers 500 without leaking its text.
type Service struct {
	UnimplementedServer
}

// Health handles GET /health (health).
func (s *Service) Health(ctx context.Context, req HealthInput) (HealthOutput, error) {
	return nil, NotImplemented("health")
}
