// Runs the same steps as driver/main.go with the real AWS SDK for JavaScript v3.
const steps = JSON.parse(require('fs').readFileSync(0, 'utf8'));

async function runMiddy(spec) {
  const middy = (await import('@middy/core')).default;
  const jsonBodyParser = (await import('@middy/http-json-body-parser')).default;
  const httpErrorHandler = (await import('@middy/http-error-handler')).default;
  const handler = middy(async (event) => {
    if (spec.throw) throw Object.assign(new Error(spec.throw.message), spec.throw);
    return { statusCode: 200, body: event.body };
  })
    .use(jsonBodyParser())
    .use(httpErrorHandler({ logger: false }));
  return handler(spec.event, {});
}

async function run(s) {
  try {
    if (s.middy) return { ok: await runMiddy(s.middy) };
    const mod = require(s.module);
    let client;
    if (s.module === '@aws-sdk/lib-dynamodb') {
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
      client = mod[s.client].from(new DynamoDBClient({}), s.config);
    } else {
      client = new mod[s.client](s.config);
    }
    const res = await client.send(new mod[s.command](s.input));
    if (s.body) res.Body = await res.Body.transformToString();
    return { ok: res };
  } catch (e) {
    return { error: { name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata?.httpStatusCode } };
  }
}

(async () => {
  const out = [];
  for (const s of steps) out.push(await run(s));
  process.stdout.write(JSON.stringify(out) + '\n');
})();
