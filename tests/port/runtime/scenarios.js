// Scenarios: small programs written once in JavaScript (here) and once in Go
// against the jsrt API the way translated code uses it (driver/scenarios.go).
'use strict';

class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}
class PlainError extends Error {}

const caught = (f) => {
  try {
    return ['ok', f()];
  } catch (e) {
    return [e.name, e.message];
  }
};

module.exports = {
  tryCatchFinally: () => {
    const log = [];
    try {
      try {
        log.push('body');
        throw new RangeError('r');
      } finally {
        log.push('inner finally');
      }
    } catch (e) {
      log.push('caught ' + e.name + ' ' + e.message);
    } finally {
      log.push('outer finally');
    }
    return log;
  },
  errorSubclass: () => {
    const e = new ValidationError('bad input');
    return [e.name, e.message, e instanceof ValidationError, e instanceof Error, String(e), e.stack.split('\n')[0]];
  },
  errorEnumeration: () => {
    const e = new ValidationError('m');
    e.statusCode = 400;
    return [JSON.stringify(e), Object.keys(e), JSON.stringify({ ...e }), JSON.stringify(new Error('x')), Object.keys(new TypeError('t'))];
  },
  errorWithoutName: () => {
    const e = new PlainError('m');
    return [e.name, String(e), e instanceof PlainError, e instanceof TypeError];
  },
  builtinErrors: () => [caught(() => undefined.x), caught(() => null.y), caught(() => JSON.parse('{'))].map((p) => p[0]),
  readUndefined: () => caught(() => { const o = {}; return o.a.b; }),
  thrownString: () => { try { throw 'plain'; } catch (e) { return [typeof e, e]; } },
  promises: async () => {
    const all = await Promise.all([1, Promise.resolve(2), (async () => 3)()]);
    let rejected;
    try { await Promise.reject(new TypeError('boom')); } catch (e) { rejected = [e.name, e.message]; }
    const settled = await Promise.allSettled([Promise.resolve('a'), Promise.reject(new Error('b'))]);
    const chained = await Promise.resolve(2).then((x) => x * 10).catch(() => -1).finally(() => 0);
    return [all, rejected, settled.map((s) => s.status + ':' + (s.value ?? s.reason.message)), chained];
  },
  mapsAndSets: () => {
    const m = new Map([['b', 1], ['a', 2]]);
    m.set(NaN, 'nan').set(-0, 'zero').set('b', 3);
    const s = new Set([3, 1, 3, NaN, NaN]);
    s.delete(1);
    return [[...m.keys()].map(String), m.get(0), m.get(NaN), m.size, [...s].map(String), s.has(NaN), [...m.entries()].length];
  },
  spreadAndKeys: () => {
    const o = { ...{ b: 1, a: 2, 2: 'x' }, b: 3, ...'hi', 1: 'y' };
    return [Object.keys(o), [...'a\u{1F600}b'], Object.entries({ z: 1, 10: 2, 9: 3 })];
  },
  frozen: () => caught(() => { const o = Object.freeze({ a: 1 }); o.a = 2; return o.a; })[0],
  jsonSpecials: () => [
    JSON.stringify({ d: new Date(0), u: undefined, f() {}, n: NaN, z: -0, a: [undefined, () => 1, Infinity] }),
    JSON.stringify('\ud800\n\u2028'), JSON.stringify(undefined), JSON.stringify([new Map(), new Set([1])]),
    JSON.stringify({ b: 1, a: { b: 2, c: 3 }, c: 4 }, ['b', 'a']),
    JSON.stringify({ x: 1, y: 'two', z: [3] }, (k, v) => (typeof v === 'number' ? v * 2 : v), 1),
    JSON.parse('{"a":[1,{"b":2}]}', (k, v) => (typeof v === 'number' ? v + 1 : v)),
  ],
  numbersFormatting: () => [(1234567.891).toLocaleString(), (0.1 + 0.2).toFixed(2), (255).toString(16), (-7.5).toString(2), Number('0x1F'), 1e21 + '', 1 / 3],
  dates: () => {
    const d = new Date('2024-03-05T06:07:08.009Z');
    return [d.toISOString(), d.getTime(), d.getUTCDay(), d.getMonth(), JSON.stringify(d), new Date(2024, 0, 31).toISOString(), Date.UTC(2020, 1, 29)];
  },
  regexpExec: () => {
    const re = /(?<word>[a-z]+)(\d)?/g;
    const out = [];
    let m;
    while ((m = re.exec('ab1 cd ef2')) !== null) out.push([m[0], m[1], m[2], m.index, m.groups.word, re.lastIndex]);
    return [out, 'a-b_c'.replace(/[-_]/g, (c) => c === '-' ? '+' : '='), 'x1y22z'.split(/(\d+)/), /^\s*$/.test(' \u00a0\ufeff')];
  },
  globals: () => [
    decodeURI('%E2%82%AC%23%20'), decodeURIComponent('%E2%82%AC%23%20'), encodeURIComponent('a b&c/\u20ac'),
    encodeURI('http://x/a b?q=\u20ac#h'), Object.hasOwn({ a: 1 }, 'a'), Object.getOwnPropertyNames({ b: 1, a: 2 }),
    String.fromCharCode(72, 105), Number.parseFloat('1.5x'), Array.from({ length: 3 }, (_, i) => i * 2), Array.of(7),
    structuredClone({ a: [1, { b: 2 }] }), isNaN('x'), Number.isInteger(5.0), Math.max(...[1, 5, 3]), [0, 1, ''].filter(Boolean),
    [1, 2].map(String), ['1', '2.5'].map(Number), Number.MAX_SAFE_INTEGER, Math.PI, typeof crypto.randomUUID(),
  ],
  typeofAndCoercion: () => [typeof null, typeof [], typeof (() => 1), [] + {}, [1, [2, 3]] + '', `${[1, 2]}${null}${undefined}`, +[], +{}, +'  12  ', null + 1, undefined + 1, '3' * '4', true + true],
};
