'use strict';

const dayjs = require('dayjs');
const { QueryCommand, UpdateCommand } = require('@aws-sdk/lib-dynamodb');
const { docClient, ORDERS_TABLE } = require('../lib/db');
const { createPaymentsClient } = require('../lib/payments');
const { createLogger } = require('../lib/logger');

const logger = createLogger({ fn: 'reconcilePayments' });

async function* confirmedOrders(from, to) {
  let ExclusiveStartKey;
  do {
    const page = await docClient.send(
      new QueryCommand({
        TableName: ORDERS_TABLE,
        IndexName: 'byStatus',
        KeyConditionExpression: '#status = :status AND createdAt BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': 'CONFIRMED', ':from': from, ':to': to },
        ExclusiveStartKey,
      }),
    );
    yield* page.Items ?? [];
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

async function flagOrder(orderId, paymentStatus, detail) {
  await docClient.send(
    new UpdateCommand({
      TableName: ORDERS_TABLE,
      Key: { orderId },
      UpdateExpression: 'SET paymentStatus = :ps, paymentCheck = :detail, updatedAt = :now',
      ExpressionAttributeValues: { ':ps': paymentStatus, ':detail': detail, ':now': new Date().toISOString() },
    }),
  );
}

// Invoked by the nightly schedule with the constant input {"lookbackDays": 1}.
exports.handler = async (event) => {
  const lookbackDays = Number(event?.lookbackDays ?? 1);
  const to = dayjs().startOf('day');
  const from = to.subtract(lookbackDays, 'day');

  const settled = new Map();
  for await (const settlement of createPaymentsClient().settlements(from.toISOString(), to.toISOString())) {
    settled.set(settlement.reference, settlement);
  }

  const result = { checked: 0, matched: 0, missing: 0, mismatched: 0 };
  for await (const order of confirmedOrders(from.toISOString(), to.toISOString())) {
    result.checked += 1;
    const settlement = settled.get(order.orderId);
    if (!settlement) {
      result.missing += 1;
      await flagOrder(order.orderId, 'MISSING', { checkedAt: dayjs().toISOString() });
    } else if (settlement.amountCents !== order.totalCents || settlement.currency !== order.currency) {
      result.mismatched += 1;
      await flagOrder(order.orderId, 'MISMATCH', {
        expected: `${order.totalCents} ${order.currency}`,
        settled: `${settlement.amountCents} ${settlement.currency}`,
      });
    } else {
      result.matched += 1;
    }
  }

  logger.info('reconciliation complete', { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD'), ...result });
  return result;
};
