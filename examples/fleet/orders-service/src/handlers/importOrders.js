'use strict';

const crypto = require('node:crypto');
const readline = require('node:readline');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { BatchWriteCommand } = require('@aws-sdk/lib-dynamodb');
const { docClient, ORDERS_TABLE } = require('../lib/db');
const { parseCsvLine } = require('../lib/csv');
const { createLogger } = require('../lib/logger');

const s3 = new S3Client({});
const logger = createLogger({ fn: 'importOrders' });

const BATCH_SIZE = 25; // BatchWriteItem hard limit
const REQUIRED_COLUMNS = ['externalRef', 'customerId', 'sku', 'quantity', 'unitPriceCents', 'currency', 'placedAt'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function writeBatch(items, attempt = 0) {
  const response = await docClient.send(
    new BatchWriteCommand({ RequestItems: { [ORDERS_TABLE]: items.map((Item) => ({ PutRequest: { Item } })) } }),
  );
  const unprocessed = response.UnprocessedItems?.[ORDERS_TABLE] ?? [];
  if (unprocessed.length === 0) return;
  if (attempt >= 5) {
    throw new Error(`${unprocessed.length} orders still unprocessed after ${attempt} retries`);
  }
  await sleep(100 * 2 ** attempt);
  await writeBatch(unprocessed.map((request) => request.PutRequest.Item), attempt + 1);
}

// Deterministic ids make re-importing the same file idempotent.
function toOrder(row) {
  const quantity = Number.parseInt(row.quantity, 10);
  const unitPriceCents = Number.parseInt(row.unitPriceCents, 10);
  if (!Number.isInteger(quantity) || quantity < 1 || !Number.isInteger(unitPriceCents)) {
    return null;
  }
  const orderId = `ord_${crypto.createHash('sha256').update(row.externalRef).digest('hex').slice(0, 32)}`;
  return {
    orderId,
    customerId: row.customerId,
    status: 'IMPORTED',
    currency: row.currency,
    items: [{ sku: row.sku, quantity, unitPriceCents }],
    subtotalCents: quantity * unitPriceCents,
    shippingCents: 0,
    totalCents: quantity * unitPriceCents,
    source: 'marketplace-import',
    createdAt: new Date(row.placedAt).toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

exports.handler = async function importOrders(event) {
  const dryRun = process.env.IMPORT_DRY_RUN === 'true';
  const summary = [];
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));

    const lines = readline.createInterface({ input: Body, crlfDelay: Infinity });
    let header = null;
    let lineNumber = 0;
    let batch = [];
    let imported = 0;
    const rejected = [];

    for await (const line of lines) {
      lineNumber += 1;
      if (!line.trim()) continue;
      try {
        const fields = parseCsvLine(line, lineNumber);
        if (!header) {
          header = fields.map((f) => f.trim());
          const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
          if (missing.length) throw new Error(`${key}: missing columns ${missing.join(', ')}`);
          continue;
        }
        const order = toOrder(Object.fromEntries(header.map((name, i) => [name, fields[i]])));
        if (!order) {
          rejected.push({ lineNumber, reason: 'invalid quantity or price' });
          continue;
        }
        batch.push(order);
      } catch (err) {
        if (err.name !== 'CsvParseError') throw err;
        rejected.push({ lineNumber, reason: err.message });
        continue;
      }
      if (batch.length === BATCH_SIZE) {
        if (!dryRun) await writeBatch(batch);
        imported += batch.length;
        batch = [];
      }
    }
    if (batch.length) {
      if (!dryRun) await writeBatch(batch);
      imported += batch.length;
    }
    logger.info('import finished', { bucket, key, imported, rejected: rejected.length, dryRun });
    summary.push({ key, imported, rejected });
  }
  return summary;
};
