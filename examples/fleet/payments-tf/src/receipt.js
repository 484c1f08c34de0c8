'use strict';

exports.handler = async (event) => {
  const messages = event.Records.map((record) => JSON.parse(record.Sns.Message));
  for (const message of messages) {
    console.log(JSON.stringify({ from: process.env.SENDER, to: message.email, total: message.total }));
  }
  return { sent: messages.length };
};
