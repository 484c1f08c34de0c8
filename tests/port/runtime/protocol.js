// Reference side of the jsrt property tests: the same operations as
// driver/ops.go, evaluated by node. One JSON case per line in, one result per line out.
'use strict';
const readline = require('readline');
const scenarios = require('./scenarios.js');

const units = (s) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
const fromUnits = (u) => {
  let s = '';
  for (let i = 0; i < u.length; i += 4096) s += String.fromCharCode(...u.slice(i, i + 4096));
  return s;
};
const bitsOf = (x) => {
  if (Number.isNaN(x)) return '7ff8000000000000'; // NaN's bits are not observable in JS
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16).padStart(16, '0');
};
const fromBits = (h) => {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, BigInt('0x' + h));
  return dv.getFloat64(0);
};

function decode(x) {
  switch (x.t) {
    case 'undef': return undefined;
    case 'null': return null;
    case 'bool': return x.v;
    case 'num': return fromBits(x.v);
    case 'str': return fromUnits(x.v);
    case 'arr': return x.v.map(decode);
    case 'obj': {
      const o = {};
      for (const [k, v] of x.v) o[fromUnits(k)] = decode(v);
      return o;
    }
  }
  throw new Error('cannot decode ' + JSON.stringify(x));
}

function encode(v) {
  if (v === undefined) return { t: 'undef' };
  if (v === null) return { t: 'null' };
  switch (typeof v) {
    case 'boolean': return { t: 'bool', v };
    case 'number': return { t: 'num', v: bitsOf(v) };
    case 'string': return { t: 'str', v: units(v) };
  }
  if (Array.isArray(v)) return { t: 'arr', v: Array.from(v, encode) };
  if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
    return { t: 'obj', v: Object.keys(v).map((k) => [units(k), encode(v[k])]) };
  }
  return { t: 'other', v: units(String(v)) };
}

const callbacks = {
  double: (x) => x * 2,
  truthy: (x) => !!x,
  add: (a, b) => a + b,
  pair: (a, b) => [a, b],
  isString: (x) => typeof x === 'string',
  numAsc: (a, b) => a - b,
  numDesc: (a, b) => b - a,
  byLength: (a, b) => a.length - b.length,
};

function run(op, a) {
  const [x, y] = a;
  switch (op) {
    case 'String': return String(x);
    case 'Number': return Number(x);
    case 'parseInt': return a.length > 1 ? parseInt(x, y) : parseInt(x);
    case 'parseFloat': return parseFloat(x);
    case 'add': return x + y;
    case 'sub': return x - y;
    case 'mul': return x * y;
    case 'div': return x / y;
    case 'mod': return x % y;
    case 'exp': return x ** y;
    case 'strictEq': return x === y;
    case 'sameValueZero': return [x].includes(y);
    case 'looseEq': return x == y;
    case 'less': return x < y;
    case 'lessEq': return x <= y;
    case 'greater': return x > y;
    case 'greaterEq': return x >= y;
    case 'truthy': return !!x;
    case 'get': return x[y];
    case 'typeof': return typeof x;
    case 'template': return a.map((p) => `${p}`).join('');
    case 'method': return x[y](...a.slice(2));
    case 'methodCb': return x[y](callbacks[a[2]], ...a.slice(3));
    case 'stringify': return JSON.stringify(x, undefined, y);
    case 'parse': return JSON.parse(x);
    case 'objectKeys': return Object.keys(x);
    case 'objectEntries': return Object.entries(x);
    case 'mathRound': return Math.round(x);
    case 'mathMax': return Math.max(...a);
    case 'mathMin': return Math.min(...a);
    case 'dateISO': return new Date(x).toISOString();
    case 'dateTime': return new Date(x).getTime();
    case 'buffer': return Buffer.from(x, y).toString(a[2]);
    case 'regexp': return a[3][a[2]](new RegExp(x, y), ...a.slice(4));
    case 'scenario': return scenarios[x]();
    case 'format': return require('util').format(...a);
  }
  throw new Error('unknown op ' + op);
}

const out = [];
let chain = Promise.resolve();
const handle = async (line) => {
  const c = JSON.parse(line);
  if (c.op === 'flush') {
    process.stdout.write(out.join(''));
    out.length = 0;
    return;
  }
  let res;
  try {
    res = { ok: encode(await run(c.op, c.args.map(decode))) };
  } catch (e) {
    const name = e && typeof e === 'object' ? String(e.name) : typeof e;
    const message = e && typeof e === 'object' ? String(e.message) : String(e);
    res = { throw: { name, message: units(message) } };
  }
  out.push(JSON.stringify(res) + '\n');
};
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
// Cases run one after another (scenarios may await).
rl.on('line', (line) => { chain = chain.then(() => handle(line)); });
