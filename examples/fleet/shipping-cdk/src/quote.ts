import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { priceFor } from './rates';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const weight = Number(event.queryStringParameters?.weight ?? '1');
  if (!Number.isFinite(weight) || weight <= 0) {
    return { statusCode: 400, body: JSON.stringify({ message: 'weight must be a positive number' }) };
  }
  const price = priceFor(weight, process.env.RATES_TABLE ?? 'rates');
  return { statusCode: 200, body: JSON.stringify({ weight, price }) };
};
