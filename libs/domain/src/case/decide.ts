// decide(): judge a command against the case state and the actor; return the
// one event it records, or a rejection with a stable code. Pure: the workflow
// calls it in the Update validator and again in the handler, the API calls it
// to preview. Order of checks: archived → authorisation (403) → state (409)
// → payload (400) → legal rules on the content (403/409/422).

import { computeDeadline, localDate } from '../calendar';
import type { ActorSnapshot } from './actor.types';
import { allowedActions } from './allowed-actions';
import { COMMAND_ACTIONS } from './actions';
import { isSystemActor, type CaseCommand, type CommandContext, type CommandOf, type CommandType } from './case-commands';
import type { CaseEvent } from './case-events';
import {
  CIRCUMSTANCE_LEVELS,
  DEADLINE_KINDS,
  EVIDENCE_KINDS,
  type CaseOfficer,
  type CaseState,
  type DeadlineKind,
  type DecisionOutcome,
  type PersonRef,
  type ProposedOutcome,
} from './case-state';
import { fail, type Decision, type Fail } from './rejection';
import { limitationCheck, provisionIsLifeHealthFinancial, toLocalDate } from './rules/limitation';
import { amountDue, assessPenalty, checkSimplePenalty, heavierThan, validatePenalty } from './rules/penalty';
import { checkActorCertificate, checkNamedOfficers, hasRole, isInvestigator, personRef } from './rules/people';
import { preDecisionRequirements } from './rules/pre-decision';
import { checkService, serviceRecord, validateService } from './rules/service';
import { COMMAND_RULES, gate } from './rules/transitions';
import { fen, formatYuan, ms, Validator } from './rules/validation';

type Result = CaseEvent | Fail;
type Handler<T extends CommandType> = (s: CaseState, cmd: CommandOf<T>, ctx: Ctx) => Result;

/** The context as handlers see it: a person (gate() has ruled out the system elsewhere). */
interface Ctx extends CommandContext {
  date: string; // local date of now
  person: PersonRef;
  actorSnapshot?: ActorSnapshot;
}

function isFail(r: Result): r is Fail {
  return (r as Fail).code !== undefined && (r as Fail).status !== undefined;
}

