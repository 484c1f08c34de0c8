'use strict';
/*
 * A Lambda runtime for Node.js handlers, run by `migrate golden` against its Runtime API emulator.
 * This file is the invoke loop; runtime_api.js is the Runtime API client, loader.js finds the handler,
 * errors.js names and shapes the errors.
 *
 * It behaves as AWS's Node runtime does in the nodejs18.x/20.x/22.x runtimes
 * (aws-lambda-nodejs-runtime-interface-client 3.x: src/index.mjs, Runtime.js, CallbackContext.js,
 * UserFunction.js, InvokeContext.js, Errors.js, RAPIDClient.js). The points that decide behaviour:
 *
 * - Loading `_HANDLER` (`dir/file.a.b`): an extensionless file, then `.js` by require unless the
 *   nearest package.json says "type": "module", then `.js` by import (type module), `.mjs` by import,
 *   `.cjs` by require, then require.resolve of the name from the task root. A SyntaxError becomes
 *   Runtime.UserCodeSyntaxError, MODULE_NOT_FOUND becomes Runtime.ImportModuleError; other errors
 *   (including ESM's ERR_MODULE_NOT_FOUND) go out as they are. A missing or non-function export is
 *   Runtime.HandlerNotFound. Any of these is posted to /init/error, then the process exits.
 * - Each invoke calls handler(event, context, callback). A returned promise settles the invoke
 *   (resolve → response, reject → error). Otherwise the callback settles it: only the first call of
 *   callback/done/succeed/fail counts; an error is posted at once; a success is posted at once when
 *   context.callbackWaitsForEmptyEventLoop is false, and when it is true (the default) once the event
 *   loop is empty (the 'beforeExit' event).
 * - Sync handlers: the value a non-async function returns is IGNORED (the client only looks at
 *   promises). When the event loop empties without the callback having been called, a handler that
 *   is not an `async function` gets a `null` response, and an `async function` whose promise never
 *   settled gets Runtime.NodeJsExit. (The Node 24 runtime, client 4.x, awaits any return value and
 *   drops callbacks; this file follows the 3.x client.)
 * - Results are JSON.stringify-ed (undefined → null). Errors become {errorType: error.name,
 *   errorMessage: error.message, trace: stack lines}; a thrown non-Error becomes
 *   {errorType: typeof value, errorMessage: String(value), trace: []}.
 * - An uncaught exception during an invoke is posted as that invoke's error and the process exits
 *   (129); an unhandled rejection is posted as Runtime.UnhandledPromiseRejection and the process
 *   exits (128). During init both are posted to /init/error.
 *
 * Not reproduced: response streaming (a streamified handler is an init error here), the console
 * patch that prefixes log lines with the request id, X-Ray error causes.
 */

const { NodeJsExit, UnhandledPromiseRejection, errorBody, logError, serialise } = require('./errors.js');
const { loadHandler } = require('./loader.js');
const { RuntimeApiClient } = require('./runtime_api.js');

// ---------------------------------------------------------------- the Runtime API client

const [apiHost, apiPort] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const api = new RuntimeApiClient(apiHost, Number(apiPort));
const BASE = '/2018-06-01/runtime';

function post(urlPath, body, extraHeaders) {
  return api.request('POST', urlPath, body, { 'Content-Type': 'application/json', ...extraHeaders });
}

const client = {
  async next() {
    const res = await api.request('GET', `${BASE}/invocation/next`, undefined, {});
    if (res.status !== 200) throw new Error(`GET /invocation/next answered ${res.status}`);
    return { bodyJson: res.body.toString('utf8'), headers: res.headers };
  },
  postResponse(result, id, then) {
    const body = serialise(result); // throws synchronously, like the AWS client
    post(`${BASE}/invocation/${encodeURIComponent(id)}/response`, body).then(then, lostEmulator);
  },
  postError(error, id, then) {
    const body = errorBody(error);
    const header = { 'Lambda-Runtime-Function-Error-Type': body.errorType };
    post(`${BASE}/invocation/${encodeURIComponent(id)}/error`, JSON.stringify(body), header).then(then, lostEmulator);
  },
  postInitError(error, then) {
    const body = errorBody(error);
    const header = { 'Lambda-Runtime-Function-Error-Type': body.errorType };
    post(`${BASE}/init/error`, JSON.stringify(body), header).then(then, lostEmulator);
  },
};

