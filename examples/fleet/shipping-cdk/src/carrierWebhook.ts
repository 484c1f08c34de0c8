import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const update = JSON.parse(event.body ?? '{}') as { trackingId?: string; status?: string };
  if (!update.trackingId) {
    return { statusCode: 422, body: 'trackingId is required' };
  }
  console.log(JSON.stringify({ trackingId: update.trackingId, status: update.status ?? 'unknown' }));
  return { statusCode: 204, body: '' };
}
