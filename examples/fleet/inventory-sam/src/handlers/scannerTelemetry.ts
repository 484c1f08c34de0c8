import type { KinesisStreamBatchResponse, KinesisStreamEvent, KinesisStreamRecord } from 'aws-lambda';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, TABLE_NAME } from '../lib/dynamo';
import { logger } from '../lib/logger';

interface ScanReading {
  deviceId: string;
  sku: string;
  action: 'PICK' | 'PUTAWAY' | 'COUNT';
  quantity: number;
  at: string;
}

// No name assignment: instances report name === 'Error' at runtime.
class TelemetryDecodeError extends Error {
  constructor(readonly sequenceNumber: string, cause: unknown) {
    super(`cannot decode telemetry record ${sequenceNumber}`, { cause });
  }
}

function decode(record: KinesisStreamRecord): ScanReading {
  try {
    const reading = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8')) as Partial<ScanReading>;
    if (!reading.sku || !reading.action || !Number.isInteger(reading.quantity)) {
      throw new Error('missing sku, action or quantity');
    }
    return reading as ScanReading;
  } catch (err) {
    throw new TelemetryDecodeError(record.kinesis.sequenceNumber, err);
  }
}

export const handler = async (event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> => {
  const picks = new Map<string, { units: number; firstSequence: string }>();
  for (const record of event.Records) {
    let reading: ScanReading;
    try {
      reading = decode(record);
    } catch (err) {
      if (!(err instanceof TelemetryDecodeError)) throw err;
      logger.warn('skipping undecodable reading', { sequenceNumber: err.sequenceNumber, cause: String(err.cause) });
      continue;
    }
    if (reading.action !== 'PICK') continue;
    const entry = picks.get(reading.sku) ?? { units: 0, firstSequence: record.kinesis.sequenceNumber };
    entry.units += reading.quantity;
    picks.set(reading.sku, entry);
  }

  const batchItemFailures: KinesisStreamBatchResponse['batchItemFailures'] = [];
  for (const [sku, { units, firstSequence }] of picks) {
    try {
      await ddb.send(
        new UpdateCommand({
          TableName: TABLE_NAME,
          Key: { sku },
          UpdateExpression: 'ADD pickedToday :units SET lastPickAt = :now',
          ConditionExpression: 'attribute_exists(sku)',
          ExpressionAttributeValues: { ':units': units, ':now': new Date().toISOString() },
        }),
      );
    } catch (err) {
      logger.error('failed to record picks', { sku, units, error: (err as Error).message });
      batchItemFailures.push({ itemIdentifier: firstSequence });
    }
  }
  return { batchItemFailures };
};
