package main

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"example.com/stub/EchoFunction/api"
)

// answer runs event through handle, the raw-JSON path Lambda calls, and returns its status and body
// (as JSON values).
func answer(t *testing.T, a *app, event string) (int, any) {
	t.Helper()
	out, err := a.handle(context.Background(), json.RawMessage(event))
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		StatusCode int    `json:"statusCode"`
		Body       string `json:"body"`
	}
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatal(err)
	}
	var body any
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func asJSON(t *testing.T, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSpecEntryEcho: the echo handler answers what it read from the event; portOpCreateOrder (HTTP
// API, payload 2.0: path parameter, query, header parameter, JSON body) and portOpGetOrder (REST API,
// payload 1.0) make it read what API Gateway's events for the same requests make it read.
func TestSpecEntryEcho(t *testing.T) {
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	note := "a b&c"
	created, err := a.portOpCreateOrder(ctx, api.CreateOrderInput{
		Shop: "north shop", Note: &note, XTenant: "t-1",
		Body: api.CreateOrderRequest{Sku: "A-1", Quantity: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	status, raw := answer(t, a, `{"version":"2.0","routeKey":"POST /shops/{shop}/orders",`+
		`"rawPath":"/shops/north%20shop/orders","rawQueryString":"note=a+b%26c",`+
		`"headers":{"content-type":"application/json","x-tenant":"t-1"},`+
		`"queryStringParameters":{"note":"a b&c"},"pathParameters":{"shop":"north shop"},`+
		`"requestContext":{"http":{"method":"POST","path":"/shops/north%20shop/orders"}},`+
		`"body":"{\"sku\":\"A-1\",\"quantity\":2}","isBase64Encoded":false}`)
	ok, is := created.(api.CreateOrder201)
	if !is || status != 201 || !reflect.DeepEqual(asJSON(t, ok.Body), raw) {
		t.Fatalf("typed %#v, raw %d %v", created, status, raw)
	}
	got, err := a.portOpGetOrder(ctx, api.GetOrderInput{Shop: "s", OrderID: "o/1"})
	if err != nil {
		t.Fatal(err)
	}
	status, raw = answer(t, a, `{"resource":"/shops/{shop}/orders/{orderId}","path":"/shops/s/orders/o%2F1",`+
		`"httpMethod":"GET","headers":{},"queryStringParameters":null,`+
		`"pathParameters":{"shop":"s","orderId":"o/1"},"body":""}`)
	found, is := got.(api.GetOrder200)
	if !is || status != 200 || !reflect.DeepEqual(asJSON(t, found.Body), raw) {
		t.Fatalf("typed %#v, raw %d %v", got, status, raw)
	}
}

// TestSpecEntryUndeclaredStatus: the handler answers 418 when asked; createOrder declares only 201, so
// the typed entry is an error naming the status, never a zero value.
func TestSpecEntryUndeclaredStatus(t *testing.T) {
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out, err := a.portOpCreateOrder(ctx, api.CreateOrderInput{Shop: "s", XTenant: "t",
		Body: api.CreateOrderRequest{Sku: "teapot", Quantity: 1}})
	want := "createOrder: the handler answered status 418, which the operation does not declare (201)"
	if out != nil || err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, %v", out, err)
	}
}
