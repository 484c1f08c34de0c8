'use strict';

// Still on the v2 SDK: this consumer predates the v3 migration of the rest of the service.
const AWS = require('aws-sdk');
const { createLogger } = require('../lib/logger');

const dynamo = new AWS.DynamoDB.DocumentClient();
const sqs = new AWS.SQS();
const logger = createLogger({ fn: 'fulfillOrder' });

async function markConfirmed(orderId) {
  try {
    const result = await dynamo
      .update({
        TableName: process.env.ORDERS_TABLE,
        Key: { orderId },
        UpdateExpression: 'SET #status = :confirmed, confirmedAt = :now, updatedAt = :now',
        ConditionExpression: '#status = :placed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':confirmed': 'CONFIRMED', ':placed': 'PLACED', ':now': new Date().toISOString() },
        ReturnValues: 'ALL_NEW',
      })
      .promise();
    return result.Attributes;
  } catch (err) {
    if (err.code === 'ConditionalCheckFailedException') {
      const conflict = new Error(`order ${orderId} is no longer in PLACED state`);
      conflict.name = 'ConflictError';
      conflict.orderId = orderId;
      throw conflict;
    }
    throw err;
  }
}

async function requestShipment(order) {
  await sqs
    .sendMessage({
      QueueUrl: process.env.SHIPPING_QUEUE_URL,
      MessageBody: JSON.stringify({
        orderId: order.orderId,
        items: order.items,
        shippingAddress: order.shippingAddress,
      }),
      MessageAttributes: { priority: { DataType: 'String', StringValue: order.totalCents > 20000 ? 'high' : 'normal' } },
    })
    .promise();
}

module.exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body);
      if (message.type !== 'OrderPlaced') {
        logger.debug('ignoring event', { type: message.type, messageId: record.messageId });
        continue;
      }
      const order = await markConfirmed(message.orderId);
      await requestShipment(order);
      logger.info('order confirmed', { orderId: order.orderId });
    } catch (err) {
      if (err.name === 'ConflictError') {
        // Redelivery of a message we already handled: safe to drop.
        logger.warn('skipping order in unexpected state', { orderId: err.orderId });
        continue;
      }
      logger.error('fulfilment failed', { messageId: record.messageId, error: err.message });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
