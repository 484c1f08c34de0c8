// Billing periods are calendar months in UTC, identified as "YYYY-MM".

const PERIOD_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

function format(date) {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function periodBounds(id) {
  const match = PERIOD_ID.exec(id ?? '');
  if (!match) {
    throw new RangeError(`invalid billing period "${id}"`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    id,
    start: new Date(Date.UTC(year, month, 1)).toISOString(),
    end: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
  };
}

export function previousPeriod(now) {
  return periodBounds(format(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))));
}
