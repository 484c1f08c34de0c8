exports.handler = async (event) => {
  const body = event.body ? JSON.parse(event.body) : null;
  const headers = event.headers || {};
  const echo = {
    method: event.httpMethod || event.requestContext.http.method,
    path: event.rawPath || event.path,
    params: event.pathParameters || {},
    query: event.queryStringParameters || {},
    tenant: headers['x-tenant'] || '',
    body,
  };
  const status = body && body.sku === 'teapot' ? 418 : event.httpMethod ? 200 : 201;
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(echo) };
};