function lostEmulator(error) {
  process.stderr.write(`golden bootstrap: lost the Runtime API at ${process.env.AWS_LAMBDA_RUNTIME_API}: ${error}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------- one invoke

// The single 'beforeExit' action: what to do when the event loop runs dry during an invoke.
const beforeExit = { action: () => {} };
const resetBeforeExit = () => (beforeExit.action = () => {});

/** callback, the context's callback part (done/succeed/fail + the wait flag), and markCompleted. */
function callbackContext(id, scheduleNext) {
  let completed = false;
  const complete = (result, then) => {
    if (completed) {
      console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
      return;
    }
    completed = true;
    client.postResponse(result, id, then);
  };
  const postError = (error, then) => {
    logError('Invoke Error', id, error);
    client.postError(error, id, then);
  };

  let waitForEmptyEventLoop = true;
  const callback = (error, result) => {
    resetBeforeExit();
    if (error !== undefined && error !== null) {
      postError(error, scheduleNext);
    } else if (!waitForEmptyEventLoop) {
      complete(result, scheduleNext);
    } else {
      beforeExit.action = () => setImmediate(() => complete(result, scheduleNext));
    }
  };
  const done = (error, result) => {
    resetBeforeExit();
    if (error !== undefined && error !== null) postError(error, scheduleNext);
    else complete(result, scheduleNext);
  };
  const context = {
    get callbackWaitsForEmptyEventLoop() {
      return waitForEmptyEventLoop;
    },
    set callbackWaitsForEmptyEventLoop(value) {
      waitForEmptyEventLoop = value;
    },
    done,
    succeed: (result) => done(null, result),
    fail: (error) => (error === undefined || error === null ? done('handled') : done(error, null)),
  };

  // Only the first call of callback, done, succeed or fail counts. The flag is set after the call,
  // so a call that throws (an unserialisable result) leaves room for the fail that follows it.
  let finished = false;
  const once = (fn) =>
    function (...args) {
      if (!finished) {
        fn(...args);
        finished = true;
      }
    };
  context.done = once(context.done);
  context.succeed = once(context.succeed);
  context.fail = once(context.fail);
  return [once(callback), context, () => (completed = true)];
}

function parseHeaderJson(value, name) {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new Error(`Cannot parse ${name} as json: ${error.toString()}`);
  }
}

function attachInvokeData(context, headers) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  if (headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'];
  else delete process.env._X_AMZN_TRACE_ID;
  return Object.assign(context, {
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: parseHeaderJson(headers['lambda-runtime-client-context'], 'ClientContext'),
    identity: parseHeaderJson(headers['lambda-runtime-cognito-identity'], 'CognitoIdentity'),
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    getRemainingTimeInMillis: () => deadline - Date.now(),
  });
}

function isPromise(value) {
  return Boolean(value && value.then && typeof value.then === 'function');
}

// ---------------------------------------------------------------- the loop

const errorHandlers = {
  uncaughtException: (error) => client.postInitError(error, () => process.exit(129)),
  unhandledRejection: (error) => client.postInitError(error, () => process.exit(128)),
};

function runLoop(handler) {
  const isAsync = handler.constructor !== undefined && handler.constructor.name === 'AsyncFunction';

  const scheduleNext = () =>
    setImmediate(() =>
      handleOnce().catch((error) => {
        console.log(`Unexpected Top Level Error: ${error.toString()}`);
        errorHandlers.uncaughtException(error);
      }),
    );

  async function handleOnce() {
    const { bodyJson, headers } = await client.next();
    const id = headers['lambda-runtime-aws-request-id'];
    const [callback, context, markCompleted] = callbackContext(id, scheduleNext);
    try {
      errorHandlers.uncaughtException = (error) => client.postError(error, id, () => process.exit(129));
      errorHandlers.unhandledRejection = (error) => client.postError(error, id, () => process.exit(128));
      beforeExit.action = () => {
        markCompleted();
        if (isAsync) {
          const error = new NodeJsExit();
          logError('Invoke Error', id, error);
          client.postError(error, id, scheduleNext);
        } else {
          client.postResponse(null, id, scheduleNext);
        }
      };
      const result = handler(JSON.parse(bodyJson), attachInvokeData(context, headers), callback);
      if (isPromise(result)) {
        result.then(context.succeed, context.fail).catch(context.fail);
      }
    } catch (error) {
      callback(error);
    }
  }

  scheduleNext();
}

async function main() {
  process.on('uncaughtException', (error) => {
    logError('Uncaught Exception', 'undefined', error);
    errorHandlers.uncaughtException(error);
  });
  process.on('unhandledRejection', (reason, promise) => {
    const error = new UnhandledPromiseRejection(reason, promise);
    logError('Unhandled Promise Rejection', 'undefined', error);
    errorHandlers.unhandledRejection(error);
  });
  process.on('beforeExit', () => beforeExit.action());
  const handler = await loadHandler(process.env.LAMBDA_TASK_ROOT, process.env._HANDLER);
  runLoop(handler);
}

main().catch((error) => {
  logError('Uncaught Exception', 'undefined', error);
  errorHandlers.uncaughtException(error);
});
