// Command listItems is the Go port of inventory-sam's ListItemsFunction
// (examples/fleet/inventory-sam/src/handlers/listItems.ts): GET /items on a REST API, listing one
// category's items from the inventory table's byCategory index, a page at a time.
//
// It keeps the Node function's HTTP contract: the same status codes, the same {"error", "message"}
// bodies named after the Node error classes, and the same opaque cursor bytes.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const (
	defaultLimit = 25
	maxLimit     = 100
)

// ValidationError is a request the caller must fix (400); its name is the Node class's.
type ValidationError struct{ Message string }

func (e *ValidationError) Error() string { return e.Message }

// page is the response body; items is never null, nextCursor is left out on the last page.
type page struct {
	Items      []map[string]any `json:"items"`
	NextCursor string           `json:"nextCursor,omitempty"`
}

type handler struct {
	db    *dynamodb.Client
	table string
}

func (h *handler) handle(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	body, err := h.list(ctx, event.QueryStringParameters)
	if err != nil {
		return errorResponse(err), nil
	}
	return jsonResponse(200, body), nil
}

func (h *handler) list(ctx context.Context, params map[string]string) (*page, error) {
	category := strings.TrimSpace(params["category"])
	if category == "" {
		return nil, &ValidationError{`query parameter "category" is required`}
	}
	inStockOnly := params["inStock"] == "true"

	values := map[string]types.AttributeValue{":category": &types.AttributeValueMemberS{Value: category}}
	var filter *string
	if inStockOnly {
		filter = aws.String("quantity > :zero")
		values[":zero"] = &types.AttributeValueMemberN{Value: "0"}
	}
	rawLimit, given := params["limit"]
	limit, err := parseLimit(rawLimit, given)
	if err != nil {
		return nil, err
	}
	startKey, err := decodeCursor(params["cursor"])
	if err != nil {
		return nil, err
	}
	out, err := h.db.Query(ctx, &dynamodb.QueryInput{
		TableName:                 aws.String(h.table),
		IndexName:                 aws.String("byCategory"),
		KeyConditionExpression:    aws.String("category = :category"),
		FilterExpression:          filter,
		ExpressionAttributeValues: values,
		Limit:                     aws.Int32(limit),
		ExclusiveStartKey:         startKey,
	})
	if err != nil {
		return nil, err
	}
	result := &page{Items: make([]map[string]any, 0, len(out.Items))}
	for _, item := range out.Items {
		var decoded map[string]any
		if err := attributevalue.UnmarshalMap(item, &decoded); err != nil {
			return nil, err
		}
		result.Items = append(result.Items, decoded)
	}
	if len(out.LastEvaluatedKey) > 0 {
		if result.NextCursor, err = encodeCursor(out.LastEvaluatedKey); err != nil {
			return nil, err
		}
	}
	return result, nil
}

// parseLimit reads the limit the way the Node code does, with Number(raw): " 10 ", "1e1" and "0x0a"
// are all 10 there, so they are here too.
func parseLimit(raw string, given bool) (int32, error) {
	if !given {
		return defaultLimit, nil
	}
	limit, ok := jsNumber(raw)
	if !ok || limit != float64(int64(limit)) || limit < 1 || limit > maxLimit {
		return 0, &ValidationError{"limit must be an integer between 1 and 100"}
	}
	return int32(limit), nil
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

// errorResponse maps errors like the Node errorResponse: client errors keep their name and message,
// anything else is logged and hidden behind a 500.
func errorResponse(err error) events.APIGatewayProxyResponse {
	var invalid *ValidationError
	if errors.As(err, &invalid) {
		return jsonResponse(400, map[string]string{"error": "ValidationError", "message": invalid.Message})
	}
	slog.Error("unhandled error", "error", err)
	return jsonResponse(500, map[string]string{"error": "InternalError", "message": "internal server error"})
}

func jsonResponse(status int, body any) events.APIGatewayProxyResponse {
	text, err := json.Marshal(body)
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 500, Body: `{"error":"InternalError","message":"internal server error"}`}
	}
	return events.APIGatewayProxyResponse{
		StatusCode: status,
		Headers:    map[string]string{"content-type": "application/json"},
		Body:       string(text),
	}
}
