'use strict';

// The moment shim against moment 2.30: format() on fixed instants (every token of the subset,
// brackets, escapes, line terminators), valueOf/unix/toISOString/toJSON, invalid dates, and the
// untranslated rest throwing (Node answers those; the port's answer differs: tests compare only
// what the shim translates).
const moment = require('moment');

const PATTERNS = [
  'YYYYMMDD-hhmmss', 'YYYY-MM-DD HH:mm:ss.SSS', 'Y YY YYYY YYYYY YYYYYY', 'M MM MMM MMMM Mo',
  'D DD Do DDD DDDD DDDo', 'd do dd ddd dddd', 'H HH h hh k kk a A', 'm mm s ss S SS SSS SSSS SSSSSSSSS',
  'Hmm Hmmss hmm hmmss', 'x X Z ZZ', '[Today is] dddd [[x]', '\\Y\\e [YYYY] \\[', 'a\nb\rc\u2028d', 'w|W|',
  '', 'bcfijnoprtuv: ,.-/',
];

exports.handler = async (event) => {
  const instants = event.instants.map((ms) => moment(ms));
  return {
    formats: instants.map((m) => PATTERNS.map((p) => m.format(p))),
    defaults: instants.map((m) => [m.format(), m.valueOf(), m.unix(), m.toISOString(), m.toJSON(), m.isValid()]),
    json: JSON.stringify({ when: moment(event.instants[0]) }),
    fromDate: moment(new Date(event.instants[0])).format('x'),
    copy: moment(moment(event.instants[0])).valueOf(),
    invalid: [moment(NaN).format('YYYY'), moment(NaN).isValid(), moment(NaN).toISOString(), moment(NaN).unix()],
    nowYear: Number(moment().format('YYYY')) >= 2024,
    date: moment(event.instants[0]).toDate().getTime(),
  };
};
