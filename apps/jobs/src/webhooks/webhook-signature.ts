import { createHmac, timingSafeEqual } from 'node:crypto';

// How a receiver checks a delivery: HMAC-SHA256 with the agency's secret over
// `<timestamp>.<raw body>`, hex, sent as `sha256=<hex>`; the timestamp (Unix
// seconds) travels in its own header, so a receiver can refuse an old replay.

export const SIGNATURE_HEADER = 'x-zhifa-signature';
export const TIMESTAMP_HEADER = 'x-zhifa-timestamp';
export const EVENT_HEADER = 'x-zhifa-event-id';

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Whether `signature` signs `rawBody` at `timestamp` with `secret`, compared in constant time. */
export function verifyWebhook(secret: string, timestamp: string | number, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
