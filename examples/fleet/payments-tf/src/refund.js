'use strict';

const { toCents } = require('./money');

exports.handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    const refund = JSON.parse(record.body);
    if (!refund.paymentId) {
      failures.push({ itemIdentifier: record.messageId });
      continue;
    }
    console.log(JSON.stringify({ table: process.env.LEDGER_TABLE, paymentId: refund.paymentId, cents: toCents(refund.amount) }));
  }
  return { batchItemFailures: failures };
};