function invalid(v: Validator): Fail {
  return fail('VALIDATION.FAILED', `The command is malformed: ${v.errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, v.errors);
}

export function decide(state: CaseState | null, command: CaseCommand, ctx: CommandContext): Decision {
  const reject = (f: Fail): Decision => ({
    ok: false,
    rejection: {
      ...f,
      state: state?.status ?? null,
      allowedActions:
        state?.status === 'ARCHIVED' ? [] : allowedActions(state, ctx.actor, { now: ctx.now, policy: ctx.policy, features: ctx.features }),
    },
  });

  if (!command || typeof command !== 'object' || !Object.prototype.hasOwnProperty.call(COMMAND_RULES, command.type)) {
    return reject(fail('VALIDATION.FAILED', 'Unknown command type', [{ field: 'type', message: 'is not a known command' }]));
  }
  if (state?.status === 'ARCHIVED') {
    return reject(fail('CASE.ARCHIVED', `Case ${state.caseNumber} is archived: nothing in an archived case changes (MSA 78–79)`));
  }

  try {
    const date = localDate(ctx.now, ctx.policy.timeZone);
    const person = isSystemActor(ctx.actor) ? { userId: 'system', name: ctx.actor.name } : personRef(ctx.actor);
    const hctx: Ctx = { ...ctx, date, person, actorSnapshot: isSystemActor(ctx.actor) ? undefined : ctx.actor };

    if (state === null) {
      if (command.type !== 'REGISTER_LEAD') {
        return reject(fail('CASE.NOT_REGISTERED', `${command.type} needs a registered case; register the lead first`));
      }
      const r = registerLead(command, hctx);
      return isFail(r) ? reject(r) : { ok: true, events: [r] };
    }

    const g = gate(state, command, ctx.actor, { now: ctx.now, policy: ctx.policy, features: ctx.features });
    if (g) return reject(g);
    const handler = HANDLERS[command.type] as Handler<CommandType>;
    const r = handler(state, command, hctx);
    return isFail(r) ? reject(r) : { ok: true, events: [r] };
  } catch (e) {
    // Only malformed input reaches here (e.g. an instant the calendar cannot parse).
    const message = e instanceof Error ? e.message : String(e);
    return reject(fail('VALIDATION.FAILED', `The command is malformed: ${message}`, [{ field: 'command', message }]));
  }
}

// ---------------------------------------------------------------------------
// Registration and filing

function registerLead(cmd: CommandOf<'REGISTER_LEAD'>, ctx: Ctx): Result {
  const actor = ctx.actorSnapshot;
  if (!actor) return fail('AUTH.ROLE_NOT_ALLOWED', 'REGISTER_LEAD needs a person');
  if (!hasRole(actor, 'OFFICER')) return fail('AUTH.ROLE_NOT_ALLOWED', 'REGISTER_LEAD needs the role OFFICER');
  const certFail = checkActorCertificate(actor, ctx.date);
  if (certFail) return certFail;

  const v = new Validator(ctx.now);
  v.text('caseId', cmd.caseId).text('caseNumber', cmd.caseNumber).text('agencyId', cmd.agencyId);
  v.oneOf('procedure', cmd.procedure, ['ORDINARY', 'SIMPLE'] as const);
  v.text('source', cmd.source).instant('discoveredAt', cmd.discoveredAt, { notFuture: true });
  if (v.object('party', cmd.party)) {
    v.oneOf('party.type', cmd.party.type, ['PERSON', 'ORGANISATION'] as const).text('party.name', cmd.party.name);
    v.bool('party.minor', cmd.party.minor, { optional: true });
  }
  v.text('violationCode', cmd.violationCode).text('summary', cmd.summary);
  v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
  v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
  if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
  if (v.ok && cmd.violationAt !== undefined) {
    if (toLocalDate(cmd.violationAt, ctx.policy.timeZone) > localDate(cmd.discoveredAt, ctx.policy.timeZone)) {
      v.add('violationAt', 'must not be after discoveredAt');
    }
  }
  if (!v.ok) return invalid(v);

  if (actor.agencyId !== cmd.agencyId) return fail('AUTH.AGENCY_MISMATCH', 'Officers register leads for their own agency only');
  if (!ctx.policy.violations.some((p) => p.code === cmd.violationCode)) {
    return fail('CASE.UNKNOWN_VIOLATION', `Violation code ${cmd.violationCode} is not in the catalogue of policy ${ctx.policy.version}`);
  }
  const named = checkNamedOfficers(cmd.officers, { min: 1, date: ctx.date, agencyId: cmd.agencyId, field: 'officers' });
  if ('fail' in named) return named.fail;

  const e: CaseEvent = {
    type: 'LEAD_REGISTERED',
    caseId: cmd.caseId,
    caseNumber: cmd.caseNumber,
    agencyId: cmd.agencyId,
    procedure: cmd.procedure,
    policyVersion: ctx.policy.version,
    source: cmd.source,
    discoveredAt: cmd.discoveredAt,
    party: { ...cmd.party },
    violationCode: cmd.violationCode,
    summary: cmd.summary,
    officers: named.officers,
    registeredBy: ctx.person,
  };
  if (cmd.violationAt !== undefined) e.violationAt = cmd.violationAt;
  if (cmd.lifeHealthFinancialSafety !== undefined) e.lifeHealthFinancialSafety = cmd.lifeHealthFinancialSafety;
  return e;
}

const decideFiling: Handler<'DECIDE_FILING'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.bool('approve', cmd.approve).text('reason', cmd.reason);
  v.dateOrInstant('violationAt', cmd.violationAt, { optional: true });
  v.bool('lifeHealthFinancialSafety', cmd.lifeHealthFinancialSafety, { optional: true });
  if (cmd.approve === true && v.array('officers', cmd.officers)) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
  const violationAt = cmd.violationAt ?? s.violationAt;
  if (cmd.approve === true && violationAt === undefined) v.add('violationAt', 'is required to approve filing (limitation check, APL 36)');
  if (!v.ok) return invalid(v);

  if (!cmd.approve) return { type: 'FILING_DECLINED', reason: cmd.reason, declinedBy: ctx.person };

  const named = checkNamedOfficers(cmd.officers, {
    min: 2,
    date: ctx.date,
    agencyId: s.agencyId,
    field: 'officers',
    recused: s.recusals.map((r) => r.userId),
  });
  if ('fail' in named) return named.fail;

  const lhf = cmd.lifeHealthFinancialSafety ?? s.lifeHealthFinancialSafety ?? provisionIsLifeHealthFinancial(ctx.policy, s.violationCode);
  const lim = limitationCheck({ violationAt: violationAt as string, discoveredAt: s.discoveredAt, lifeHealthFinancialSafety: lhf, policy: ctx.policy });
  if (lim.expired) {
    return fail(
      'CASE.LIMITATION_EXPIRED',
      `The violation of ${lim.check.violationDate} was discovered on ${lim.check.discoveredDate}, after the ${lim.check.years}-year limitation ended on ${lim.check.lastDiscoveryDate} (APL 36): decline filing`,
    );
  }
  return { type: 'FILING_APPROVED', reason: cmd.reason, officers: named.officers, limitation: lim.check, approvedBy: ctx.person };
};

// ---------------------------------------------------------------------------
// Investigation

const recordEvidence: Handler<'RECORD_EVIDENCE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('evidenceId', cmd.evidenceId).oneOf('kind', cmd.kind, EVIDENCE_KINDS).text('title', cmd.title);
  v.instant('collectedAt', cmd.collectedAt, { notFuture: true }).text('location', cmd.location);
  v.sha256('sha256', cmd.sha256).integer('sizeBytes', cmd.sizeBytes, { min: 0 });
  v.text('mediaType', cmd.mediaType, { optional: true }).text('source', cmd.source, { optional: true });
  if (cmd.text !== undefined && typeof cmd.text !== 'string') v.add('text', 'must be a string');
  if (v.array('collectors', cmd.collectors, { min: 1 })) cmd.collectors.forEach((o, i) => v.actor(`collectors[${i}]`, o));
  if (!v.ok) return invalid(v);

  if (s.evidence.some((e) => e.evidenceId === cmd.evidenceId)) {
    return fail('EVIDENCE.DUPLICATE_ID', `Evidence ${cmd.evidenceId} is already recorded; evidence is never overwritten`);
  }
  const min = s.procedure === 'ORDINARY' ? 2 : 1;
  const named = checkNamedOfficers(cmd.collectors, {
    min,
    date: ctx.date,
    agencyId: s.agencyId,
    field: 'collectors',
    recused: s.recusals.map((r) => r.userId),
  });
  if ('fail' in named) return named.fail;
  const outsiders = named.officers.filter((o) => !s.officers.some((a) => a.userId === o.userId));
  if (outsiders.length > 0) {
    return fail('CASE.COLLECTOR_NOT_ASSIGNED', `Collectors must be officers assigned to the case: ${outsiders.map((o) => o.name).join(', ')} is not`);
  }
  const actor = ctx.actorSnapshot as ActorSnapshot;
  const e: CaseEvent = {
    type: 'EVIDENCE_RECORDED',
    evidenceId: cmd.evidenceId,
    kind: cmd.kind,
    title: cmd.title,
    collectedAt: cmd.collectedAt,
    collectors: named.officers,
    location: cmd.location,
    sha256: cmd.sha256,
    sizeBytes: cmd.sizeBytes,
    // Acting as auxiliary when the actor lacks the OFFICER role (COMMAND_RULES tries OFFICER first).
    recordedBy: { ...ctx.person, auxiliary: !hasRole(actor, 'OFFICER') },
    custodian: named.officers[0].userId,
  };
  if (cmd.mediaType !== undefined) e.mediaType = cmd.mediaType;
  if (cmd.text !== undefined) e.text = cmd.text;
  if (cmd.source !== undefined) e.source = cmd.source;
  return e;
};

const transferCustody: Handler<'TRANSFER_CUSTODY'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('evidenceId', cmd.evidenceId).text('from', cmd.from).text('to', cmd.to).text('reason', cmd.reason);
  v.instant('at', cmd.at, { notFuture: true });
  if (v.ok && cmd.from === cmd.to) v.add('to', 'must differ from from');
  if (!v.ok) return invalid(v);
  const item = s.evidence.find((e) => e.evidenceId === cmd.evidenceId);
  if (!item) return fail('EVIDENCE.NOT_FOUND', `No evidence ${cmd.evidenceId} in this case`);
  if (item.custodian !== cmd.from) {
    return fail('EVIDENCE.CUSTODY_MISMATCH', `Evidence ${cmd.evidenceId} is in the custody of ${item.custodian}, not ${cmd.from}`);
  }
  return { type: 'CUSTODY_TRANSFERRED', evidenceId: cmd.evidenceId, from: cmd.from, to: cmd.to, at: cmd.at, reason: cmd.reason };
};

const PROPOSED_OUTCOMES: readonly ProposedOutcome[] = ['PENALTY', 'NO_PENALTY', 'DISMISS', 'TRANSFER'];

const submitReport: Handler<'SUBMIT_INVESTIGATION_REPORT'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('findings', cmd.findings).oneOf('proposedOutcome', cmd.proposedOutcome, PROPOSED_OUTCOMES);
  v.text('legalBasis', cmd.legalBasis).oneOf('circumstanceLevel', cmd.circumstanceLevel, CIRCUMSTANCE_LEVELS);
  v.text('discretionReasons', cmd.discretionReasons, { optional: true });
  if (cmd.proposedOutcome === 'PENALTY') validatePenalty(v, 'proposedPenalty', cmd.proposedPenalty);
  else if (cmd.proposedPenalty !== undefined) v.add('proposedPenalty', 'is only given with proposedOutcome PENALTY');
  if (!v.ok) return invalid(v);
  if (cmd.proposedOutcome === 'PENALTY' && s.evidence.length === 0) {
    return fail('CASE.EVIDENCE_REQUIRED', 'A penalty needs recorded evidence (APL 40)');
  }
  const e: CaseEvent = {
    type: 'INVESTIGATION_REPORTED',
    findings: cmd.findings,
    proposedOutcome: cmd.proposedOutcome,
    legalBasis: cmd.legalBasis,
    circumstanceLevel: cmd.circumstanceLevel,
    assessment: assessPenalty(cmd.proposedPenalty, cmd.circumstanceLevel, s.party.type, ctx.policy),
    submittedBy: ctx.person,
  };
  if (cmd.proposedPenalty !== undefined) e.proposedPenalty = cmd.proposedPenalty;
  if (cmd.discretionReasons !== undefined) e.discretionReasons = cmd.discretionReasons;
  return e;
};

// ---------------------------------------------------------------------------
// Review, notice, defence, hearing, legal review, collective discussion

const reviewCase: Handler<'REVIEW_CASE'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('opinion', cmd.opinion, ['AGREE', 'CORRECT', 'INVESTIGATE_FURTHER'] as const).text('comments', cmd.comments);
  if (!v.ok) return invalid(v);
  return { type: 'CASE_REVIEWED', opinion: cmd.opinion, comments: cmd.comments, reviewer: ctx.person };
};

const serveNotice: Handler<'SERVE_NOTICE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('noticeNumber', cmd.noticeNumber).text('text', cmd.text).bool('hearingRightsNotified', cmd.hearingRightsNotified);
  validateService(v, '', cmd);
  if (!v.ok) return invalid(v);
  const sf = checkService(cmd);
  if (sf) return sf;
  if (s.report?.assessment.hearingOffered && !cmd.hearingRightsNotified) {
    return fail('NOTICE.HEARING_RIGHTS_MISSING', 'The proposed penalty qualifies for a hearing: the notice must tell the party of that right (APL 44, 63)');
  }
  const e: CaseEvent = {
    type: 'NOTICE_SERVED',
    noticeNumber: cmd.noticeNumber,
    text: cmd.text,
    hearingRightsNotified: cmd.hearingRightsNotified,
    service: serviceRecord(cmd, ctx.person),
  };
  if (s.report?.proposedPenalty) e.proposedPenalty = s.report.proposedPenalty;
  return e;
};

const recordDefence: Handler<'RECORD_DEFENCE'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.bool('waived', cmd.waived);
  v.text('statement', cmd.statement, { optional: cmd.waived === true });
  if (v.array('points', cmd.points, { optional: true })) {
    cmd.points!.forEach((p, i) => {
      if (v.object(`points[${i}]`, p)) v.text(`points[${i}].point`, p.point).bool(`points[${i}].adopted`, p.adopted).text(`points[${i}].reason`, p.reason);
    });
  }
  if (!v.ok) return invalid(v);
  const e: CaseEvent = { type: 'DEFENCE_RECORDED', waived: cmd.waived };
  if (cmd.statement !== undefined) e.statement = cmd.statement;
  if (cmd.points !== undefined) e.points = cmd.points.map((p) => ({ point: p.point, adopted: p.adopted, reason: p.reason }));
  return e;
};

const requestHearing: Handler<'REQUEST_HEARING'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.instant('requestedAt', cmd.requestedAt, { notFuture: true }).text('note', cmd.note, { optional: true });
  if (v.ok && s.notice && ms(cmd.requestedAt) < ms(s.notice.service.servedAt)) v.add('requestedAt', 'must not precede the notice');
  if (!v.ok) return invalid(v);
  const d = s.deadlines.defence;
  if (d && ms(cmd.requestedAt) > ms(d.dueAt)) {
    return fail('HEARING.REQUEST_LATE', `A hearing must be requested within the defence period, which ended ${d.dueAt} (APL 64)`);
  }
  const e: CaseEvent = { type: 'HEARING_REQUESTED', requestedAt: cmd.requestedAt };
  if (cmd.note !== undefined) e.note = cmd.note;
  return e;
};

const scheduleHearing: Handler<'SCHEDULE_HEARING'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.instant('hearingAt', cmd.hearingAt, { after: ctx.now }).actor('host', cmd.host).text('location', cmd.location);
  v.bool('isPublic', cmd.isPublic).text('reasonNotPublic', cmd.reasonNotPublic, { optional: cmd.isPublic !== false });
  if (!v.ok) return invalid(v);
  if (isInvestigator(s, cmd.host.userId)) {
    return fail('HEARING.HOST_CONFLICT', `${cmd.host.name} investigated this case and cannot host its hearing (APL 64)`);
  }
  if (hasRole(cmd.host, 'AUXILIARY')) return fail('HEARING.HOST_CONFLICT', `${cmd.host.name} is auxiliary staff and cannot host a hearing`);
  // Notice at least N working days before the hearing (APL 64): the hearing day may be the Nth.
  const min = computeDeadline({
    rule: 'hearingNotice',
    period: ctx.policy.deadlines.hearingNotice,
    start: ctx.now,
    calendars: ctx.policy.calendars,
    timeZone: ctx.policy.timeZone,
  });
  if (localDate(cmd.hearingAt, ctx.policy.timeZone) < min.basis.dueDate) {
    return fail(
      'HEARING.NOTICE_TOO_SHORT',
      `The hearing must be at least ${ctx.policy.deadlines.hearingNotice.days} ${ctx.policy.deadlines.hearingNotice.kind.toLowerCase()} days after notice: not before ${min.basis.dueDate} (${ctx.policy.deadlines.hearingNotice.source})`,
    );
  }
  const e: CaseEvent = {
    type: 'HEARING_SCHEDULED',
    hearingAt: cmd.hearingAt,
    host: personRef(cmd.host),
    location: cmd.location,
    isPublic: cmd.isPublic,
    earliestHearingDate: min.basis.dueDate,
  };
  if (cmd.reasonNotPublic !== undefined) e.reasonNotPublic = cmd.reasonNotPublic;
  return e;
};

const recordHearing: Handler<'RECORD_HEARING'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.instant('heldAt', cmd.heldAt, { notFuture: true }).text('record', cmd.record).text('report', cmd.report);
  if (v.ok && s.hearing && ms(cmd.heldAt) < ms(s.hearing.requestedAt)) v.add('heldAt', 'must not precede the hearing request');
  if (!v.ok) return invalid(v);
  return { type: 'HEARING_HELD', heldAt: cmd.heldAt, record: cmd.record, report: cmd.report };
};

const requestLegalReview: Handler<'REQUEST_LEGAL_REVIEW'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('note', cmd.note, { optional: true });
  if (!v.ok) return invalid(v);
  const reasons = (s.report?.assessment.reasons ?? []).filter((r) => r.startsWith('legal review'));
  const e: CaseEvent = { type: 'LEGAL_REVIEW_REQUESTED', reasons: reasons.length > 0 ? reasons : ['submitted by the case officers'] };
  if (cmd.note !== undefined) e.note = cmd.note;
  return e;
};

const recordLegalReview: Handler<'RECORD_LEGAL_REVIEW'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('opinion', cmd.opinion, ['APPROVE', 'RETURN', 'REJECT'] as const).text('text', cmd.text);
  if (!v.ok) return invalid(v);
  return { type: 'LEGAL_REVIEW_RECORDED', opinion: cmd.opinion, text: cmd.text, reviewer: ctx.person };
};

const recordCollective: Handler<'RECORD_COLLECTIVE_DISCUSSION'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('purpose', cmd.purpose, ['DECISION', 'EXTENSION'] as const).instant('heldAt', cmd.heldAt, { notFuture: true });
  v.text('minutes', cmd.minutes).text('resolution', cmd.resolution);
  if (v.array('attendees', cmd.attendees, { min: 1 })) {
    cmd.attendees.forEach((a, i) => {
      if (v.object(`attendees[${i}]`, a)) v.text(`attendees[${i}].userId`, a.userId).text(`attendees[${i}].name`, a.name);
    });
  }
  if (!v.ok) return invalid(v);
  const distinct = new Set(cmd.attendees.map((a) => a.userId));
  if (distinct.size < 2) {
    return fail('COLLECTIVE.QUORUM_NOT_MET', `A collective discussion needs the agency's heads together: at least 2 attendees, got ${distinct.size} (APL 57)`);
  }
  return {
    type: 'COLLECTIVE_DISCUSSION_RECORDED',
    purpose: cmd.purpose,
    heldAt: cmd.heldAt,
    attendees: cmd.attendees.map(personRef),
    minutes: cmd.minutes,
    resolution: cmd.resolution,
  };
};

