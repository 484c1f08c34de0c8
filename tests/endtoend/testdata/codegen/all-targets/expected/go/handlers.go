package shop

import "context"

// Service implements the operations of Shop.
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

// ListOrders handles GET /orders (listOrders).
func (s *Service) ListOrders(ctx context.Context, req ListOrdersInput) (ListOrdersOutput, error) {
	return nil, NotImplemented("listOrders")
}

// GetOrdersByOrderID handles GET /orders/{orderId} (getOrdersByOrderId).
func (s *Service) GetOrdersByOrderID(ctx context.Context, req GetOrdersByOrderIDInput) (GetOrdersByOrderIDOutput, error) {
	return nil, NotImplemented("getOrdersByOrderId")
}
