const { save } = require('./lib');

exports.handler = async (event) => {
  await save(JSON.parse(event.body));
  return { statusCode: 201, body: process.env.TABLE_NAME };
};
