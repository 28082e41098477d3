import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'unit-secret-0123456789';
  const body = '{"id":"case-x:1","message":{"zh":"案源已登记"}}';

  it('is HMAC-SHA256 over "<timestamp>.<raw body>", hex, as a receiver computes it with any HMAC library', () => {
    const expected = createHmac('sha256', secret).update(`1764720000.${body}`, 'utf8').digest('hex');
    expect(signWebhook(secret, 1764720000, body)).toBe(`sha256=${expected}`);
  });

  it('verifies only the same secret, timestamp and bytes', () => {
    const sig = signWebhook(secret, 1764720000, body);
    expect(verifyWebhook(secret, '1764720000', body, sig)).toBe(true);
    expect(verifyWebhook(secret, '1764720001', body, sig)).toBe(false);
    expect(verifyWebhook('other-secret-0123456789', '1764720000', body, sig)).toBe(false);
    expect(verifyWebhook(secret, '1764720000', body.replace('已', '未'), sig)).toBe(false);
    expect(verifyWebhook(secret, '1764720000', body, 'sha256=00')).toBe(false);
  });
});
