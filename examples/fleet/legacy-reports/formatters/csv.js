function cell(value) {
  var text = value === null || value === undefined ? '' : String(value);
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

module.exports = {
  extension: 'csv',
  render: function (columns, rows) {
    var lines = [columns.join(',')];
    rows.forEach(function (row) {
      lines.push(columns.map(function (c) { return cell(row[c]); }).join(','));
    });
    return lines.join('\n') + '\n';
  },
};
