import { personParty, scenario } from '../testing/case-fixtures';
import { testPolicy } from '../testing/test-policy';
import { decisionContent, decisionSections, zhAmount, zhCount, type DecisionContent } from './decision-content';

const text = (c: DecisionContent) =>
  decisionSections(c)
    .flatMap((s) => [s.heading ?? '', ...s.paragraphs])
    .join('\n');

describe('decisionContent (APL 59)', () => {
  it('is null before the decision', () => {
    expect(decisionContent(scenario('NOTICE_SERVED').s, testPolicy())).toBeNull();
  });

  it('states the party, facts and evidence, penalty and basis, performance, remedies, agency and date', () => {
    const r = scenario('DECIDED');
    const c = decisionContent(r.s, r.policy)!;
    expect(c).toMatchObject({
      title: '行政处罚决定书',
      agency: r.policy.jurisdiction,
      documentNumber: '长市监罚〔2026〕101号',
      caseNumber: r.s.caseNumber,
      outcome: 'PENALTY',
      legalBasis: '《食品安全法》第一百二十二条',
      amountDue: 52000,
      performance: { method: '自收到本决定书之日起十五日内到指定银行缴纳罚没款', days: 15, dayKind: 'CALENDAR', source: 'APL 67' },
      remedy: {
        reconsiderationBody: '长治市人民政府',
        reconsiderationDays: 60,
        court: '长治市市场监督管理局所在地有管辖权的人民法院',
        litigationMonths: 6,
      },
    });
    expect(c.decidedOn).toBe(r.s.decision!.contents!.decidedOn);
    expect(c.decidedOnZh).toMatch(/^2026年\d{1,2}月\d{1,2}日$/);
    expect(c.party.map((l) => l.field)).toEqual(['name', 'creditCode', 'legalRepresentative', 'address']);
    expect(c.party[0]).toEqual({ field: 'name', label: '当事人（名称）', value: '长治市某食品有限公司' });
    expect(c.evidence).toEqual([expect.objectContaining({ evidenceId: 'ev-1', kindZh: expect.any(String) })]);
    expect(c.penalty).toEqual({ kinds: ['FINE', 'CONFISCATION'], lines: ['罚款人民币伍万元整（¥50,000.00）', '没收违法所得人民币贰仟元整（¥2,000.00）'] });

    const t = text(c);
    expect(t).toContain('当事人（名称）：长治市某食品有限公司');
    expect(t).toContain('统一社会信用代码：91140400MA0XXXXX1X');
    expect(t).toContain('经查，Sold packaged food without a licence');
    expect(t).toContain('依据《食品安全法》第一百二十二条的规定，本机关决定对长治市某食品有限公司作出如下行政处罚：');
    expect(t).toContain('（一）罚款人民币伍万元整（¥50,000.00）。');
    expect(t).toContain('罚没款共计人民币伍万贰仟元整（¥52,000.00）');
    expect(t).toContain('自收到本决定书之日起十五日。');
    expect(t).toContain('六十日内向长治市人民政府申请行政复议（《行政复议法》第二十条）');
    expect(t).toContain('六个月内向长治市市场监督管理局所在地有管辖权的人民法院提起行政诉讼（《行政诉讼法》第四十六条）');
  });

  it('lists a person by name and identifiers, so a disclosure can drop them by field', () => {
    const decided = scenario('DECIDED').s;
    const party = { ...personParty, address: '长治市某区某街2号', phone: '13800000000' };
    const c = decisionContent({ ...decided, party, decision: { ...decided.decision!, contents: { ...decided.decision!.contents!, party } } }, testPolicy())!;
    expect(c.party).toEqual([
      { field: 'name', label: '当事人（姓名）', value: '沈某' },
      { field: 'idNumber', label: '身份证件号码', value: '140402199001010000' },
      { field: 'address', label: '住址', value: '长治市某区某街2号' },
      { field: 'phone', label: '联系电话', value: '13800000000' },
    ]);
    expect(text(c)).toContain('身份证件号码：140402199001010000');
    const redacted = { ...c, party: c.party.filter((l) => l.field === 'name') };
    expect(text(redacted)).not.toMatch(/140402199001010000|13800000000|某街2号/);
    expect(text(redacted)).toContain('本机关决定对沈某作出如下行政处罚');
  });

  it('falls back on the report and the policy for a decision recorded before APL 59 contents', () => {
    const r = scenario('DECIDED', testPolicy(), 'decision-contents');
    expect(r.s.decision!.contents).toBeUndefined();
    const c = decisionContent(r.s, r.policy)!;
    expect(c.facts).toBe(r.s.report!.findings);
    expect(c.performance).toEqual({ method: '到指定银行缴纳', days: 15, dayKind: 'CALENDAR', source: 'APL 67' });
    expect(c.remedy.reconsiderationBody).toBeUndefined();
    expect(text(c)).toContain('六十日内依法申请行政复议');
  });

  it('writes a varied penalty as the challenge left it', () => {
    const s = scenario('SERVED').s;
    const varied = { penalty: { kinds: ['FINE' as const], fineAmount: 30000 }, challengeId: 'ch-1', at: s.updatedAt };
    const c = decisionContent({ ...s, decision: { ...s.decision!, varied } }, testPolicy())!;
    expect(c.penalty).toEqual({ kinds: ['FINE'], lines: ['罚款人民币叁万元整（¥30,000.00）'] });
  });

  it('titles a decision not to penalise', () => {
    const s = { ...scenario('DECIDED').s };
    s.decision = { ...s.decision!, outcome: 'NO_PENALTY', penalty: undefined, amountDue: 0, contents: { ...s.decision!.contents!, penalty: undefined, amountDue: 0, performance: undefined } };
    const c = decisionContent(s, testPolicy())!;
    expect(c.title).toBe('不予行政处罚决定书');
    expect(c.penalty).toBeUndefined();
    expect(text(c)).toContain('决定不予行政处罚');
    expect(text(c)).toContain('三、申请行政复议或者提起行政诉讼的途径和期限');
  });

  it('writes counts and amounts as documents do', () => {
    expect([5, 10, 15, 60, 90, 105, 120].map(zhCount)).toEqual(['五', '十', '十五', '六十', '九十', '一百零五', '一百二十']);
    expect(zhAmount(1234.5)).toBe('人民币壹仟贰佰叁拾肆元伍角（¥1,234.50）');
  });
});
