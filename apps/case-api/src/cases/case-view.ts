import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArchiveStatusView } from '../archive/archive.views';
import { caseHeaderFacts, type CaseHeaderFacts, type CaseSnapshot, type CommandResult } from '@zhifa/contracts';
import {
  ACTION_NAMES,
  CASE_FLAGS,
  CASE_STATUSES,
  CIRCUMSTANCE_LEVELS,
  DECISION_OUTCOMES,
  DISCLOSURE_STATES,
  WITHHELD_GROUNDS,
  MAJOR_CASE_GROUNDS,
  PARTY_TYPES,
  PROCEDURES,
  type CaseState,
  type CaseStatus,
  type CircumstanceLevel,
  type DecisionOutcome,
  type DiscretionFinding,
  type MajorCaseGround,
  type MajorCaseMark,
  type Party,
  type PartyType,
  type SameActCase,
} from '@zhifa/domain';
import type { CaseEntity } from '@zhifa/persistence';
import type { CaseClock } from './deadline-clock.service';
import { DeadlineView, deadlineViews } from './deadline.views';
import { ExecutionLedgerView, executionLedgerView } from './execution-ledger.view';

import { CoerciveMeasureView, measureViews } from './measure.views';
import { PriorPenaltyView, SuspicionView } from './suspicion.views';
import { CaseOfficerView, PersonRefView } from './people.views';

export { CaseOfficerView, PersonRefView } from './people.views';

export { DeadlineBasisView, DeadlinePauseView, DeadlineView, deadlineViews } from './deadline.views';

// The case as the API answers it. Classes (not interfaces) so that the
// OpenAPI document, and the client generated from it, know every field;
// each `implements` the domain's shape it shows, so the type check notices
// when the domain's shape changes under it.

export class PartyView implements Party {
  @ApiProperty({ enum: PARTY_TYPES })
  type!: PartyType;

  @ApiProperty({ type: String, example: '王某' })
  name!: string;

  @ApiPropertyOptional({ type: String, description: 'Personal ID number (person)' })
  idNumber?: string;

  @ApiPropertyOptional({ type: String, description: '统一社会信用代码 (organisation)' })
  creditCode?: string;

  @ApiPropertyOptional({ type: String })
  legalRepresentative?: string;

  @ApiPropertyOptional({ type: String })
  address?: string;

  @ApiPropertyOptional({ type: String })
  phone?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'A minor: no disclosure' })
  minor?: boolean;
}

/** APL 58 (1), (3): the case marked major for legal review, whatever its amounts. */
export class MajorCaseView implements MajorCaseMark {
  @ApiProperty({ enum: MAJOR_CASE_GROUNDS, isArray: true })
  grounds!: MajorCaseGround[];

  @ApiProperty({ type: String })
  reason!: string;

  @ApiProperty({ type: PersonRefView })
  markedBy!: PersonRefView;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
}

/** A fine range in yuan (to the fen). */
export class FineRangeView {
  @ApiProperty({ type: Number, example: 120000 })
  min!: number;

  @ApiProperty({ type: Number, example: 156000 })
  max!: number;
}

/** What the benchmark check of the current report found (裁量基准), resolved to yuan; it binds the decision. */
export class DiscretionFindingView implements DiscretionFinding {
  @ApiProperty({ type: String, example: 'FOOD-UNLICENSED' })
  violationCode!: string;

  @ApiProperty({ type: String, example: 'goods value ≥ ¥10,000', description: "The benchmark band the report's figures fall in" })
  band!: string;

  @ApiProperty({ enum: CIRCUMSTANCE_LEVELS })
  level!: CircumstanceLevel;

  @ApiProperty({ type: FineRangeView, description: "The band's statutory range in yuan" })
  statutory!: FineRangeView;

  @ApiPropertyOptional({ type: FineRangeView, description: "The level's range in yuan (LIGHTER, GENERAL, HEAVIER)" })
  range?: FineRangeView;

  @ApiProperty({ type: Boolean, description: 'The law imposes a fine with any penalty' })
  fineRequired!: boolean;

  @ApiPropertyOptional({ type: Boolean, enum: [true], description: '减轻 below the statutory minimum (APL 32): collective discussion required' })
  mitigatedBelowMinimum?: true;

  @ApiProperty({ type: String, description: "The benchmark's legal basis and the source of its split into levels" })
  source!: string;
}

