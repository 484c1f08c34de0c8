import type { SNSEvent } from 'aws-lambda';
import { logger } from '../lib/logger';

interface OutOfStockDetail {
  sku: string;
  name: string;
  quantity: number;
  reorderPoint?: number;
}

// The topic is fed by an EventBridge rule, so each SNS message is a full EventBridge event.
interface EventBridgeEnvelope<T> {
  'detail-type': string;
  time: string;
  detail: T;
}

function formatAlert({ 'detail-type': type, time, detail }: EventBridgeEnvelope<OutOfStockDetail>): string {
  const icon = detail.quantity <= 0 ? ':red_circle:' : ':large_yellow_circle:';
  return `${icon} *${type}*: ${detail.name} (\`${detail.sku}\`) is at ${detail.quantity} units` +
    (detail.reorderPoint !== undefined ? ` (reorder point ${detail.reorderPoint})` : '') +
    ` as of ${new Date(time).toUTCString()}`;
}

export async function handler(event: SNSEvent): Promise<void> {
  const webhookUrl = process.env.SLACK_WEBHOOK_URL;
  if (!webhookUrl) {
    logger.warn('SLACK_WEBHOOK_URL is not configured, dropping alerts', { count: event.Records.length });
    return;
  }

  for (const record of event.Records) {
    const envelope = JSON.parse(record.Sns.Message) as EventBridgeEnvelope<OutOfStockDetail>;
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: formatAlert(envelope) }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) {
      // Let SNS retry delivery; Slack 5xx responses are usually transient.
      throw new Error(`Slack webhook returned ${response.status} for ${envelope.detail.sku}`);
    }
    logger.info('out-of-stock alert posted', { sku: envelope.detail.sku, messageId: record.Sns.MessageId });
  }
}