// ---------------------------------------------------------------------------
// Decision, service, payment, challenges

const OUTCOMES: readonly DecisionOutcome[] = ['PENALTY', 'NO_PENALTY', 'DISMISS'];

const decideCase: Handler<'DECIDE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('outcome', cmd.outcome, OUTCOMES).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
  v.text('legalBasis', cmd.legalBasis, { optional: true });
  if (cmd.outcome === 'PENALTY') validatePenalty(v, 'penalty', cmd.penalty);
  else if (cmd.penalty !== undefined) v.add('penalty', 'is only given with outcome PENALTY');
  if (!v.ok) return invalid(v);

  if (ctx.features?.preDecisionSteps) {
    const missing = preDecisionRequirements(s).filter((r) => !r.met);
    if (missing.length > 0) {
      return fail(
        'CASE.PRE_DECISION_STEP_MISSING',
        `Before the decision: ${missing.map((m) => m.reason).join('; ')}`,
        missing.map((m) => ({ field: m.step, message: m.reason })),
      );
    }
  }
  const defended = (s.defence && !s.defence.waived) || s.hearing?.heldAt !== undefined;
  if (defended && s.notice) {
    const why = heavierThan(cmd.penalty, s.notice.proposedPenalty);
    if (why) return fail('DECISION.HEAVIER_AFTER_DEFENCE', `The penalty may not become heavier because the party defended itself (APL 45): ${why}`);
  }
  const e: CaseEvent = {
    type: 'DECISION_MADE',
    outcome: cmd.outcome,
    documentNumber: cmd.documentNumber,
    text: cmd.text,
    amountDue: amountDue(cmd.penalty),
    assessment: assessPenalty(cmd.penalty, s.report?.circumstanceLevel, s.party.type, ctx.policy),
    decidedBy: ctx.person,
  };
  if (cmd.penalty !== undefined) e.penalty = cmd.penalty;
  if (cmd.legalBasis !== undefined) e.legalBasis = cmd.legalBasis;
  return e;
};

