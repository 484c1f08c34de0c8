'use strict';

function formatLabel(order, carrier) {
  if (!order || !order.id) {
    throw new TypeError('order id is required');
  }
  return `${carrier || 'any'}:${order.id}:${order.address || 'unknown'}`;
}

module.exports = { formatLabel };
