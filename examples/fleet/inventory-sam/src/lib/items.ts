import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, TABLE_NAME } from './dynamo';
import { NotFoundError } from './errors';
import type { InventoryItem } from './types';

export async function getItem(sku: string): Promise<InventoryItem> {
  const { Item } = await ddb.send(new GetCommand({ TableName: TABLE_NAME, Key: { sku }, ConsistentRead: true }));
  if (!Item) {
    throw new NotFoundError('item', sku);
  }
  return Item as InventoryItem;
}

export function availableQuantity(item: Pick<InventoryItem, 'quantity' | 'reserved'>): number {
  return Math.max(0, item.quantity - (item.reserved ?? 0));
}