const serve: Handler<'SERVE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  validateService(v, '', cmd);
  if (!v.ok) return invalid(v);
  const sf = checkService(cmd);
  if (sf) return sf;
  if (s.decision && ms(cmd.servedAt) < ms(s.decision.decidedAt)) {
    return fail('SERVICE.BEFORE_DECISION', `servedAt ${cmd.servedAt} precedes the decision of ${s.decision.decidedAt}`);
  }
  return { type: 'DECISION_SERVED', service: serviceRecord(cmd, ctx.person) };
};

const recordPayment: Handler<'RECORD_PAYMENT'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.amount('amount', cmd.amount, { positive: true }).instant('paidAt', cmd.paidAt, { notFuture: true }).text('receipt', cmd.receipt);
  if (!v.ok) return invalid(v);
  const due = s.decision?.amountDue ?? 0;
  const total = (fen(s.amountPaid) + fen(cmd.amount)) / 100;
  if (fen(total) > fen(due)) {
    return fail('PAYMENT.EXCEEDS_AMOUNT_DUE', `Payment of ${formatYuan(cmd.amount)} brings the total to ${formatYuan(total)}, above the ${formatYuan(due)} due`);
  }
  return {
    type: 'PAYMENT_RECORDED',
    amount: cmd.amount,
    paidAt: cmd.paidAt,
    receipt: cmd.receipt,
    totalPaid: total,
    amountDue: due,
    paidInFull: fen(total) === fen(due),
  };
};

