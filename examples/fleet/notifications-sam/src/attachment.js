'use strict';

exports.handler = async (event) => {
  const keys = event.Records.map((record) => decodeURIComponent(record.s3.object.key.replace(/\+/g, ' ')));
  console.log(JSON.stringify({ attachments: keys }));
  return { count: keys.length };
};
