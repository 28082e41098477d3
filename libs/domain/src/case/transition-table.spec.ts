// Every state × every command: accepted, or rejected with the expected code.
// States are built by folding real events (scenario()); the expectations are
// written out here independently of the implementation's tables.

import type { ActorSnapshot } from './actor.types';
import { COMMAND_ACTIONS, COMMAND_RULES, COMMAND_TYPES } from './command-table';
import { allowedActions } from './allowed-actions';
import { SYSTEM, type CaseCommand, type CommandType, type SystemActor } from './case-commands';
import { type CaseState } from './case-state';
import { CASE_STATUSES, DEADLINE_KINDS, type DeadlineKind } from './vocabulary';
import { decide } from './decide';
import { evolve } from './evolve';
import { DAY, commands as C, people, plus, scenario, SCENARIO_NAMES, type ScenarioName } from '../testing/case-fixtures';

const OK = 'OK';
type Expect = typeof OK | string;

const ORDINARY: ScenarioName[] = SCENARIO_NAMES.filter((n) => !n.startsWith('SIMPLE:'));
const INVESTIGATING: ScenarioName[] = [
  'FILED',
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PENDING',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
];
const TRANSFER: ScenarioName[] = [
  'TRANSFER_PROPOSED',
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_RECEIVED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
];
const ARCHIVED: ScenarioName[] = ['ARCHIVED', 'SIMPLE:ARCHIVED'];
const UNSEALED_SCENARIOS: ScenarioName[] = SCENARIO_NAMES.filter((n) => !ARCHIVED.includes(n));
// Ordinary cases with a penalty decided: their publication is owed (事后公示).
// ARCHIVING: a closed penalty's publication is still owed while its package is built.
const PENALTY_DECIDED: ScenarioName[] = ['DECIDED', 'SERVED', 'EXECUTED', 'CLOSED', 'ARCHIVING'];

/** Cells: scenario → expected outcome; unlisted cells are CASE.TRANSITION_NOT_ALLOWED. */
function cells(...groups: [ScenarioName[], Expect][]): Partial<Record<ScenarioName, Expect>> {
  const out: Partial<Record<ScenarioName, Expect>> = {};
  for (const [names, e] of groups) for (const n of names) out[n] = e;
  return out;
}

const HEARING_PENDING: ScenarioName[] = ['HEARING_REQUESTED', 'HEARING_SCHEDULED'];
// Deadlines OPEN in each fixture (hearing, suspension and transfer pauses suspend the decision clock; R310's limits run on a transfer).
const WITH_OPEN_DEADLINE: ScenarioName[] = [
  'LEAD_REGISTERED',
  // A proposal to transfer leaves the decision limit running (only the head's approval stops it).
  'TRANSFER_PROPOSED',
  'FILED',
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PENDING',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
  'DECIDED',
  'SERVED',
  'EXECUTED',
  'TERMINATED',
  'TRANSFER_PROPOSED',
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_RECEIVED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  // The procuratorate's 7 days to ask the police to explain their refusal ('transfer-body-limits').
  'TRANSFER_SUPERVISION_REQUESTED',
  'SIMPLE:SERVED',
  'SIMPLE:EXECUTED',
];
// The challenge windows run on after closing; they have no reminder.
const WITH_OPEN_WINDOW: ScenarioName[] = ['CLOSED', 'ARCHIVING', 'SIMPLE:CLOSED'];
const deadlineCells = cells(
  [ORDINARY.filter((n) => !ARCHIVED.includes(n)), 'DEADLINE.NOT_OPEN'],
  [['SIMPLE:LEAD_REGISTERED', 'SIMPLE:CLOSED'], 'DEADLINE.NOT_OPEN'],
  [WITH_OPEN_DEADLINE, OK],
);

