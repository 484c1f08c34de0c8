import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { publishInventoryEvents, type InventoryEvent } from '../lib/events';
import { logger } from '../lib/logger';
import type { InventoryItem } from '../lib/types';

type Image = { [key: string]: unknown } | undefined;

function toItem(image: Image): InventoryItem | undefined {
  return image ? (unmarshall(image as Record<string, AttributeValue>) as InventoryItem) : undefined;
}

// Turns raw table changes into domain events; the out-of-stock rule on the bus fans them out.
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const events: InventoryEvent[] = [];
  for (const record of event.Records) {
    if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') continue;
    const current = toItem(record.dynamodb?.NewImage);
    const previous = toItem(record.dynamodb?.OldImage);
    if (!current || current.quantity === previous?.quantity) continue;

    events.push({
      type: 'StockLevelChanged',
      detail: { sku: current.sku, quantity: current.quantity, previousQuantity: previous?.quantity ?? null },
    });
    if (current.quantity <= 0 && (previous?.quantity ?? 0) > 0) {
      events.push({
        type: 'ItemOutOfStock',
        detail: { sku: current.sku, name: current.name, quantity: current.quantity, reorderPoint: current.reorderPoint },
      });
    }
  }

  if (events.length === 0) return;
  // EventPublishError propagates so the stream retries (and bisects) the batch.
  const published = await publishInventoryEvents(events);
  logger.info('inventory events published', { published, records: event.Records.length });
};
