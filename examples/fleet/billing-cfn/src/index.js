import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { ddb } from './lib/dynamo.js';
import { previousPeriod } from './lib/period.js';

const sqs = new SQSClient({});
const SQS_BATCH_LIMIT = 10;

function log(level, message, fields = {}) {
  console.log(JSON.stringify({ level, message, fn: 'billing-run', ...fields }));
}

// Triggered by the monthly EventBridge schedule; bills the month that just ended.
export const handler = async (event) => {
  const period = previousPeriod(new Date(event.time ?? Date.now()));
  let pending = [];
  let enqueued = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const entries = pending;
    pending = [];
    const result = await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: process.env.INVOICE_QUEUE_URL, Entries: entries }),
    );
    if (result.Failed?.length) {
      // Failing the run makes EventBridge retry it; already-created invoices are skipped by the worker.
      throw new Error(`failed to enqueue ${result.Failed.length} invoice jobs: ${result.Failed[0].Message}`);
    }
    enqueued += entries.length;
  };

  const pages = paginateQuery(
    { client: ddb, pageSize: 200 },
    {
      TableName: process.env.SUBSCRIPTIONS_TABLE,
      IndexName: 'byStatus',
      KeyConditionExpression: '#status = :active',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'ACTIVE' },
    },
  );
  for await (const page of pages) {
    for (const subscription of page.Items ?? []) {
      pending.push({
        Id: String(pending.length),
        MessageBody: JSON.stringify({
          subscriptionId: subscription.subscriptionId,
          customerId: subscription.customerId,
          planId: subscription.planId,
          seats: subscription.seats,
          period: period.id,
        }),
      });
      if (pending.length === SQS_BATCH_LIMIT) await flush();
    }
  }
  await flush();

  log('info', 'billing run queued', { period: period.id, enqueued, trigger: event.id });
  return { period: period.id, enqueued };
};
