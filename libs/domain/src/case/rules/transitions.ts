// Who may issue each command and in which states. This is the one table both
// decide() and allowedActions() read, so the API never offers an action the
// workflow would refuse for reasons visible without a payload.

import { localDate } from '../../calendar';
import type { JurisdictionPolicy } from '../../policy/policy.types';
import type { ActorSnapshot, Role } from '../actor.types';
import { isSystemActor, type CaseCommand, type CommandType, type RuleFeatures, type SystemActor } from '../case-commands';
import type { CaseState, CaseStatus, DeadlineKind } from '../case-state';
import { EXTENSION_PERIOD } from '../deadlines';
import { fail, type Fail } from '../rejection';
import { checkActorCertificate, hasRole, isAssigned, isInvestigator } from './people';
import { fen, formatYuan } from './validation';

/** After the report, before the decision: where the optional pre-decision steps live. */
export const PRE_DECISION: readonly CaseStatus[] = [
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
/** Filed and not yet decided: the 90-day decision clock runs. */
export const INVESTIGATING: readonly CaseStatus[] = ['FILED', ...PRE_DECISION];
export const TRANSFER_STATUSES: readonly CaseStatus[] = [
  'TRANSFER_PROPOSED',
  'TRANSFER_APPROVED',
  'TRANSFERRED',
  'TRANSFER_ACCEPTED',
  'TRANSFER_DECLINED',
  'TRANSFER_RECONSIDERATION_REQUESTED',
  'TRANSFER_SUPERVISION_REQUESTED',
];
const HEARING_PENDING: readonly CaseStatus[] = ['HEARING_REQUESTED', 'HEARING_SCHEDULED'];

/** Where a decision may be made: after the report, with nothing pending. */
const DECIDABLE: readonly CaseStatus[] = [
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
];

type Check = (s: CaseState, cmd: CaseCommand) => Fail | null;

export interface CommandRule {
  /** Roles that may issue it, in the order tried; 'SYSTEM' for the workflow's timers. */
  roles: readonly Role[] | 'SYSTEM';
  /** A decision or approval: auxiliary staff never. */
  decisive?: boolean;
  /** The hearing host may record the hearing without holding an allowed role. */
  hostMay?: boolean;
  /** The actor must not have investigated the case (查审分离). */
  independent?: boolean;
  /** State machine plus payload-free guards. */
  from: Check;
}

function notAllowed(s: CaseState, cmd: CaseCommand, hint?: string): Fail {
  return fail(
    'CASE.TRANSITION_NOT_ALLOWED',
    `${cmd.type} is not allowed while the ${s.procedure.toLowerCase()} case is ${s.status}${hint ? `: ${hint}` : ''}`,
  );
}

function inStatus(statuses: readonly CaseStatus[], hint?: string, procedure?: CaseState['procedure']): Check {
  return (s, cmd) => (statuses.includes(s.status) && (!procedure || s.procedure === procedure) ? null : notAllowed(s, cmd, hint));
}

function all(...checks: Check[]): Check {
  return (s, cmd) => {
    for (const c of checks) {
      const f = c(s, cmd);
      if (f) return f;
    }
    return null;
  };
}

// Judged on the deadline, not the status: no step may cut the party's window short.
function defenceRunning(s: CaseState): boolean {
  const d = s.deadlines.defence;
  return d !== undefined && (d.state === 'OPEN' || d.state === 'SUSPENDED');
}

const noDefenceRunning: Check = (s) =>
  defenceRunning(s)
    ? fail('CASE.DEFENCE_PERIOD_RUNNING', `The party's defence period runs until ${s.deadlines.defence?.dueAt} (APL 45, 62); record the defence or wait for the period to end`)
    : null;

/** Pending steps that block a decision get their own codes: the caller can act on them. */
const decisionBlockers: Check = (s, cmd) => {
  if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'A requested hearing must be held before the decision (APL 63–65)');
  if (s.status === 'LEGAL_REVIEW_PENDING') return fail('CASE.LEGAL_REVIEW_PENDING', 'The legal review must pass before the decision (APL 58)');
  if (TRANSFER_STATUSES.includes(s.status)) {
    return fail('CASE.TRANSFER_PENDING', 'No penalty while a criminal transfer is pending or accepted (以罚代刑 is barred: R310 11, APL 82)');
  }
  return inStatus(DECIDABLE, 'the investigation report comes first')(s, cmd);
};

