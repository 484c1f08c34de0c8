'use strict';

const { SESClient, SendEmailCommand } = require('@aws-sdk/client-ses');

const ses = new SESClient({});

class EmailRejectedError extends Error {
  constructor(recipient, reason) {
    super(`email to ${recipient} rejected: ${reason}`);
    this.name = 'EmailRejectedError';
    this.recipient = recipient;
  }
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function sendOrderShippedEmail({ to, customerName, orderId, carrier, trackingNumber, estimatedDelivery }) {
  if (!to || !EMAIL_RE.test(to)) {
    throw new EmailRejectedError(to, 'invalid recipient address');
  }
  const text = [
    `Hi ${customerName || 'there'},`,
    '',
    `Good news: order ${orderId} is on its way with ${carrier}.`,
    `Tracking number: ${trackingNumber}`,
    `Expected delivery: ${estimatedDelivery}`,
    '',
    'Thanks for shopping with Acme.',
  ].join('\n');

  const result = await ses.send(
    new SendEmailCommand({
      Source: process.env.SES_FROM_ADDRESS,
      ConfigurationSetName: process.env.SES_CONFIGURATION_SET,
      Destination: { ToAddresses: [to] },
      Message: {
        Subject: { Data: `Your order ${orderId} has shipped`, Charset: 'UTF-8' },
        Body: { Text: { Data: text, Charset: 'UTF-8' } },
      },
    }),
  );
  return result.MessageId;
}

module.exports = { sendOrderShippedEmail, EmailRejectedError };
