// Command getItem is the Go port of inventory-sam's GetItemFunction
// (examples/fleet/inventory-sam/src/handlers/getItem.ts): GET /items/{sku} on an HTTP API.
//
// The Node handler runs under middy's http-error-handler, so its contract is middy's: a
// ValidationError or NotFoundError becomes a text/plain response with the error's message and status;
// any other error escapes the handler and fails the invoke, named as the error is named.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"regexp"
	"strings"
	"unicode"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambda/messages"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

var skuPattern = regexp.MustCompile(`^[A-Z0-9-]{4,32}$`)

// ValidationError is a bad request (400 in middy's hands).
type ValidationError struct{ Message string }

func (e *ValidationError) Error() string { return e.Message }

// NotFoundError is an unknown SKU (404).
type NotFoundError struct{ Resource, ID string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %s not found", e.Resource, e.ID) }

type handler struct {
	db    *dynamodb.Client
	table string
}

func (h *handler) handle(ctx context.Context, event events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	body, err := h.get(ctx, event.PathParameters)
	var invalid *ValidationError
	var missing *NotFoundError
	switch {
	case errors.As(err, &invalid):
		return textResponse(400, invalid.Message), nil
	case errors.As(err, &missing):
		return textResponse(404, missing.Error()), nil
	case err != nil:
		slog.Error("request failed", "error", err)
		return events.APIGatewayV2HTTPResponse{}, nodeError(err)
	}
	text, err := json.Marshal(body)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return events.APIGatewayV2HTTPResponse{
		StatusCode: 200,
		Headers:    map[string]string{"content-type": "application/json", "cache-control": "max-age=15"},
		Body:       string(text),
	}, nil
}

func (h *handler) get(ctx context.Context, path map[string]string) (map[string]any, error) {
	raw, given := path["sku"]
	sku := jsUpper(raw)
	if !skuPattern.MatchString(sku) {
		shown := raw
		if !given {
			shown = "<missing>"
		}
		return nil, &ValidationError{"invalid sku: " + shown}
	}
	out, err := h.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:      aws.String(h.table),
		Key:            map[string]types.AttributeValue{"sku": &types.AttributeValueMemberS{Value: sku}},
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return nil, err
	}
	if out.Item == nil {
		return nil, &NotFoundError{"item", sku}
	}
	var item map[string]any
	if err := attributevalue.UnmarshalMap(out.Item, &item); err != nil {
		return nil, err
	}
	available := availableQuantity(item)
	item["available"] = available
	item["inStock"] = available != nil && *available > 0
	return item, nil
}

// availableQuantity is max(0, quantity - (reserved ?? 0)); nil where JavaScript would compute NaN
// (a missing or non-numeric quantity), which JSON.stringify writes as null.
func availableQuantity(item map[string]any) *float64 {
	quantity, ok := item["quantity"].(float64)
	if !ok {
		return nil
	}
	reserved := 0.0
	if value, present := item["reserved"]; present && value != nil {
		if reserved, ok = value.(float64); !ok {
			return nil
		}
	}
	available := math.Max(0, quantity-reserved)
	return &available
}

// fullUpper holds the full case mappings of String.prototype.toUpperCase that yield ASCII letters
// (unicode.ToUpper maps one rune to one rune, so it leaves these alone).
var fullUpper = map[rune]string{'ß': "SS", 'ﬀ': "FF", 'ﬁ': "FI", 'ﬂ': "FL", 'ﬃ': "FFI", 'ﬄ': "FFL", 'ﬅ': "ST", 'ﬆ': "ST"}

func jsUpper(text string) string {
	var out strings.Builder
	for _, r := range text {
		if mapped, ok := fullUpper[r]; ok {
			out.WriteString(mapped)
		} else {
			out.WriteRune(unicode.ToUpper(r))
		}
	}
	return out.String()
}

// nodeError names an escaping error as the Node runtime would: an AWS API error by its error code
// (the SDK v3 exception's name), anything else as a plain Error.
func nodeError(err error) error {
	var api smithy.APIError
	if errors.As(err, &api) {
		return messages.InvokeResponse_Error{Type: api.ErrorCode(), Message: api.ErrorMessage()}
	}
	return messages.InvokeResponse_Error{Type: "Error", Message: err.Error()}
}

func textResponse(status int, message string) events.APIGatewayV2HTTPResponse {
	return events.APIGatewayV2HTTPResponse{
		StatusCode: status,
		Headers:    map[string]string{"Content-Type": "text/plain"},
		Body:       message,
	}
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		slog.Error("cannot load AWS configuration", "error", err)
		os.Exit(1)
	}
	h := &handler{db: dynamodb.NewFromConfig(cfg), table: os.Getenv("INVENTORY_TABLE")}
	lambda.Start(h.handle)
}
