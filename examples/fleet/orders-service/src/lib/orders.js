'use strict';

const { v4: uuidv4 } = require('uuid');

const FREE_SHIPPING_THRESHOLD_CENTS = 5000;
const FLAT_SHIPPING_CENTS = 495;

function priceOrder(items) {
  const subtotalCents = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  const shippingCents = subtotalCents >= FREE_SHIPPING_THRESHOLD_CENTS ? 0 : FLAT_SHIPPING_CENTS;
  return { subtotalCents, shippingCents, totalCents: subtotalCents + shippingCents };
}

function newOrderId() {
  return `ord_${uuidv4().replace(/-/g, '')}`;
}

function buildOrder(customerId, input, now = new Date()) {
  const timestamp = now.toISOString();
  return {
    orderId: newOrderId(),
    customerId,
    status: 'PLACED',
    currency: input.currency,
    items: input.items,
    shippingAddress: input.shippingAddress,
    notes: input.notes,
    ...priceOrder(input.items),
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

module.exports = { buildOrder, priceOrder, newOrderId };
