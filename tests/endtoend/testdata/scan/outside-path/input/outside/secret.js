exports.handler = async () => process.env.OUTSIDE_SECRET;
