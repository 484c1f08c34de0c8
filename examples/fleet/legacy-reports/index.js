// Nightly sales report. Written in 2017 for nodejs6.10, lifted to newer runtimes without rewrites.
var fs = require('fs');
var path = require('path');
var execSync = require('child_process').execSync;
var AWS = require('aws-sdk');
var moment = require('moment');
var pg = require('pg');
var leftPad = require('left-pad-legacy-internal');

var s3 = new AWS.S3();

const { REPORT_BUCKET, ROW_FILTER } = process.env;
const reportFormat = process.env['REPORT_FORMAT'] || 'csv';

// Survive between invocations of a warm container.
let cache = null;
let invocationCount = 0;

function loadColumns() {
  // The column list is configured as a JS array literal (single quotes and all), hence eval.
  return eval('(' + (process.env.REPORT_COLUMNS || "['day', 'region', 'orders', 'revenue']") + ')');
}

function loadFormatter(name) {
  var formatterPath = './formatters/' + name;
  return require(formatterPath);
}

function buildRowFilter() {
  if (!ROW_FILTER) {
    return function () {
      return true;
    };
  }
  // e.g. ROW_FILTER="row.region !== 'test'"
  return new Function('row', 'return (' + ROW_FILTER + ');');
}

function queryRows(day, cb) {
  var client = new pg.Client({ connectionString: process.env.DATABASE_URL, statement_timeout: 60000 });
  client.connect(function (connectErr) {
    if (connectErr) return cb(connectErr);
    client.query(
      'SELECT day, region, COUNT(*) AS orders, SUM(total_cents) AS revenue ' +
        'FROM orders WHERE day = $1 GROUP BY day, region ORDER BY region',
      [day],
      function (queryErr, result) {
        client.end();
        cb(queryErr, result && result.rows);
      }
    );
  });
}

exports.handler = function (event, context, callback) {
  context.callbackWaitsForEmptyEventLoop = false;
  invocationCount++;

  if (event['detail-type'] !== 'Scheduled Event') {
    return callback(new Error('legacy-reports only runs on its schedule, got: ' + (event['detail-type'] || typeof event)));
  }
  var day = moment.utc(event.time).subtract(1, 'day').format('YYYY-MM-DD');

  function publish(rows, fromCache) {
    var formatter = loadFormatter(reportFormat);
    var columns = loadColumns();
    var printable = rows.filter(buildRowFilter()).map(function (row) {
      return Object.assign({}, row, { revenue: leftPad((Number(row.revenue) / 100).toFixed(2), 12) });
    });
    var file = path.join('/tmp', 'report-' + day + '.' + formatter.extension);
    fs.writeFileSync(file, formatter.render(columns, printable));
    execSync('gzip -f ' + file); // leaves <file>.gz

    s3.putObject(
      {
        Bucket: REPORT_BUCKET,
        Key: 'daily/' + day + '.' + formatter.extension + '.gz',
        Body: fs.readFileSync(file + '.gz'),
        ContentEncoding: 'gzip',
      },
      function (err) {
        if (err) return callback(err);
        console.log('report uploaded', day, printable.length + ' rows', 'invocation #' + invocationCount);
        callback(null, { day: day, rows: printable.length, cached: fromCache });
      }
    );
  }

  if (cache && cache.day === day) {
    return publish(cache.rows, true);
  }
  queryRows(day, function (err, rows) {
    if (err) return callback(err);
    cache = { day: day, rows: rows };
    publish(rows, false);
  });
};
