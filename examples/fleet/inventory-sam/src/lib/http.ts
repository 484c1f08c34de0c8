import type { APIGatewayProxyResult } from 'aws-lambda';
import { logger } from './logger';

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

export function json<T>(statusCode: number, body: T, headers: Record<string, string> = {}): APIGatewayProxyResult {
  return { statusCode, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function hasStatusCode(err: unknown): err is Error & { statusCode: number } {
  return err instanceof Error && typeof (err as { statusCode?: unknown }).statusCode === 'number';
}

export function errorResponse(err: unknown): APIGatewayProxyResult {
  if (hasStatusCode(err) && err.statusCode < 500) {
    return json(err.statusCode, { error: err.name, message: err.message });
  }
  logger.error('unhandled error', err as Error);
  return json(500, { error: 'InternalError', message: 'internal server error' });
}
