import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ValidationError } from '../lib/errors';
import { availableQuantity, getItem } from '../lib/items';
import { logger } from '../lib/logger';

const SKU = /^[A-Z0-9-]{4,32}$/;

const baseHandler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const sku = event.pathParameters?.sku?.toUpperCase();
  if (!sku || !SKU.test(sku)) {
    throw new ValidationError(`invalid sku: ${event.pathParameters?.sku ?? '<missing>'}`);
  }

  const item = await getItem(sku);
  const available = availableQuantity(item);
  logger.info('item fetched', { sku, available });

  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'cache-control': 'max-age=15' },
    body: JSON.stringify({ ...item, available, inStock: available > 0 }),
  };
};

// NotFoundError / ValidationError carry statusCode + expose, so the error handler
// turns them into 404 / 400; anything else becomes a 500.
export const handler = middy(baseHandler)
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(httpErrorHandler({ logger: (err: unknown) => logger.error('request failed', err as Error) }));
