package api

import "context"

// Service implements the operations of t.
//
// This file is yours: migrate writes it once and never overwrites it. Operations added to the
// spec later answer 501 through the embedded UnimplementedServer until you add their methods.
// Return a typed response (one of the operation's output types), or an *APIError for a chosen
// status; any other error answers 500 without leaking its text.
type Service struct {
	UnimplementedServer
}

// GetA handles GET /a (getA).
func (s *Service) GetA(ctx context.Context, req GetAInput) (GetAOutput, error) {
	return nil, NotImplemented("getA")
}
