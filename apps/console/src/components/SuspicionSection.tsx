import { Alert, Table } from 'antd';
import type { CaseView } from '../api';
import { valueLabel } from '../commands/field-labels';
import { formatDateTime, formatLocalDate, yuan, type Lang } from '../format';
import { defineMessages, useI18n } from '../i18n';

type Suspicion = NonNullable<CaseView['suspicion']>;
type Met = NonNullable<Suspicion['thresholdsMet']>[number];
type PriorPenalty = NonNullable<CaseView['priorPenalties']>[number];

const M2_PER_MU = 10000 / 15;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A figure in its unit: yuan, or m² (with its mu when the limit is in mu). */
function figure(kind: string | undefined, value: number, unit: string | undefined, lang: Lang): string {
  if (!kind?.endsWith('_M2')) return yuan(value);
  const mu = unit === 'MU' ? round2(value / M2_PER_MU) : undefined;
  if (lang === 'zh') return `${round2(value)} 平方米${mu !== undefined ? `（约 ${mu} 亩）` : ''}`;
  return `${round2(value)} m²${mu !== undefined ? ` (${mu} mu)` : ''}`;
}

/** The facts that met a threshold, and the threshold, as the standard words them. */
function describe(t: Met, lang: Lang, m: ReturnType<typeof useMessages>): { facts: string; limit: string } {
  const sign = t.inclusive ? '≥' : '>';
  if (t.rule === 'WEIGHTED_SUM') {
    const terms = (t.terms ?? []).map((x) => `${valueLabel(x.kind, lang)} ${yuan(x.value)}${x.weight === 1 ? '' : ` × ${x.weight}`}`).join(' + ');
    return { facts: `${terms} = ${yuan(t.value)}`, limit: `${sign} ${yuan(t.amount)}` };
  }
  if (t.rule === 'REPEAT') {
    return { facts: `${m.priorWithin(t.withinMonths ?? 0, t.value)}：${(t.priorPenalties ?? []).join('、')}`, limit: `${sign} ${t.amount}` };
  }
  const limit = t.unit === 'MU' ? `${sign} ${t.amount} ${lang === 'zh' ? '亩' : 'mu'}` : `${sign} ${figure(t.kind, t.amount, undefined, lang)}`;
  return { facts: `${t.kind ? valueLabel(t.kind, lang) : ''} ${figure(t.kind, t.value, t.unit, lang)}`, limit };
}

/** Why the case is a suspected crime: the officer's grounds, or each threshold met with its facts and legal source; and the party's earlier penalties. */
export function SuspicionSection({ c }: { c: CaseView }) {
  const { lang } = useI18n();
  const m = useMessages();
  const s = c.suspicion;
  if (!s && !c.priorPenalties) return null;
  return (
    <section aria-labelledby="suspicion-title" style={{ marginBottom: 24 }}>
      {s && (
        <Alert
          type="error"
          showIcon
          data-testid="case-suspicion"
          style={{ marginBottom: 12 }}
          title={<span id="suspicion-title">{s.raisedBy === 'THRESHOLD' ? m.byThreshold : m.byOfficer(s.by?.name ?? '')}</span>}
          description={
            <>
              <div>
                {m.since} {formatDateTime(s.raisedAt, lang)}
              </div>
              {s.thresholdsMet ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {s.thresholdsMet.map((t, i) => {
                    const d = describe(t, lang, m);
                    return (
                      <li key={i} data-testid="threshold-met">
                        {d.facts} {d.limit} — {t.offence}；{t.source}（{m.from(t.from, t.evidenceId)}）
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <div data-testid="suspicion-grounds">
                  {s.grounds}
                  {s.threshold ? `（${s.threshold}）` : ''}
                </div>
              )}
              <div>{m.rule}</div>
            </>
          }
        />
      )}
      {c.priorPenalties && (
        <Table<PriorPenalty>
          data-testid="prior-penalties"
          size="small"
          pagination={false}
          rowKey="decisionNumber"
          title={() => m.priorTitle}
          dataSource={c.priorPenalties}
          columns={[
            { title: m.decisionNumber, dataIndex: 'decisionNumber' },
            { title: m.agency, dataIndex: 'agency' },
            { title: m.decidedOn, dataIndex: 'decidedOn', render: (_, p) => formatLocalDate(p.decidedOn, lang) },
            { title: m.act, dataIndex: 'act' },
            { title: m.recordedWith, dataIndex: 'recordedWith', render: (_, p) => (p.recordedWith === 'REGISTRATION' ? m.registration : (p.recordedWith ?? '—')) },
          ]}
        />
      )}
    </section>
  );
}

const useMessages = defineMessages({
  zh: {
    byThreshold: '涉嫌犯罪：案件事实达到立案追诉标准',
    byOfficer: (name: string) => `涉嫌犯罪：执法人员${name}标记`,
    since: '标记时间',
    priorWithin: (months: number, n: number) => `${months}个月内曾受行政处罚 ${n} 次`,
    from: (from: string, evidenceId?: string) => (from === 'REGISTRATION' ? '登记线索时载明' : from === 'REPORT' ? '调查终结报告载明' : `证据 ${evidenceId ?? ''} 载明`),
    rule: '标记期间不得作出行政处罚决定；须移送公安机关，或由机关负责人说明理由决定不予移送（《行政执法机关移送涉嫌犯罪案件的规定》第三条、第十一条）。',
    priorTitle: '当事人此前受过的行政处罚',
    decisionNumber: '处罚决定书文号',
    agency: '作出机关',
    decidedOn: '决定日期',
    act: '所罚行为',
    recordedWith: '记录于',
    registration: '登记线索',
  },
  en: {
    byThreshold: "Suspected crime: the case's facts reach a prosecution threshold",
    byOfficer: (name: string) => `Suspected crime: flagged by officer ${name}`,
    since: 'Raised at',
    priorWithin: (months: number, n: number) => `${n} earlier administrative penalties within ${months} months`,
    from: (from: string, evidenceId?: string) => (from === 'REGISTRATION' ? 'stated at registration' : from === 'REPORT' ? 'stated in the report' : `stated in evidence ${evidenceId ?? ''}`),
    rule: 'No penalty is decided while it stands: transfer the case to the police, or a head decides, with reasons, not to transfer (R310 3, 11).',
    priorTitle: "The party's earlier administrative penalties",
    decisionNumber: 'Decision number',
    agency: 'Agency',
    decidedOn: 'Decided on',
    act: 'Act punished',
    recordedWith: 'Recorded with',
    registration: 'registration',
  },
});
