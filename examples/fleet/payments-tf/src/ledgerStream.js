'use strict';

exports.handler = async (event) => {
  let inserts = 0;
  for (const record of event.Records) {
    if (record.eventName === 'INSERT' && record.dynamodb.NewImage) {
      inserts += 1;
    }
  }
  console.log(JSON.stringify({ inserts }));
  return { inserts };
};