/** Another case against the same party for the same violation (APL 29 一事不二罚), named as a warning. */
export class SameActCaseView implements SameActCase {
  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String, example: 'LZSJ-2026-00001' })
  caseNumber!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES, description: 'Set once that case is decided' })
  outcome?: DecisionOutcome;

  @ApiPropertyOptional({ type: Number, description: 'The fine it imposed, yuan' })
  fineAmount?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'Its decision was revoked or found invalid' })
  revoked?: boolean;
}

/** A case as the read model holds it, with the actions the caller may take now. */
/** 事后公示 of the decision, as the disclosure job reported it (the public record is at GET /public/disclosures/{disclosureId}). */
export class CaseDisclosureView {
  @ApiProperty({ enum: DISCLOSURE_STATES }) state!: string;
  @ApiProperty({ type: String, format: 'uuid' }) disclosureId!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When it was published or withheld' }) at!: string;
  @ApiPropertyOptional({ enum: WITHHELD_GROUNDS }) withheldGround?: string;
  @ApiPropertyOptional({ type: String, description: 'Why nothing was published (Chinese, as recorded)' }) withheldReason?: string;
  @ApiPropertyOptional({ type: String, description: 'A challenge took the decision down: why it is withdrawn (Chinese, as recorded)' }) withdrawalReason?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time' }) withdrawnAt?: string;
}

function disclosureView(s: CaseState | null): { disclosure?: CaseDisclosureView } {
  const d = s?.disclosure;
  if (!d) return {};
  return {
    disclosure: {
      state: d.state,
      disclosureId: d.disclosureId,
      at: d.at,
      ...(d.withheld ? { withheldGround: d.withheld.ground, withheldReason: d.withheld.reason.zh } : {}),
      ...(d.withdrawal ? { withdrawalReason: d.withdrawal.reason.zh } : {}),
      ...(d.withdrawal?.withdrawnAt ? { withdrawnAt: d.withdrawal.withdrawnAt } : {}),
    },
  };
}

export class CaseView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, example: 'LZSJ-2026-00001', description: '案号' })
  caseNumber!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ type: String, example: 'FOOD-UNLICENSED' })
  violationCode!: string;

  @ApiProperty({ type: PartyView })
  party!: PartyView;

  @ApiProperty({ type: [CaseOfficerView] })
  officers!: CaseOfficerView[];

  @ApiProperty({ enum: CASE_FLAGS, isArray: true })
  flags!: string[];

  @ApiProperty({ type: [DeadlineView], description: 'Sorted by kind' })
  deadlines!: DeadlineView[];

  @ApiProperty({ enum: ACTION_NAMES, isArray: true, description: 'What the caller may do now (command paths under /cases/{id})' })
  allowedActions!: string[];

  @ApiPropertyOptional({ type: MajorCaseView, description: 'Marked major for legal review (APL 58 (1), (3)), with grounds' })
  majorCase?: MajorCaseView;

  @ApiPropertyOptional({ type: DiscretionFindingView, description: "The benchmark band and range the current report's proposed fine was judged in" })
  discretion?: DiscretionFindingView;

  @ApiPropertyOptional({
    type: [SameActCaseView],
    description: 'APL 29 warning: other open or decided cases against the same party (credit code or ID number) for the same violation code, as checked at registration or filing',
  })
  sameActCases?: SameActCaseView[];

  @ApiPropertyOptional({ type: SuspicionView, description: 'While SUSPECTED_CRIME stands: who raised it and on what (R310 3)' })
  suspicion?: SuspicionView;

  @ApiPropertyOptional({ type: [PriorPenaltyView], description: "The party's earlier administrative penalties recorded on the case (repeat-offence thresholds count them)" })
  priorPenalties?: PriorPenaltyView[];
  @ApiPropertyOptional({ type: [CoerciveMeasureView], description: '先行登记保存 and 查封扣押, in the order they were taken' })
  coerciveMeasures?: CoerciveMeasureView[];
  @ApiPropertyOptional({
    type: ExecutionLedgerView,
    description: 'A served decision with money due: the ledger as of now (GET /cases/{id}; not in command answers)',
  })
  ledger?: ExecutionLedgerView;

  @ApiPropertyOptional({ type: CaseDisclosureView, description: '事后公示 of the decision once the disclosure job reported it (GET /cases/{id}; not in command answers)' })
  disclosure?: CaseDisclosureView;

  @ApiPropertyOptional({ type: Number, description: 'Yuan due under the decision as it now stands: 0 once revoked or found invalid, the new amount once varied' })
  amountDue?: number;

  @ApiPropertyOptional({ type: Number, description: 'Yuan paid beyond what the decision, as revoked or varied, leaves due: owed back to the party' })
  refundOwed?: number;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'When the served decision becomes final: both challenge windows closed (ARL 20, ALL 46) and no challenge pending; absent while one is pending or once the decision is revoked',
  })
  decisionFinalAt?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'The decision is final now (decisionFinalAt has passed)' })
  decisionFinal?: boolean;

  @ApiPropertyOptional({ type: ArchiveStatusView, description: '归档: who asked and when; once the archive job reported it, the signed package' })
  archive?: ArchiveStatusView;

  @ApiProperty({ type: String, description: 'The jurisdiction policy version the case pinned when registered' })
  policyVersion!: string;

  @ApiProperty({ type: Number, description: 'Sequence number of the last recorded event' })
  lastSeq!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export class CaseListView {
  @ApiProperty({ type: [CaseView] })
  items!: CaseView[];

  @ApiProperty({ type: Number })
  total!: number;

  @ApiProperty({ type: Number })
  page!: number;

  @ApiProperty({ type: Number })
  pageSize!: number;
}

