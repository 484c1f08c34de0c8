'use strict';

class HttpError extends Error {
  constructor(statusCode, message, details) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.details = details;
  }
}

class ValidationError extends HttpError {
  constructor(message, details) {
    super(400, message, details);
    this.name = 'ValidationError';
  }
}

class UnauthorizedError extends HttpError {
  constructor(message = 'unauthorized') {
    super(401, message);
    this.name = 'UnauthorizedError';
  }
}

class NotFoundError extends HttpError {
  constructor(message) {
    super(404, message);
    this.name = 'NotFoundError';
  }
}

function json(statusCode, body, headers = {}) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

// Maps known errors to their HTTP status; anything else is logged and hidden behind a 500.
function toHttpResponse(err, logger) {
  if (err instanceof HttpError) {
    return json(err.statusCode, { error: err.name, message: err.message, details: err.details });
  }
  if (logger) logger.error('unhandled error', { error: err.message, name: err.name, stack: err.stack });
  return json(500, { error: 'InternalError', message: 'internal server error' });
}

module.exports = { HttpError, ValidationError, UnauthorizedError, NotFoundError, json, toHttpResponse };
