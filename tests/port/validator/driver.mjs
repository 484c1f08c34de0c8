// The Node side of test_shim.py: the same steps as driver/main.go, through the real npm packages
// (middy 5 under @middy/*, middy 4 under middy4-*), printed as one JSON array.
import { readFileSync } from 'node:fs'

// ajv compiles a schema in milliseconds; a handler compiles its schemas once, so do the steps.
const cache = new Map()
function compiled (transpileSchema, major, schema, ajv) {
  const key = JSON.stringify([major, schema, ajv])
  if (!cache.has(key)) cache.set(key, transpileSchema(schema, ajv))
  return cache.get(key)
}

async function run (spec) {
  const out = {}
  try {
    out.response = await invoke(spec, out)
  } catch (e) {
    out.threw = `${e.name}: ${e.message}`
  }
  return out
}

async function invoke (spec, out) {
  const prefix = spec.major === 4 ? 'middy4-' : '@middy/'
  const middy = (await import(`${prefix}core`)).default
  const parser = (await import(`${prefix}http-json-body-parser`)).default
  const validator = (await import(`${prefix}validator`)).default
  const { transpileSchema } = await import(`${prefix}validator/transpile`)
  const errors = (await import(`${prefix}http-error-handler`)).default
  const handler = async (event) => {
    out.seen = JSON.stringify(event)
    if (spec.response !== undefined) return spec.response
    return { statusCode: 200, body: JSON.stringify(event.body) }
  }
  const options = {}
  for (const key of ['eventSchema', 'responseSchema', 'contextSchema']) {
    if (spec[key] !== undefined) options[key] = compiled(transpileSchema, spec.major, spec[key], spec.ajv)
  }
  if (spec.localize) {
    // a languages entry, as ajv-ftl-i18n's would: rewrites each error's message in place
    options.languages = { en: (errors) => errors.forEach((e) => { e.message = `en: ${e.message}` }) }
  }
  const recorder = {
    onError: async (request) => {
      const e = request.error
      out.error = {}
      for (const key of ['name', 'message', 'status', 'statusCode', 'expose', 'cause']) out.error[key] = e[key]
    }
  }
  const m = middy(handler).use(parser()).use(validator(options)).use(errors({ logger: false })).use(recorder)
  return await m(spec.event, { functionName: 'validated' })
}

const steps = JSON.parse(readFileSync(0, 'utf8'))
const results = []
for (const step of steps) results.push(await run(step))
console.log(JSON.stringify(results))
