package shop

// Drives every operation of tests/codegen/specs/shop.yaml through the generated router with
// real API Gateway v1 and v2 events.

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func shopHandlers() Handlers {
	return Handlers{
		CreateOrder: func(ctx context.Context, req CreateOrderInput) (CreateOrderOutput, error) {
			if !req.DryRun {
				return CreateOrderDefault{Status: 422, Body: Error{Message: ptr("only dry runs")}}, nil
			}
			tenant, session := "-", "-"
			if req.XTenant != nil {
				tenant = *req.XTenant
			}
			if req.Session != nil {
				session = *req.Session
			}
			id := fmt.Sprintf("%s/%s/%d/%s", tenant, session, len(req.Body.Items), req.Body.Items[0].SKU)
			return CreateOrder201{Body: CreateOrder201Response{ID: &id}, Location: "/orders/1"}, nil
		},
		ListOrders: func(ctx context.Context, req ListOrdersInput) (ListOrdersOutput, error) {
			items := []Item{}
			for _, status := range req.Status {
				items = append(items, Item{SKU: req.XTenant + ":" + string(status), Price: 1})
			}
			return ListOrders200{Body: items}, nil
		},
		GetOrdersByOrderID: func(ctx context.Context, req GetOrdersByOrderIDInput) (GetOrdersByOrderIDOutput, error) {
			if req.OrderID != 42 {
				return nil, NewError(404, "not_found", fmt.Sprintf("order %d does not exist", req.OrderID))
			}
			return GetOrdersByOrderID204{}, nil
		},
	}
}

func TestShopOperations(t *testing.T) {
	router := NewRouter(shopHandlers())
	tenant := "0f8fad5b-d9cb-469f-a165-70867728950e"
	for _, version := range versions {
		a := send(t, context.Background(), router, version, call{method: "POST", path: "/orders",
			query:   [][2]string{{"dryRun", "true"}},
			headers: map[string]string{"X-Tenant": tenant, "Content-Type": "application/json"},
			cookies: []string{"session=7f3a9c"},
			body:    `{"items":[{"sku":"SKU-1","price":2.5,"quantity":2}],"note":null}`})
		if a.StatusCode != 201 || a.header("Location") != "/orders/1" || a.json(t)["id"] != tenant+"/7f3a9c/1/SKU-1" {
			t.Fatalf("%s createOrder: %d %v %s", version, a.StatusCode, a.Headers, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "POST", path: "/orders",
			body: `{"items":[{"sku":"SKU-1","price":2.5}]}`})
		if a.StatusCode != 422 || a.json(t)["message"] != "only dry runs" {
			t.Fatalf("%s createOrder default response: %d %s", version, a.StatusCode, a.Body)
		}
		problems := send(t, context.Background(), router, version, call{method: "POST", path: "/orders",
			query: [][2]string{{"dryRun", "maybe"}}, body: `{"note":"x"}`}).problems(t)
		if !reflect.DeepEqual(problems, map[string]string{"/query/dryRun": "type", "/body/items": "required"}) {
			t.Fatalf("%s createOrder problems: %v", version, problems)
		}

		a = send(t, context.Background(), router, version, call{method: "GET", path: "/orders",
			query: [][2]string{{"status", "open,closed"}}, headers: map[string]string{"X-Tenant": "t1"}})
		if a.StatusCode != 200 || !strings.Contains(a.Body, `"sku":"t1:open"`) || !strings.Contains(a.Body, `"sku":"t1:closed"`) {
			t.Fatalf("%s listOrders: %d %s", version, a.StatusCode, a.Body)
		}
		problems = send(t, context.Background(), router, version, call{method: "GET", path: "/orders",
			query: [][2]string{{"status", "open,lost"}}}).problems(t)
		if !reflect.DeepEqual(problems, map[string]string{"/query/status/1": "enum", "/header/X-Tenant": "required"}) {
			t.Fatalf("%s listOrders problems: %v", version, problems)
		}

		a = send(t, context.Background(), router, version, call{method: "GET", path: "/orders/42"})
		if a.StatusCode != 204 || a.Body != "" {
			t.Fatalf("%s getOrdersByOrderId: %d %q", version, a.StatusCode, a.Body)
		}
		a = send(t, context.Background(), router, version, call{method: "GET", path: "/orders/7"})
		if a.StatusCode != 404 || a.json(t)["code"] != "not_found" || a.header("Content-Type") != "application/json" {
			t.Fatalf("%s getOrdersByOrderId envelope: %d %s", version, a.StatusCode, a.Body)
		}
		problems = send(t, context.Background(), router, version, call{method: "GET", path: "/orders/seven"}).problems(t)
		if !reflect.DeepEqual(problems, map[string]string{"/path/orderId": "type"}) {
			t.Fatalf("%s getOrdersByOrderId problems: %v", version, problems)
		}
		a = send(t, context.Background(), router, version, call{method: "PATCH", path: "/orders/42"})
		if a.StatusCode != 405 || a.header("Allow") != "GET, HEAD, OPTIONS" {
			t.Fatalf("%s 405: %d %v", version, a.StatusCode, a.Headers)
		}
	}
}
