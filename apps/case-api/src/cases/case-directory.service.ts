import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readAccess, type ActorSnapshot, type CaseState, type JurisdictionPolicy } from '@zhifa/domain';
import { AgencyEntity, CaseEntity, PolicyEntity } from '@zhifa/persistence';
import { notFound, ProblemException } from '../common/problem';

/** Reads the API needs around a command: agency, policy in force, case row, case numbers. */
@Injectable()
export class CaseDirectoryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async agency(agencyId: string): Promise<AgencyEntity> {
    const agency = await this.ds.getRepository(AgencyEntity).findOneBy({ id: agencyId });
    if (!agency) throw notFound('agency', agencyId);
    return agency;
  }

  /** The newest published policy of the agency's jurisdiction: what a new case pins. */
  async currentPolicy(jurisdiction: string): Promise<JurisdictionPolicy> {
    const row = await this.ds
      .getRepository(PolicyEntity)
      .findOne({ where: { jurisdiction }, order: { publishedAt: 'DESC' } });
    if (!row) {
      throw new ProblemException(409, 'POLICY.NONE_PUBLISHED', `No jurisdiction policy is published for ${jurisdiction}`);
    }
    return row.document;
  }

  private readonly policies = new Map<string, JurisdictionPolicy>();

  /** A published version; versions are immutable, so they are cached for good. */
  async policyVersion(version: string): Promise<JurisdictionPolicy> {
    const cached = this.policies.get(version);
    if (cached) return cached;
    const row = await this.ds.getRepository(PolicyEntity).findOneBy({ version });
    if (!row) throw new ProblemException(404, 'POLICY.NOT_FOUND', `No policy version ${version}`);
    this.policies.set(version, row.document);
    return row.document;
  }

  async caseRow(caseId: string): Promise<CaseEntity> {
    const row = /^[0-9a-f-]{36}$/i.test(caseId) ? await this.ds.getRepository(CaseEntity).findOneBy({ id: caseId }) : null;
    if (!row) throw notFound('case', caseId);
    return row;
  }

  /** Sequential per agency and year (案号); the counter row is locked by the upsert. */
  async nextCaseNumber(agency: AgencyEntity, year: number): Promise<string> {
    const rows: { last_number: number }[] = await this.ds.query(
      `INSERT INTO case_number_counters (agency_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_number = case_number_counters.last_number + 1
       RETURNING last_number`,
      [agency.id, year],
    );
    return `${agency.code}-${year}-${String(rows[0].last_number).padStart(5, '0')}`;
  }

  /** Who may read (and address commands to) a case: the domain's rule. */
  assertCanRead(row: CaseEntity, actor: ActorSnapshot): void {
    const access = readAccess(row.state as unknown as CaseState, actor);
    if (access.ok) return;
    if (access.hidden) throw notFound('case', row.id);
    throw new ProblemException(403, access.code, access.reason);
  }
}
