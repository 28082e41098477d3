import { randomUUID } from 'node:crypto';
import type { Role } from '@zhifa/domain';
import { HmacTokenVerifier } from '../../apps/case-api/src/auth/token-verifier';
import type { Stack } from './stack';

/**
 * A person of an agency other than the demo's (one a system administrator
 * created), put straight into the directory with a token: an officer gets a
 * valid enforcement certificate.
 */
export async function agencyPerson(stack: Stack, agencyId: string, roles: Role[], name = '测试人员'): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  await stack.ds.query(`INSERT INTO users (id, agency_id, username, name, roles, active) VALUES ($1, $2, $3, $4, $5, true)`, [
    id,
    agencyId,
    `test.${id.slice(0, 8)}`,
    name,
    roles,
  ]);
  if (roles.includes('OFFICER')) {
    await stack.ds.query(`INSERT INTO certificates (id, user_id, number, scope, valid_from, valid_to, status) VALUES ($1, $2, $3, 'ENFORCEMENT:market', '2024-01-01', '2028-12-31', 'ACTIVE')`, [
      randomUUID(),
      id,
      `T${id.replace(/-/g, '').slice(0, 13)}`,
    ]);
  }
  const token = await stack.api.get(HmacTokenVerifier).issue({ sub: id, agencyId, roles });
  return { id, token };
}

/** A fresh agency code: capitals and digits, unique per run. */
export const freshAgencyCode = (): string => `T${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
