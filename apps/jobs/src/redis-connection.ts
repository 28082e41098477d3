import Redis from 'ioredis';

/** BullMQ workers need maxRetriesPerRequest: null (blocking commands). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
