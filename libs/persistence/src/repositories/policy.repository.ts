import { DataSource, LessThanOrEqual } from 'typeorm';
import type { JurisdictionPolicy } from '@zhifa/domain';
import { PolicyEntity } from '../entities';
import { AdminEventRepository, type NewAdminEvent } from './admin-event.repository';

/** A published version without its document. */
export interface PolicyVersionEntry {
  version: string;
  jurisdiction: string;
  publishedAt: Date;
  publishedBy: string;
  effectiveFrom: Date;
}

const entry = (r: PolicyEntity): PolicyVersionEntry => ({
  version: r.version,
  jurisdiction: r.jurisdiction,
  publishedAt: r.publishedAt,
  publishedBy: r.publishedBy,
  effectiveFrom: r.effectiveFrom,
});

/**
 * Published jurisdiction policies; a version is never edited once published
 * (a trigger refuses it). The version in force is the newest published one
 * whose effective date has come: what a new case pins.
 */
export class PolicyRepository {
  constructor(private readonly ds: DataSource) {}

  /** The version of a jurisdiction in force at `at`: the newest published one effective by then. */
  async inForce(jurisdiction: string, at = new Date()): Promise<JurisdictionPolicy | null> {
    const row = await this.ds.getRepository(PolicyEntity).findOne({ where: { jurisdiction, effectiveFrom: LessThanOrEqual(at) }, order: { publishedAt: 'DESC' } });
    return row?.document ?? null;
  }

  async version(version: string): Promise<JurisdictionPolicy | null> {
    const row = await this.ds.getRepository(PolicyEntity).findOneBy({ version });
    return row?.document ?? null;
  }

  /** A version's publication record and document. */
  async published(version: string): Promise<(PolicyVersionEntry & { document: JurisdictionPolicy }) | null> {
    const row = await this.ds.getRepository(PolicyEntity).findOneBy({ version });
    return row ? { ...entry(row), document: row.document } : null;
  }

  /** Every version of a jurisdiction, newest publication first. */
  async history(jurisdiction: string): Promise<PolicyVersionEntry[]> {
    const rows = await this.ds.getRepository(PolicyEntity).find({ where: { jurisdiction }, order: { publishedAt: 'DESC' } });
    return rows.map(entry);
  }

  /**
   * Publishes a version and records POLICY_PUBLISHED in the administration
   * log in the same transaction (before: the version published last in the
   * jurisdiction). Null, and nothing recorded, when the version id exists.
   */
  async publish(
    p: { document: JurisdictionPolicy; publishedAt: Date; publishedBy: string; effectiveFrom: Date },
    audit: Pick<NewAdminEvent, 'agencyId' | 'actor' | 'after' | 'reason'>,
  ): Promise<{ previous: string | null } | null> {
    return this.ds.transaction(async (m) => {
      const { version, jurisdiction } = p.document;
      // One publication per jurisdiction at a time, so `previous` is the version this one follows.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('policies:' || $1))`, [jurisdiction]);
      const [last] = await m.getRepository(PolicyEntity).find({ where: { jurisdiction }, order: { publishedAt: 'DESC' }, take: 1 });
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(PolicyEntity)
        .values({ version, jurisdiction, publishedAt: p.publishedAt, publishedBy: p.publishedBy, effectiveFrom: p.effectiveFrom, document: p.document })
        .orIgnore()
        .returning(['version'])
        .execute();
      if (inserted.raw.length === 0) return null;
      const previous = last?.version ?? null;
      await new AdminEventRepository(this.ds).record(m, { ...audit, action: 'POLICY_PUBLISHED', subjectType: 'POLICY', subjectId: version, before: previous });
      return { previous };
    });
  }
}
