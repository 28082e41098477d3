import Redis from 'ioredis';

/** For workers: BullMQ needs maxRetriesPerRequest null (blocking commands); they wait out an outage. */
export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * For the relay's producers: a command fails at once while Redis is down
 * (no offline queue), so the outbox transaction rolls back and its rows stay
 * pending instead of a transaction held open until Redis returns.
 */
export function producerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
}
