'use strict';

function toCents(amount) {
  const value = Number(amount);
  if (!Number.isFinite(value)) {
    throw new RangeError(`not an amount: ${amount}`);
  }
  return Math.round(value * 100);
}

module.exports = { toCents };
