'use strict';

const { unmarshall } = require('@aws-sdk/util-dynamodb');
const { UpdateCommand } = require('@aws-sdk/lib-dynamodb');
const { docClient } = require('../lib/db');
const { createLogger } = require('../lib/logger');

const logger = createLogger({ fn: 'projectOrderStats' });

function emptyStats() {
  return { placed: 0, cancelled: 0, revenueCents: 0 };
}

// Folds a batch of order changes into per-day deltas, so each day costs one write.
function aggregate(records) {
  const byDay = new Map();
  const bump = (day) => {
    if (!byDay.has(day)) byDay.set(day, emptyStats());
    return byDay.get(day);
  };
  for (const record of records) {
    const newImage = record.dynamodb.NewImage ? unmarshall(record.dynamodb.NewImage) : null;
    const oldImage = record.dynamodb.OldImage ? unmarshall(record.dynamodb.OldImage) : null;
    if (record.eventName === 'INSERT' && newImage) {
      const stats = bump(newImage.createdAt.slice(0, 10));
      stats.placed += 1;
      stats.revenueCents += newImage.totalCents;
    } else if (record.eventName === 'MODIFY' && newImage?.status === 'CANCELLED' && oldImage?.status !== 'CANCELLED') {
      const stats = bump(newImage.createdAt.slice(0, 10));
      stats.cancelled += 1;
      stats.revenueCents -= newImage.totalCents;
    }
  }
  return byDay;
}

async function handler(event) {
  const byDay = aggregate(event.Records);
  for (const [day, stats] of byDay) {
    await docClient.send(
      new UpdateCommand({
        TableName: process.env.STATS_TABLE,
        Key: { day },
        UpdateExpression: 'ADD placed :p, cancelled :c, revenueCents :r SET updatedAt = :now',
        ExpressionAttributeValues: {
          ':p': stats.placed,
          ':c': stats.cancelled,
          ':r': stats.revenueCents,
          ':now': new Date().toISOString(),
        },
      }),
    );
  }
  logger.info('projected order changes', { records: event.Records.length, days: byDay.size });
}

exports.handler = handler;
