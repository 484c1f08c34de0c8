'use strict';

// Minimal structured logger: one JSON object per line, which CloudWatch Logs Insights can query.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = LEVELS[String(process.env.LOG_LEVEL || 'info').toLowerCase()] ?? LEVELS.info;

function write(level, message, fields) {
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...fields });
  if (level === 'error' || level === 'warn') {
    console.error(line);
  } else {
    console.log(line);
  }
}

function createLogger(bindings = {}) {
  return {
    debug: (message, fields) => write('debug', message, { ...bindings, ...fields }),
    info: (message, fields) => write('info', message, { ...bindings, ...fields }),
    warn: (message, fields) => write('warn', message, { ...bindings, ...fields }),
    error: (message, fields) => write('error', message, { ...bindings, ...fields }),
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

module.exports = { createLogger };
