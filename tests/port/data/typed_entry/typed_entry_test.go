package main

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// TestTypedEntry calls the port of shipping-cdk's quote handler through portHandleTyped (its
// TypeScript says event: APIGatewayProxyEvent, Promise<APIGatewayProxyResult>) and through handle,
// the raw-JSON path Lambda calls, with the same event: the answers agree and are Node's.
func TestTypedEntry(t *testing.T) {
	ctx := context.Background()
	a, err := newApp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for weight, want := range map[string]events.APIGatewayProxyResponse{
		"2.5": {StatusCode: 200, Body: `{"weight":2.5,"price":7.63}`},
		"-1":  {StatusCode: 400, Body: `{"message":"weight must be a positive number"}`},
	} {
		event := events.APIGatewayProxyRequest{QueryStringParameters: map[string]string{"weight": weight}}
		typed, err := a.portHandleTyped(ctx, event)
		if err != nil {
			t.Fatalf("weight %s: %v", weight, err)
		}
		raw, err := json.Marshal(event)
		if err != nil {
			t.Fatal(err)
		}
		out, err := a.handle(ctx, raw)
		if err != nil {
			t.Fatalf("weight %s: %v", weight, err)
		}
		var viaRaw events.APIGatewayProxyResponse
		if err := json.Unmarshal(out, &viaRaw); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(typed, want) || !reflect.DeepEqual(viaRaw, want) {
			t.Errorf("weight %s: typed %+v, raw %+v, want %+v", weight, typed, viaRaw, want)
		}
	}
}
