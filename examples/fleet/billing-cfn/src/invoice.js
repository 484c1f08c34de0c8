import { createHash } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ddb } from './lib/dynamo.js';
import { invoiceLines } from './lib/plans.js';
import { periodBounds } from './lib/period.js';

const s3 = new S3Client({});

// Errors that retrying cannot fix.
const PERMANENT = new Set(['UnknownPlanError', 'RangeError']);

function invoiceIdFor(job) {
  const digest = createHash('sha256').update(`${job.subscriptionId}:${job.period}`).digest('hex');
  return `inv_${job.period.replace('-', '')}_${digest.slice(0, 12)}`;
}

async function generateInvoice(job) {
  const period = periodBounds(job.period);
  const lines = invoiceLines(job.planId, job.seats);
  const subtotalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
  const taxRateBps = Number(process.env.TAX_RATE_BPS ?? 0);
  const taxCents = Math.round((subtotalCents * taxRateBps) / 10_000);
  const invoice = {
    invoiceId: invoiceIdFor(job),
    subscriptionId: job.subscriptionId,
    customerId: job.customerId,
    periodStart: period.start,
    periodEnd: period.end,
    lines,
    subtotalCents,
    taxCents,
    totalCents: subtotalCents + taxCents,
    issuedAt: new Date().toISOString(),
  };

  // Deterministic key: re-running a job overwrites the same document.
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.INVOICE_BUCKET,
      Key: `invoices/${job.customerId}/${job.period}/${invoice.invoiceId}.json`,
      Body: JSON.stringify(invoice, null, 2),
      ContentType: 'application/json',
    }),
  );
  try {
    await ddb.send(
      new PutCommand({
        TableName: process.env.INVOICES_TABLE,
        Item: { ...invoice, status: 'OPEN' },
        ConditionExpression: 'attribute_not_exists(invoiceId)',
      }),
    );
  } catch (err) {
    if (err.name !== 'ConditionalCheckFailedException') throw err;
    return null; // already invoiced in an earlier attempt
  }
  return invoice;
}

export async function handler(event) {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const invoice = await generateInvoice(JSON.parse(record.body));
      console.log(JSON.stringify({ level: 'info', message: invoice ? 'invoice issued' : 'duplicate job', messageId: record.messageId, invoiceId: invoice?.invoiceId }));
    } catch (err) {
      const permanent = PERMANENT.has(err.name);
      console.error(JSON.stringify({ level: 'error', message: 'invoice job failed', messageId: record.messageId, error: err.message, permanent }));
      if (!permanent) batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
}
