'use strict';

const zlib = require('node:zlib');
const { SQSClient, SendMessageBatchCommand } = require('@aws-sdk/client-sqs');
const { createLogger } = require('../lib/logger');

const sqs = new SQSClient({});
const logger = createLogger({ fn: 'ingestClickstream' });

function decode(record) {
  const raw = Buffer.from(record.kinesis.data, 'base64');
  // Mobile clients gzip their payloads; web clients send plain JSON.
  const text = raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return JSON.parse(text);
}

function findAbandonedCarts(entries, abandonAfterMs) {
  const sessions = new Map();
  let newest = 0;
  for (const { click, sequenceNumber } of entries) {
    const ts = Date.parse(click.ts);
    if (Number.isNaN(ts) || !click.sessionId) continue;
    newest = Math.max(newest, ts);
    const session = sessions.get(click.sessionId) ?? { checkoutAt: null, completed: false };
    if (click.type === 'checkout_started') Object.assign(session, { checkoutAt: ts, click, sequenceNumber });
    if (click.type === 'order_completed') session.completed = true;
    sessions.set(click.sessionId, session);
  }
  return [...sessions.values()].filter(
    (s) => s.checkoutAt !== null && !s.completed && s.click.customerId && newest - s.checkoutAt >= abandonAfterMs,
  );
}

exports.handler = async (event) => {
  const abandonAfterMs = Number(process.env.ABANDON_AFTER_MINUTES || 30) * 60_000;
  const entries = [];
  for (const record of event.Records) {
    try {
      entries.push({ click: decode(record), sequenceNumber: record.kinesis.sequenceNumber });
    } catch (err) {
      // Poison records are dropped: retrying cannot fix them.
      logger.warn('undecodable clickstream record', { sequenceNumber: record.kinesis.sequenceNumber, error: err.message });
    }
  }

  const abandoned = findAbandonedCarts(entries, abandonAfterMs);
  const batchItemFailures = [];
  for (let i = 0; i < abandoned.length; i += 10) {
    const chunk = abandoned.slice(i, i + 10);
    const response = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: process.env.ABANDONED_CART_QUEUE_URL,
        Entries: chunk.map((session, j) => ({
          Id: String(j),
          MessageBody: JSON.stringify({
            customerId: session.click.customerId,
            sessionId: session.click.sessionId,
            cartValueCents: session.click.cartValueCents,
            checkoutStartedAt: new Date(session.checkoutAt).toISOString(),
          }),
        })),
      }),
    );
    for (const failed of response.Failed ?? []) {
      batchItemFailures.push({ itemIdentifier: chunk[Number(failed.Id)].sequenceNumber });
    }
  }

  logger.info('clickstream batch processed', { records: event.Records.length, abandoned: abandoned.length });
  return { batchItemFailures };
};
