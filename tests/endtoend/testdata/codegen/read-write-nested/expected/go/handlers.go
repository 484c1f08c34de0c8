package api

import "context"

// Service implements the operations of Nested one-way properties.
//
// This file is yours: migrate writes it once and never overwrites it. Operations added to the
// spec later answer 501 through the embedded UnimplementedServer until you add their methods.
// Return a typed response (one of the operation's output types), or an *APIError for a chosen
// status; any other error answers 500 without leaking its text.
type Service struct {
	UnimplementedServer
}

// CreateOrder handles POST /orders (createOrder).
func (s *Service) CreateOrder(ctx context.Context, req CreateOrderInput) (CreateOrderOutput, error) {
	return nil, NotImplemented("createOrder")
}

// CreateBatch handles POST /batches (createBatch).
func (s *Service) CreateBatch(ctx context.Context, req CreateBatchInput) (CreateBatchOutput, error) {
	return nil, NotImplemented("createBatch")
}
