// Runs the same steps as driver/main.go with the real AWS SDK for JavaScript v3.
const steps = JSON.parse(require('fs').readFileSync(0, 'utf8'));

async function runMiddy(spec) {
  const prefix = spec.major === 4 ? 'middy4-' : '@middy/';
  const middy = (await import(`${prefix}core`)).default;
  const jsonBodyParser = (await import(`${prefix}http-json-body-parser`)).default;
  const httpErrorHandler = (await import(`${prefix}http-error-handler`)).default;
  const handler = middy(async (event) => {
    if (spec.throw) throw Object.assign(new Error(spec.throw.message), spec.throw);
    return { statusCode: 200, body: event.body };
  })
    .use(jsonBodyParser())
    .use(httpErrorHandler({ logger: false, ...spec.options }));
  return handler(spec.event, {});
}

function schema(z, d) {
  let s;
  if (d.t === 'object') s = z.object(Object.fromEntries(Object.entries(d.shape).map(([k, v]) => [k, schema(z, v)])));
  else if (d.t === 'array') s = z.array(schema(z, d.of));
  else if (d.t === 'enum') s = z.enum(d.values);
  else s = z[d.t]();
  for (const [method, ...args] of d.chain ?? []) {
    if (method === 'regex') args[0] = new RegExp(args[0]);
    if (method === 'refine') args[0] = (n) => n !== 0;
    s = s[method](...args);
  }
  return s;
}

function runZod(spec) {
  const { z } = require('zod');
  const res = schema(z, spec.schema).safeParse(spec.input);
  const out = { success: res.success, data: res.data };
  if (!res.success) {
    Object.assign(out, { name: res.error.name, message: res.error.message, issues: res.error.issues, flatten: res.error.flatten() });
  }
  return out;
}

async function run(s) {
  try {
    if (s.zod) return { ok: runZod(s.zod) };
    if (s.v2) {
      const AWS = require('aws-sdk');
      const cfg = { endpoint: process.env.AWS_ENDPOINT_URL };
      const client = s.v2 === 'DynamoDB.DocumentClient' ? new AWS.DynamoDB.DocumentClient(cfg) : new AWS[s.v2](cfg);
      return { ok: await client[s.method](s.input).promise() };
    }
    if (s.middy) return { ok: await runMiddy(s.middy) };
    const mod = require(s.module);
    let client;
    if (s.module === '@aws-sdk/lib-dynamodb') {
      const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
      client = mod[s.client].from(new DynamoDBClient({}), s.config);
    } else {
      client = new mod[s.client](s.config);
    }
    if (s.paginate) {
      const pages = [];
      for await (const page of mod[s.paginate]({ client, pageSize: 1 }, s.input)) pages.push(page);
      return { ok: pages };
    }
    const res = await client.send(new mod[s.command](s.input));
    if (s.body) res.Body = await res.Body.transformToString();
    return { ok: res };
  } catch (e) {
    return {
      error: {
        name: e.name, message: e.message, $fault: e.$fault, status: e.$metadata?.httpStatusCode,
        code: e.code, statusCode: e.statusCode,
      },
    };
  }
}

(async () => {
  const out = [];
  for (const s of steps) out.push(await run(s));
  process.stdout.write(JSON.stringify(out) + '\n');
})();
