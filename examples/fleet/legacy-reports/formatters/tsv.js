module.exports = {
  extension: 'tsv',
  render: function (columns, rows) {
    var lines = [columns.join('\t')];
    rows.forEach(function (row) {
      lines.push(columns.map(function (c) { return String(row[c] == null ? '' : row[c]).replace(/\t/g, ' '); }).join('\t'));
    });
    return lines.join('\n') + '\n';
  },
};
