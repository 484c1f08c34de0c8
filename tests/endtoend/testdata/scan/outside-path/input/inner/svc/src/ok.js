const shared = require('../../../outside/secret');

exports.handler = async () => shared.handler();
