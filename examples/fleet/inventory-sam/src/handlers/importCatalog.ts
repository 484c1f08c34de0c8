import type { Readable } from 'node:stream';
import type { S3Event } from 'aws-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import Ajv, { type JSONSchemaType } from 'ajv';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { ValidationError } from '../lib/errors';
import { logger } from '../lib/logger';
import type { CatalogEntry } from '../lib/types';

const s3 = new S3Client({});
const ajv = new Ajv({ allErrors: true });

const catalogSchema: JSONSchemaType<CatalogEntry[]> = {
  type: 'array',
  maxItems: 10_000,
  items: {
    type: 'object',
    properties: {
      sku: { type: 'string', pattern: '^[A-Z0-9-]{4,32}$' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
      category: { type: 'string', minLength: 1 },
      priceCents: { type: 'integer', minimum: 0 },
      reorderPoint: { type: 'integer', minimum: 0 },
    },
    required: ['sku', 'name', 'category', 'priceCents', 'reorderPoint'],
    additionalProperties: false,
  },
};
const validateCatalog = ajv.compile(catalogSchema);

async function readBody(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Catalog data never touches stock levels: quantity/reserved are only initialised for new SKUs.
async function upsert(entry: CatalogEntry, now: string): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { sku: entry.sku },
      UpdateExpression:
        'SET #name = :name, category = :category, priceCents = :price, reorderPoint = :rp, updatedAt = :now, ' +
        'quantity = if_not_exists(quantity, :zero), reserved = if_not_exists(reserved, :zero)',
      ExpressionAttributeNames: { '#name': 'name' },
      ExpressionAttributeValues: {
        ':name': entry.name,
        ':category': entry.category,
        ':price': entry.priceCents,
        ':rp': entry.reorderPoint,
        ':now': now,
        ':zero': 0,
      },
    }),
  );
}

export const handler = async (event: S3Event): Promise<{ imported: number }> => {
  let imported = 0;
  for (const record of event.Records) {
    const bucket = record.s3.bucket.name;
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const { Body } = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const entries: unknown = JSON.parse(await readBody(Body as Readable));

    if (!validateCatalog(entries)) {
      throw new ValidationError(`${key} is not a valid catalog file`, ajv.errorsText(validateCatalog.errors).split(', '));
    }

    const now = new Date().toISOString();
    for (const group of chunked(entries, 10)) {
      await Promise.all(group.map((entry) => upsert(entry, now)));
      imported += group.length;
    }
    logger.info('catalog imported', { bucket, key, entries: entries.length });
  }
  return { imported };
};
