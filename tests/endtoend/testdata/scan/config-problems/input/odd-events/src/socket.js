'use strict';

exports.handler = async (event) => {
  const { routeKey } = event.requestContext;
  if (routeKey === '$connect') {
    return { statusCode: 200 };
  }
  return { statusCode: 400, body: `unsupported route ${routeKey}` };
};
