'use strict';

const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

async function publishOrderEvent(type, order) {
  const message = {
    type,
    orderId: order.orderId,
    customerId: order.customerId,
    totalCents: order.totalCents,
    currency: order.currency,
    items: order.items.map(({ sku, quantity }) => ({ sku, quantity })),
    occurredAt: new Date().toISOString(),
  };
  const result = await sqs.send(
    new SendMessageCommand({
      QueueUrl: process.env.ORDER_EVENTS_QUEUE_URL,
      MessageBody: JSON.stringify(message),
      MessageAttributes: {
        eventType: { DataType: 'String', StringValue: type },
      },
    }),
  );
  return result.MessageId;
}

module.exports = { publishOrderEvent };
