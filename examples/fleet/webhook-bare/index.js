'use strict';

const crypto = require('node:crypto');
const zlib = require('node:zlib');
const querystring = require('querystring');

const SIGNATURE_PREFIX = 'sha256=';

class WebhookSignatureError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

function respond(statusCode, body) {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers || {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function readBody(event, headers) {
  const buffer = Buffer.from(event.body || '', event.isBase64Encoded ? 'base64' : 'utf8');
  return headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(buffer) : buffer;
}

function verifySignature(signature, body) {
  const secret = process.env.GITHUB_WEBHOOK_SECRET;
  if (!secret) throw new WebhookSignatureError('webhook secret is not configured');
  if (!signature || !signature.startsWith(SIGNATURE_PREFIX)) throw new WebhookSignatureError('missing signature');
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(signature.slice(SIGNATURE_PREFIX.length), 'hex');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    throw new WebhookSignatureError('signature mismatch');
  }
}

// GitHub sends either application/json or a form post with the JSON in a "payload" field.
function parsePayload(body, contentType) {
  const text = body.toString('utf8');
  if ((contentType || '').startsWith('application/x-www-form-urlencoded')) {
    return JSON.parse(querystring.parse(text).payload || '{}');
  }
  return JSON.parse(text);
}

function summarize(eventName, payload) {
  const repository = payload.repository?.full_name;
  switch (eventName) {
    case 'ping':
      return { pong: true, hookId: payload.hook_id };
    case 'push':
      return { repository, ref: payload.ref, commits: payload.commits?.length ?? 0, pusher: payload.pusher?.name };
    case 'pull_request':
      return { repository, action: payload.action, number: payload.number, merged: Boolean(payload.pull_request?.merged) };
    default:
      return null;
  }
}

// Deliberately synchronous: everything here is CPU-only, no I/O to await.
function handler(event) {
  const method = event.requestContext?.http?.method;
  const path = event.rawPath;
  if (method === 'GET' && path === '/healthz') return respond(200, { ok: true });
  if (method !== 'POST' || path !== '/webhooks/github') return respond(404, { error: `no route for ${method} ${path}` });

  const headers = lowerCaseKeys(event.headers);
  const body = readBody(event, headers);
  try {
    verifySignature(headers['x-hub-signature-256'], body);
  } catch (err) {
    if (err.name !== 'WebhookSignatureError') throw err;
    return respond(401, { error: err.message });
  }

  let payload;
  try {
    payload = parsePayload(body, headers['content-type']);
  } catch {
    return respond(400, { error: 'payload is not valid JSON' });
  }

  const allowed = (process.env.ALLOWED_REPOSITORIES || '').split(',').map((s) => s.trim()).filter(Boolean);
  const repository = payload.repository?.full_name;
  if (allowed.length > 0 && !allowed.includes(repository)) {
    return respond(403, { error: `repository ${repository} is not allowed` });
  }

  const eventName = headers['x-github-event'];
  const summary = summarize(eventName, payload);
  console.log(JSON.stringify({ level: 'info', delivery: headers['x-github-delivery'], event: eventName, summary }));
  return respond(202, summary ? { accepted: true, summary } : { accepted: false, ignored: eventName });
}

exports.handler = handler;
