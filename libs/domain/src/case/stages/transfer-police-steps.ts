// The police's side of a transfer between its dispatch and its end (R310 7,
// 12; APL 27): forwarding to the competent unit, a request for missing
// material and the agency's supply, the hand-over of items and files after
// the police file the case, and the police's return of an accepted case in
// which they found no crime. Brand-new commands: no history holds them.

import type { CaseState } from '../case-state';
import { armDeadline, cancelDeadline, meetDeadline, recomputeDeadline } from '../deadlines';
import { zhDate } from '../messages';
import { failWith, type RejectionStatus } from '../rejection';
import { ms, Validator } from '../rules/validation';
import { INVESTIGATING } from '../vocabulary';
import { all, inStatus, invalid, stage, type Check, type EvolveMeta } from './kit';
import { completed, PAUSE } from './shared';
import { endTransferLimits } from './transfer-limits';

const CODES = {
  'TRANSFER.MATERIAL_REQUEST_OPEN': 409,
  'TRANSFER.NO_MATERIAL_REQUEST': 409,
  'TRANSFER.ALREADY_HANDED_OVER': 409,
  'TRANSFER.STEP_BEFORE_ITS_CAUSE': 422,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type TransferPoliceCommand =
  | { type: 'FORWARD_TRANSFER'; policeAgency: string; at: string; reason: string }
  | { type: 'REQUEST_TRANSFER_MATERIAL'; materials: string[]; at: string }
  | { type: 'SUPPLY_TRANSFER_MATERIAL'; documents: string[]; at: string }
  | { type: 'RECORD_TRANSFER_HANDOVER'; inventory: string[]; at: string }
  | { type: 'RETURN_TRANSFERRED_CASE'; at: string; reason: string };

export type TransferPoliceEvent =
  | { type: 'TRANSFER_FORWARDED'; policeAgency: string; at: string; reason: string }
  | { type: 'TRANSFER_MATERIAL_REQUESTED'; materials: string[]; at: string }
  | { type: 'TRANSFER_MATERIAL_SUPPLIED'; documents: string[]; at: string }
  | { type: 'TRANSFER_HANDED_OVER'; inventory: string[]; at: string }
  | { type: 'TRANSFER_RETURNED_BY_POLICE'; at: string; reason: string };

/** With the police, awaiting their filing decision. */
const WITH_POLICE = inStatus(['TRANSFERRED', 'TRANSFER_RECEIVED']);

function openRequest(s: CaseState) {
  const last = s.transfer?.materialRequests?.at(-1);
  return last && !last.supply ? last : undefined;
}

const noOpenRequest: Check = (s) => {
  const r = openRequest(s);
  return r
    ? fail('TRANSFER.MATERIAL_REQUEST_OPEN', {
        en: `The police's request of ${r.requestedAt} for missing material is not yet answered; supply it first (R310 7)`,
        zh: `公安机关${zhDate(r.requestedAt)}要求补充的材料尚未补充，请先补充材料（《行政执法机关移送涉嫌犯罪案件的规定》第7条）`,
      })
    : null;
};

const requestOpen: Check = (s) =>
  openRequest(s)
    ? null
    : fail('TRANSFER.NO_MATERIAL_REQUEST', {
        en: 'The police have asked for no missing material',
        zh: '公安机关未要求补充移送材料',
      });

const notHandedOver: Check = (s) =>
  s.transfer?.handover
    ? fail('TRANSFER.ALREADY_HANDED_OVER', {
        en: `The items and files were handed over on ${s.transfer.handover.at}`,
        zh: `涉案物品及材料已于${zhDate(s.transfer.handover.at)}移交`,
      })
    : null;

/** A step dated before what it answers: the law refuses the record (422). The other transfer steps use it too. */
export function before(at: string, cause: string | undefined, what: { en: string; zh: string }) {
  return cause !== undefined && ms(at) < ms(cause)
    ? fail('TRANSFER.STEP_BEFORE_ITS_CAUSE', {
        en: `${at} precedes ${what.en} (${cause})`,
        zh: `所填时间（${zhDate(at)}）早于${what.zh}（${zhDate(cause)}）`,
      })
    : null;
}

/** When the police's filing notice took effect: their decision, a reconsideration they accepted, or the procuratorate's finding. */
function filedAt(s: CaseState): string | undefined {
  const t = s.transfer;
  if (!t) return undefined;
  if (t.supervision?.resolution?.outcome === 'POLICE_TO_FILE') return t.supervision.resolution.at;
  if (t.reconsideration?.answer?.accepted) return t.reconsideration.answer.at;
  return t.policeDecision?.accepted ? t.policeDecision.at : undefined;
}

function dispatchedAt(s: CaseState): string | undefined {
  return s.transfer?.forwards?.at(-1)?.at ?? s.transfer?.dispatch?.sentAt;
}

function texts(v: Validator, field: string, list: unknown): void {
  if (v.array(field, list, { min: 1 })) (list as unknown[]).forEach((d, i) => v.text(`${field}[${i}]`, d));
}

/**
 * APL 27: the case comes back to where it left the administrative track. The
 * decision limit excludes the whole transfer (PAUSE.TRANSFER, as the policy's
 * decision period counts pauses): the pause closed at the police's filing
 * notice is extended to the return, and the cancelled limit runs again.
 */
function resumeAfterPoliceReturn(s: CaseState, meta: EvolveMeta): void {
  const origin = s.statusBeforeTransfer ?? 'FILED';
  s.status = origin;
  delete s.statusBeforeTransfer;
  endTransferLimits(s, meta.at);
  cancelDeadline(s, 'transferHandover', meta.at);
  cancelDeadline(s, 'closure', meta.at);
  if (INVESTIGATING.includes(origin) || origin === 'SUSPENDED') {
    const pause = [...s.pauses].reverse().find((p) => p.reason.startsWith(PAUSE.TRANSFER));
    if (pause) pause.to = meta.at;
    const d = s.deadlines.decision;
    if (d && d.state === 'CANCELLED') {
      d.state = 'OPEN';
      delete d.cancelledAt;
      recomputeDeadline(s, 'decision', meta.policy);
    }
  } else if (origin === 'LEAD_REGISTERED') {
    // The returned case is a lead the agency receives anew (MSA 18): its filing limit runs from the return.
    armDeadline(s, 'filingDecision', meta.at, meta.at, meta.policy);
  } else if (origin === 'EXECUTED') {
    completed(s, meta.at, meta);
  }
}

export const transferPoliceSteps = stage<TransferPoliceCommand, TransferPoliceEvent>()(
  'transfer-police-steps',
  {
    FORWARD_TRANSFER: {
      action: 'criminal-transfer/forward',
      roles: ['POLICE_LIAISON'],
      from: WITH_POLICE,
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('policeAgency', cmd.policeAgency).instant('at', cmd.at, { notFuture: true }).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return (
          before(cmd.at, dispatchedAt(s), { en: 'the transfer it forwards', zh: '移送时间' }) ?? {
            type: 'TRANSFER_FORWARDED',
            policeAgency: cmd.policeAgency,
            at: cmd.at,
            reason: cmd.reason,
          }
        );
      },
    },
    REQUEST_TRANSFER_MATERIAL: {
      action: 'criminal-transfer/material-request',
      roles: ['POLICE_LIAISON'],
      from: all(WITH_POLICE, noOpenRequest),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('at', cmd.at, { notFuture: true });
        texts(v, 'materials', cmd.materials);
        if (!v.ok) return invalid(v);
        return before(cmd.at, dispatchedAt(s), { en: 'the transfer', zh: '移送时间' }) ?? { type: 'TRANSFER_MATERIAL_REQUESTED', materials: [...cmd.materials], at: cmd.at };
      },
    },
    SUPPLY_TRANSFER_MATERIAL: {
      action: 'criminal-transfer/material-supply',
      roles: ['OFFICER'],
      from: all(WITH_POLICE, requestOpen),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('at', cmd.at, { notFuture: true });
        texts(v, 'documents', cmd.documents);
        if (!v.ok) return invalid(v);
        return before(cmd.at, openRequest(s)?.requestedAt, { en: 'the request', zh: '公安机关要求补充材料的时间' }) ?? { type: 'TRANSFER_MATERIAL_SUPPLIED', documents: [...cmd.documents], at: cmd.at };
      },
    },
    RECORD_TRANSFER_HANDOVER: {
      action: 'criminal-transfer/handover',
      roles: ['OFFICER'],
      from: all(inStatus(['TRANSFER_ACCEPTED']), notHandedOver),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('at', cmd.at, { notFuture: true });
        texts(v, 'inventory', cmd.inventory);
        if (!v.ok) return invalid(v);
        return before(cmd.at, filedAt(s), { en: "the police's filing notice", zh: '公安机关立案决定' }) ?? { type: 'TRANSFER_HANDED_OVER', inventory: [...cmd.inventory], at: cmd.at };
      },
    },
    RETURN_TRANSFERRED_CASE: {
      action: 'criminal-transfer/police-return',
      roles: ['POLICE_LIAISON'],
      from: inStatus(['TRANSFER_ACCEPTED']),
      handle: (s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.instant('at', cmd.at, { notFuture: true }).text('reason', cmd.reason);
        if (!v.ok) return invalid(v);
        return before(cmd.at, filedAt(s), { en: "the police's filing notice", zh: '公安机关立案决定' }) ?? { type: 'TRANSFER_RETURNED_BY_POLICE', at: cmd.at, reason: cmd.reason };
      },
    },
  },
  {
    TRANSFER_FORWARDED: (s, e, meta) => {
      if (!s.transfer) return;
      (s.transfer.forwards ??= []).push({ policeAgency: e.policeAgency, at: e.at, reason: e.reason });
      // The competent unit has to sign its own receipt; R310 8's limit is the new unit's, from the forwarding.
      delete s.transfer.receivedAt;
      s.status = 'TRANSFERRED';
      // R310 7's 24 hours end with the forwarding; the competent unit's receipt starts its own.
      meetDeadline(s, 'policeIntakeReview', e.at);
      if (s.deadlines.policeFilingDecision) armDeadline(s, 'policeFilingDecision', e.at, meta.at, meta.policy);
    },
    TRANSFER_MATERIAL_REQUESTED: (s, e, meta) => {
      if (s.transfer) (s.transfer.materialRequests ??= []).push({ requestedAt: e.at, materials: [...e.materials] });
      armDeadline(s, 'transferMaterialSupply', e.at, meta.at, meta.policy);
      meetDeadline(s, 'policeIntakeReview', e.at);
    },
    TRANSFER_MATERIAL_SUPPLIED: (s, e, meta) => {
      const r = openRequest(s);
      if (r) r.supply = { at: e.at, documents: [...e.documents] };
      meetDeadline(s, 'transferMaterialSupply', e.at);
      // Received with material missing, the transfer is complete at the supply: R310 8's 3 days run from it.
      if (s.status === 'TRANSFER_RECEIVED' && s.deadlines.policeFilingDecision) armDeadline(s, 'policeFilingDecision', e.at, meta.at, meta.policy);
    },
    TRANSFER_HANDED_OVER: (s, e, meta) => {
      if (s.transfer) s.transfer.handover = { at: e.at, inventory: [...e.inventory], recordedAt: meta.at };
      meetDeadline(s, 'transferHandover', e.at);
    },
    TRANSFER_RETURNED_BY_POLICE: (s, e, meta) => {
      if (s.transfer) {
        s.transfer.outcome = 'RETURNED_BY_POLICE';
        s.transfer.policeReturn = { at: e.at, reason: e.reason };
      }
      resumeAfterPoliceReturn(s, meta);
    },
  },
  CODES,
);

