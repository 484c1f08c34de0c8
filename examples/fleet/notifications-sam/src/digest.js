'use strict';

exports.handler = async (event) => {
  const hour = Number(process.env.DIGEST_HOUR || '7');
  console.log(JSON.stringify({ message: 'building digest', hour, scheduled: event.time }));
  return { hour };
};
