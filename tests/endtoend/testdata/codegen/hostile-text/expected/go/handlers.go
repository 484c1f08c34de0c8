package api

import "context"

// Service implements the operations of Pets globalThis.pwned = 1; // x y z w.
//
// This file is yours: migrate writes it once and never overwrites it. Operations added to the
// spec later answer 501 through the embedded UnimplementedServer until you add their methods.
// Return a typed response (one of the operation's output types), or an *APIError for a chosen
// status; any other error answers 500 without leaking its text.
type Service struct {
	UnimplementedServer
}

// ListU2028Pets handles GET /pets (list Pets).
func (s *Service) ListU2028Pets(ctx context.Context, req ListU2028PetsInput) (ListU2028PetsOutput, error) {
	return nil, NotImplemented("list Pets")
}