const notSuspectedCrime: Check = (s) =>
  s.suspectedCrime
    ? fail('CASE.SUSPECTED_CRIME_UNRESOLVED', 'The case is flagged as a suspected crime: transfer it, or record a reasoned refusal to transfer, before deciding (R310 11)')
    : null;

function outstanding(s: CaseState): number {
  return (fen(s.decision?.amountDue ?? 0) - fen(s.amountPaid)) / 100;
}

const extensionTarget: Check = (s, cmd) => {
  const kind = (cmd as { deadline?: DeadlineKind }).deadline;
  if (kind === undefined) return null;
  if (!EXTENSION_PERIOD[kind]) return fail('DEADLINE.NOT_EXTENDABLE', `The ${kind} deadline cannot be extended (only filingDecision and decision)`);
  const d = s.deadlines[kind];
  if (!d || (d.state !== 'OPEN' && d.state !== 'SUSPENDED')) {
    return fail('DEADLINE.NOT_OPEN', `The ${kind} deadline is ${d ? d.state : 'not armed'}; only a running deadline can be extended`);
  }
  return null;
};

const ALL_BUT_ARCHIVED: readonly CaseStatus[] = [
  'LEAD_REGISTERED', 'FILING_DECLINED', ...INVESTIGATING, 'DECIDED', 'SERVED', 'EXECUTED', 'CLOSED', 'SUSPENDED', 'TERMINATED', ...TRANSFER_STATUSES,
];

