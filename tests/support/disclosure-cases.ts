import type { CaseEventMessage } from '@zhifa/contracts';
import { CaseReadRepository, DisclosureRepository, PolicyRepository } from '@zhifa/persistence';
import { CaseReporter } from '../../apps/jobs/src/case-reporter.service';
import { DisclosureJob } from '../../apps/jobs/src/disclosure/disclosure.job';
import { ago, type Client, decisionContents } from '../e2e/command-helpers';
import type { Stack } from './stack';

// Cases whose decisions the disclosure job publishes, for its integration and browser tests.

/** A person whose ID number, phone, home and account must never be published. */
export const PRIVATE_PARTY = {
  type: 'PERSON',
  name: '李建国',
  idNumber: '140402198503172413',
  phone: '13935512345',
  address: '长治市潞州区英雄中路18号3单元502室',
};
export const PRIVATE_ACCOUNT = '6217000010012345678';

async function ok(res: Promise<{ status: number; body: unknown }>): Promise<void> {
  const r = await res;
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.body)}`);
}

/**
 * An ordinary case against `party` (《产品质量法》art 50, goods of ¥2,000), fined ¥3,000 and served; the facts
 * name the party's phone, home address and bank account, as a careless decision text might.
 */
export async function decidedCase(api: Client, party: Record<string, unknown>): Promise<string> {
  const id = await api.filedCase({ party, violationCode: 'PRODUCT-FAKE' });
  await api.textEvidence(id);
  await ok(
    api.command('officer.li', id, 'investigation-report', {
      findings: 'The party sold substandard goods worth ¥2,000 as standard',
      proposedOutcome: 'PENALTY',
      proposedPenalty: { kinds: ['FINE'], fineAmount: 3000 },
      legalBasis: '《产品质量法》第五十条',
      circumstanceLevel: 'GENERAL',
      discretionBases: [{ kind: 'GOODS_VALUE', value: 2000 }],
    }),
  );
  await ok(api.command('reviewer.liu', id, 'case-review', { opinion: 'AGREE', comments: 'facts clear' }));
  await api.approveNotice(id);
  const served = { method: 'DIRECT', servedAt: ago(30), recipient: String(party.name), proof: '送达回证' };
  await ok(api.command('officer.zhang', id, 'notice', { noticeNumber: `长市监告〔2026〕DS-${id.slice(0, 6)}号`, text: '拟罚款叁仟元', hearingRightsNotified: false, ...served }));
  await ok(api.command('officer.zhang', id, 'defence', { waived: true }));
  await ok(
    api.command('head.sun', id, 'decision', {
      outcome: 'PENALTY',
      penalty: { kinds: ['FINE'], fineAmount: 3000 },
      documentNumber: `长市监罚〔2026〕DS-${id.slice(0, 6)}号`,
      text: '罚款人民币叁仟元整',
      ...decisionContents(await api.evidenceIds(id), {
        legalBasis: '《产品质量法》第五十条',
        facts: `当事人（联系电话${String(party.phone)}）在住址：${String(party.address)}以不合格产品冒充合格产品销售，货款转入其账号${PRIVATE_ACCOUNT}`,
      }),
    }),
  );
  await ok(api.command('officer.zhang', id, 'service', { method: 'DIRECT', servedAt: new Date().toISOString(), recipient: String(party.name), proof: '送达回证' }));
  return id;
}

/** The case-events message of the case's last event of `type`, as the outbox relays it. */
export async function lastEventMessage(stack: Stack, caseId: string, type: string): Promise<CaseEventMessage> {
  const rows: { event_id: string; seq: number; type: string; payload: Record<string, unknown> }[] = await stack.ds.query(
    'SELECT event_id, seq, type, payload FROM case_events WHERE case_id = $1 AND type = $2 ORDER BY seq DESC LIMIT 1',
    [caseId, type],
  );
  if (!rows[0]) throw new Error(`case ${caseId} has no ${type}`);
  return { eventId: rows[0].event_id, caseId, seq: rows[0].seq, type: rows[0].type, payload: rows[0].payload };
}

/** The disclosure job over the stack's own repositories and its Temporal, for a stack started without the jobs app; close() ends its connection. */
export function disclosureJobOf(stack: Stack): { job: DisclosureJob; close(): Promise<void> } {
  const reporter = new CaseReporter(stack.cfg);
  const job = new DisclosureJob(stack.api.get(CaseReadRepository), stack.api.get(PolicyRepository), stack.api.get(DisclosureRepository), reporter);
  return { job, close: () => reporter.onApplicationShutdown() };
}
