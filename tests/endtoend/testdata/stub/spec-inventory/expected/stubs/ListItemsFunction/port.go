// Package main: port.go is yours. migrate stub wrote it once and never overwrites it; the other
// .go files are generated (rerun `migrate stub` to refresh them, `--check` to see drift).
package main

import (
	"context"

	"example.com/stub/ListItemsFunction/api"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// opListItems serves GET /items (operation listItems of examples/fleet/inventory-sam/openapi.yaml), bound by GET /items (inventory-sam/template.yaml:80).
// The router decoded and validated in (its parameters) before this runs; answer with
// api.ListItems200, api.ListItems400, api.ListItems500 or an *api.APIError (codegen's error envelope).
func (a *app) opListItems(ctx context.Context, in api.ListItemsInput) (api.ListItemsOutput, error) {
	err := api.NotImplemented("listItems")
	err.Message = "GET /items is not ported to Go yet (opListItems in port.go)"
	err.Err = &NotImplementedError{Function: "ListItemsFunction", Source: "GET /items"}
	return nil, err
}

// awsCalls holds a typed call for every AWS operation the Node code makes, under the Node call
// sites the scan found; it is never called. Move each into the handler and fill in the input
// fields the Node code sets.
func (a *app) awsCalls(ctx context.Context) error {
	// inventory-sam/src/handlers/listItems.ts:43: dynamodb Query
	if _, err := a.clients.Dynamodb.Query(ctx, &dynamodb.QueryInput{
		TableName:              aws.String(a.settings.InventoryTable),
		IndexName:              aws.String("byCategory"),
		KeyConditionExpression: aws.String("category = :category"),
		// FilterExpression: TODO(port): inStockOnly ? 'quantity > :zero' : undefined
		// ExpressionAttributeValues: TODO(port): inStockOnly ? { ':category': category, ':zero': 0 } : { ':category': category }
		// Limit: TODO(port): parseLimit(params.limit)
		// ExclusiveStartKey: TODO(port): decodeCursor(params.cursor)
	}); err != nil {
		return err
	}
	// DocumentClient / lib-dynamodb: build Item and Key with attributevalue.MarshalMap(v) and read
	// results with attributevalue.UnmarshalMap.
	return nil
}
