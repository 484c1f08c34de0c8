import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from 'aws-lambda';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});
const startedAt = new Date().toISOString();

type CheckStatus = 'ok' | 'degraded';

async function checkTable(): Promise<CheckStatus> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: process.env.INVENTORY_TABLE }));
    return Table?.TableStatus === 'ACTIVE' ? 'ok' : 'degraded';
  } catch {
    return 'degraded';
  }
}

// Public, unauthenticated endpoint used by the uptime monitor. ?deep=true also checks DynamoDB.
export const handler = async (event: LambdaFunctionURLEvent): Promise<LambdaFunctionURLResult> => {
  const checks: Record<string, CheckStatus> = {};
  if (event.queryStringParameters?.deep === 'true') {
    checks.table = await checkTable();
  }
  const healthy = Object.values(checks).every((status) => status === 'ok');
  return {
    statusCode: healthy ? 200 : 503,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify({
      status: healthy ? 'ok' : 'degraded',
      version: process.env.APP_VERSION ?? 'unknown',
      region: process.env.AWS_REGION,
      startedAt,
      checks,
    }),
  };
};
