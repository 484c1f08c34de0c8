exports.handler = async (event) => event.detail;
