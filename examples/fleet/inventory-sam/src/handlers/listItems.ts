import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { ValidationError } from '../lib/errors';
import { errorResponse, json } from '../lib/http';
import { logger } from '../lib/logger';
import type { InventoryItem, Page } from '../lib/types';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new ValidationError(`limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  return limit;
}

function decodeCursor(raw: string | undefined): Record<string, unknown> | undefined {
  if (!raw) return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new ValidationError('cursor is malformed');
  }
}

const encodeCursor = (key?: Record<string, unknown>): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  try {
    const params = event.queryStringParameters ?? {};
    const category = params.category?.trim();
    if (!category) {
      throw new ValidationError('query parameter "category" is required');
    }
    const inStockOnly = params.inStock === 'true';

    const result = await ddb.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        IndexName: 'byCategory',
        KeyConditionExpression: 'category = :category',
        FilterExpression: inStockOnly ? 'quantity > :zero' : undefined,
        ExpressionAttributeValues: inStockOnly ? { ':category': category, ':zero': 0 } : { ':category': category },
        Limit: parseLimit(params.limit),
        ExclusiveStartKey: decodeCursor(params.cursor),
      }),
    );

    const page: Page<InventoryItem> = {
      items: (result.Items ?? []) as InventoryItem[],
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
    logger.debug('listed items', { category, count: page.items.length, caller: event.requestContext.authorizer?.clientId });
    return json(200, page);
  } catch (err) {
    return errorResponse(err);
  }
};
