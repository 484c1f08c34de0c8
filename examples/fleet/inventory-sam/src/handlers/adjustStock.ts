import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { InsufficientStockError, ValidationError, isConditionalCheckFailed } from '../lib/errors';
import { getItem } from '../lib/items';
import { logger } from '../lib/logger';

const Adjustment = z.object({
  sku: z.string().regex(/^[A-Z0-9-]{4,32}$/),
  delta: z
    .number()
    .int()
    .refine((n) => n !== 0, 'delta must not be zero'),
  reason: z.enum(['RECEIVED', 'SOLD', 'RETURNED', 'DAMAGED', 'RECOUNT']),
  reference: z.string().max(64).optional(),
});
type Adjustment = z.infer<typeof Adjustment>;

// Failures that a retry can never fix: drop them (after logging) instead of poisoning the batch.
const PERMANENT = new Set(['ValidationError', 'InsufficientStockError', 'NotFoundError']);

function parse(body: string): Adjustment {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new ValidationError('message body is not JSON');
  }
  const result = Adjustment.safeParse(raw);
  if (!result.success) {
    throw new ValidationError('invalid stock adjustment', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

async function apply(adjustment: Adjustment): Promise<number> {
  try {
    const { Attributes } = await ddb.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { sku: adjustment.sku },
        UpdateExpression: 'ADD quantity :delta SET updatedAt = :now, lastAdjustment = :reason',
        ConditionExpression: 'attribute_exists(sku) AND quantity >= :needed',
        ExpressionAttributeValues: {
          ':delta': adjustment.delta,
          ':needed': Math.max(0, -adjustment.delta),
          ':now': new Date().toISOString(),
          ':reason': adjustment.reason,
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.quantity);
  } catch (err) {
    if (!isConditionalCheckFailed(err)) throw err;
    const item = await getItem(adjustment.sku); // throws NotFoundError for unknown SKUs
    throw new InsufficientStockError(adjustment.sku, -adjustment.delta, item.quantity);
  }
}

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const adjustment = parse(record.body);
      const quantity = await apply(adjustment);
      logger.info('stock adjusted', { sku: adjustment.sku, delta: adjustment.delta, quantity });
    } catch (err) {
      const name = (err as Error).name;
      if (PERMANENT.has(name)) {
        logger.warn('dropping stock adjustment', { messageId: record.messageId, reason: (err as Error).message, name });
        continue;
      }
      logger.error('stock adjustment failed, will retry', err as Error);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