const recordChallenge: Handler<'RECORD_CHALLENGE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('challengeId', cmd.challengeId).oneOf('kind', cmd.kind, ['RECONSIDERATION', 'LITIGATION'] as const);
  v.oneOf('stage', cmd.stage, ['FILED', 'DECIDED'] as const).instant('at', cmd.at, { notFuture: true }).text('body', cmd.body);
  const results = ['UPHELD', 'VARIED', 'REVOKED', 'CONFIRMED_INVALID', 'WITHDRAWN', 'DISMISSED'] as const;
  v.oneOf('result', cmd.result, results, { optional: cmd.stage !== 'DECIDED' });
  if (!v.ok) return invalid(v);
  const existing = s.challenges.find((c) => c.challengeId === cmd.challengeId);
  if (cmd.stage === 'FILED' && existing) return fail('CHALLENGE.DUPLICATE_ID', `Challenge ${cmd.challengeId} is already recorded`);
  if (cmd.stage === 'DECIDED' && (!existing || existing.result !== undefined)) {
    return fail('CHALLENGE.NOT_FOUND', `No pending challenge ${cmd.challengeId} to decide`);
  }
  const e: CaseEvent = { type: 'CHALLENGE_RECORDED', challengeId: cmd.challengeId, kind: cmd.kind, stage: cmd.stage, at: cmd.at, body: cmd.body };
  if (cmd.result !== undefined) e.result = cmd.result;
  return e;
};

