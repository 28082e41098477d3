import { writeFileSync } from 'node:fs';

// Walks a whole ordinary case through the running API as its users would
// (the same calls as the README's curl walk-through), then leaves a second
// case filed for you to continue. Prints the dev tokens.
// Usage: node dist/infra/demo/demo.main.js <api base>

interface TokenRow {
  username: string;
  userId: string;
  token: string;
  roles: string[];
  name: string;
}
interface CaseBody {
  id: string;
  caseNumber: string;
  status: string;
  flags: string[];
  deadlines: { kind: string; state: string; dueAt: string; basis: { source: string; dueDate?: string; days: number; kind: string; warnings: string[] } }[];
  allowedActions: string[];
}

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const runId = Date.now().toString(36);
/**
 * Where the party may challenge a decision (APL 59 (五)): since the 2024
 * reconsideration law the people's government at the agency's level (ARL 24);
 * the court is named by its jurisdiction (ALL 18), the demo knows no more.
 */
const REMEDY = { reconsiderationBody: '长治市人民政府', court: '长治市市场监督管理局所在地有管辖权的人民法院' };
let tokens: Record<string, TokenRow> = {};
let calls = 0;

async function send(user: string, method: string, path: string, body?: unknown, form?: FormData): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokens[user].token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'idempotency-key': `demo-${runId}-${++calls}` } : {}),
    },
    body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${user}: ${method} ${path} -> ${res.status} ${JSON.stringify(json)}`);
  return json;
}

function show(step: string, user: string, c: CaseBody, recorded?: unknown): void {
  const events = Array.isArray(recorded) ? (recorded as { seq: number; type: string }[]).map((e) => `#${e.seq} ${e.type}`).join(', ') : '';
  console.log(`  ${step.padEnd(34)} ${user.padEnd(14)} → ${c.status.padEnd(24)} ${events}`);
}

function deadlines(c: CaseBody): void {
  for (const d of c.deadlines) {
    const warn = d.basis.warnings.length ? ` ⚠ ${d.basis.warnings.join('; ')}` : '';
    console.log(`      deadline ${d.kind.padEnd(15)} ${d.state.padEnd(7)} due ${d.basis.dueDate ?? d.dueAt} (${d.basis.days} ${d.basis.kind.toLowerCase()} days, ${d.basis.source})${warn}`);
  }
}

async function command(user: string, caseId: string, action: string, body: unknown, step: string): Promise<CaseBody> {
  const res = await send(user, 'POST', `/cases/${caseId}/${action}`, body);
  show(step, user, res.case as CaseBody, res.recorded);
  return res.case as CaseBody;
}

