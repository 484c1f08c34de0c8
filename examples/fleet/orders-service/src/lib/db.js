'use strict';

const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient } = require('@aws-sdk/lib-dynamodb');

// One client per execution environment; reused across invocations.
const docClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

const ORDERS_TABLE = process.env.ORDERS_TABLE;

module.exports = { docClient, ORDERS_TABLE };
