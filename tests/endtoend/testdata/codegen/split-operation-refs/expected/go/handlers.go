package api

import "context"

// Service implements the operations of Split operations.
//
// This file is yours: migrate writes it once and never overwrites it. Operations added to the
// spec later answer 501 through the embedded UnimplementedServer until you add their methods.
// Return a typed response (one of the operation's output types), or an *APIError for a chosen
// status; any other error answers 500 without leaking its text.
type Service struct {
	UnimplementedServer
}

// PetsList handles GET /v2/pets (pets_list).
func (s *Service) PetsList(ctx context.Context, req PetsListInput) (PetsListOutput, error) {
	return nil, NotImplemented("pets_list")
}

// PetsCreate handles POST /v2/pets (pets_create).
func (s *Service) PetsCreate(ctx context.Context, req PetsCreateInput) (PetsCreateOutput, error) {
	return nil, NotImplemented("pets_create")
}

// PetsGet handles GET /v2/pets/{pet_id} (pets_get).
func (s *Service) PetsGet(ctx context.Context, req PetsGetInput) (PetsGetOutput, error) {
	return nil, NotImplemented("pets_get")
}
