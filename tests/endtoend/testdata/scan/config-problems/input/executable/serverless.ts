const config = { service: 'exec', functions: { hello: { handler: 'handler.hello' } } };
module.exports = config;