// ---------------------------------------------------------------------------
// Deadlines, suspension, recusal, closing

const extendDeadline: Handler<'EXTEND_DEADLINE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('deadline', cmd.deadline, DEADLINE_KINDS).text('reason', cmd.reason);
  if (!v.ok) return invalid(v);
  const d = s.deadlines[cmd.deadline]!; // gate() checked it is running
  if (d.state === 'OPEN' && ms(ctx.now) > ms(d.dueAt)) {
    return fail('DEADLINE.EXPIRED', `The ${cmd.deadline} deadline expired at ${d.dueAt}; an extension must be approved before it runs out`);
  }
  if (cmd.deadline === 'filingDecision' && d.extensions >= 1) {
    return fail('DEADLINE.NOT_EXTENDABLE', 'The filing decision may be extended once (MSA 18)');
  }
  if (cmd.deadline === 'decision' && d.extensions >= 1) {
    const discussions = s.collectiveDiscussions.filter((c) => c.purpose === 'EXTENSION').length;
    if (discussions < d.extensions) {
      return fail(
        'DEADLINE.EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION',
        'A further extension of the decision limit needs a collective discussion of the agency heads (policy; APL 57, 60)',
      );
    }
  }
  return { type: 'DEADLINE_EXTENDED', deadline: cmd.deadline, reason: cmd.reason, extensionNo: d.extensions + 1 };
};

function reasonOnly(type: 'CASE_SUSPENDED' | 'CASE_RESUMED' | 'CASE_TERMINATED') {
  return (_s: CaseState, cmd: { reason: string }, ctx: Ctx): Result => {
    const v = new Validator(ctx.now);
    v.text('reason', cmd.reason);
    if (!v.ok) return invalid(v);
    return { type, reason: cmd.reason };
  };
}

const recuse: Handler<'RECUSE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('userId', cmd.userId).text('reason', cmd.reason).oneOf('requestedBy', cmd.requestedBy, ['PARTY', 'SELF', 'AGENCY'] as const);
  if (cmd.replacement !== undefined) v.actor('replacement', cmd.replacement);
  if (v.ok && cmd.replacement && s.officers.some((o) => o.userId === cmd.replacement!.userId)) {
    v.add('replacement', 'is already on the case');
  }
  if (!v.ok) return invalid(v);

  const officer = s.officers.find((o) => o.userId === cmd.userId);
  if (!officer) {
    const host = s.hearing?.host;
    if (host && host.userId === cmd.userId && !s.hearing?.heldAt) {
      return { type: 'PERSON_RECUSED', userId: host.userId, name: host.name, role: 'HEARING_HOST', reason: cmd.reason, requestedBy: cmd.requestedBy };
    }
    return fail('RECUSAL.NOT_ON_CASE', `${cmd.userId} is neither an officer nor the hearing host of this case`);
  }
  let replacement: CaseOfficer | undefined;
  if (cmd.replacement) {
    const named = checkNamedOfficers([cmd.replacement], {
      min: 1,
      date: ctx.date,
      agencyId: s.agencyId,
      field: 'replacement',
      recused: [...s.recusals.map((r) => r.userId), cmd.userId],
    });
    if ('fail' in named) return named.fail;
    replacement = named.officers[0];
  }
  const min = s.procedure === 'ORDINARY' && s.status !== 'LEAD_REGISTERED' ? 2 : 1;
  const remaining = s.officers.length - 1 + (replacement ? 1 : 0);
  if (remaining < min) {
    return fail(
      min === 2 ? 'CASE.TWO_OFFICERS_REQUIRED' : 'CASE.OFFICER_REQUIRED',
      `Removing ${officer.name} leaves ${remaining} officer(s); name a certified replacement (APL 42, 43)`,
    );
  }
  const e: CaseEvent = {
    type: 'PERSON_RECUSED',
    userId: officer.userId,
    name: officer.name,
    role: 'OFFICER',
    reason: cmd.reason,
    requestedBy: cmd.requestedBy,
  };
  if (replacement) e.replacement = replacement;
  return e;
};

