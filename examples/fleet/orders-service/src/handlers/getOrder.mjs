import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { docClient, ORDERS_TABLE } from '../lib/db.js';
import { NotFoundError, ValidationError, json, toHttpResponse } from '../lib/errors.js';
import { createLogger } from '../lib/logger.js';
import { connectCache } from '../lib/cache.mjs';

const logger = createLogger({ fn: 'getOrder' });

// Top-level await: the Redis connection is opened during the init phase,
// so the first request does not pay for the TCP + TLS handshake.
const cache = await connectCache();

const ORDER_ID = /^ord_[0-9a-f]{32}$/;

async function loadOrder(orderId) {
  const cached = await cache.get(`order:${orderId}`);
  if (cached) {
    return JSON.parse(cached);
  }
  const { Item } = await docClient.send(new GetCommand({ TableName: ORDERS_TABLE, Key: { orderId } }));
  if (Item) {
    await cache.set(`order:${orderId}`, JSON.stringify(Item));
  }
  return Item ?? null;
}

export async function handler(event) {
  const orderId = event.pathParameters?.orderId;
  // Context returned by the HTTP API simple-response authorizer.
  const customerId = event.requestContext?.authorizer?.lambda?.customerId;
  try {
    if (!orderId || !ORDER_ID.test(orderId)) {
      throw new ValidationError(`invalid order id: ${orderId}`);
    }
    const order = await loadOrder(orderId);
    // Other customers' orders are reported as missing, not forbidden, to avoid leaking ids.
    if (!order || order.customerId !== customerId) {
      throw new NotFoundError(`order ${orderId} not found`);
    }
    return json(200, order, { 'cache-control': 'private, max-age=30' });
  } catch (err) {
    return toHttpResponse(err, logger);
  }
}