const EXPECTED: Record<CommandType, Partial<Record<ScenarioName, Expect>>> = {
  REGISTER_LEAD: {},
  DECIDE_FILING: cells([['LEAD_REGISTERED'], OK]),
  // From filing until the decision: supplementary investigation and the party's evidence come after the report.
  RECORD_EVIDENCE: cells([[...INVESTIGATING, 'SIMPLE:LEAD_REGISTERED'], OK]),
  // The fixtures hold no drafts of auxiliary staff: there is nothing to confirm (or no evidence at all).
  CONFIRM_EVIDENCE: cells([INVESTIGATING, 'EVIDENCE.NOT_A_DRAFT']),
  ATTACH_AUXILIARY: cells([INVESTIGATING, OK]),
  TRANSFER_CUSTODY: cells(
    // Not while the archive job packs the file.
    [ORDINARY.filter((n) => n !== 'ARCHIVING'), OK],
    [['LEAD_REGISTERED', 'FILING_DECLINED', 'SIMPLE:LEAD_REGISTERED', 'SIMPLE:SERVED', 'SIMPLE:EXECUTED', 'SIMPLE:CLOSED'], 'EVIDENCE.NOT_FOUND'],
  ),
  SUBMIT_INVESTIGATION_REPORT: cells([['FILED'], OK]),
  REVIEW_CASE: cells([['INVESTIGATION_REPORTED'], OK]),
  // Each pre-decision step waits for the steps the law puts before it (APL 44, 57, 58, 62–64).
  // CASE_REVIEWED is reviewed, not yet approved: the notice waits for a head.
  APPROVE_NOTICE: cells([['CASE_REVIEWED'], OK], [['INVESTIGATION_REPORTED'], 'CASE.PRE_DECISION_STEP_MISSING']),
  SERVE_NOTICE: cells([['INVESTIGATION_REPORTED', 'CASE_REVIEWED'], 'CASE.PRE_DECISION_STEP_MISSING']),
  REOPEN_INVESTIGATION: cells([
    ['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED'],
    OK,
  ]),
  RECORD_DEFENCE: cells([['NOTICE_SERVED'], OK]),
  REQUEST_HEARING: cells([['NOTICE_SERVED', 'DEFENCE_RECORDED'], OK]),
  WAIVE_HEARING: cells([['NOTICE_SERVED', 'DEFENCE_RECORDED'], OK]),
  SCHEDULE_HEARING: cells([['HEARING_REQUESTED'], OK]),
  RECORD_HEARING: cells([['HEARING_SCHEDULED'], OK]),
  END_HEARING: cells([['HEARING_REQUESTED', 'HEARING_SCHEDULED'], OK]),
  REQUEST_LEGAL_REVIEW: cells(
    [['HEARING_HELD'], OK],
    // A defence is not a hearing waiver: the party may still ask for one (APL 64).
    [['DEFENCE_RECORDED'], 'CASE.HEARING_WINDOW_RUNNING'],
    [['INVESTIGATION_REPORTED', 'CASE_REVIEWED'], 'CASE.PRE_DECISION_STEP_MISSING'],
    [['NOTICE_SERVED'], 'CASE.DEFENCE_PERIOD_RUNNING'],
    [HEARING_PENDING, 'CASE.HEARING_PENDING'],
  ),
  RECORD_LEGAL_REVIEW: cells([['LEGAL_REVIEW_PENDING'], OK]),
  REASSIGN_LEGAL_REVIEW: cells([['LEGAL_REVIEW_PENDING'], OK]),
  // Before the legal review: once it is requested or passed, or the heads have discussed, a mark comes too late.
  MARK_MAJOR_CASE: cells([
    ['FILED', 'INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_REQUESTED', 'HEARING_SCHEDULED', 'HEARING_HELD'],
    OK,
  ]),
  RECORD_COLLECTIVE_DISCUSSION: cells(
    [['HEARING_HELD', 'LEGAL_REVIEW_PASSED'], OK],
    [['DEFENCE_RECORDED'], 'CASE.HEARING_WINDOW_RUNNING'],
    [['INVESTIGATION_REPORTED', 'CASE_REVIEWED'], 'CASE.PRE_DECISION_STEP_MISSING'],
    [['NOTICE_SERVED'], 'CASE.DEFENCE_PERIOD_RUNNING'],
    [HEARING_PENDING, 'CASE.HEARING_PENDING'],
    [['LEGAL_REVIEW_PENDING'], 'CASE.LEGAL_REVIEW_PENDING'],
  ),
  DECIDE: cells(
    [['HEARING_HELD', 'LEGAL_REVIEW_PASSED', 'COLLECTIVE_DISCUSSED'], OK],
    [['DEFENCE_RECORDED'], 'CASE.HEARING_WINDOW_RUNNING'],
    [['INVESTIGATION_REPORTED', 'CASE_REVIEWED'], 'CASE.PRE_DECISION_STEP_MISSING'],
    [['NOTICE_SERVED'], 'CASE.DEFENCE_PERIOD_RUNNING'],
    [HEARING_PENDING, 'CASE.HEARING_PENDING'],
    [['LEGAL_REVIEW_PENDING'], 'CASE.LEGAL_REVIEW_PENDING'],
    [TRANSFER, 'CASE.TRANSFER_PENDING'],
  ),
  SERVE: cells([['DECIDED'], OK]),
  RECORD_PAYMENT: cells([['SERVED', 'SIMPLE:SERVED'], OK]),
  APPROVE_PAYMENT_PLAN: cells([['SERVED', 'SIMPLE:SERVED'], OK]),
  SERVE_DEMAND: cells([['SERVED', 'SIMPLE:SERVED'], 'ENFORCEMENT.NOT_OVERDUE']),
  APPLY_COURT_ENFORCEMENT: cells([['SERVED', 'SIMPLE:SERVED'], 'ENFORCEMENT.NO_DEMAND']),
  RECORD_COURT_RULING: cells([['SERVED', 'SIMPLE:SERVED'], 'ENFORCEMENT.NOT_APPLIED']),
  END_EXECUTION: cells([['SERVED', 'SIMPLE:SERVED'], OK]),
  // An archived case records a challenge as a supplement (补充归档).
  RECORD_CHALLENGE: cells([['SERVED', 'EXECUTED', 'CLOSED', 'SIMPLE:SERVED', 'SIMPLE:EXECUTED', 'SIMPLE:CLOSED', ...ARCHIVED], OK]),
  EXTEND_DEADLINE: cells([['LEAD_REGISTERED', ...INVESTIGATING, 'SUSPENDED'], OK]),
  SUSPEND: cells([INVESTIGATING, OK]),
  RESUME: cells([['SUSPENDED'], OK]),
  TERMINATE: cells([[...INVESTIGATING, 'SUSPENDED'], OK]),
  RECUSE: cells([SCENARIO_NAMES.filter((n) => !['FILING_DECLINED', 'TERMINATED', 'CLOSED', 'ARCHIVING', 'SIMPLE:CLOSED'].includes(n)), OK]),
  CLOSE: cells(
    [['EXECUTED', 'TERMINATED', 'TRANSFER_ACCEPTED', 'SIMPLE:EXECUTED'], OK],
    [['SERVED', 'SIMPLE:SERVED'], 'CASE.PAYMENT_OUTSTANDING'],
  ),
  ARCHIVE: cells([['CLOSED', 'FILING_DECLINED', 'SIMPLE:CLOSED'], OK]),
  // The archive job's report, while the case waits for it.
  RECORD_ARCHIVE_PACKAGE: cells([['ARCHIVING'], OK]),
  SIMPLE_DECIDE: cells([['SIMPLE:LEAD_REGISTERED'], OK]),
  REPORT_SIMPLE: cells([['SIMPLE:SERVED'], OK], [['SIMPLE:EXECUTED'], 'CASE.ALREADY_REPORTED']),
  CONVERT_TO_ORDINARY: cells([['SIMPLE:LEAD_REGISTERED'], OK]),
  SIMPLE_NO_PENALTY: cells([['SIMPLE:LEAD_REGISTERED'], OK]),
  DISMISS_SIMPLE_LEAD: cells([['SIMPLE:LEAD_REGISTERED'], OK]),
  DEADLINE_REMINDER: deadlineCells,
  DEADLINE_ESCALATION: { ...deadlineCells, ...cells([WITH_OPEN_WINDOW, OK]) },
  // From any point the law allows (R310 3, 11): a lead (ordinary), an open, suspended or decided case.
  PROPOSE_TRANSFER: cells([['LEAD_REGISTERED', ...INVESTIGATING, 'SUSPENDED', 'DECIDED', 'SERVED', 'EXECUTED', 'SIMPLE:SERVED', 'SIMPLE:EXECUTED'], OK]),
  DECIDE_TRANSFER: cells([['TRANSFER_PROPOSED'], OK]),
  DISPATCH_TRANSFER: cells([['TRANSFER_APPROVED'], OK]),
  RECORD_POLICE_DECISION: cells([['TRANSFERRED', 'TRANSFER_RECEIVED'], OK]),
  REQUEST_TRANSFER_RECONSIDERATION: cells([['TRANSFER_DECLINED'], OK]),
  ANSWER_TRANSFER_RECONSIDERATION: cells([['TRANSFER_RECONSIDERATION_REQUESTED'], OK]),
  REQUEST_TRANSFER_SUPERVISION: cells([['TRANSFER_DECLINED'], OK]),
  RESOLVE_TRANSFER_SUPERVISION: cells([['TRANSFER_SUPERVISION_REQUESTED'], OK]),
  RESUME_ADMINISTRATIVE_CASE: cells([['TRANSFER_DECLINED'], OK]),
  // The fixtures reach TRANSFER_PROPOSED by a report proposing transfer, which flags the case.
  FLAG_SUSPECTED_CRIME: cells([INVESTIGATING, OK]),
  DECIDE_NOT_TO_TRANSFER: cells([INVESTIGATING, 'SUSPECTED_CRIME.NOT_FLAGGED']),
  FORWARD_TRANSFER: cells([['TRANSFERRED', 'TRANSFER_RECEIVED'], OK]),
  REQUEST_TRANSFER_MATERIAL: cells([['TRANSFERRED', 'TRANSFER_RECEIVED'], OK]),
  SUPPLY_TRANSFER_MATERIAL: cells([['TRANSFERRED', 'TRANSFER_RECEIVED'], 'TRANSFER.NO_MATERIAL_REQUEST']),
  RECORD_TRANSFER_HANDOVER: cells([['TRANSFER_ACCEPTED'], OK]),
  RETURN_TRANSFERRED_CASE: cells([['TRANSFER_ACCEPTED'], OK]),
  // The receipt arms R310 7's 24 hours; the procuratorate asks for an explanation before the police give one.
  CONFIRM_TRANSFER_INTAKE: cells([['TRANSFER_RECEIVED'], OK]),
  REQUEST_NON_FILING_EXPLANATION: cells([['TRANSFER_SUPERVISION_REQUESTED'], OK]),
  EXPLAIN_NON_FILING: cells([['TRANSFER_SUPERVISION_REQUESTED'], 'TRANSFER.NO_EXPLANATION_REQUESTED']),
  // 先行登记保存 while evidence is collected; 查封扣押 until the decision. The fixtures hold no measure, so
  // nothing that acts on one is allowed anywhere (coercive-measures.spec.ts covers them).
  PRESERVE_EVIDENCE: cells([['FILED'], OK]),
  APPROVE_PRESERVATION: {},
  DECIDE_PRESERVATION: {},
  SEIZE: cells([INVESTIGATING, OK]),
  EXTEND_SEIZURE: {},
  RECORD_SEIZURE_TESTING: {},
  END_SEIZURE: {},
  START_EXAMINATION: cells([INVESTIGATING, OK]),
  END_EXAMINATION: cells([INVESTIGATING, 'EXAMINATION.NONE_OPEN']),
  // A calendar for a year no case of the fixtures reaches changes nothing.
  RECOMPUTE_DEADLINES: cells(
    [ORDINARY.filter((n) => !ARCHIVED.includes(n)), 'DEADLINE.UNCHANGED'],
    [['SIMPLE:LEAD_REGISTERED', 'SIMPLE:CLOSED'], 'DEADLINE.UNCHANGED'],
    [WITH_OPEN_DEADLINE, 'DEADLINE.UNCHANGED'],
  ),
  // The documents job reports a document in any state but the sealed one.
  RECORD_DOCUMENT: cells([SCENARIO_NAMES.filter((n) => !ARCHIVED.includes(n)), OK]),
  // Owed once a penalty is decided under the ordinary procedure, until published or withheld (closing leaves it owed).
  RECORD_DISCLOSURE: cells([UNSEALED_SCENARIOS, 'DISCLOSURE.NOT_OWED'], [PENALTY_DECIDED, OK]),
  // Owed only after a challenge took a published decision down: no fixture has one.
  RECORD_DISCLOSURE_WITHDRAWAL: cells([UNSEALED_SCENARIOS, 'DISCLOSURE.WITHDRAWAL_NOT_OWED']),
};