export class RecordedEventRef {
  @ApiProperty({ type: Number })
  seq!: number;

  @ApiProperty({ type: String, example: 'CASE_FILED' })
  type!: string;
}

/** What every command on a case answers: the case after it and the events it recorded. */
export class CommandResponse {
  @ApiProperty({ type: CaseView })
  case!: CaseView;

  @ApiProperty({ type: [RecordedEventRef], description: 'The events this command recorded (seq and type)' })
  recorded!: RecordedEventRef[];
}

/** Whether the decision is final on the caller's clock. */
function finality(facts: CaseHeaderFacts, clock: CaseClock): Pick<CaseView, 'decisionFinal'> {
  return facts.decisionFinalAt ? { decisionFinal: Date.parse(facts.decisionFinalAt) <= Date.parse(clock.now) } : {};
}

/** A case as the read model holds it. */
export function caseView(row: CaseEntity, allowedActions: string[], clock: CaseClock): CaseView {
  const ledger = executionLedgerView(row.state as unknown as CaseState | null, clock);
  const facts = caseHeaderFacts(row.state as unknown as CaseState | null);
  return {
    ...(ledger ? { ledger } : {}),
    ...disclosureView(row.state as unknown as CaseState | null),
    ...facts,
    ...(facts.coerciveMeasures ? { coerciveMeasures: measureViews(facts.coerciveMeasures) } : {}),
    ...finality(facts, clock),
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status,
    procedure: row.procedure,
    agencyId: row.agencyId,
    violationCode: row.violationCode,
    party: row.party as unknown as PartyView,
    officers: row.officers as unknown as CaseOfficerView[],
    flags: row.flags,
    deadlines: deadlineViews(row.deadlines, clock),
    allowedActions,
    policyVersion: row.policyVersion,
    lastSeq: row.lastSeq,
    registeredAt: row.registeredAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A case as a command's Update left it: the same view, without reading the row. */
export function commandCaseView(result: CommandResult & { case: CaseSnapshot }, clock: CaseClock): CaseView {
  const c = result.case;
  return {
    id: result.caseId,
    caseNumber: c.caseNumber,
    status: result.status,
    procedure: c.procedure,
    agencyId: c.agencyId,
    violationCode: c.violationCode,
    party: c.party,
    officers: c.officers,
    flags: c.flags,
    deadlines: deadlineViews(c.deadlines, clock),
    allowedActions: c.allowedActions,
    ...(c.majorCase ? { majorCase: c.majorCase } : {}),
    ...(c.discretion ? { discretion: c.discretion } : {}),
    ...(c.sameActCases ? { sameActCases: c.sameActCases } : {}),
    ...(c.suspicion ? { suspicion: c.suspicion } : {}),
    ...(c.priorPenalties ? { priorPenalties: c.priorPenalties } : {}),
    ...(c.coerciveMeasures ? { coerciveMeasures: measureViews(c.coerciveMeasures) } : {}),
    ...(c.amountDue !== undefined ? { amountDue: c.amountDue } : {}),
    ...(c.refundOwed !== undefined ? { refundOwed: c.refundOwed } : {}),
    ...(c.decisionFinalAt ? { decisionFinalAt: c.decisionFinalAt } : {}),
    ...(c.archive ? { archive: c.archive } : {}),
    ...finality(c, clock),
    policyVersion: c.policyVersion,
    lastSeq: c.lastSeq,
    registeredAt: new Date(c.registeredAt).toISOString(),
    updatedAt: new Date(c.updatedAt).toISOString(),
  };
}