export const COMMAND_RULES: Record<CommandType, CommandRule> = {
  // Only on an empty case; decide() handles the null state itself.
  REGISTER_LEAD: { roles: ['OFFICER'], from: (s, cmd) => notAllowed(s, cmd, 'the case is already registered') },
  DECIDE_FILING: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(['LEAD_REGISTERED'], undefined, 'ORDINARY') },
  RECORD_EVIDENCE: {
    roles: ['OFFICER', 'AUXILIARY'],
    from: (s, cmd) =>
      (s.procedure === 'ORDINARY' && s.status === 'FILED') || (s.procedure === 'SIMPLE' && s.status === 'LEAD_REGISTERED')
        ? null
        : notAllowed(s, cmd, 'evidence is collected after filing (simple procedure: before the on-the-spot decision)'),
  },
  TRANSFER_CUSTODY: {
    roles: ['OFFICER'],
    from: all(inStatus(ALL_BUT_ARCHIVED), (s) => (s.evidence.length === 0 ? fail('EVIDENCE.NOT_FOUND', 'The case has no evidence in custody') : null)),
  },
  SUBMIT_INVESTIGATION_REPORT: { roles: ['OFFICER'], from: inStatus(['FILED']) },
  REVIEW_CASE: { roles: ['LEGAL_REVIEWER'], decisive: true, independent: true, from: inStatus(['INVESTIGATION_REPORTED']) },
  SERVE_NOTICE: {
    roles: ['OFFICER'],
    from: all(inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED']), (s) =>
      s.report?.proposedOutcome === 'PENALTY' ? null : fail('NOTICE.NOT_REQUIRED', 'A pre-decision notice is served only when a penalty is proposed (APL 44)'),
    ),
  },
  RECORD_DEFENCE: { roles: ['OFFICER'], from: inStatus(['NOTICE_SERVED']) },
  REQUEST_HEARING: {
    roles: ['OFFICER'],
    from: all(inStatus(['NOTICE_SERVED', 'DEFENCE_RECORDED']), (s) =>
      s.report?.assessment.hearingOffered ? null : fail('HEARING.NOT_ELIGIBLE', 'The proposed penalty does not qualify for a hearing (APL 63; policy thresholds)'),
    ),
  },
  SCHEDULE_HEARING: { roles: ['OFFICER'], from: inStatus(['HEARING_REQUESTED']) },
  RECORD_HEARING: { roles: ['OFFICER'], hostMay: true, from: inStatus(['HEARING_SCHEDULED']) },
  REQUEST_LEGAL_REVIEW: {
    roles: ['OFFICER'],
    from: (s, cmd) => {
      if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'Legal review follows the hearing (APL 58)');
      return all(inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD']), noDefenceRunning)(s, cmd);
    },
  },
  RECORD_LEGAL_REVIEW: { roles: ['LEGAL_REVIEWER'], decisive: true, independent: true, from: inStatus(['LEGAL_REVIEW_PENDING']) },
  RECORD_COLLECTIVE_DISCUSSION: {
    roles: ['AGENCY_HEAD'],
    decisive: true,
    from: (s, cmd) => {
      const purpose = (cmd as { purpose?: string }).purpose ?? 'DECISION';
      if (purpose === 'EXTENSION') return inStatus([...INVESTIGATING, 'SUSPENDED'])(s, cmd);
      if (HEARING_PENDING.includes(s.status)) return fail('CASE.HEARING_PENDING', 'Discuss the decision after the hearing');
      if (s.status === 'LEGAL_REVIEW_PENDING') return fail('CASE.LEGAL_REVIEW_PENDING', 'Discuss the decision after the legal review');
      return all(inStatus(['INVESTIGATION_REPORTED', 'CASE_REVIEWED', 'NOTICE_SERVED', 'DEFENCE_RECORDED', 'HEARING_HELD', 'LEGAL_REVIEW_PASSED']), noDefenceRunning)(s, cmd);
    },
  },
  DECIDE: { roles: ['AGENCY_HEAD'], decisive: true, from: all(decisionBlockers, noDefenceRunning, notSuspectedCrime) },
  SERVE: { roles: ['OFFICER'], from: inStatus(['DECIDED']) },
  RECORD_PAYMENT: {
    roles: ['OFFICER'],
    from: all(inStatus(['SERVED']), (s) => (outstanding(s) > 0 ? null : fail('PAYMENT.NOTHING_DUE', 'Nothing is outstanding on this decision'))),
  },
  RECORD_CHALLENGE: { roles: ['OFFICER'], from: inStatus(['SERVED', 'EXECUTED', 'CLOSED']) },
  EXTEND_DEADLINE: {
    roles: ['AGENCY_HEAD'],
    decisive: true,
    from: (s, cmd) =>
      (s.status === 'LEAD_REGISTERED' && s.procedure === 'ORDINARY') || INVESTIGATING.includes(s.status) || s.status === 'SUSPENDED'
        ? extensionTarget(s, cmd)
        : notAllowed(s, cmd),
  },
  SUSPEND: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(INVESTIGATING) },
  RESUME: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(['SUSPENDED']) },
  TERMINATE: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus([...INVESTIGATING, 'SUSPENDED']) },
  RECUSE: {
    roles: ['AGENCY_HEAD'],
    decisive: true,
    from: inStatus(ALL_BUT_ARCHIVED.filter((x) => !['FILING_DECLINED', 'TERMINATED', 'CLOSED'].includes(x))),
  },
  CLOSE: {
    roles: ['AGENCY_HEAD'],
    decisive: true,
    from: all(
      inStatus(['EXECUTED', 'SERVED', 'TERMINATED', 'TRANSFER_ACCEPTED']),
      (s) => (s.status === 'SERVED' && outstanding(s) > 0 ? fail('CASE.PAYMENT_OUTSTANDING', `Close after full payment: ${formatYuan(outstanding(s))} outstanding`) : null),
      (s) =>
        s.procedure === 'SIMPLE' && !s.simpleReport
          ? fail('CASE.SIMPLE_NOT_REPORTED', 'Report the on-the-spot decision to the agency before closing (APL 52)')
          : null,
    ),
  },
  ARCHIVE: { roles: ['OFFICER'], from: inStatus(['CLOSED', 'FILING_DECLINED']) },
  SIMPLE_DECIDE: { roles: ['OFFICER'], decisive: true, from: inStatus(['LEAD_REGISTERED'], 'only a simple-procedure lead is decided on the spot', 'SIMPLE') },
  REPORT_SIMPLE: {
    roles: ['OFFICER'],
    from: all(inStatus(['SERVED', 'EXECUTED'], undefined, 'SIMPLE'), (s) =>
      s.simpleReport ? fail('CASE.ALREADY_REPORTED', `Already reported on ${s.simpleReport.reportedAt}`) : null,
    ),
  },
  DEADLINE_REMINDER: { roles: 'SYSTEM', from: inStatus(ALL_BUT_ARCHIVED) },
  DEADLINE_ESCALATION: { roles: 'SYSTEM', from: inStatus(ALL_BUT_ARCHIVED) },
  PROPOSE_TRANSFER: { roles: ['OFFICER'], from: inStatus(INVESTIGATING) },
  DECIDE_TRANSFER: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(['TRANSFER_PROPOSED']) },
  DISPATCH_TRANSFER: { roles: ['OFFICER'], from: inStatus(['TRANSFER_APPROVED']) },
  RECORD_POLICE_DECISION: { roles: ['POLICE_LIAISON'], from: inStatus(['TRANSFERRED']) },
  REQUEST_TRANSFER_RECONSIDERATION: {
    roles: ['OFFICER'],
    from: all(inStatus(['TRANSFER_DECLINED']), (s) =>
      s.transfer?.reconsideration || s.transfer?.supervision
        ? fail('TRANSFER.RECONSIDERATION_USED', 'Reconsideration may be requested once, before supervision (R310 9)')
        : null,
    ),
  },
  ANSWER_TRANSFER_RECONSIDERATION: { roles: ['POLICE_LIAISON'], from: inStatus(['TRANSFER_RECONSIDERATION_REQUESTED']) },
  REQUEST_TRANSFER_SUPERVISION: {
    roles: ['OFFICER'],
    from: all(inStatus(['TRANSFER_DECLINED']), (s) =>
      s.transfer?.supervision ? fail('TRANSFER.SUPERVISION_USED', 'Filing supervision was already requested') : null,
    ),
  },
  RESOLVE_TRANSFER_SUPERVISION: { roles: ['PROCURATORATE'], from: inStatus(['TRANSFER_SUPERVISION_REQUESTED']) },
  RESUME_ADMINISTRATIVE_CASE: { roles: ['AGENCY_HEAD'], decisive: true, from: inStatus(['TRANSFER_DECLINED']) },
};

