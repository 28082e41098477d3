// Auxiliary staff (辅助执法人员, domain spec §6): attached to a case under one
// of its officers by a head or a case officer, they may read the case and
// draft evidence (stages/evidence.ts marks their items as drafts); a draft
// counts as evidence once two certified officers of the case confirm it.
// They never decide, sign as officer or approve (the gate's `decisive`).

import type { CaseOfficer, PersonRef } from '../case-records';
import type { ActorSnapshot } from '../actor.types';
import { failWith, type RejectionStatus } from '../rejection';
import { zhList } from '../messages';
import { checkNamedOfficers, hasRole, personRef } from '../rules/people';
import { Validator } from '../rules/validation';
import { INVESTIGATING } from '../vocabulary';
import { all, inStatus, invalid, stage } from './kit';

/** The refusals only this stage gives. */
const CODES = {
  'EVIDENCE.NOT_A_DRAFT': 422,
  'AUXILIARY.NOT_AUXILIARY': 422,
  'AUXILIARY.ALREADY_ATTACHED': 422,
  'AUXILIARY.SUPERVISOR_NOT_ASSIGNED': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type AuxiliaryStaffCommand =
  /** Two certified officers of the case confirm an item drafted by auxiliary staff. */
  | { type: 'CONFIRM_EVIDENCE'; evidenceId: string; confirmers: ActorSnapshot[] }
  /** Attach auxiliary staff to the case under one of its officers. */
  | { type: 'ATTACH_AUXILIARY'; auxiliary: ActorSnapshot; supervisorId: string };

export type AuxiliaryStaffEvent =
  | { type: 'EVIDENCE_CONFIRMED'; evidenceId: string; confirmedBy: CaseOfficer[] }
  | { type: 'AUXILIARY_ATTACHED'; auxiliary: PersonRef; supervisor: PersonRef; attachedBy: PersonRef };

export const auxiliaryStaff = stage<AuxiliaryStaffCommand, AuxiliaryStaffEvent>()(
  'auxiliary-staff',
  {
    CONFIRM_EVIDENCE: {
      action: 'evidence-confirmation',
      roles: ['OFFICER'],
      from: all(inStatus(INVESTIGATING, { en: 'drafts are confirmed before the decision', zh: '证据草稿须在作出决定前确认' }, 'ORDINARY'), (s) =>
        s.evidence.some((e) => e.draft && !e.confirmedBy)
          ? null
          : fail('EVIDENCE.NOT_A_DRAFT', { en: 'The case has no unconfirmed draft of auxiliary staff', zh: '本案没有待确认的辅助人员证据草稿' }),
      ),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('evidenceId', cmd.evidenceId);
        if (v.array('confirmers', cmd.confirmers, { min: 1 })) cmd.confirmers.forEach((o, i) => v.actor(`confirmers[${i}]`, o));
        if (!v.ok) return invalid(v);
        const item = s.evidence.find((e) => e.evidenceId === cmd.evidenceId);
        if (!item) return fail('EVIDENCE.NOT_FOUND', { en: `No evidence ${cmd.evidenceId} in this case`, zh: `本案没有证据${cmd.evidenceId}` });
        if (!item.draft || item.confirmedBy) {
          return fail('EVIDENCE.NOT_A_DRAFT', {
            en: `Evidence ${cmd.evidenceId} is not an unconfirmed draft of auxiliary staff: there is nothing to confirm`,
            zh: `证据${cmd.evidenceId}不是辅助人员制作的待确认草稿，无需确认`,
          });
        }
        const named = checkNamedOfficers(cmd.confirmers, { min: 2, date: ctx.date, agencyId: s.agencyId, field: 'confirmers', recused: s.recusals.map((r) => r.userId) });
        if ('fail' in named) return named.fail;
        const outsiders = named.officers.filter((o) => !s.officers.some((a) => a.userId === o.userId));
        if (outsiders.length > 0) {
          return fail('CASE.COLLECTOR_NOT_ASSIGNED', {
            en: `Only officers assigned to the case confirm its evidence: ${outsiders.map((o) => o.name).join(', ')} is not`,
            zh: `只有本案承办人员可以确认证据：${zhList(outsiders.map((o) => o.name))}不是`,
          });
        }
        return { type: 'EVIDENCE_CONFIRMED', evidenceId: cmd.evidenceId, confirmedBy: named.officers };
      },
    },
    ATTACH_AUXILIARY: {
      action: 'auxiliary',
      roles: ['AGENCY_HEAD', 'OFFICER'],
      from: inStatus(INVESTIGATING, { en: 'auxiliary staff help from filing until the decision', zh: '辅助人员自立案起至作出决定前协助办案' }, 'ORDINARY'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.actor('auxiliary', cmd.auxiliary).text('supervisorId', cmd.supervisorId);
        if (!v.ok) return invalid(v);
        const a = cmd.auxiliary;
        if (!hasRole(a, 'AUXILIARY') || hasRole(a, 'OFFICER') || a.agencyId !== s.agencyId) {
          return fail('AUXILIARY.NOT_AUXILIARY', {
            en: `${a.name} is not auxiliary staff of this agency (officers are assigned to the case instead)`,
            zh: `${a.name}不是本机关的辅助执法人员（执法人员应作为承办人员指派）`,
          });
        }
        if (s.auxiliaries?.some((x) => x.userId === a.userId)) {
          return fail('AUXILIARY.ALREADY_ATTACHED', { en: `${a.name} is already attached to this case`, zh: `${a.name}已编入本案` });
        }
        const supervisor = s.officers.find((o) => o.userId === cmd.supervisorId);
        if (!supervisor) {
          return fail('AUXILIARY.SUPERVISOR_NOT_ASSIGNED', {
            en: 'Auxiliary staff work under an officer assigned to this case: supervisorId names none',
            zh: '辅助人员须在本案承办人员的指挥下工作：supervisorId 不是本案承办人员',
          });
        }
        return { type: 'AUXILIARY_ATTACHED', auxiliary: personRef(a), supervisor: { userId: supervisor.userId, name: supervisor.name }, attachedBy: ctx.person };
      },
    },
  },
  {
    EVIDENCE_CONFIRMED: (s, e, { at }) => {
      const item = s.evidence.find((x) => x.evidenceId === e.evidenceId);
      if (item) {
        item.confirmedBy = e.confirmedBy;
        item.confirmedAt = at;
      }
    },
    AUXILIARY_ATTACHED: (s, e, { at }) => {
      (s.auxiliaries ??= []).push({ ...e.auxiliary, supervisor: e.supervisor, attachedBy: e.attachedBy, at });
    },
  },
  CODES,
);
