// Command adjustStock is the Go port of inventory-sam's AdjustStockFunction
// (examples/fleet/inventory-sam/src/handlers/adjustStock.ts): an SQS consumer that applies stock
// adjustments to the inventory table and reports partial batch failures.
//
// Failures no retry can fix (a ValidationError, an InsufficientStockError, a NotFoundError) are logged
// and dropped; any other failure puts the message in batchItemFailures so SQS redelivers it.
package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// ValidationError is a message that can never be applied (bad JSON, or an invalid adjustment).
type ValidationError struct {
	Message string
	Issues  []string
}

func (e *ValidationError) Error() string { return e.Message }

// NotFoundError is an adjustment of an unknown SKU.
type NotFoundError struct{ Resource, ID string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %s not found", e.Resource, e.ID) }

// InsufficientStockError is a removal of more units than the SKU has.
type InsufficientStockError struct {
	SKU                  string
	Requested, Available float64
}

func (e *InsufficientStockError) Error() string {
	return fmt.Sprintf("cannot remove %s of %s: only %s in stock", jsString(e.Requested), e.SKU, jsString(e.Available))
}

// TypeError is what Node throws for an event without a Records array.
type TypeError struct{ Message string }

func (e *TypeError) Error() string { return e.Message }

// event keeps Records a pointer so that an event without them fails as the Node handler does.
type event struct {
	Records *[]events.SQSMessage `json:"Records"`
}

type handler struct {
	db    *dynamodb.Client
	table string
	now   func() time.Time
}

func (h *handler) handle(ctx context.Context, e event) (events.SQSEventResponse, error) {
	if e.Records == nil {
		return events.SQSEventResponse{}, &TypeError{"event.Records is not iterable"}
	}
	response := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	for _, record := range *e.Records {
		adjustment, err := parse(record.Body)
		if err == nil {
			var quantity float64
			if quantity, err = h.apply(ctx, adjustment); err == nil {
				slog.Info("stock adjusted", "sku", adjustment.SKU, "delta", adjustment.Delta, "quantity", quantity)
				continue
			}
		}
		if permanent(err) {
			slog.Warn("dropping stock adjustment", "messageId", record.MessageId, "reason", err.Error())
			continue
		}
		slog.Error("stock adjustment failed, will retry", "error", err)
		response.BatchItemFailures = append(response.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: record.MessageId})
	}
	return response, nil
}

func permanent(err error) bool {
	var invalid *ValidationError
	var missing *NotFoundError
	var short *InsufficientStockError
	return errors.As(err, &invalid) || errors.As(err, &missing) || errors.As(err, &short)
}

func (h *handler) apply(ctx context.Context, a adjustment) (float64, error) {
	out, err := h.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:           aws.String(h.table),
		Key:                 map[string]types.AttributeValue{"sku": &types.AttributeValueMemberS{Value: a.SKU}},
		UpdateExpression:    aws.String("ADD quantity :delta SET updatedAt = :now, lastAdjustment = :reason"),
		ConditionExpression: aws.String("attribute_exists(sku) AND quantity >= :needed"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":delta":  &types.AttributeValueMemberN{Value: jsString(a.Delta)},
			":needed": &types.AttributeValueMemberN{Value: jsString(max(0, -a.Delta))},
			":now":    &types.AttributeValueMemberS{Value: h.now().UTC().Format("2006-01-02T15:04:05.000Z")},
			":reason": &types.AttributeValueMemberS{Value: a.Reason},
		},
		ReturnValues: types.ReturnValueUpdatedNew,
	})
	var conflict *types.ConditionalCheckFailedException
	if errors.As(err, &conflict) {
		available, err := h.quantity(ctx, a.SKU) // a NotFoundError for unknown SKUs
		if err != nil {
			return 0, err
		}
		return 0, &InsufficientStockError{a.SKU, -a.Delta, available}
	}
	if err != nil {
		return 0, err
	}
	var quantity float64
	if n, ok := out.Attributes["quantity"].(*types.AttributeValueMemberN); ok {
		fmt.Sscan(n.Value, &quantity)
	}
	return quantity, nil
}

func (h *handler) quantity(ctx context.Context, sku string) (float64, error) {
	out, err := h.db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:      aws.String(h.table),
		Key:            map[string]types.AttributeValue{"sku": &types.AttributeValueMemberS{Value: sku}},
		ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		return 0, err
	}
	if out.Item == nil {
		return 0, &NotFoundError{"item", sku}
	}
	var quantity float64
	if n, ok := out.Item["quantity"].(*types.AttributeValueMemberN); ok {
		fmt.Sscan(n.Value, &quantity)
	}
	return quantity, nil
}

func main() {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		slog.Error("cannot load AWS configuration", "error", err)
		os.Exit(1)
	}
	h := &handler{db: dynamodb.NewFromConfig(cfg), table: os.Getenv("INVENTORY_TABLE"), now: time.Now}
	lambda.Start(h.handle)
}
