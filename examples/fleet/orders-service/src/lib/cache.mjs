import Redis from 'ioredis';
import { createLogger } from './logger.js';

const logger = createLogger({ component: 'cache' });

const noopCache = {
  async get() {
    return null;
  },
  async set() {},
};

// Connects once per execution environment. A cache outage must never fail a read,
// so every failure degrades to the no-op cache.
export async function connectCache() {
  const url = process.env.REDIS_URL;
  if (!url) {
    logger.info('REDIS_URL not set, caching disabled');
    return noopCache;
  }
  const ttlSeconds = Number(process.env.CACHE_TTL_SECONDS ?? 60);
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  try {
    await redis.connect();
  } catch (err) {
    logger.warn('redis unavailable, continuing without cache', { error: err.message });
    redis.disconnect();
    return noopCache;
  }
  return {
    get: (key) => redis.get(key).catch(() => null),
    set: (key, value) => redis.set(key, value, 'EX', ttlSeconds).catch(() => undefined),
  };
}
