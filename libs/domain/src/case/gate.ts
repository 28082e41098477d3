// The gate every command passes before its payload is read: who is acting
// (role, agency, assignment, certificate, independence) and whether the case's
// state allows the command. allowedActions() probes the same gate.

import { inForce, ruleOptions, type RuleOptions } from './rule-changes';
import { addressedTo, policeAddressee, transferBodies } from './read-access';
import { localDate } from '../calendar';
import type { JurisdictionPolicy } from '../policy/policy.types';
import type { ActorSnapshot } from './actor.types';
import { isSystemActor, type CaseCommand, type SystemActor } from './case-commands';
import type { CaseState } from './case-state';
import { COMMAND_RULES, type CommandRule } from './command-table';
import { fail, type Fail } from './rejection';
import { zhCommand, zhOr, zhRole } from './messages';
import { checkActorCertificate, hasRole, isAssigned, isInvestigator } from './rules/people';
import type { Role } from './vocabulary';

/** Roles outside the agency (two-law linkage): no agency match. */
const EXTERNAL_ROLES: readonly Role[] = ['POLICE_LIAISON', 'PROCURATORATE'];

export interface GateOptions extends RuleOptions {
  /** When given, certificates are checked on this instant's local date. */
  now?: string;
  policy?: JurisdictionPolicy;
  timeZone?: string;
}

/**
 * Who is acting, as what: the case's hearing host as host where the rule lets
 * the host act (whatever other roles they hold: a host is never one of the
 * case's officers), else the first allowed role the actor holds.
 */
export function actingRole(rule: CommandRule, s: CaseState, actor: ActorSnapshot): Role | 'HOST' | null {
  if (rule.roles === 'SYSTEM') return null;
  if (rule.hostMay && s.hearing?.host?.userId === actor.userId) return 'HOST';
  return rule.roles.find((r) => hasRole(actor, r)) ?? null;
}

/** Authorisation and state checks that need no payload beyond its probe fields. */
export function gate(s: CaseState, cmd: CaseCommand, actor: ActorSnapshot | SystemActor, opts: GateOptions = {}): Fail | null {
  const rule = COMMAND_RULES[cmd.type];
  if (rule.roles === 'SYSTEM') {
    if (!isSystemActor(actor)) {
      return fail('AUTH.ROLE_NOT_ALLOWED', { en: `${cmd.type} is issued by the workflow's timers only`, zh: `${zhCommand(cmd.type)}只能由系统计时器发出` });
    }
  } else {
    if (isSystemActor(actor)) return fail('AUTH.ROLE_NOT_ALLOWED', { en: `${cmd.type} needs a person`, zh: `${zhCommand(cmd.type)}须由具体人员办理` });
    if (rule.decisive && hasRole(actor, 'AUXILIARY')) {
      return fail('CASE.AUXILIARY_CANNOT_DECIDE', {
        en: `Auxiliary staff never decide or approve (${cmd.type}); an officer or the agency head must`,
        zh: `辅助人员不得作出决定或审批（${zhCommand(cmd.type)}），须由执法人员或机关负责人办理`,
      });
    }
    const role = actingRole(rule, s, actor);
    if (!role) {
      return fail('AUTH.ROLE_NOT_ALLOWED', {
        en: `${cmd.type} needs the role ${rule.roles.join(' or ')}`,
        zh: `${zhCommand(cmd.type)}须由${zhOr(rule.roles.map(zhRole))}办理`,
      });
    }
    if (!EXTERNAL_ROLES.includes(role as Role) && actor.agencyId !== s.agencyId) {
      return fail('AUTH.AGENCY_MISMATCH', { en: 'The case belongs to another agency', zh: '该案件属于其他机关' });
    }
    // Before a dispatch the liaisons' steps are not open to anyone: the state answers (409).
    const dispatched = s.transfer?.dispatch !== undefined;
    if ((role === 'POLICE_LIAISON' || role === 'PROCURATORATE') && dispatched && inForce(opts, 'liaison-bodies') && !addressedTo(s, role, actor.body, opts)) {
      const now = role === 'POLICE_LIAISON' ? policeAddressee(s, opts) : undefined;
      // A unit that forwarded the transfer still reads it (its acts are in the chain); the competent unit acts.
      if (now && actor.body && now !== actor.body && transferBodies(s, 'policeAgency').includes(actor.body)) {
        return fail('AUTH.BODY_MISMATCH', {
          en: `This transfer was forwarded to ${now}: its liaisons act on it now, not ${actor.body} (R310 7)`,
          zh: `本案已转送${now}，应由其办理，${actor.body}不再办理（《行政执法机关移送涉嫌犯罪案件的规定》第7条）`,
        });
      }
      return fail('AUTH.BODY_MISMATCH', {
        en: `This transfer is not addressed to ${actor.body ?? 'a body'} ${actor.name} belongs to`,
        zh: `本案未移送${actor.name}所属的${actor.body ?? '机关'}`,
      });
    }
    if (role === 'OFFICER' && !isAssigned(s, actor.userId)) {
      return fail('CASE.NOT_ASSIGNED', { en: `${actor.name} is not assigned to case ${s.caseNumber}`, zh: `${actor.name}不是案件${s.caseNumber}的承办人员` });
    }
    if ((role === 'OFFICER' || role === 'LEGAL_REVIEWER') && opts.now) {
      const tz = opts.policy?.timeZone ?? opts.timeZone;
      if (tz) {
        const f = checkActorCertificate(actor, localDate(opts.now, tz));
        if (f) return f;
      }
    }
    if (rule.independent && isInvestigator(s, actor.userId)) {
      return fail('REVIEW.REVIEWER_CONFLICT', {
        en: `${actor.name} investigated this case and cannot review it (查审分离, APL 58, 64)`,
        zh: `${actor.name}参与了本案调查，不得审核本案（查审分离，《行政处罚法》第58条、第64条）`,
      });
    }
    if (rule.actorCheck) {
      const tz = opts.policy?.timeZone ?? opts.timeZone;
      const f = rule.actorCheck(s, actor, {
        ...ruleOptions(opts),
        ...(opts.now && tz ? { date: localDate(opts.now, tz) } : {}),
        ...(opts.policy ? { policy: opts.policy } : {}),
      });
      if (f) return f;
    }
  }
  return rule.from(s, cmd, { ...ruleOptions(opts), ...(opts.now ? { now: opts.now } : {}) });
}