async function main(): Promise<void> {
  const list = (await (await fetch(`${base}/api/v1/dev/tokens`)).json()) as TokenRow[];
  tokens = Object.fromEntries(list.map((t) => [t.username, t]));
  writeFileSync('.data/dev-tokens.txt', list.map((t) => `${t.username.padEnd(18)} ${t.roles.join(',').padEnd(16)} ${t.token}`).join('\n') + '\n');
  console.log('\n==> Dev tokens (full tokens in .data/dev-tokens.txt)');
  for (const t of list) console.log(`  ${t.username.padEnd(18)} ${t.roles.join(',').padEnd(16)} ${t.name}`);

  const id = (u: string): string => tokens[u].userId;
  const now = Date.now();
  const at = (hoursAgo: number): string => new Date(now - hoursAgo * 3600_000).toISOString();
  const officers = [id('officer.zhang'), id('officer.li')];

  console.log('\n==> Demo: one ordinary case from lead to archive (普通程序)');
  // Run again on the same database, the same shop would be fined twice for one act, which APL 29 refuses: each run's
  // demo shop is another one (its credit code numbered by the runs before).
  const earlier = (await send('officer.zhang', 'GET', `/cases?text=${encodeURIComponent('某某食品商行')}&pageSize=1`)).total as number;
  const shop = String((earlier % 99) + 1).padStart(2, '0');
  const registered = (await send('officer.zhang', 'POST', '/cases', {
    source: 'complaint (12315 hotline)',
    discoveredAt: at(72),
    violationAt: at(120),
    party: { type: 'ORGANISATION', name: shop === '01' ? '长治市某某食品商行 (demo)' : `长治市某某食品商行${shop}号店 (demo)`, creditCode: `91140400MA0DEMO${shop}X` },
    violationCode: 'FOOD-UNLICENSED',
    summary: 'Selling packaged food without a food business licence',
    procedure: 'ORDINARY',
    officerIds: officers,
  })) as unknown as CaseBody;
  const caseId = registered.id;
  console.log(`  case ${registered.caseNumber} (${caseId})`);
  show('案源登记 register the lead', 'officer.zhang', registered, [{ seq: 1, type: 'LEAD_REGISTERED' }]);
  deadlines(registered);

  const filed = await command('head.sun', caseId, 'filing', { approve: true, reason: 'facts indicate an unlicensed food business', officerIds: officers }, '立案 file the case');
  deadlines(filed);

  const form = new FormData();
  form.append('kind', 'ON_SITE_RECORD');
  form.append('title', '现场检查笔录及照片');
  form.append('collectedAt', at(48));
  for (const o of officers) form.append('collectedByIds', o);
  form.append('location', '长治市潞州区某街12号 (demo)');
  // APL 55: at the first collection the officers show their certificates and tell the party of its rights.
  form.append('credentialsShown', 'true');
  form.append('rightsExplained', 'true');
  form.append('file', new Blob([`demo on-site record ${runId}\n`.repeat(2000)], { type: 'text/plain' }), 'site-record.txt');
  const evidence = await send('officer.zhang', 'POST', `/cases/${caseId}/evidence`, undefined, form);
  show('调查取证 upload evidence (file)', 'officer.zhang', evidence.case as CaseBody, evidence.recorded);
  console.log(`      evidence ${String(evidence.evidenceId)} sha256 ${String(evidence.sha256).slice(0, 16)}… (${String(evidence.sizeBytes)} bytes)`);
  const statement = await send('officer.li', 'POST', `/cases/${caseId}/evidence`, {
    kind: 'PARTY_STATEMENT',
    title: '询问笔录',
    collectedAt: at(47),
    collectedByIds: officers,
    location: '执法大队询问室',
    text: '当事人陈述: 未办理食品经营许可证, 经营约三个月.',
  });
  show('调查取证 record a statement (text)', 'officer.li', statement.case as CaseBody, statement.recorded);

  const penalty = { kinds: ['FINE', 'CONFISCATION'], fineAmount: 50000, confiscationAmount: 2000, terms: '没收违法所得' };
  // 《食品安全法》art 122, goods value < ¥10,000: ¥50,000–100,000; ¥50,000 is in the policy's 从轻 range (¥50,000–65,000).
  await command('officer.li', caseId, 'investigation-report', {
    findings: 'Sold packaged food worth ¥6,000 over about three months without a food business licence',
    proposedOutcome: 'PENALTY',
    proposedPenalty: penalty,
    legalBasis: '《食品安全法》第一百二十二条',
    circumstanceLevel: 'LIGHTER',
    discretionReasons: '当事人主动停止经营并如实陈述, 配合调查 (从轻)',
    discretionBases: [
      { kind: 'GOODS_VALUE', value: 6000, note: '进货单据' },
      { kind: 'ILLEGAL_GAINS', value: 2000, note: '销售台账' },
    ],
  }, '调查终结报告 investigation report (从轻, within the discretion benchmark)');
  await command('reviewer.liu', caseId, 'case-review', { opinion: 'AGREE', comments: '事实清楚, 证据确凿, 适用依据正确' }, '审核 case review (not an investigator)');
  await command('head.sun', caseId, 'notice-approval', { comments: '同意告知' }, '告知审批 the head approves the notice');
  await command('officer.zhang', caseId, 'notice', {
    noticeNumber: `长市监告〔2026〕demo-${runId}号`,
    text: '拟罚款人民币伍万元, 没收违法所得贰仟元; 你有陈述、申辩和要求听证的权利.',
    hearingRightsNotified: true,
    method: 'DIRECT',
    servedAt: new Date().toISOString(),
    recipient: '店主 王某',
    proof: '送达回证 (signed)',
  }, '告知 pre-decision notice served');
  await command('officer.zhang', caseId, 'defence', {
    waived: false,
    hearingWaived: true,
    statement: '当事人称许可证正在办理中',
    points: [{ point: '许可证正在办理', adopted: false, reason: '尚未取得许可, 不得经营' }],
  }, '陈述申辩 the party defends (and waives a hearing); each point answered');
  const decided = await command('head.sun', caseId, 'decision', {
    outcome: 'PENALTY',
    penalty,
    documentNumber: `长市监罚〔2026〕demo-${runId}号`,
    text: '罚款人民币伍万元, 没收违法所得贰仟元. 如不服, 可于六十日内申请行政复议或六个月内提起行政诉讼.',
    legalBasis: '《食品安全法》第一百二十二条',
    facts: '当事人未取得食品经营许可证, 经营预包装食品约三个月, 货值不足壹万元',
    evidenceIds: [String(evidence.evidenceId), String(statement.evidenceId)],
    performance: '自收到本决定书之日起十五日内, 到指定的代收银行缴纳罚没款 (罚缴分离)',
    remedy: REMEDY,
  }, '决定 decide (head), with the APL 59 contents');
  deadlines(decided);
  await command('officer.zhang', caseId, 'service', { method: 'DIRECT', servedAt: new Date().toISOString(), recipient: '店主 王某', proof: '送达回证 (signed)' }, '送达 serve the decision');
  await command('officer.li', caseId, 'payments', { amount: 52000, paidAt: new Date().toISOString(), receipt: '非税收入一般缴款书 demo', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } }, '履行 payment in full');
  await command('head.sun', caseId, 'closure', { summary: '结案审批表: penalty executed in full' }, '结案 close (head)');
  const archived = await command('officer.zhang', caseId, 'archive', {}, '归档 archive requested (ARCHIVING: the archive job builds and signs the package, then the case is sealed)');
  deadlines(archived);

  const verify = await send('supervisor.zhou', 'GET', `/cases/${caseId}/timeline/verify`);
  console.log(`  timeline: ${String(verify.events)} events, hash chain valid: ${String(verify.valid)}`);
  try {
    await send('officer.zhang', 'POST', `/cases/${caseId}/payments`, { amount: 1, paidAt: new Date().toISOString(), receipt: 'x', collector: { kind: 'DESIGNATED_BANK', name: '中国工商银行长治分行' } });
  } catch (err) {
    console.log(`  a command after archiving is refused: ${(err as Error).message.replace(/^.*-> /, '').slice(0, 120)}…`);
  }

  console.log('\n==> A second case, filed and waiting for you (continue it in the console as officer.zhang, or with curl: see README)');
  const open = (await send('officer.zhang', 'POST', '/cases', {
    source: 'inspection',
    discoveredAt: at(24),
    violationAt: at(30),
    party: { type: 'PERSON', name: '李某 (demo)' },
    violationCode: 'PRODUCT-FAKE',
    summary: 'Substandard goods sold as standard',
    procedure: 'ORDINARY',
    officerIds: officers,
  })) as unknown as CaseBody;
  const openFiled = await command('head.sun', open.id, 'filing', { approve: true, reason: 'inspection found substandard goods', officerIds: officers }, '立案 file the case');
  console.log(`  case ${open.caseNumber}: ${open.id}`);
  console.log(`  allowed now for officer.zhang: ${(await send('officer.zhang', 'GET', `/cases/${open.id}`)).allowedActions as string}`);
  writeFileSync('.data/demo-case-id', `${openFiled.id}\n`);

  // 《食品安全法》art 122: goods worth ¥10,000 or more, a fine of 10–20 times their value (¥120,000–240,000 for
  // ¥12,000); ¥150,000 (12.5×) is in the policy's 从轻 range (10–13×). For an organisation it is a major
  // decision: legal review (> ¥100,000, exclusive) and collective discussion.
  console.log('\n==> A major case, waiting for its legal review (法制审核) by reviewer.liu');
  const major = (await send('officer.zhang', 'POST', '/cases', {
    source: 'complaint',
    discoveredAt: at(24),
    violationAt: at(40),
    party: { type: 'ORGANISATION', name: '长治市某某餐饮管理有限公司 (demo)', creditCode: '91140400MA0DEMO02X' },
    violationCode: 'FOOD-UNLICENSED',
    summary: 'Packaged food worth ¥12,000 sold without a food business licence',
    procedure: 'ORDINARY',
    officerIds: officers,
  })) as unknown as CaseBody;
  await command('head.sun', major.id, 'filing', { approve: true, reason: 'complaint verified on inspection', officerIds: officers }, '立案 file the case');
  await command('officer.zhang', major.id, 'evidence', {
    kind: 'DOCUMENTARY',
    title: '进货单据及销售台账',
    collectedAt: at(20),
    collectedByIds: officers,
    location: '当事人经营场所 (demo)',
    text: '进货单据显示货值人民币壹万贰仟元.',
    credentialsShown: true,
    rightsExplained: true,
  }, '调查取证 record the invoices');
  await command('officer.li', major.id, 'investigation-report', {
    findings: 'Sold packaged food worth ¥12,000 without a food business licence',
    proposedOutcome: 'PENALTY',
    proposedPenalty: { kinds: ['FINE'], fineAmount: 150000 },
    legalBasis: '《食品安全法》第一百二十二条',
    circumstanceLevel: 'LIGHTER',
    discretionReasons: '初次违法, 主动停止销售并配合调查 (从轻)',
    discretionBases: [{ kind: 'GOODS_VALUE', value: 12000, note: '进货单据 (evidence)' }],
  }, '调查终结报告 ¥150,000 (12.5× goods value, 从轻)');
  await command('reviewer.liu', major.id, 'case-review', { opinion: 'AGREE', comments: '事实清楚, 拟处罚在法定幅度内' }, '审核 case review');
  await command('head.sun', major.id, 'notice-approval', { comments: '同意告知' }, '告知审批 the head approves the notice');
  await command('officer.zhang', major.id, 'notice', {
    noticeNumber: `长市监告〔2026〕demo-${runId}-2号`,
    text: '拟罚款人民币壹拾伍万元; 你有陈述、申辩和要求听证的权利.',
    hearingRightsNotified: true,
    method: 'DIRECT',
    servedAt: new Date().toISOString(),
    recipient: '法定代表人 赵某',
    proof: '送达回证 (signed)',
  }, '告知 pre-decision notice served');
  await command('officer.zhang', major.id, 'defence', { waived: true, hearingWaived: true }, '陈述申辩 and 听证 both waived in writing');
  // Named reviewer: reviewer.liu holds LEGAL_REVIEWER and the LEGAL_REVIEW qualification the demo policy asks for (APL 58 ¶3).
  const pending = await command(
    'officer.zhang',
    major.id,
    'legal-review-request',
    { reviewerId: id('reviewer.liu'), note: 'fine above ¥100,000 for an organisation' },
    '法制审核 requested of reviewer.liu (due in 5 working days)',
  );
  console.log(`  case ${major.caseNumber}: ${major.id} (${pending.flags.join(', ')})`);
  writeFileSync('.data/demo-major-case-id', `${major.id}\n`);
}

main().catch((err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