const close: Handler<'CLOSE'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('summary', cmd.summary);
  if (!v.ok) return invalid(v);
  return { type: 'CASE_CLOSED', summary: cmd.summary };
};

const archive: Handler<'ARCHIVE'> = () => ({ type: 'CASE_ARCHIVED' });

// ---------------------------------------------------------------------------
// Simple procedure

const simpleDecide: Handler<'SIMPLE_DECIDE'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('facts', cmd.facts).text('legalBasis', cmd.legalBasis).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
  validatePenalty(v, 'penalty', cmd.penalty);
  validateService(v, 'service', cmd.service);
  if (!v.ok) return invalid(v);
  const pf = checkSimplePenalty(cmd.penalty, s.party.type, ctx.policy);
  if (pf) return pf;
  const sf = checkService(cmd.service, ['DIRECT', 'REFUSED']);
  if (sf) return sf;
  return {
    type: 'SIMPLE_DECISION_MADE',
    facts: cmd.facts,
    legalBasis: cmd.legalBasis,
    penalty: cmd.penalty,
    documentNumber: cmd.documentNumber,
    text: cmd.text,
    amountDue: amountDue(cmd.penalty),
    decidedBy: ctx.person,
    service: serviceRecord(cmd.service, ctx.person),
  };
};

const reportSimple: Handler<'REPORT_SIMPLE'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('note', cmd.note, { optional: true });
  if (!v.ok) return invalid(v);
  const e: CaseEvent = { type: 'SIMPLE_DECISION_REPORTED' };
  if (cmd.note !== undefined) e.note = cmd.note;
  return e;
};

// ---------------------------------------------------------------------------
// Timers: a stale timer (deadline met, moved or paused since) records nothing.

function timerDeadline(s: CaseState, kind: unknown, ctx: Ctx): Fail | { kind: DeadlineKind } {
  const v = new Validator(ctx.now);
  v.oneOf('deadline', kind, DEADLINE_KINDS);
  if (!v.ok) return invalid(v);
  const d = s.deadlines[kind as DeadlineKind];
  if (!d || d.state !== 'OPEN') {
    return fail('DEADLINE.NOT_OPEN', `The ${String(kind)} deadline is ${d ? d.state : 'not armed'}: nothing to remind or escalate`);
  }
  return { kind: kind as DeadlineKind };
}

const deadlineReminder: Handler<'DEADLINE_REMINDER'> = (s, cmd, ctx) => {
  const t = timerDeadline(s, cmd.deadline, ctx);
  if ('code' in t) return t;
  const d = s.deadlines[t.kind]!;
  if (d.reminded) return fail('DEADLINE.ALREADY_REMINDED', `The ${t.kind} reminder was already recorded`);
  if (!d.remindAt || ms(ctx.now) < ms(d.remindAt)) {
    return fail('DEADLINE.NOT_DUE', `The ${t.kind} reminder is due at ${d.remindAt ?? '(no reminder configured)'}`);
  }
  return { type: 'DEADLINE_APPROACHING', deadline: t.kind, dueAt: d.dueAt };
};

const deadlineEscalation: Handler<'DEADLINE_ESCALATION'> = (s, cmd, ctx) => {
  const t = timerDeadline(s, cmd.deadline, ctx);
  if ('code' in t) return t;
  const d = s.deadlines[t.kind]!;
  if (ms(ctx.now) < ms(d.dueAt)) return fail('DEADLINE.NOT_DUE', `The ${t.kind} deadline runs until ${d.dueAt}`);
  return { type: 'DEADLINE_MISSED', deadline: t.kind, dueAt: d.dueAt };
};

// ---------------------------------------------------------------------------
// Criminal transfer (R310)

const proposeTransfer: Handler<'PROPOSE_TRANSFER'> = (s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.text('grounds', cmd.grounds).text('thresholdFacts', cmd.thresholdFacts, { optional: true });
  if (v.array('officers', cmd.officers, { min: 1 })) cmd.officers.forEach((o, i) => v.actor(`officers[${i}]`, o));
  if (!v.ok) return invalid(v);
  // R310 5: at least two officers prepare the transfer report.
  const named = checkNamedOfficers(cmd.officers, { min: 2, date: ctx.date, agencyId: s.agencyId, field: 'officers' });
  if ('fail' in named) return named.fail;
  const e: CaseEvent = { type: 'TRANSFER_PROPOSED', grounds: cmd.grounds, officers: named.officers };
  if (cmd.thresholdFacts !== undefined) e.thresholdFacts = cmd.thresholdFacts;
  return e;
};

const decideTransfer: Handler<'DECIDE_TRANSFER'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.bool('approve', cmd.approve).text('reason', cmd.reason);
  if (!v.ok) return invalid(v);
  return cmd.approve ? { type: 'TRANSFER_APPROVED', reason: cmd.reason } : { type: 'TRANSFER_REFUSED', reason: cmd.reason };
};

