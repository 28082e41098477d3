// Reading a pasted token, without verifying it: the API verifies every request.

/** Who is signed in: what the sign-in gave; the header reads the rest from GET /me. */
export interface Session {
  token: string;
  /** The token's subject (the user's id). */
  userId: string;
  name: string;
  username?: string;
  roles: string[];
  via: 'dev' | 'token';
}

/** The claims of a JWT (header.payload.signature, base64url), or null when it is not one. */
export function tokenClaims(token: string): { sub?: unknown; roles?: unknown } | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+={0,2}$/.test(p))) return null;
  try {
    const binary = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as { sub?: unknown; roles?: unknown }) : null;
  } catch {
    return null;
  }
}

/** A session from a pasted token: its subject stands for the name, which the token does not carry. */
export function sessionFromToken(token: string): Session | null {
  const claims = tokenClaims(token);
  if (!claims || typeof claims.sub !== 'string' || claims.sub === '') return null;
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  return { token: token.trim(), userId: claims.sub, name: claims.sub, roles, via: 'token' };
}
