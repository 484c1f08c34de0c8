'use strict';

const jwt = require('jsonwebtoken');
const { createLogger } = require('../lib/logger');

const logger = createLogger({ fn: 'authorizer' });

// Serves two callers: the REST API (TOKEN authorizer, expects an IAM policy)
// and the HTTP API (REQUEST authorizer with simple responses, expects {isAuthorized}).
function extractToken(event) {
  const raw =
    event.type === 'TOKEN'
      ? event.authorizationToken
      : event.headers?.authorization ?? event.headers?.Authorization;
  const match = /^Bearer\s+(\S+)$/i.exec(raw || '');
  return match ? match[1] : null;
}

function verifyToken(token) {
  return jwt.verify(token, process.env.JWT_SECRET, {
    algorithms: ['HS256'],
    issuer: process.env.JWT_ISSUER,
    clockTolerance: 30,
  });
}

// Cache-friendly: allow every route of the API stage, not only the one being called.
// methodArn = arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{resource}
function stageWildcard(methodArn) {
  const [apiArn, stage] = methodArn.split('/');
  return `${apiArn}/${stage}/*`;
}

function policy(principalId, methodArn, context) {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageWildcard(methodArn) }],
    },
    context,
  };
}

async function handler(event) {
  const token = extractToken(event);
  let claims = null;
  if (token) {
    try {
      claims = verifyToken(token);
    } catch (err) {
      logger.warn('token rejected', { reason: err.name, detail: err.message });
    }
  }

  const context = claims ? { customerId: String(claims.sub), scope: claims.scope || '' } : {};

  if (event.type === 'TOKEN') {
    if (!claims) {
      // API Gateway turns exactly this message into a 401 response.
      throw new Error('Unauthorized');
    }
    return policy(context.customerId, event.methodArn, context);
  }

  logger.debug('http api authorization', { routeArn: event.routeArn, allowed: Boolean(claims) });
  return { isAuthorized: Boolean(claims), context };
}

module.exports = { handler };
