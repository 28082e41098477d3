import { Injectable } from '@nestjs/common';
import { localDate, readAccess, readScope, type ActorSnapshot, type CaseState, type JurisdictionPolicy } from '@zhifa/domain';
import {
  AgencyRepository,
  CaseReadRepository,
  PolicyRepository,
  type AgencyEntity,
  type CaseAccessRow,
  type CaseEntity,
  type CaseListFilter,
} from '@zhifa/persistence';
import { notFound, ProblemException } from '../common/problem';

/** Reads the API needs around a command: agency, policy in force, case rows, case numbers. */
@Injectable()
export class CaseDirectoryService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly policies: PolicyRepository,
    private readonly cases: CaseReadRepository,
  ) {}

  async agency(agencyId: string): Promise<AgencyEntity> {
    const agency = await this.agencies.byId(agencyId);
    if (!agency) throw notFound('agency', agencyId);
    return agency;
  }

  /** The policy in force in the jurisdiction (the newest published version whose effective date has come): what a new case pins. */
  async currentPolicy(jurisdiction: string): Promise<JurisdictionPolicy> {
    const policy = await this.policies.inForce(jurisdiction);
    if (!policy) {
      throw new ProblemException(409, 'POLICY.NONE_PUBLISHED', {
        en: `No jurisdiction policy is published for ${jurisdiction}`,
        zh: `${jurisdiction}尚未发布执法政策，不能登记案件`,
      });
    }
    return policy;
  }

  /**
   * Today's date (YYYY-MM-DD) in the agency's time zone, as its current policy
   * states it; Asia/Shanghai before any policy is published.
   */
  async agencyToday(agency: AgencyEntity, now = new Date()): Promise<string> {
    const policy = await this.currentPolicy(agency.jurisdiction).catch((err: unknown) => {
      if (err instanceof ProblemException && err.code === 'POLICY.NONE_PUBLISHED') return undefined;
      throw err;
    });
    return localDate(now.toISOString(), policy?.timeZone ?? 'Asia/Shanghai');
  }

  private readonly versions = new Map<string, JurisdictionPolicy>();

  /** A published version; versions are immutable, so they are cached for good. */
  async policyVersion(version: string): Promise<JurisdictionPolicy> {
    const policy = await this.publishedPolicy(version);
    if (!policy) throw new ProblemException(404, 'POLICY.NOT_FOUND', { en: `No policy version ${version}`, zh: `没有版本为${version}的执法政策` });
    return policy;
  }

  /** The same, or undefined when no version of that name was published (any other failure still throws). */
  async publishedPolicy(version: string): Promise<JurisdictionPolicy | undefined> {
    const cached = this.versions.get(version);
    if (cached) return cached;
    const policy = await this.policies.version(version);
    if (policy) this.versions.set(version, policy);
    return policy ?? undefined;
  }

  async caseRow(caseId: string): Promise<CaseEntity> {
    const row = await this.cases.byId(caseId);
    if (!row) throw notFound('case', caseId);
    return row;
  }

  /** Sequential per agency and year (案号). */
  async nextCaseNumber(agency: AgencyEntity, year: number): Promise<string> {
    const n = await this.agencies.nextCaseNumber(agency.id, year);
    return `${agency.code}-${year}-${String(n).padStart(5, '0')}`;
  }

  /** A case as the read rule sees it (its state without the evidence items), or 404. */
  async caseAccessRow(caseId: string): Promise<CaseAccessRow> {
    const row = await this.cases.accessRow(caseId);
    if (!row) throw notFound('case', caseId);
    return row;
  }

  /** Who may read (and address commands to) a case: the domain's rule. */
  assertCanRead(row: Pick<CaseEntity, 'id' | 'state'>, actor: ActorSnapshot): void {
    const access = readAccess(row.state as unknown as CaseState, actor);
    if (access.ok) return;
    if (access.hidden) throw notFound('case', row.id);
    throw new ProblemException(403, access.code, access.reason);
  }

  /** One page of the cases the actor may read: the same rule as assertCanRead, as a query. */
  async readableCases(actor: ActorSnapshot, filter: CaseListFilter): Promise<{ rows: CaseEntity[]; total: number }> {
    return this.cases.list(readScope(actor), filter);
  }
}
