import { redact, redactText, REDACTED } from './redact';

describe('redactText', () => {
  it('masks resident ID numbers of 18 digits or 17 and X', () => {
    expect(redactText('当事人身份证号 110105199003071234, 另一人 11010519900307123X.')).toBe(
      '当事人身份证号 11**************34, 另一人 11**************3X.',
    );
    expect(redactText('id=44030419851231001x')).toBe('id=44**************1x');
  });

  it('masks mainland mobile numbers, with or without +86', () => {
    expect(redactText('联系电话13812345678')).toBe('联系电话138****5678');
    expect(redactText('tel +86 19912345678;')).toBe('tel +86 199****5678;');
    expect(redactText('"phone":"15500001111"')).toBe('"phone":"155****1111"');
  });

  it('leaves numbers that only contain such digits inside something else', () => {
    const hash = 'a1381234567812345678b';
    const uuid = '0b8f5c1e-2d7a-4c1b-9e57-000000000101';
    expect(redactText(hash)).toBe(hash);
    expect(redactText(uuid)).toBe(uuid);
    // Too short or too long for either, or not a mobile prefix.
    expect(redactText('12812345678 1381234567 1234567890123456789')).toBe('12812345678 1381234567 1234567890123456789');
  });

  it('masks bearer tokens, JWTs and secret pairs in free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(redactText(`Authorization: Bearer ${jwt}`)).toBe(`Authorization: ${REDACTED}`);
    expect(redactText(`token ${jwt} seen`)).toBe(`token ${REDACTED} seen`);
    expect(redactText('GET /x?access_token=abc123&y=1')).toBe(`GET /x?access_token=${REDACTED}&y=1`);
    expect(redactText('{"password":"hunter2"}')).toBe(`{"password":"${REDACTED}"}`);
    expect(redactText('Basic dXNlcjpwYXNz')).toBe(`Basic ${REDACTED}`);
  });
});

describe('redact', () => {
  it('replaces the values of secret keys at any depth, whatever they hold', () => {
    const out = redact({
      headers: { Authorization: 'Bearer x', 'x-request-id': 'r1', cookie: 'sid=1' },
      body: { password: 'p', accessToken: 'abc', tokenCount: 2, token: 42 },
    });
    expect(out).toEqual({
      headers: { Authorization: REDACTED, 'x-request-id': 'r1', cookie: REDACTED },
      body: { password: REDACTED, accessToken: REDACTED, tokenCount: 2, token: REDACTED },
    });
  });

  it('masks personal numbers in nested strings and arrays, and leaves the input unchanged', () => {
    const input = { party: { idNumber: '110105199003071234', phones: ['13812345678'] }, n: 3, ok: true, none: null };
    const copy = structuredClone(input);
    expect(redact(input)).toEqual({ party: { idNumber: '11**************34', phones: ['138****5678'] }, n: 3, ok: true, none: null });
    expect(input).toEqual(copy);
  });

  it('reduces errors to name, message and stack, masked', () => {
    const err = new Error('party 13812345678 not found');
    const out = redact({ err }) as { err: { name: string; message: string; stack: string } };
    expect(out.err.name).toBe('Error');
    expect(out.err.message).toBe('party 138****5678 not found');
    expect(out.err.stack).not.toContain('13812345678');
  });

  it('survives cycles and deep nesting, and keeps a shared object seen twice', () => {
    const a: Record<string, unknown> = { phone: '13812345678' };
    a.self = a;
    expect(redact(a)).toEqual({ phone: '138****5678', self: '[Circular]' });
    const shared = { x: 1 };
    expect(redact({ p: shared, q: shared })).toEqual({ p: { x: 1 }, q: { x: 1 } });
    let deep: unknown = 'end';
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(JSON.stringify(redact(deep))).toContain('[Object]');
  });

  it('writes dates, maps and buffers as values a log can hold', () => {
    expect(redact({ at: new Date('2026-01-02T03:04:05Z'), m: new Map([['phone', '13812345678']]), b: Buffer.alloc(3) })).toEqual({
      at: '2026-01-02T03:04:05.000Z',
      m: { phone: '138****5678' },
      b: '[Buffer 3 bytes]',
    });
  });
});
