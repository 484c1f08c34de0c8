// statusCode + expose follow the http-errors convention that @middy/http-error-handler understands.

export class ValidationError extends Error {
  readonly statusCode = 400;
  readonly expose = true;

  constructor(message: string, readonly issues: string[] = []) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  readonly statusCode = 404;
  readonly expose = true;

  constructor(readonly resource: string, readonly id: string) {
    super(`${resource} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

export class InsufficientStockError extends Error {
  override name = 'InsufficientStockError';

  constructor(readonly sku: string, readonly requested: number, readonly available: number) {
    super(`cannot remove ${requested} of ${sku}: only ${available} in stock`);
  }
}

export class EventPublishError extends Error {
  override name = 'EventPublishError' as const;

  constructor(readonly failedCount: number, readonly total: number) {
    super(`${failedCount} of ${total} inventory events were rejected by EventBridge`);
  }
}

export function isConditionalCheckFailed(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}
