'use strict';

// Supplier price feed, one record per line:
//   SKU|SUPPLIER_SKU|PRICE|CURRENCY|VALID_FROM
// Lines starting with '#' are comments; the last line is a trailer "#COUNT <n>".

class FeedFormatError extends Error {
  constructor(message, lineNumber) {
    super(`line ${lineNumber}: ${message}`);
    this.name = 'FeedFormatError';
    this.lineNumber = lineNumber;
  }
}

const CURRENCIES = new Set(['EUR', 'USD', 'GBP']);

function parseRecord(fields, lineNumber) {
  if (fields.length !== 5) {
    throw new FeedFormatError(`expected 5 fields, got ${fields.length}`, lineNumber);
  }
  const [sku, supplierSku, price, currency, validFrom] = fields.map((f) => f.trim());
  const priceCents = Math.round(Number(price) * 100);
  if (!Number.isFinite(priceCents) || priceCents < 0) {
    throw new FeedFormatError(`invalid price "${price}"`, lineNumber);
  }
  if (!CURRENCIES.has(currency)) {
    throw new FeedFormatError(`unsupported currency "${currency}"`, lineNumber);
  }
  return { sku, supplierSku, priceCents, currency, validFrom: new Date(validFrom).toISOString() };
}

function parseFeed(text) {
  const records = [];
  let declaredCount = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (!line.trim()) continue;
    if (line.startsWith('#COUNT ')) {
      declaredCount = Number(line.slice(7));
      continue;
    }
    if (line.startsWith('#') {
      continue;
    }
    records.push(parseRecord(line.split('|'), i + 1));
  }
  if (declaredCount !== null && declaredCount !== records.length) {
    throw new FeedFormatError(`trailer declares ${declaredCount} records, found ${records.length}`, lines.length);
  }
  return records;
}

exports.handler = async (event) => {
  const supplierId = event.headers?.['x-supplier-id'];
  if (!supplierId) {
    return { statusCode: 400, body: JSON.stringify({ error: 'x-supplier-id header is required' }) };
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('latin1') : event.body || '';
  try {
    const records = parseFeed(text);
    console.log(JSON.stringify({ level: 'info', supplierId, records: records.length }));
    return { statusCode: 200, body: JSON.stringify({ supplierId, accepted: records.length, records }) };
  } catch (err) {
    if (err.name !== 'FeedFormatError') throw err;
    return { statusCode: 422, body: JSON.stringify({ error: err.message, line: err.lineNumber }) };
  }
};
