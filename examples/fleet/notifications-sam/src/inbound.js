'use strict';

exports.handler = async (event) => {
  const message = JSON.parse(event.body || '{}');
  if (!message.to) {
    return { statusCode: 400, body: JSON.stringify({ error: 'to is required' }) };
  }
  return { statusCode: 202, body: JSON.stringify({ accepted: message.to }) };
};
