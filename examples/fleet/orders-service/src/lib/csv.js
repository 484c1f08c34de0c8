'use strict';

class CsvParseError extends Error {
  constructor(message, lineNumber) {
    super(`line ${lineNumber}: ${message}`);
    this.name = 'CsvParseError';
    this.lineNumber = lineNumber;
  }
}

// RFC 4180-ish: quoted fields, doubled quotes inside quotes, no embedded newlines.
function parseCsvLine(line, lineNumber) {
  const fields = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (ch === '"') {
        inQuotes = false;
      } else {
        current += ch;
      }
    } else if (ch === '"') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (inQuotes) {
    throw new CsvParseError('unterminated quoted field', lineNumber);
  }
  fields.push(current);
  return fields;
}

module.exports = { parseCsvLine, CsvParseError };
