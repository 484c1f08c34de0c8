// Package main: port.go is yours. migrate stub wrote it once and never overwrites it; the other
// .go files are generated (rerun `migrate stub` to refresh them, `--check` to see drift).
package main

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// handleEventBridgeEvent is the body of the Node handler orders-service/src/handlers/reconcilePayments.js (export handler) for schedule events.
// Return the Node error types as the Go types of errors.go: Error.
func (a *app) handleEventBridgeEvent(ctx context.Context, event events.EventBridgeEvent) error {
	return &NotImplementedError{Function: "reconcilePayments", Source: "schedule"}
}

// awsCalls holds a typed call for every AWS operation the Node code makes, under the Node call
// sites the scan found; it is never called. Move each into the handler and fill in the input
// fields the Node code sets.
func (a *app) awsCalls(ctx context.Context) error {
	// orders-service/src/handlers/reconcilePayments.js:15: dynamodb Query
	if _, err := a.clients.Dynamodb.Query(ctx, &dynamodb.QueryInput{
		TableName:              aws.String(a.settings.OrdersTable),
		IndexName:              aws.String("byStatus"),
		KeyConditionExpression: aws.String("#status = :status AND createdAt BETWEEN :from AND :to"),
		// ExpressionAttributeNames: TODO(port): { '#status': 'status' }
		// ExpressionAttributeValues: TODO(port): { ':status': 'CONFIRMED', ':from': from, ':to': to }
		// ExclusiveStartKey: TODO(port): ExclusiveStartKey
	}); err != nil {
		return err
	}
	// orders-service/src/handlers/reconcilePayments.js:31: dynamodb UpdateItem
	if _, err := a.clients.Dynamodb.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:        aws.String(a.settings.OrdersTable),
		UpdateExpression: aws.String("SET paymentStatus = :ps, paymentCheck = :detail, updatedAt = :now"),
		// Key: TODO(port): { orderId }
		// ExpressionAttributeValues: TODO(port): { ':ps': paymentStatus, ':detail': detail, ':now': new Date().toISOString() }
	}); err != nil {
		return err
	}
	// DocumentClient / lib-dynamodb: build Item and Key with attributevalue.MarshalMap(v) and read
	// results with attributevalue.UnmarshalMap.
	return nil
}
