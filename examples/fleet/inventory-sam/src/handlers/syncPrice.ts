import type { EventBridgeEvent } from 'aws-lambda';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { ValidationError, isConditionalCheckFailed } from '../lib/errors';
import { logger } from '../lib/logger';

interface PriceChanged {
  sku: string;
  priceCents: number;
  currency: 'EUR';
  version: number;
  effectiveFrom: string;
}

export const handler = async (event: EventBridgeEvent<'PriceChanged', PriceChanged>): Promise<void> => {
  const { sku, priceCents, version, currency } = event.detail;
  if (!Number.isInteger(priceCents) || priceCents < 0 || currency !== 'EUR') {
    throw new ValidationError(`rejecting price change for ${sku}`, [`priceCents=${priceCents}`, `currency=${currency}`]);
  }

  try {
    await ddb.send(
      new UpdateCommand({
        TableName: TABLE_NAME,
        Key: { sku },
        UpdateExpression: 'SET priceCents = :price, priceVersion = :version, updatedAt = :now',
        // Events can arrive out of order: only ever move forward in version.
        ConditionExpression: 'attribute_exists(sku) AND (attribute_not_exists(priceVersion) OR priceVersion < :version)',
        ExpressionAttributeValues: { ':price': priceCents, ':version': version, ':now': event.time },
      }),
    );
    logger.info('price updated', { sku, priceCents, version, eventId: event.id });
  } catch (err) {
    if (isConditionalCheckFailed(err)) {
      logger.info('ignoring stale or unknown price change', { sku, version });
      return;
    }
    throw err;
  }
};
