'use strict';

exports.handler = async (event) => {
  const { connectionId, routeKey } = event.requestContext;
  console.log(JSON.stringify({ connectionId, routeKey }));
  return { statusCode: 200 };
};
