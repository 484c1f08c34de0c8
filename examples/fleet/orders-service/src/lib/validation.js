'use strict';

const { ValidationError } = require('./errors');

function parseJsonBody(event) {
  if (!event.body) {
    throw new ValidationError('request body is required');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError('request body must be valid JSON');
  }
}

// Works with any schema object exposing zod's safeParse() contract.
function parseOrThrow(schema, input) {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw new ValidationError('request validation failed', details);
  }
  return result.data;
}

module.exports = { parseJsonBody, parseOrThrow };
