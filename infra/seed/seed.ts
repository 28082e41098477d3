import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { liaisonBodyProblems, type JurisdictionPolicy } from '@zhifa/domain';
import { AgencyEntity, CertificateEntity, OutsideBodyEntity, PolicyEntity, UserEntity } from '@zhifa/persistence';
import { DEMO_AGENCY, DEMO_BODIES, DEMO_USERS } from './demo-people';

/**
 * Idempotent: inserts the demo agency, its people and the policy version if
 * they are missing; never edits what is there (policies are immutable).
 */
export async function seedDemo(ds: DataSource, policy: JurisdictionPolicy): Promise<void> {
  await ds.transaction(async (m) => {
    await m.getRepository(AgencyEntity).upsert(DEMO_AGENCY, ['id']);
    for (const b of DEMO_BODIES) {
      await m
        .createQueryBuilder()
        .insert()
        .into(OutsideBodyEntity)
        .values({ id: randomUUID(), ...b, active: true, registeredAt: new Date(), registeredById: null, registeredBy: 'seed' })
        .orIgnore()
        .execute();
    }
    // A liaison belongs to a registered body of their kind, as an administrator's edit is held to.
    const register = (await m.getRepository(OutsideBodyEntity).find()).map(({ name, kind, active }) => ({ name, kind, active }));
    for (const u of DEMO_USERS) {
      const problems = liaisonBodyProblems(register, u.roles, u.body);
      if (problems.length) throw new Error(`demo user ${u.username}: ${problems.map((p) => p.en).join('; ')}`);
    }
    for (const u of DEMO_USERS) {
      await m.getRepository(UserEntity).upsert(
        { id: u.id, agencyId: DEMO_AGENCY.id, username: u.username, name: u.name, roles: u.roles, active: true, externalBody: u.body ?? null },
        ['id'],
      );
      if (u.certificate) {
        await m
          .createQueryBuilder()
          .insert()
          .into(CertificateEntity)
          .values({ id: randomUUID(), userId: u.id, ...u.certificate })
          .orIgnore()
          .execute();
      }
    }
    await m
      .createQueryBuilder()
      .insert()
      .into(PolicyEntity)
      .values({ version: policy.version, jurisdiction: policy.jurisdiction, publishedAt: new Date(), publishedBy: 'seed', effectiveFrom: new Date(), document: policy })
      .orIgnore()
      .execute();
  });
}
