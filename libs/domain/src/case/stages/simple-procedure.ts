// 简易程序: a small penalty decided and served on the spot by an officer, then
// reported to the agency within the policy's limit (APL 51–52).

import type { Penalty, PersonRef, ServiceDetails, ServiceRecord } from '../case-records';
import { armDeadline, meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { zhDate } from '../messages';
import { amountDue, checkSimplePenalty, validatePenalty } from '../rules/penalty';
import { inForce } from '../rule-changes';
import { checkService, serviceRecord, validateService } from '../rules/service';
import { Validator } from '../rules/validation';
import { all, clone, inStatus, invalid, stage } from './kit';
import { afterService } from './shared';

/** The refusals only this stage gives. */
const CODES = {
  'CASE.ALREADY_REPORTED': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type SimpleProcedureCommand =
  | {
      type: 'SIMPLE_DECIDE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      /** Served on the spot: DIRECT or REFUSED. */
      service: ServiceDetails;
    }
  | { type: 'REPORT_SIMPLE'; note?: string };

export type SimpleProcedureEvent =
  | {
      type: 'SIMPLE_DECISION_MADE';
      facts: string;
      legalBasis: string;
      penalty: Penalty;
      documentNumber: string;
      text: string;
      amountDue: number;
      decidedBy: PersonRef;
      service: ServiceRecord;
    }
  | { type: 'SIMPLE_DECISION_REPORTED'; note?: string };

export const simpleProcedure = stage<SimpleProcedureCommand, SimpleProcedureEvent>()(
  'simple-procedure',
  {
    SIMPLE_DECIDE: {
      action: 'simple-decision',
      roles: ['OFFICER'],
      decisive: true,
      from: inStatus(['LEAD_REGISTERED'], { en: 'only a simple-procedure lead is decided on the spot', zh: '只有适用简易程序的线索才能当场作出处罚决定' }, 'SIMPLE'),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('facts', cmd.facts).text('legalBasis', cmd.legalBasis).text('documentNumber', cmd.documentNumber).text('text', cmd.text);
        validatePenalty(v, 'penalty', cmd.penalty, { itemised: inForce(ctx, 'evidence-after-report') });
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
      },
    },
    REPORT_SIMPLE: {
      action: 'simple-report',
      roles: ['OFFICER'],
      from: all(inStatus(['SERVED', 'EXECUTED'], undefined, 'SIMPLE'), (s) =>
        s.simpleReport
          ? fail('CASE.ALREADY_REPORTED', { en: `Already reported on ${s.simpleReport.reportedAt}`, zh: `已于${zhDate(s.simpleReport.reportedAt)}备案` })
          : null,
      ),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('note', cmd.note, { optional: true });
        if (!v.ok) return invalid(v);
        const e: SimpleProcedureEvent = { type: 'SIMPLE_DECISION_REPORTED' };
        if (cmd.note !== undefined) e.note = cmd.note;
        return e;
      },
    },
  },
  {
    SIMPLE_DECISION_MADE: (s, e, meta) => {
      s.decision = {
        outcome: 'PENALTY',
        penalty: clone(e.penalty),
        documentNumber: e.documentNumber,
        text: e.text,
        legalBasis: e.legalBasis,
        amountDue: e.amountDue,
        decidedAt: meta.at,
        decidedBy: e.decidedBy,
        simple: true,
      };
      s.decidedAt = meta.at;
      s.service = clone(e.service);
      s.servedAt = e.service.deemedServedAt;
      s.status = 'SERVED';
      // APL 52: reported to the agency within the policy's working days.
      armDeadline(s, 'simpleReport', meta.at, meta.at, meta.policy);
      afterService(s, meta);
    },
    SIMPLE_DECISION_REPORTED: (s, e, { at }) => {
      s.simpleReport = { reportedAt: at, ...(e.note !== undefined ? { note: e.note } : {}) };
      meetDeadline(s, 'simpleReport', at);
    },
  },
  CODES,
);
