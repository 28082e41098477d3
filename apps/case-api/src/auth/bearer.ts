import type { Request } from 'express';
import { ProblemException } from '../common/problem';
import type { TokenClaims, TokenVerifier } from './token-verifier';

/** The token of an `Authorization: Bearer <token>` header, if the request sends one. */
export function bearerToken(req: Request): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

/** The token's claims, or 401 AUTH.TOKEN_INVALID saying why the verifier refused it. */
export async function verifiedClaims(verifier: TokenVerifier, token: string): Promise<TokenClaims> {
  try {
    return await verifier.verify(token);
  } catch (err) {
    throw new ProblemException(401, 'AUTH.TOKEN_INVALID', {
      en: `The bearer token was rejected: ${(err as Error).message}`,
      zh: `访问令牌被拒绝（${(err as Error).message}），请重新登录`,
    });
  }
}
