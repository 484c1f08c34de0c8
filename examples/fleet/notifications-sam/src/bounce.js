'use strict';

exports.handler = async (event) => {
  const bounced = [];
  for (const record of event.Records) {
    const notice = JSON.parse(record.Sns.Message);
    if (notice.bounceType === 'Permanent') {
      bounced.push(notice.recipient);
    }
  }
  return { bounced };
};
