'use strict';

const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
const { sendOrderShippedEmail } = require('../lib/mailer');
const { createLogger } = require('../lib/logger');

dayjs.extend(utc);

const logger = createLogger({ fn: 'notifyCustomer' });

function toNotice(record) {
  const shipment = JSON.parse(record.Sns.Message);
  const estimatedDelivery = dayjs
    .utc(shipment.shippedAt)
    .add(shipment.transitDays ?? 3, 'day')
    .format('dddd D MMMM YYYY');
  return {
    to: shipment.customerEmail,
    customerName: shipment.customerName,
    orderId: shipment.orderId,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber,
    estimatedDelivery,
  };
}

// Callback style is kept on purpose: this function still runs on nodejs18.x.
function handler(event, context, callback) {
  let notices;
  try {
    notices = event.Records.filter((record) => record.EventSource === 'aws:sns').map(toNotice);
  } catch (err) {
    logger.error('malformed shipment notice', { error: err.message });
    callback(err);
    return;
  }

  Promise.all(notices.map((notice) => sendOrderShippedEmail(notice)))
    .then((messageIds) => {
      logger.info('shipping emails sent', { count: messageIds.length, requestId: context.awsRequestId });
      callback(null, { sent: messageIds.length });
    })
    .catch((err) => {
      logger.error('failed to send shipping email', { error: err.message, name: err.name });
      callback(err);
    });
}

module.exports.handler = handler;
