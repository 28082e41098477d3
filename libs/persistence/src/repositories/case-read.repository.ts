import { Brackets, DataSource, In, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { CaseState, CaseStatus, ReadGrant, ReadScope, SameActCase } from '@zhifa/domain';
import { CaseEntity, PartyEntity } from '../entities';
import type { JsonDoc } from '../entities/json';
import { isUuid } from './uuid';

/** A case as the read rule sees it: its state without the evidence items (`accessRow`). */
export type CaseAccessRow = Pick<CaseEntity, 'id' | 'policyVersion' | 'state'>;

/** The list's optional filters, on top of what the reader may see. */
export interface CaseListFilter {
  status?: string;
  flag?: string;
  overdue?: boolean;
  officerId?: string;
  /** Registered on or after (ISO 8601). */
  from?: string;
  /** Registered before (ISO 8601). */
  to?: string;
  /** Case number, party name or summary contains. */
  text?: string;
  page: number;
  pageSize: number;
}

/** Reads of the `cases` read model. */
export class CaseReadRepository {
  constructor(private readonly ds: DataSource) {}

  async byId(caseId: string): Promise<CaseEntity | null> {
    return isUuid(caseId) ? this.ds.getRepository(CaseEntity).findOneBy({ id: caseId }) : null;
  }

  /**
   * What the read rule and a chain's audit need of a case: its id, policy
   * version and state without its evidence items. The items are most of a
   * long case's state (1,000 of them: ~600 KB read and parsed per request)
   * and no read rule looks at them.
   */
  async accessRow(caseId: string): Promise<CaseAccessRow | null> {
    if (!isUuid(caseId)) return null;
    const [row] = await this.ds.query<{ id: string; policy_version: string; state: JsonDoc }[]>(
      `SELECT id, policy_version, state - 'evidence' AS state FROM cases WHERE id = $1`,
      [caseId],
    );
    return row ? { id: row.id, policyVersion: row.policy_version, state: row.state } : null;
  }

  /**
   * APL 29 (一事不二罚): the other cases against the same party — matched by
   * 统一社会信用代码 or ID number, in any agency — for the same violation code
   * that are still open or were decided (declined, terminated or archived
   * without a decision are left out), oldest first.
   */
  async sameAct(party: { creditCode?: string; idNumber?: string }, violationCode: string, exceptCaseId?: string): Promise<SameActCase[]> {
    const creditCode = party.creditCode?.trim();
    const idNumber = party.idNumber?.trim();
    if (!creditCode && !idNumber) return [];
    const qb = this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(PartyEntity, 'p', 'p.case_id = c.id')
      .where('c.violation_code = :violationCode', { violationCode })
      .andWhere(
        new Brackets((w) => {
          if (creditCode) w.orWhere('p.credit_code = :creditCode', { creditCode });
          if (idNumber) w.orWhere('p.id_number = :idNumber', { idNumber });
        }),
      )
      .orderBy('c.registered_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (exceptCaseId && isUuid(exceptCaseId)) qb.andWhere('c.id <> :exceptCaseId', { exceptCaseId });
    const rows = await qb.getMany();
    return rows.map(sameActCase).filter((c): c is SameActCase => c !== null);
  }

  /**
   * Every case whose workflow may still be running (not archived, not
   * declined at filing), newest first: the cases a newly published holiday
   * calendar is sent to. A system read, not scoped to any reader.
   */
  async openWorkflows(): Promise<{ caseId: string; workflowId: string }[]> {
    const rows = await this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.workflowId'])
      .where(`c.status NOT IN ('ARCHIVED', 'FILING_DECLINED')`)
      .orderBy('c.registered_at', 'DESC')
      .getMany();
    return rows.map((r) => ({ caseId: r.id, workflowId: r.workflowId }));
  }

  /**
   * One page of the cases `scope` lets the reader see, newest registration
   * first. The page's ids and the count come from the covering index
   * (ix_cases_agency_newest carries every column the grants and filters but
   * a transfer's read), then the page's rows by id: at 100,000 cases a
   * filter that matches few no longer fetches every case it passes over.
   */
  async list(scope: ReadScope, filter: CaseListFilter): Promise<{ rows: CaseEntity[]; total: number }> {
    const qb = this.ds.getRepository(CaseEntity).createQueryBuilder('c').where(readableBy(scope));
    applyFilter(qb, filter);
    const page = qb
      .clone()
      .select('c.id', 'id')
      .orderBy('c.registered_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize);
    // count(*), not the ORM's count(DISTINCT id): one row per case, no joins.
    const [ids, counted] = await Promise.all([page.getRawMany<{ id: string }>(), qb.clone().select('count(*)', 'n').getRawOne<{ n: string }>()]);
    const found = ids.length ? await this.ds.getRepository(CaseEntity).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(found.map((r) => [r.id, r]));
    // A case gone between the two reads is left out; none is ever removed, so this is the page.
    const rows = ids.flatMap((r) => byId.get(r.id) ?? []);
    return { rows, total: Number(counted?.n ?? 0) };
  }

  /**
   * The cases `scope` lets the reader see with a deadline still owed (OPEN,
   * or MISSED and not yet done) whose due instant is before `cutoff`: the
   * candidates of an overdue watch, which the domain then judges one by one.
   */
  async withDeadlineOwedBefore(scope: ReadScope, cutoff: string): Promise<CaseEntity[]> {
    return this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(readableBy(scope))
      .andWhere(
        `EXISTS (SELECT 1 FROM jsonb_each(c.deadlines) d WHERE d.value->>'state' IN ('OPEN', 'MISSED') AND (d.value->>'dueAt')::timestamptz < :cutoff)`,
        { cutoff },
      )
      .orderBy('c.case_number', 'ASC')
      .getMany();
  }

  /** Of `caseIds`, the cases `scope` lets the reader see, with their numbers (ids that are not uuids are skipped). */
  async readableNumbers(scope: ReadScope, caseIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(caseIds.filter(isUuid))];
    if (!ids.length) return new Map();
    const rows = await this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(readableBy(scope))
      .andWhere('c.id IN (:...ids)', { ids })
      .getMany();
    return new Map(rows.map((r) => [r.id, r.caseNumber]));
  }

  /** The cases `scope` lets the reader see that were ever proposed for criminal transfer, newest proposal first. */
  async withTransfer(scope: ReadScope): Promise<CaseEntity[]> {
    return this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(readableBy(scope))
      .andWhere(`jsonb_typeof(c.state->'transfer') = 'object'`)
      .orderBy(`c.state->'transfer'->>'proposedAt'`, 'DESC')
      .addOrderBy('c.case_number', 'ASC')
      .getMany();
  }

  /** Cases in scope registered in [from, to), oldest first: a period's files for the evaluation (案卷评查). */
  async registeredBetween(scope: ReadScope, from: string, to: string, limit: number): Promise<CaseEntity[]> {
    return this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(readableBy(scope))
      .andWhere('c.registered_at >= :from AND c.registered_at < :to', { from, to })
      .orderBy('c.registered_at', 'ASC')
      .addOrderBy('c.case_number', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Cases in scope where a head decided, with reasons, not to transfer a suspected crime (R310 5, 11). */
  async withNoTransferDecision(scope: ReadScope): Promise<CaseEntity[]> {
    return this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(readableBy(scope))
      .andWhere(`jsonb_typeof(c.state->'noTransferDecisions') = 'array'`)
      .orderBy('c.case_number', 'ASC')
      .getMany();
  }
}

/**
 * The domain's read grants as SQL over the read model: a case is listed when
 * any grant covers it, as `grantCovers` judges a single case. The columns
 * mirror the state: `officers` is the state's officer list,
 * `assigned_user_ids` the domain's assignedUserIds (officers, attached
 * auxiliary staff, hearing host), `state` the whole state (transfer).
 */
export function readableBy(scope: ReadScope): Brackets {
  return new Brackets((or) => {
    if (!scope.grants.length) or.where('FALSE');
    scope.grants.forEach((grant, i) => or.orWhere(new Brackets((w) => grantClause(w, grant, `g${i}`))));
  });
}

function grantClause(w: WhereExpressionBuilder, grant: ReadGrant, p: string): void {
  switch (grant.kind) {
    case 'AGENCY':
      w.where(`c.agency_id = :${p}agency`, { [`${p}agency`]: grant.agencyId });
      return;
    case 'ASSIGNED':
      w.where(`c.agency_id = :${p}agency`, { [`${p}agency`]: grant.agencyId }).andWhere(
        // The domain's assignedUserIds, kept by the projection beside the state (GIN-indexed).
        `c.assigned_user_ids @> ARRAY[:${p}user]::text[]`,
        { [`${p}user`]: grant.userId },
      );
      return;
    case 'TRANSFERRED':
      if (grant.addressee === 'procuratorate') {
        w.where(`c.state->'transfer'->'dispatch'->>'procuratorate' = :${p}body`, { [`${p}body`]: grant.body });
      } else {
        // The unit dispatched to, or any unit it was forwarded to since (transferBodies).
        w.where(`c.state->'transfer'->'dispatch' IS NOT NULL`).andWhere(
          new Brackets((b) =>
            b
              .where(`c.state->'transfer'->'dispatch'->>'policeAgency' = :${p}body`)
              .orWhere(`COALESCE(c.state->'transfer'->'forwards', '[]'::jsonb) @> :${p}forward::jsonb`),
          ),
          { [`${p}body`]: grant.body, [`${p}forward`]: JSON.stringify([{ policeAgency: grant.body }]) },
        );
      }
      return;
    default: {
      const unhandled: never = grant;
      throw new Error(`read grant ${JSON.stringify(unhandled)} has no SQL`);
    }
  }
}

function applyFilter(qb: SelectQueryBuilder<CaseEntity>, f: CaseListFilter): void {
  if (f.status) qb.andWhere('c.status = :status', { status: f.status });
  if (f.flag) qb.andWhere(':flag = ANY(c.flags)', { flag: f.flag });
  if (f.overdue !== undefined) qb.andWhere(`${f.overdue ? '' : 'NOT '}('OVERDUE' = ANY(c.flags))`);
  if (f.officerId) qb.andWhere(`c.officer_ids @> ARRAY[:off]::text[]`, { off: f.officerId });
  if (f.from) qb.andWhere('c.registered_at >= :from', { from: f.from });
  if (f.to) qb.andWhere('c.registered_at < :to', { to: f.to });
  if (f.text) {
    // Case number, party name and summary, lower-cased beside the case (search_text): a case-insensitive match without reading the state.
    qb.andWhere(`c.search_text LIKE lower(:t)`, {
      t: `%${f.text.replace(/[%_\\]/g, '\\$&')}%`,
    });
  }
}

const ENDED_WITHOUT_DECISION = ['FILING_DECLINED', 'TERMINATED', 'ARCHIVING', 'ARCHIVED', 'CLOSED'];

/** A case as the APL 29 warning names it, or null when it ended without a decision. */
function sameActCase(row: CaseEntity): SameActCase | null {
  const decision = (row.state as unknown as CaseState | null)?.decision;
  if (!decision && ENDED_WITHOUT_DECISION.includes(row.status)) return null;
  const c: SameActCase = { caseId: row.id, caseNumber: row.caseNumber, status: row.status as CaseStatus };
  if (decision) {
    c.outcome = decision.outcome;
    const fine = decision.penalty?.kinds.includes('FINE') ? decision.penalty.fineAmount : undefined;
    if (fine !== undefined && fine > 0) c.fineAmount = fine;
    if (decision.revoked === true || row.flags.includes('DECISION_REVOKED')) c.revoked = true;
  }
  return c;
}
