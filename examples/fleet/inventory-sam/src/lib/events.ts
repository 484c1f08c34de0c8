import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EventPublishError } from './errors';

const client = new EventBridgeClient({});
const SOURCE = 'com.acme.inventory';
const MAX_ENTRIES_PER_CALL = 10;

export type InventoryEventType = 'StockLevelChanged' | 'ItemOutOfStock';

export interface InventoryEvent<T extends object = Record<string, unknown>> {
  type: InventoryEventType;
  detail: T;
}

export async function publishInventoryEvents(events: readonly InventoryEvent[]): Promise<number> {
  let failed = 0;
  for (let i = 0; i < events.length; i += MAX_ENTRIES_PER_CALL) {
    const entries: PutEventsRequestEntry[] = events.slice(i, i + MAX_ENTRIES_PER_CALL).map((event) => ({
      EventBusName: process.env.EVENT_BUS_NAME,
      Source: SOURCE,
      DetailType: event.type,
      Detail: JSON.stringify(event.detail),
    }));
    const result = await client.send(new PutEventsCommand({ Entries: entries }));
    failed += result.FailedEntryCount ?? 0;
  }
  if (failed > 0) {
    throw new EventPublishError(failed, events.length);
  }
  return events.length;
}
