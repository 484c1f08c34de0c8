import { createHmac, timingSafeEqual } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './lib/dynamo.js';

const SIGNATURE_TOLERANCE_SECONDS = 300;
const STATUS_BY_TYPE = {
  'payment.succeeded': 'PAID',
  'payment.failed': 'PAYMENT_FAILED',
  'payment.refunded': 'REFUNDED',
};

class SignatureError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SignatureError';
  }
}

// Header format: "t=<unix seconds>,v1=<hex hmac-sha256 of `${t}.${body}`>"
function verifySignature(header, rawBody, secret, nowMs = Date.now()) {
  const parts = Object.fromEntries((header ?? '').split(',').map((pair) => pair.trim().split('=', 2)));
  const timestamp = Number(parts.t);
  if (!timestamp || !parts.v1) throw new SignatureError('missing or malformed signature header');
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    throw new SignatureError('signature timestamp outside tolerance');
  }
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new SignatureError('signature mismatch');
  }
}

async function applyPaymentEvent(paymentEvent) {
  const status = STATUS_BY_TYPE[paymentEvent.type];
  if (!status) return false;
  await ddb.send(
    new UpdateCommand({
      TableName: process.env.INVOICES_TABLE,
      Key: { invoiceId: paymentEvent.data.invoiceId },
      UpdateExpression: 'SET #status = :status, paymentRef = :ref, paidAmountCents = :amount, updatedAt = :now',
      ConditionExpression: 'attribute_exists(invoiceId)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': status,
        ':ref': paymentEvent.id,
        ':amount': paymentEvent.data.amountCents ?? 0,
        ':now': new Date().toISOString(),
      },
    }),
  );
  return true;
}

export const handler = async (event) => {
  // Path 1: fan-out from the payment provider's SNS integration (already trusted).
  if (event.Records?.[0]?.EventSource === 'aws:sns') {
    let applied = 0;
    for (const record of event.Records) {
      if (await applyPaymentEvent(JSON.parse(record.Sns.Message))) applied += 1;
    }
    return { received: event.Records.length, applied };
  }

  // Path 2: the provider's direct webhook through the function URL (payload format 2.0).
  if (event.requestContext?.http?.method !== 'POST') {
    return { statusCode: 405, headers: { allow: 'POST' }, body: '' };
  }
  const rawBody = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body ?? '';
  try {
    verifySignature(event.headers?.['x-payment-signature'], rawBody, process.env.PAYMENT_WEBHOOK_SECRET);
  } catch (err) {
    if (err.name !== 'SignatureError') throw err;
    return { statusCode: 401, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: err.message }) };
  }
  const applied = await applyPaymentEvent(JSON.parse(rawBody));
  return {
    statusCode: applied ? 200 : 202,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ received: true, applied }),
  };
};
