// 结案 and 归档: the head closes a case that has reached its end (paid,
// served with nothing due, execution ended (ACL 40), terminated, or accepted by the police); an officer
// archives it, after which nothing in it changes. Since 'archive-package' archiving takes two steps: the
// officer's ARCHIVE records the request (ARCHIVING), the archive job builds and signs the package and
// reports it (RECORD_ARCHIVE_PACKAGE, a system command), which records CASE_ARCHIVED and seals the case.

import { cancelAllDeadlines, meetDeadline } from '../deadlines';
import { failWith, type RejectionStatus } from '../rejection';
import { rmbUpper, zhList, zhYuan } from '../messages';
import { formatYuan, Validator } from '../rules/validation';
import { inForce } from '../rule-changes';
import type { ArchivePackageRef } from '../archive-records';
import { SEALED_STATUS } from '../vocabulary';
import type { CaseState, PersonRef } from '../case-state';
import { zhChallengeKind } from '../zh-vocabulary';
import { all, byRules, inStatus, invalid, stage, type Check } from './kit';
import { CHALLENGE_WINDOWS, challengePending, outstanding, stillOwed } from './shared';
import { openMeasureIds } from './coercive-measures';
import { surchargeOwed } from './execution-ledger';
import { DISCLOSURE_DEADLINES } from './disclosure';

/** The refusals only this stage gives. */
const CODES = {
  'CASE.PAYMENT_OUTSTANDING': 409,
  'CASE.SIMPLE_NOT_REPORTED': 409,
  'CASE.MEASURE_OPEN': 409,
  'CASE.CHALLENGE_PENDING': 409,
  'ARCHIVE.PACKAGE_STALE': 409,
} as const satisfies Record<string, RejectionStatus>;
const fail = failWith(CODES);

export type ClosingCommand =
  | { type: 'CLOSE'; summary: string }
  | { type: 'ARCHIVE' }
  /** The archive job's report: the package it built and signed (sent through the workflow's reportJob Update). */
  | ({ type: 'RECORD_ARCHIVE_PACKAGE' } & ArchivePackageRef);

export type ClosingEvent =
  | { type: 'CASE_CLOSED'; summary: string }
  | { type: 'ARCHIVE_REQUESTED'; requestedBy: PersonRef }
  /** `package` since 'archive-package'; a case archived before it has none. */
  | { type: 'CASE_ARCHIVED'; package?: ArchivePackageRef };

function paidUp(owed: (s: CaseState) => number): Check {
  return (s) =>
    s.status === 'SERVED' && owed(s) > 0 && !s.execution?.ended
      ? fail('CASE.PAYMENT_OUTSTANDING', {
          en: `Close after full payment: ${formatYuan(owed(s))} outstanding`,
          zh: `尚有${zhYuan(owed(s))}（${rmbUpper(owed(s))}）未缴清，须全部缴清后结案`,
        })
      : null;
}

// The file is sealed once archived: a challenge still pending must be decided first.
const noChallengePending: Check = (s) =>
  challengePending(s)
    ? fail('CASE.CHALLENGE_PENDING', {
        en: `A ${s.challenges.filter((c) => c.result === undefined).map((c) => c.kind.toLowerCase()).join(' and a ')} is pending: record its outcome before archiving`,
        zh: `尚有${s.challenges.filter((c) => c.result === undefined).map((c) => zhChallengeKind(c.kind)).join('、')}未决，须记录其结果后归档`,
      })
    : null;

// The package must hold every event before the one that seals the case: a timer's event recorded while the job
// built it makes it stale, and the job builds it again.
const packageCurrent: Check = (s, cmd) => {
  const through = (cmd as Partial<ArchivePackageRef>).throughSeq;
  return typeof through === 'number' && through !== s.eventCount
    ? fail('ARCHIVE.PACKAGE_STALE', {
        en: `The package holds events up to ${through}, the case has ${s.eventCount}: build it again`,
        zh: `归档包仅包含至第${through}号的事件，案件已有${s.eventCount}个事件，须重新生成归档包`,
      })
    : null;
};

