// Package main: port.go is yours. migrate stub wrote it once and never overwrites it; the other
// .go files are generated (rerun `migrate stub` to refresh them, `--check` to see drift).
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

// handleAPIGatewayProxyRequest is the body of the Node handler orders-service/src/handlers/createOrder.js (export handler) for api-gateway-rest events.
// Return the Node error types as the Go types of errors.go: UnauthorizedError, ValidationError.
func (a *app) handleAPIGatewayProxyRequest(ctx context.Context, event events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	return events.APIGatewayProxyResponse{}, &NotImplementedError{Function: "createOrder", Source: "api-gateway-rest"}
}

// awsCalls holds a typed call for every AWS operation the Node code makes, under the Node call
// sites the scan found; it is never called. Move each into the handler and fill in the input
// fields the Node code sets.
func (a *app) awsCalls(ctx context.Context) error {
	// orders-service/src/handlers/createOrder.js:50: dynamodb PutItem
	if _, err := a.clients.Dynamodb.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:           aws.String(a.settings.OrdersTable),
		ConditionExpression: aws.String("attribute_not_exists(orderId)"),
		// Item: TODO(port): order
	}); err != nil {
		return err
	}
	// orders-service/src/lib/queue.js:18: sqs SendMessage
	if _, err := a.clients.Sqs.SendMessage(ctx, &sqs.SendMessageInput{
		QueueUrl: aws.String(a.settings.OrderEventsQueueUrl),
		// MessageBody: TODO(port): JSON.stringify(message)
		// MessageAttributes: TODO(port): { eventType: { DataType: 'String', StringValue: type }, }
	}); err != nil {
		return err
	}
	// DocumentClient / lib-dynamodb: build Item and Key with attributevalue.MarshalMap(v) and read
	// results with attributevalue.UnmarshalMap.
	return nil
}
