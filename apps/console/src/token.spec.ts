import { sessionFromToken, tokenClaims } from './token';

const b64url = (s: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(s)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const jwt = (payload: object) => `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;

describe('a pasted token', () => {
  it('gives its subject and roles, surrounding whitespace ignored', () => {
    const token = jwt({ sub: '0b8f5c1e-2d7a-4c1b-9e57-000000000102', roles: ['OFFICER'], agencyId: 'a', name: '李娜' });
    expect(sessionFromToken(`  ${token}\n`)).toEqual({
      token,
      userId: '0b8f5c1e-2d7a-4c1b-9e57-000000000102',
      name: '0b8f5c1e-2d7a-4c1b-9e57-000000000102',
      roles: ['OFFICER'],
      via: 'token',
    });
  });

  it('reads UTF-8 claims', () => {
    expect(tokenClaims(jwt({ sub: 'x', note: '执法' }))).toEqual({ sub: 'x', note: '执法' });
  });

  it('refuses what is not a JWT with a subject', () => {
    expect(sessionFromToken('')).toBeNull();
    expect(sessionFromToken('abc.def')).toBeNull();
    expect(sessionFromToken('a.b.c.d')).toBeNull();
    expect(sessionFromToken('not a.token at.all')).toBeNull();
    expect(sessionFromToken(`${b64url('{}')}.${b64url('not json')}.sig`)).toBeNull();
    expect(sessionFromToken(jwt({ roles: ['OFFICER'] }))).toBeNull();
    expect(sessionFromToken(jwt({ sub: 42 }))).toBeNull();
    expect(tokenClaims(`${b64url('{}')}.${b64url('[1]')}.sig`)).toBeNull();
  });

  it('keeps only string roles', () => {
    expect(sessionFromToken(jwt({ sub: 'u', roles: ['OFFICER', 3, null] }))?.roles).toEqual(['OFFICER']);
    expect(sessionFromToken(jwt({ sub: 'u', roles: 'OFFICER' }))?.roles).toEqual([]);
  });
});
