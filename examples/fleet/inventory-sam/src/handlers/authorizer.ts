import { createHash } from 'node:crypto';
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../lib/dynamo';
import { logger } from '../lib/logger';

interface ApiKeyRecord {
  keyHash: string;
  clientId: string;
  scopes: string[];
  revoked?: boolean;
  expiresAt?: string;
}

const KEY_FORMAT = /^inv_(live|test)_[A-Za-z0-9]{32}$/;

// arn:aws:execute-api:region:account:apiId/stage/METHOD/resource -> allow every route of the stage
function stageResources(methodArn: string, readOnly: boolean): string {
  const [prefix, stage] = methodArn.split('/');
  return readOnly ? `${prefix}/${stage}/GET/*` : `${prefix}/${stage}/*`;
}

export const handler = async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const key = event.authorizationToken?.trim();
  if (!key || !KEY_FORMAT.test(key)) {
    throw new Error('Unauthorized');
  }

  // Keys are stored hashed; the plaintext key never leaves the client.
  const keyHash = createHash('sha256').update(key).digest('hex');
  const { Item } = await ddb.send(new GetCommand({ TableName: process.env.API_KEYS_TABLE, Key: { keyHash } }));
  const record = Item as ApiKeyRecord | undefined;
  const expired = record?.expiresAt !== undefined && Date.parse(record.expiresAt) < Date.now();

  if (!record || record.revoked || expired) {
    logger.warn('api key rejected', { keyPrefix: key.slice(0, 8), revoked: record?.revoked ?? false, expired });
    throw new Error('Unauthorized');
  }

  const readOnly = !record.scopes.includes('inventory:write');
  return {
    principalId: record.clientId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: stageResources(event.methodArn, readOnly) }],
    },
    context: { clientId: record.clientId, scopes: record.scopes.join(' ') },
  };
};
