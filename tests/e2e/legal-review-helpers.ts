import { randomUUID } from 'node:crypto';
import { ago, type Client, type CommandBody } from './command-helpers';
import type { HttpResult } from '../support/stack';

// Drives a case over HTTP to a pending legal review (法制审核), for the suites
// that read or answer one (tests/e2e/legal-review-read.spec.ts and the
// console's tests/browser/legal-review.spec.ts).

/**
 * A party of its own for each case: one credit code shared by cases fined for
 * the same violation would be one act fined twice (APL 29), refused.
 */
export function organisation(): { party: Record<string, unknown> } {
  return { party: { type: 'ORGANISATION', name: '长治市某某食品有限公司 (e2e)', creditCode: `91140400MA${randomUUID().slice(0, 8).toUpperCase()}` } };
}

export async function ok(res: Promise<HttpResult<unknown>>, status = 200): Promise<HttpResult<CommandBody>> {
  const r = await res;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r as HttpResult<CommandBody>;
}

/**
 * The report (a 从轻 fine under 《食品安全法》art 122 for goods of `goods` yuan),
 * case review, the notice approved and served, defence and hearing waived:
 * ready for the legal review. Goods of ¥12,000 put the fine in the demo
 * benchmark's band 10–20× goods value, 从轻 ¥120,000–156,000.
 */
export async function reportedAndHeard(api: Client, id: string, fineAmount: number, goods = 12000): Promise<void> {
  const n = randomUUID().slice(0, 6);
  await ok(
    api.command('officer.li', id, 'investigation-report', {
      findings: `Sold packaged food worth ¥${goods} without a food business licence`,
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount },
      legalBasis: '《食品安全法》第一百二十二条',
      circumstanceLevel: 'LIGHTER',
      discretionReasons: '初次违法, 积极配合调查',
      discretionBases: [{ kind: 'GOODS_VALUE', value: goods, note: '进货单据' }],
    }),
  );
  await ok(api.command('reviewer.ma', id, 'case-review', { opinion: 'AGREE', comments: '事实清楚' }));
  await api.approveNotice(id);
  await ok(
    api.command('officer.zhang', id, 'notice', {
      noticeNumber: `长市监告〔2026〕LRR-${n}号`,
      text: '拟罚款; 你有陈述、申辩和要求听证的权利.',
      hearingRightsNotified: true,
      method: 'DIRECT',
      servedAt: ago(30),
      recipient: '法定代表人',
      proof: `送达回证 LRR-${n}`,
    }),
  );
  await ok(api.command('officer.zhang', id, 'defence', { waived: true, hearingWaived: true }));
}

/** A filed organisation case with two evidence items, marked major (复杂), reported at `fineAmount` and waiting for `reviewer`'s legal review. */
export async function majorCaseAwaitingReview(api: Client, fineAmount = 150000, reviewer = 'reviewer.liu'): Promise<{ id: string; caseNumber: string }> {
  const id = await api.filedCase(organisation());
  await ok(api.textEvidence(id), 201);
  await ok(api.textEvidence(id, 'officer.li'), 201);
  await ok(api.command('officer.zhang', id, 'major-case', { grounds: ['COMPLEX'], reason: '涉及学校食堂供货, 情况复杂' }));
  await reportedAndHeard(api, id, fineAmount);
  const requested = await ok(api.command('officer.zhang', id, 'legal-review-request', { reviewerId: api.id(reviewer), note: '罚款超过十万元' }));
  return { id, caseNumber: requested.body.case.caseNumber };
}
