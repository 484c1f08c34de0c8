import type { ScheduledEvent } from 'aws-lambda';

export const handler = async (event: ScheduledEvent): Promise<void> => {
  if (event['detail-type'] !== 'Scheduled Event') {
    throw new TypeError(`unexpected ${event['detail-type']}`);
  }
};