function expected(type: CommandType, name: ScenarioName): Expect {
  if (ARCHIVED.includes(name) && type !== 'RECORD_CHALLENGE') return 'CASE.ARCHIVED';
  return EXPECTED[type][name] ?? 'CASE.TRANSITION_NOT_ALLOWED';
}

/** The first deadline in a given state, preferring one with a reminder instant. */
function openDeadline(s: CaseState, needRemind: boolean): DeadlineKind {
  const open = DEADLINE_KINDS.filter((k) => s.deadlines[k]?.state === 'OPEN' && (!needRemind || s.deadlines[k]?.remindAt));
  return open[0] ?? 'decision';
}

interface Cell {
  command: CaseCommand;
  actor: ActorSnapshot | SystemActor;
  now: string;
}

/** A well-formed command and the right actor for it, so only the state decides. */
function cellFor(type: CommandType, s: CaseState, now: string): Cell {
  const A = people.officerA;
  const H = people.head;
  const officer = (command: CaseCommand): Cell => ({ command, actor: A, now });
  const head = (command: CaseCommand): Cell => ({ command, actor: H, now });
  switch (type) {
    case 'REGISTER_LEAD':
      return officer(C.registerOrdinary());
    case 'DECIDE_FILING':
      return head(C.approveFiling());
    case 'RECORD_EVIDENCE':
      return officer(C.evidence(99, now, s.procedure === 'SIMPLE' ? { collectors: [A] } : {}));
    case 'CONFIRM_EVIDENCE':
      return officer(C.confirmEvidence('ev-1'));
    case 'ATTACH_AUXILIARY':
      return officer(C.attachAuxiliary());
    case 'TRANSFER_CUSTODY':
      return officer({ type, evidenceId: 'ev-1', from: A.userId, to: people.officerB.userId, at: now, reason: 'to the evidence room' });
    case 'SUBMIT_INVESTIGATION_REPORT':
      return officer(C.report());
    case 'REVIEW_CASE':
      return { command: C.review(), actor: people.reviewer, now };
    case 'SERVE_NOTICE':
      return officer(C.notice(now));
    case 'APPROVE_NOTICE':
      return head(C.approveNotice());
    case 'REOPEN_INVESTIGATION':
      return head(C.reopen());
    case 'RECORD_DEFENCE':
      return officer(C.defence());
    case 'REQUEST_HEARING':
      return officer(C.requestHearing(now));
    case 'WAIVE_HEARING':
      return officer({ type, waivedAt: now });
    case 'SCHEDULE_HEARING':
      return officer(C.scheduleHearing(now, plus(now, 20 * DAY)));
    case 'RECORD_HEARING': {
      // Held on the day the party was summoned to (APL 64), judged then.
      const day = s.hearing?.hearingAt && Date.parse(s.hearing.hearingAt) > Date.parse(now) ? s.hearing.hearingAt : now;
      return { command: C.holdHearing(day), actor: A, now: day };
    }
    case 'END_HEARING':
      return officer({ type, reason: 'WITHDRAWN', at: now, note: '当事人书面撤回听证申请' });
    case 'REQUEST_LEGAL_REVIEW':
      return officer(C.requestLegalReview());
    case 'RECORD_LEGAL_REVIEW':
      return { command: C.legalReview(), actor: people.reviewer, now };
    case 'REASSIGN_LEGAL_REVIEW':
      return head(C.reassignLegalReview());
    case 'MARK_MAJOR_CASE':
      return officer(C.markMajor());
    case 'RECORD_COLLECTIVE_DISCUSSION':
      return head(C.collective(now));
    case 'DECIDE':
      return head(C.decide());
    case 'SERVE':
      return officer(C.serve(now));
    case 'RECORD_PAYMENT':
      return officer(C.pay(100, now));
    case 'APPROVE_PAYMENT_PLAN':
      return head(C.paymentPlan(now, s.decision?.amountDue ?? 1));
    case 'SERVE_DEMAND':
      return officer(C.demand(now));
    case 'APPLY_COURT_ENFORCEMENT':
      return head(C.applyCourt(now));
    case 'RECORD_COURT_RULING':
      return officer(C.courtRuling(now));
    case 'END_EXECUTION':
      return head(C.endExecution(now));
    case 'RECORD_CHALLENGE':
      return officer(C.challenge(now));
    case 'EXTEND_DEADLINE':
      return head(C.extend(s.status === 'LEAD_REGISTERED' ? 'filingDecision' : 'decision'));
    case 'SUSPEND':
      return head(C.suspend());
    case 'RESUME':
      return head(C.resume());
    case 'TERMINATE':
      return head(C.terminate());
    case 'RECUSE':
      return head(C.recuse(s.officers[s.officers.length - 1].userId, people.officerC));
    case 'CLOSE':
      return head(C.close());
    case 'ARCHIVE':
      return officer(C.archive());
    case 'RECORD_ARCHIVE_PACKAGE':
      return { command: C.archivePackage(s.eventCount), actor: SYSTEM, now };
    case 'SIMPLE_DECIDE':
      return officer(C.simpleDecide(now));
    case 'REPORT_SIMPLE':
      return officer(C.reportSimple());
    case 'CONVERT_TO_ORDINARY':
      return officer(C.convertToOrdinary());
    case 'SIMPLE_NO_PENALTY':
      return officer(C.simpleNoPenalty(now));
    case 'DISMISS_SIMPLE_LEAD':
      return officer(C.dismissSimpleLead());
    case 'DEADLINE_REMINDER': {
      const kind = openDeadline(s, true);
      return { command: C.reminder(kind), actor: SYSTEM, now: s.deadlines[kind]?.remindAt ?? now };
    }
    case 'DEADLINE_ESCALATION': {
      const kind = openDeadline(s, false);
      return { command: C.escalation(kind), actor: SYSTEM, now: s.deadlines[kind]?.dueAt ?? now };
    }
    case 'PROPOSE_TRANSFER':
      return officer(C.proposeTransfer());
    case 'DECIDE_TRANSFER':
      return head(C.approveTransfer());
    case 'DISPATCH_TRANSFER':
      return officer(C.dispatchTransfer(now));
    case 'RECORD_POLICE_DECISION':
      return { command: C.policeDecision('ACCEPT', now), actor: people.police, now };
    case 'REQUEST_TRANSFER_RECONSIDERATION':
      return officer(C.requestReconsideration());
    case 'ANSWER_TRANSFER_RECONSIDERATION':
      return { command: C.answerReconsideration(false), actor: people.police, now };
    case 'REQUEST_TRANSFER_SUPERVISION':
      return officer(C.requestSupervision());
    case 'RESOLVE_TRANSFER_SUPERVISION':
      return { command: C.resolveSupervision('REFUSAL_UPHELD'), actor: people.procurator, now };
    case 'RESUME_ADMINISTRATIVE_CASE':
      return head(C.resumeAdministrative());
    case 'FLAG_SUSPECTED_CRIME':
      return officer(C.flagSuspectedCrime());
    case 'DECIDE_NOT_TO_TRANSFER':
      return head(C.decideNotToTransfer());
    case 'FORWARD_TRANSFER':
      return { command: { type, policeAgency: '某区公安分局经侦大队', at: now, reason: '不属本单位管辖' }, actor: people.police, now };
    case 'REQUEST_TRANSFER_MATERIAL':
      return { command: { type, materials: ['检验报告原件'], at: now }, actor: people.police, now };
    case 'SUPPLY_TRANSFER_MATERIAL':
      return officer({ type, documents: ['检验报告原件'], at: now });
    case 'RECORD_TRANSFER_HANDOVER':
      return officer({ type, inventory: ['假冒白酒 12 瓶'], at: now });
    case 'RETURN_TRANSFERRED_CASE':
      return { command: { type, at: now, reason: '经审查没有犯罪事实' }, actor: people.police, now };
    case 'CONFIRM_TRANSFER_INTAKE':
      return { command: C.confirmIntake(now), actor: people.police, now };
    case 'REQUEST_NON_FILING_EXPLANATION':
      return { command: C.requestExplanation(now), actor: people.procurator, now };
    case 'EXPLAIN_NON_FILING':
      return { command: C.explainNonFiling(now), actor: people.police, now };
    case 'PRESERVE_EVIDENCE':
      return officer({ type, measureId: 'p-1', grounds: 'may be lost', officers: [A, people.officerB], items: MEASURE_ITEMS, emergency: false });
    case 'APPROVE_PRESERVATION':
      return head({ type, measureId: 'p-1', approve: true, reason: 'evidence may be lost' });
    case 'DECIDE_PRESERVATION':
      return head({ type, measureId: 'p-1', decision: 'RELEASE', basis: 'MSA 34 (5)', reason: 'no longer needed' });
    case 'SEIZE':
      return head({ type, measureId: 's-1', mode: 'SEIZE', decisionNumber: '长市监强〔2026〕1号', grounds: 'goods', legalBasis: 'ACL 22', seizedAt: now, officers: [A, people.officerB], items: MEASURE_ITEMS });
    case 'EXTEND_SEIZURE':
      return head({ type, measureId: 's-1', days: 30, reason: 'complex' });
    case 'RECORD_SEIZURE_TESTING':
      return officer({ type, measureId: 's-1', startedAt: now, endedAt: now, purpose: 'testing' });
    case 'END_SEIZURE':
      return head({ type, measureId: 's-1', ending: 'RELEASE', basis: 'ACL 28 (3)', reason: 'no longer needed' });
    case 'START_EXAMINATION':
      return officer(C.startExamination(now));
    case 'END_EXAMINATION':
      return officer(C.endExamination(1, now));
    case 'RECORD_DISCLOSURE':
      return { command: { type, disclosureId: 'disclosure-1', outcome: 'PUBLISHED' }, actor: SYSTEM, now };
    case 'RECORD_DISCLOSURE_WITHDRAWAL':
      return { command: { type, disclosureId: 'disclosure-1' }, actor: SYSTEM, now };
    case 'RECOMPUTE_DEADLINES':
      return { command: { type, calendar: { year: 2031, holidays: ['2031-01-01'], adjustedWorkingDays: [], source: 'test' } }, actor: SYSTEM, now };
    case 'RECORD_DOCUMENT':
      return { command: { type, kind: 'FILING_APPROVAL', number: 'CZSJ立〔2026〕1号', sha256: 'a'.repeat(64), bytes: 1024, sourceSeq: 1, fileName: 'x.pdf' }, actor: SYSTEM, now };
  }
}