const dispatchTransfer: Handler<'DISPATCH_TRANSFER'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.instant('sentAt', cmd.sentAt, { notFuture: true }).text('policeAgency', cmd.policeAgency).text('procuratorate', cmd.procuratorate);
  if (v.array('documents', cmd.documents, { min: 1 })) cmd.documents.forEach((d, i) => v.text(`documents[${i}]`, d));
  if (!v.ok) return invalid(v);
  return {
    type: 'TRANSFER_DISPATCHED',
    sentAt: cmd.sentAt,
    policeAgency: cmd.policeAgency,
    procuratorate: cmd.procuratorate,
    documents: [...cmd.documents],
  };
};

const policeDecision: Handler<'RECORD_POLICE_DECISION'> = (_s, cmd, ctx) => {
  const v = new Validator(ctx.now);
  v.oneOf('decision', cmd.decision, ['RECEIPT', 'ACCEPT', 'DECLINE'] as const).instant('at', cmd.at, { notFuture: true });
  v.text('reason', cmd.reason, { optional: cmd.decision !== 'DECLINE' });
  if (!v.ok) return invalid(v);
  const e: CaseEvent = { type: 'POLICE_DECISION_RECORDED', decision: cmd.decision, at: cmd.at };
  if (cmd.reason !== undefined) e.reason = cmd.reason;
  return e;
};

function reasonEvent<T extends CommandType>(
  build: (cmd: CommandOf<T>) => CaseEvent,
  extra?: (v: Validator, cmd: CommandOf<T>) => void,
): Handler<T> {
  return (_s, cmd, ctx) => {
    const v = new Validator(ctx.now);
    v.text('reason', (cmd as { reason?: unknown }).reason);
    extra?.(v, cmd);
    if (!v.ok) return invalid(v);
    return build(cmd);
  };
}

// ---------------------------------------------------------------------------

const HANDLERS: { [T in CommandType]: Handler<T> } = {
  REGISTER_LEAD: (_s, cmd, ctx) => registerLead(cmd, ctx), // unreachable: gate() refuses on an existing case
  DECIDE_FILING: decideFiling,
  RECORD_EVIDENCE: recordEvidence,
  TRANSFER_CUSTODY: transferCustody,
  SUBMIT_INVESTIGATION_REPORT: submitReport,
  REVIEW_CASE: reviewCase,
  SERVE_NOTICE: serveNotice,
  RECORD_DEFENCE: recordDefence,
  REQUEST_HEARING: requestHearing,
  SCHEDULE_HEARING: scheduleHearing,
  RECORD_HEARING: recordHearing,
  REQUEST_LEGAL_REVIEW: requestLegalReview,
  RECORD_LEGAL_REVIEW: recordLegalReview,
  RECORD_COLLECTIVE_DISCUSSION: recordCollective,
  DECIDE: decideCase,
  SERVE: serve,
  RECORD_PAYMENT: recordPayment,
  RECORD_CHALLENGE: recordChallenge,
  EXTEND_DEADLINE: extendDeadline,
  SUSPEND: reasonOnly('CASE_SUSPENDED'),
  RESUME: reasonOnly('CASE_RESUMED'),
  TERMINATE: reasonOnly('CASE_TERMINATED'),
  RECUSE: recuse,
  CLOSE: close,
  ARCHIVE: archive,
  SIMPLE_DECIDE: simpleDecide,
  REPORT_SIMPLE: reportSimple,
  DEADLINE_REMINDER: deadlineReminder,
  DEADLINE_ESCALATION: deadlineEscalation,
  PROPOSE_TRANSFER: proposeTransfer,
  DECIDE_TRANSFER: decideTransfer,
  DISPATCH_TRANSFER: dispatchTransfer,
  RECORD_POLICE_DECISION: policeDecision,
  REQUEST_TRANSFER_RECONSIDERATION: reasonEvent<'REQUEST_TRANSFER_RECONSIDERATION'>((c) => ({ type: 'TRANSFER_RECONSIDERATION_REQUESTED', reason: c.reason })),
  ANSWER_TRANSFER_RECONSIDERATION: reasonEvent<'ANSWER_TRANSFER_RECONSIDERATION'>(
    (c) => ({ type: 'TRANSFER_RECONSIDERATION_ANSWERED', accept: c.accept, reason: c.reason }),
    (v, c) => v.bool('accept', c.accept),
  ),
  REQUEST_TRANSFER_SUPERVISION: reasonEvent<'REQUEST_TRANSFER_SUPERVISION'>((c) => ({ type: 'TRANSFER_SUPERVISION_REQUESTED', reason: c.reason })),
  RESOLVE_TRANSFER_SUPERVISION: reasonEvent<'RESOLVE_TRANSFER_SUPERVISION'>(
    (c) => ({ type: 'TRANSFER_SUPERVISION_RESOLVED', outcome: c.outcome, reason: c.reason }),
    (v, c) => v.oneOf('outcome', c.outcome, ['POLICE_TO_FILE', 'REFUSAL_UPHELD'] as const),
  ),
  RESUME_ADMINISTRATIVE_CASE: reasonEvent<'RESUME_ADMINISTRATIVE_CASE'>((c) => ({ type: 'ADMINISTRATIVE_CASE_RESUMED', reason: c.reason })),
};

/** The action a command belongs to (null for the workflow's own timer commands). */
export function actionOf(command: CaseCommand): (typeof COMMAND_ACTIONS)[CommandType] {
  return COMMAND_ACTIONS[command.type];
}
