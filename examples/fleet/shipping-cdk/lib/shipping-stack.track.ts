import type { ScheduledEvent } from 'aws-lambda';

export const handler = async (event: ScheduledEvent): Promise<{ refreshed: number }> => {
  const started = new Date(event.time);
  console.log(JSON.stringify({ message: 'refreshing tracking', at: started.toISOString() }));
  return { refreshed: 0 };
};
