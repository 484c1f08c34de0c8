'use strict';
// The errors golden's Node bootstrap posts, named and shaped as AWS's Node runtime (client 3.x,
// src/Errors.js) names and shapes them. See bootstrap.js for the behaviour as a whole.

const util = require('node:util');

class ImportModuleError extends Error {}
class HandlerNotFound extends Error {}
class MalformedHandlerName extends Error {}
class UserCodeSyntaxError extends Error {}
class NodeJsExit extends Error {
  constructor() {
    super(
      'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly ' +
        'caused by a Promise that was never settled. For more information, see ' +
        'https://nodejs.org/docs/latest/api/process.html#exit-codes',
    );
  }
}
class UnhandledPromiseRejection extends Error {
  constructor(reason, promise) {
    super(reason);
    this.reason = reason;
    this.promise = promise;
  }
}
class UnsupportedStreamingHandler extends Error {}
for (const cls of [
  ImportModuleError,
  HandlerNotFound,
  MalformedHandlerName,
  UserCodeSyntaxError,
  NodeJsExit,
  UnhandledPromiseRejection,
]) {
  cls.prototype.name = `Runtime.${cls.name}`;
}
UnsupportedStreamingHandler.prototype.name = 'Golden.UnsupportedStreamingHandler';

function looksLikeError(value) {
  return Boolean(
    value &&
      typeof value.name === 'string' && value.name &&
      typeof value.message === 'string' && value.message &&
      typeof value.stack === 'string' && value.stack,
  );
}

/** The body the runtime posts for an error: name/message/stack lines, or typeof/String. */
function errorBody(error) {
  try {
    if (util.types.isNativeError(error) || looksLikeError(error)) {
      return { errorType: error.name, errorMessage: error.message, trace: error.stack.split('\n') };
    }
    return { errorType: typeof error, errorMessage: error.toString(), trace: [] };
  } catch (_) {
    return {
      errorType: 'handled',
      errorMessage:
        'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

function logError(label, requestId, error) {
  let detail;
  try {
    detail = JSON.stringify(errorBody(error));
  } catch (_) {
    detail = String(error);
  }
  process.stderr.write(`${new Date().toISOString()}\t${requestId}\tERROR\t${label} \t${detail}\n`);
}

function serialise(result) {
  try {
    return JSON.stringify(result === undefined ? null : result);
  } catch (_) {
    throw new Error('Unable to stringify response body');
  }
}

module.exports = {
  ImportModuleError,
  HandlerNotFound,
  MalformedHandlerName,
  UserCodeSyntaxError,
  NodeJsExit,
  UnhandledPromiseRejection,
  UnsupportedStreamingHandler,
  errorBody,
  logError,
  serialise,
};
