'use strict';

const axios = require('axios');

// Note: deliberately does not set this.name, so at runtime err.name is 'Error'.
class PaymentProviderError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function createPaymentsClient() {
  const http = axios.create({
    baseURL: process.env.PAYMENT_API_URL,
    timeout: 8000,
    headers: { authorization: `Bearer ${process.env.PAYMENT_API_KEY}` },
  });

  return {
    // Yields every settlement in [from, to), following the provider's cursor pagination.
    async *settlements(from, to) {
      let cursor;
      do {
        let response;
        try {
          response = await http.get('/settlements', { params: { from, to, cursor, limit: 200 } });
        } catch (err) {
          throw new PaymentProviderError(`settlement lookup failed: ${err.message}`, err.response?.status);
        }
        yield* response.data.items;
        cursor = response.data.nextCursor;
      } while (cursor);
    },
  };
}

module.exports = { createPaymentsClient, PaymentProviderError };
