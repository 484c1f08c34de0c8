'use strict';

const { PutCommand } = require('@aws-sdk/lib-dynamodb');
const { z } = require('zod');
const { docClient, ORDERS_TABLE } = require('../lib/db');
const { buildOrder } = require('../lib/orders');
const { publishOrderEvent } = require('../lib/queue');
const { parseJsonBody, parseOrThrow } = require('../lib/validation');
const { UnauthorizedError, json, toHttpResponse } = require('../lib/errors');
const { createLogger } = require('../lib/logger');

const log = createLogger({ fn: 'createOrder' });

const OrderInput = z.object({
  currency: z.enum(['EUR', 'USD', 'GBP']).default('EUR'),
  items: z
    .array(
      z.object({
        sku: z.string().regex(/^[A-Z0-9-]{4,32}$/),
        quantity: z.number().int().min(1).max(99),
        unitPriceCents: z.number().int().nonnegative(),
      }),
    )
    .min(1)
    .max(50),
  shippingAddress: z.object({
    name: z.string().min(1).max(120),
    line1: z.string().min(1).max(200),
    line2: z.string().max(200).optional(),
    city: z.string().min(1).max(100),
    postalCode: z.string().min(2).max(16),
    country: z.string().length(2),
  }),
  notes: z.string().max(500).optional(),
});

exports.handler = async (event) => {
  const logger = log.child({ requestId: event.requestContext?.requestId });
  try {
    // Set by the REST API token authorizer (see authorizer.js).
    const customerId = event.requestContext?.authorizer?.customerId;
    if (!customerId) {
      throw new UnauthorizedError('missing caller identity');
    }

    const input = parseOrThrow(OrderInput, parseJsonBody(event));
    const order = buildOrder(customerId, input);

    await docClient.send(
      new PutCommand({
        TableName: ORDERS_TABLE,
        Item: order,
        ConditionExpression: 'attribute_not_exists(orderId)',
      }),
    );
    const messageId = await publishOrderEvent('OrderPlaced', order);

    logger.info('order created', { orderId: order.orderId, totalCents: order.totalCents, messageId });
    return json(
      201,
      { orderId: order.orderId, status: order.status, totalCents: order.totalCents, currency: order.currency },
      { location: `/orders/${order.orderId}` },
    );
  } catch (err) {
    return toHttpResponse(err, logger);
  }
};
