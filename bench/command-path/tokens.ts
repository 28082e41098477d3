import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@zhifa/config';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import { DEMO_AGENCY, DEMO_USERS } from '../../infra/seed/demo-people';

// The demo people as the benchmarks act: their ids, and bearer tokens
// signed with the apps' secret as case-api's own issuer signs them.

export function demoUser(username: string): (typeof DEMO_USERS)[number] {
  const u = DEMO_USERS.find((x) => x.username === username);
  if (!u) throw new Error(`no demo user ${username}`);
  return u;
}

/** Issues a token for a demo user under the apps' environment. */
export function tokenIssuer(appEnv: NodeJS.ProcessEnv): (username: string) => Promise<string> {
  const cfg = loadConfig(appEnv);
  const tokens = new HmacTokenVerifier(new JwtService({ secret: cfg.jwt.secret }), cfg);
  return (username) => {
    const u = demoUser(username);
    return tokens.issue({ sub: u.id, agencyId: DEMO_AGENCY.id, roles: u.roles });
  };
}
