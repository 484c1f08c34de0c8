exports.handler = async (event) => {
  for (const record of event.Records) {
    console.log(record.kinesis.data, record.eventSourceARN);
  }
};
