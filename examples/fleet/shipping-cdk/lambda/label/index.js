'use strict';

const { formatLabel } = require('./format');

exports.handler = async (event) => {
  const failures = [];
  for (const record of event.Records) {
    try {
      const order = JSON.parse(record.body);
      console.log(formatLabel(order, process.env.CARRIER), process.env.LABEL_BUCKET);
    } catch (err) {
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};