const MEASURE_ITEMS = [{ description: '假冒白酒', quantity: 12, unit: '瓶', location: '仓库', custodian: '王某' }];

const fixtures = new Map(SCENARIO_NAMES.map((n) => [n, scenario(n)] as const));

describe('fixtures', () => {
  it('cover every status of the lifecycle', () => {
    const covered = new Set([...fixtures.values()].map((r) => r.status));
    expect(CASE_STATUSES.filter((s) => !covered.has(s))).toEqual([]);
  });

  it('every command type has a rule, an action entry and a row in this table', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(COMMAND_ACTIONS).sort());
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(COMMAND_RULES).sort());
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

const table: [ScenarioName, CommandType, Expect][] = [];
for (const name of SCENARIO_NAMES) for (const type of COMMAND_TYPES) table.push([name, type, expected(type, name)]);

describe('transition table', () => {
  it.each(table)('%s × %s → %s', (name, type, want) => {
    const r = fixtures.get(name)!;
    const s = r.s;
    const cell = cellFor(type, s, r.now);
    const d = decide(s, cell.command, { actor: cell.actor, policy: r.policy, now: cell.now });
    if (want === OK) {
      if (!d.ok) throw new Error(`${name} × ${type}: ${d.rejection.code} ${d.rejection.reason}`);
      expect(d.events).toHaveLength(1);
      // The event folds without error and moves the event count on.
      const next = evolve(s, d.events[0], { at: cell.now, policy: r.policy });
      expect(next.eventCount).toBe(s.eventCount + 1);
    } else {
      expect(d.ok).toBe(false);
      if (d.ok) return;
      expect(d.rejection.code).toBe(want);
      expect(d.rejection.state).toBe(s.status);
      // An archived case offers its officers the supplement only.
      if (want === 'CASE.ARCHIVED') expect(d.rejection.allowedActions.filter((a) => a !== 'challenges')).toEqual([]);
    }
  });
});

describe('allowedActions agrees with decide()', () => {
  const actors: ActorSnapshot[] = [people.officerA, people.head, people.reviewer, people.police, people.procurator];
  it.each(SCENARIO_NAMES)('%s', (name) => {
    const r = fixtures.get(name)!;
    for (const actor of actors) {
      const want = new Set<string>();
      for (const type of COMMAND_TYPES) {
        const action = COMMAND_ACTIONS[type];
        if (!action) continue;
        const cell = cellFor(type, r.s, r.now);
        if (cell.actor !== actor) continue;
        if (decide(r.s, cell.command, { actor, policy: r.policy, now: cell.now }).ok) want.add(action);
      }
      // EXTENSION-purpose collective discussions are offered too; the table probes the DECISION purpose only.
      // A head may mark a case major, or attach auxiliary staff, as the officers may; the table probes the officer.
      const got = allowedActions(r.s, actor, { now: r.now, policy: r.policy }).filter(
        (a) => !((a === 'collective-discussion' || a === 'major-case' || a === 'auxiliary') && !want.has(a) && actor === people.head),
      );
      expect({ actor: actor.name, actions: got.sort() }).toEqual({ actor: actor.name, actions: [...want].sort() });
    }
  });
});