/** Roles outside the agency (two-law linkage): no agency match. */
const EXTERNAL_ROLES: Role[] = ['POLICE_LIAISON', 'PROCURATORATE'];

export interface GateOptions {
  /** When given, certificates are checked on this instant's local date. */
  now?: string;
  policy?: JurisdictionPolicy;
  timeZone?: string;
  features?: RuleFeatures;
}

/** Who is acting, as what: the first allowed role the actor holds. */
export function actingRole(rule: CommandRule, s: CaseState, actor: ActorSnapshot): Role | 'HOST' | null {
  if (rule.roles === 'SYSTEM') return null;
  const role = rule.roles.find((r) => hasRole(actor, r));
  if (role) return role;
  if (rule.hostMay && s.hearing?.host?.userId === actor.userId) return 'HOST';
  return null;
}

/** Authorisation and state checks that need no payload beyond its probe fields. */
export function gate(s: CaseState, cmd: CaseCommand, actor: ActorSnapshot | SystemActor, opts: GateOptions = {}): Fail | null {
  const rule = COMMAND_RULES[cmd.type];
  if (rule.roles === 'SYSTEM') {
    if (!isSystemActor(actor)) return fail('AUTH.ROLE_NOT_ALLOWED', `${cmd.type} is issued by the workflow's timers only`);
  } else {
    if (isSystemActor(actor)) return fail('AUTH.ROLE_NOT_ALLOWED', `${cmd.type} needs a person`);
    if (rule.decisive && hasRole(actor, 'AUXILIARY')) {
      return fail('CASE.AUXILIARY_CANNOT_DECIDE', `Auxiliary staff never decide or approve (${cmd.type}); an officer or the agency head must`);
    }
    const role = actingRole(rule, s, actor);
    if (!role) return fail('AUTH.ROLE_NOT_ALLOWED', `${cmd.type} needs the role ${rule.roles.join(' or ')}`);
    if (!EXTERNAL_ROLES.includes(role as Role) && actor.agencyId !== s.agencyId) {
      return fail('AUTH.AGENCY_MISMATCH', 'The case belongs to another agency');
    }
    if (role === 'OFFICER' && !isAssigned(s, actor.userId)) {
      return fail('CASE.NOT_ASSIGNED', `${actor.name} is not assigned to case ${s.caseNumber}`);
    }
    if ((role === 'OFFICER' || role === 'LEGAL_REVIEWER') && opts.now) {
      const tz = opts.policy?.timeZone ?? opts.timeZone;
      if (tz) {
        const f = checkActorCertificate(actor, localDate(opts.now, tz));
        if (f) return f;
      }
    }
    if (rule.independent && isInvestigator(s, actor.userId)) {
      return fail('REVIEW.REVIEWER_CONFLICT', `${actor.name} investigated this case and cannot review it (查审分离, APL 58, 64)`);
    }
  }
  return rule.from(s, cmd);
}