export const closing = stage<ClosingCommand, ClosingEvent>()(
  'closing',
  {
    CLOSE: {
      action: 'closure',
      roles: ['AGENCY_HEAD'],
      decisive: true,
      from: all(
        inStatus(['EXECUTED', 'SERVED', 'TERMINATED', 'TRANSFER_ACCEPTED']),
        // A revoked decision leaves nothing to collect; replayed history judges as it did. Ended execution (ACL 40) owes nothing either.
        byRules(paidUp(stillOwed), paidUp(outstanding), 'challenge-effects'),
        // APL 72: a surcharge left after a late payment is collected too, unless execution ended (ACL 40).
        (s) =>
          s.status === 'SERVED' && outstanding(s) <= 0 && surchargeOwed(s) > 0 && !s.execution?.ended
            ? fail('CASE.PAYMENT_OUTSTANDING', {
                en: `Close after the late surcharge is paid, or end execution: ${formatYuan(surchargeOwed(s))} of surcharge outstanding (APL 72)`,
                zh: `尚有加处罚款${zhYuan(surchargeOwed(s))}（${rmbUpper(surchargeOwed(s))}）未缴清（《行政处罚法》第72条），须缴清或终结执行后结案`,
              })
            : null,
        (s) =>
          s.procedure === 'SIMPLE' && s.decision?.simple === true && !s.simpleReport
            ? fail('CASE.SIMPLE_NOT_REPORTED', {
                en: 'Report the on-the-spot decision to the agency before closing (APL 52)',
                zh: '结案前须将当场处罚决定报所属行政机关备案（《行政处罚法》第52条）',
              })
            : null,
        // A preservation or seizure still holding the party's items must be ended first (APL 56; ACL 27–28).
        (s) => {
          const open = openMeasureIds(s);
          return open.length === 0
            ? null
            : fail('CASE.MEASURE_OPEN', {
                en: `End every preservation and seizure before closing; still open: ${open.join(', ')}`,
                zh: `先行登记保存、查封扣押措施须依法解除或处理后方可结案；尚未结束：${zhList(open)}`,
              });
        },
      ),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.text('summary', cmd.summary);
        if (!v.ok) return invalid(v);
        return { type: 'CASE_CLOSED', summary: cmd.summary };
      },
    },
    ARCHIVE: {
      action: 'archive',
      roles: ['OFFICER'],
      from: all(inStatus(['CLOSED', 'FILING_DECLINED']), byRules(noChallengePending, null, 'challenge-effects')),
      handle: (_s, _cmd, ctx) => (inForce(ctx, 'archive-package') ? { type: 'ARCHIVE_REQUESTED', requestedBy: ctx.person } : { type: 'CASE_ARCHIVED' }),
    },
    RECORD_ARCHIVE_PACKAGE: {
      action: null,
      roles: 'SYSTEM',
      from: all(inStatus(['ARCHIVING']), packageCurrent),
      handle: (_s, cmd, ctx) => {
        const v = new Validator(ctx.now);
        v.sha256('manifestSha256', cmd.manifestSha256).sha256('lastHash', cmd.lastHash);
        v.text('keyId', cmd.keyId, { max: 200 }).text('signature', cmd.signature, { max: 200 });
        v.integer('throughSeq', cmd.throughSeq, { min: 1 }).integer('files', cmd.files, { min: 1 });
        if (!v.ok) return invalid(v);
        const { manifestSha256, signature, keyId, throughSeq, lastHash, files } = cmd;
        return { type: 'CASE_ARCHIVED', package: { manifestSha256, signature, keyId, throughSeq, lastHash, files } };
      },
    },
  },
  {
    // The party's challenge windows outlive the case: its right to challenge does not end with the file.
    CASE_CLOSED: (s, e, { at }) => {
      s.closure = { summary: e.summary, at };
      s.closedAt = at;
      s.status = 'CLOSED';
      meetDeadline(s, 'closure', at);
      // The publication of the decision, or its withdrawal, is owed whether or not the file is closed.
      cancelAllDeadlines(s, at, [...CHALLENGE_WINDOWS, ...DISCLOSURE_DEADLINES]);
    },
    // Nothing changes while the job builds the package but the timers of the challenge windows, which outlive the case.
    ARCHIVE_REQUESTED: (s, e, { at }) => {
      s.status = 'ARCHIVING';
      s.archive = { requestedAt: at, requestedBy: e.requestedBy };
    },
    CASE_ARCHIVED: (s, e, { at }) => {
      s.archivedAt = at;
      if (e.package && s.archive) s.archive.package = { ...e.package, at };
      s.status = SEALED_STATUS;
      cancelAllDeadlines(s, at, [...CHALLENGE_WINDOWS]);
    },
  },
  CODES,
);
