import type { ScheduledEvent } from 'aws-lambda';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { logger } from '../lib/logger';
import type { InventoryItem } from '../lib/types';

const s3 = new S3Client({});

const COLUMNS = ['sku', 'name', 'category', 'quantity', 'reserved', 'reorderPoint'] as const;
type Column = (typeof COLUMNS)[number];

// The end-of-day schedule passes the constant input {"full": true} instead of the ScheduledEvent.
type SnapshotEvent = ScheduledEvent | { full: boolean };

function csvCell(value: InventoryItem[Column]): string {
  const text = value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const handler = async (event: SnapshotEvent): Promise<{ key: string; rows: number; lowStock: number }> => {
  const full = 'full' in event && event.full === true;
  const rows: string[] = [COLUMNS.join(',')];
  let lowStock = 0;

  for await (const page of paginateScan({ client: ddb, pageSize: 500 }, { TableName: TABLE_NAME })) {
    for (const raw of page.Items ?? []) {
      const item = raw as InventoryItem;
      const isLow = item.quantity <= (item.reorderPoint ?? 0);
      if (isLow) lowStock += 1;
      if (full || isLow) {
        rows.push(COLUMNS.map((column) => csvCell(item[column])).join(','));
      }
    }
  }

  const stamp = new Date().toISOString().slice(0, 13).replace('T', '/');
  const key = `snapshots/${stamp}${full ? '-full' : '-low-stock'}.csv`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.SNAPSHOT_BUCKET,
      Key: key,
      Body: rows.join('\n'),
      ContentType: 'text/csv',
    }),
  );
  logger.info('snapshot written', { key, rows: rows.length - 1, lowStock, full });
  return { key, rows: rows.length - 1, lowStock };
};
