import { randomUUID } from 'node:crypto';
import { decisionContents } from '../../tests/support/demo-case-facts';
import type { HttpCall } from '../command-path/load';

// The commands the soak sends, as the e2e suites send them: a lead; text
// evidence; the ordinary procedure from filing to the archive request for a
// ¥3,000 fine on a person (no hearing, no legal review; the jobs app then
// seals the case); and two commands a case still under investigation must
// refuse (409).

/** An instant `seconds` ago: acts are recorded after they happen (a service or payment at the moment it is sent: after the step before). */
const ago = (seconds: number): string => new Date(Date.now() - seconds * 1000).toISOString();

export interface SoakCase {
  id: string;
  /** Its number in the run, for document numbers. */
  n: number;
  /** The next lifecycle step (lifecycle cases). */
  step: number;
  /** The first evidence item, which the decision cites. */
  evidenceId?: string;
  /** A command of its lifecycle is in flight. */
  busy: boolean;
}

/** Who acts, as the demo people. */
export type Actor = 'officer.zhang' | 'officer.li' | 'head.sun' | 'reviewer.liu';
export interface Command {
  actor: Actor;
  action: string;
  body: unknown;
}

export function lead(ids: { zhang: string; li: string }, violationCode: string): unknown {
  return {
    source: 'inspection', discoveredAt: ago(3 * 86400), violationAt: ago(4 * 86400).slice(0, 10), party: { type: 'PERSON', name: '王某' },
    violationCode, summary: `soak ${randomUUID()}`, procedure: 'ORDINARY', officerIds: [ids.zhang, ids.li],
  };
}

export function textEvidence(ids: { zhang: string; li: string }): unknown {
  return {
    kind: 'ON_SITE_RECORD', title: '现场检查笔录', collectedAt: ago(60), collectedByIds: [ids.zhang, ids.li], location: '长治市潞州区某街12号',
    text: '检查发现当事人销售的产品以不合格产品冒充合格产品。', credentialsShown: true, rightsExplained: true,
  };
}

const PENALTY = { kinds: ['FINE'], fineAmount: 3000 };
const RECIPIENT = '王某';

/** The step that asks for the archive: sent only once the case's documents are issued (see documentsIssued). */
export const ARCHIVE_STEP = 11;

/** The ordinary procedure's steps, in order; the case is ARCHIVING after the last. */
export function lifecycleStep(c: SoakCase, ids: { zhang: string; li: string }): Command | undefined {
  const steps: (() => Command)[] = [
    () => ({ actor: 'head.sun', action: 'filing', body: { approve: true, reason: 'facts verified on inspection', officerIds: [ids.zhang, ids.li] } }),
    () => ({ actor: 'officer.zhang', action: 'evidence', body: textEvidence(ids) }),
    () => ({
      actor: 'officer.li', action: 'investigation-report',
      body: {
        findings: 'The party sold substandard goods worth ¥2,000 as standard', proposedOutcome: 'PENALTY', proposedPenalty: PENALTY,
        legalBasis: '《产品质量法》第五十条', circumstanceLevel: 'GENERAL', discretionBases: [{ kind: 'GOODS_VALUE', value: 2000, note: 'purchase invoices' }],
      },
    }),
    () => ({ actor: 'reviewer.liu', action: 'case-review', body: { opinion: 'AGREE', comments: 'facts clear, basis correct' } }),
    () => ({ actor: 'head.sun', action: 'notice-approval', body: { comments: '同意告知' } }),
    () => ({
      actor: 'officer.zhang', action: 'notice',
      body: {
        noticeNumber: `长市监告〔2026〕SOAK-${c.n}号`, text: '拟罚款叁仟元; 你有陈述、申辩的权利.', hearingRightsNotified: false, method: 'DIRECT',
        servedAt: ago(0), recipient: RECIPIENT, proof: `送达回证 No. SOAK-N${c.n}`,
      },
    }),
    () => ({ actor: 'officer.zhang', action: 'defence', body: { waived: true } }),
    () => ({
      actor: 'head.sun', action: 'decision',
      body: {
        outcome: 'PENALTY', penalty: PENALTY, documentNumber: `长市监罚〔2026〕SOAK-${c.n}号`,
        text: '决定: 罚款人民币叁仟元整. 如不服, 可于六十日内申请行政复议或六个月内提起行政诉讼.',
        ...decisionContents(c.evidenceId ? [c.evidenceId] : [], { legalBasis: '《产品质量法》第五十条' }),
      },
    }),
    () => ({ actor: 'officer.zhang', action: 'service', body: { method: 'DIRECT', servedAt: ago(0), recipient: RECIPIENT, proof: `送达回证 No. SOAK-${c.n}` } }),
    () => ({ actor: 'officer.li', action: 'payments', body: payment(c.n) }),
    () => ({ actor: 'head.sun', action: 'closure', body: { summary: '结案审批表: penalty executed in full' } }),
    () => ({ actor: 'officer.zhang', action: 'archive', body: {} }),
  ];
  return steps[c.step]?.();
}

const payment = (n: number) => ({
  amount: 3000, paidAt: ago(0), receipt: `非税收入缴款书 No. SOAK-${n}`, collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' },
});

/** A command a case under investigation refuses (409): closing it, or a payment before any decision. */
export function refusedCommand(c: SoakCase, k: number): Command {
  return k % 2 ? { actor: 'head.sun', action: 'closure', body: { summary: 'too early' } } : { actor: 'officer.li', action: 'payments', body: payment(c.n) };
}

export function asCall(caseId: string, cmd: Command, token: string): HttpCall {
  return { method: 'POST', path: `/api/v1/cases/${caseId}/${cmd.action}`, token, body: cmd.body };
}
