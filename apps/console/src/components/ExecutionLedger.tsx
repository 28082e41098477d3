import { Descriptions, Tag, Typography } from 'antd';
import type { CaseView } from '../api';
import { formatDateTime, formatLocalDate, yuan } from '../format';
import { defineMessages, useI18n } from '../i18n';
import { valueLabel } from '../commands/field-labels';

type Ledger = NonNullable<CaseView['ledger']>;

/** 履行台账: the decision's amount and the late surcharge (APL 72), paid and outstanding, as the API computed them now. */
export function ExecutionLedger({ ledger }: { ledger: Ledger }) {
  const { lang } = useI18n();
  const m = useMessages();
  return (
    <section aria-labelledby="ledger-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="ledger-title" style={{ fontSize: 18 }}>
        {m.title}
      </Typography.Title>
      <Typography.Paragraph>
        {m.asOf} {formatDateTime(ledger.asOf, lang)}
      </Typography.Paragraph>
      <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="ledger">
        <Descriptions.Item label={m.amountDue}>{yuan(ledger.amountDue)}</Descriptions.Item>
        <Descriptions.Item label={m.paid}>{yuan(ledger.paidOnDecision)}</Descriptions.Item>
        <Descriptions.Item label={m.outstanding}>
          <span data-testid="ledger-outstanding-decision">{yuan(ledger.outstandingOnDecision)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={m.surcharge}>
          <span data-testid="ledger-surcharge">{yuan(ledger.surchargeAccrued)}</span> ({ledger.surchargeDays} {m.days})
          {ledger.capped && <Tag style={{ marginInlineStart: 8 }}>{m.capped}</Tag>}
          {ledger.accruing && <Tag color="orange" style={{ marginInlineStart: 8 }}>{m.accruing}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={m.paid}>{yuan(ledger.paidOnSurcharge)}</Descriptions.Item>
        <Descriptions.Item label={m.outstanding}>{yuan(ledger.outstandingSurcharge)}</Descriptions.Item>
        <Descriptions.Item label={m.total}>
          <strong data-testid="ledger-outstanding">{yuan(ledger.outstanding)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={m.dueDate}>{ledger.dueDate ? formatLocalDate(ledger.dueDate, lang) : '—'}</Descriptions.Item>
        <Descriptions.Item label={m.fine}>{yuan(ledger.fine)}</Descriptions.Item>
      </Descriptions>
      {(ledger.plan || ledger.demand || ledger.court || ledger.ended) && (
        <Descriptions bordered size="small" column={1} style={{ marginTop: 8 }} data-testid="execution-steps">
          {ledger.plan && (
            <Descriptions.Item label={valueLabel(ledger.plan.kind, lang)}>
              {ledger.plan.instalments.map((i) => `${formatLocalDate(i.payBy ?? i.dueDate, lang)} ${yuan(i.amount)}`).join('；')}（{formatDateTime(ledger.plan.approvedAt, lang)}）
            </Descriptions.Item>
          )}
          {ledger.demand && (
            <Descriptions.Item label={m.demand}>
              {ledger.demand.documentNumber} · {formatDateTime(ledger.demand.servedAt, lang)} · {m.waitEnds} {formatDateTime(ledger.demand.waitEndsAt, lang)}
            </Descriptions.Item>
          )}
          {ledger.court && (
            <Descriptions.Item label={m.court}>
              {ledger.court.court} · {ledger.court.documentNumber} · {formatDateTime(ledger.court.appliedAt, lang)}
              {ledger.court.rulings.map((r) => ` · ${valueLabel(r.ruling, lang)} ${formatDateTime(r.at, lang)}`).join('')}
            </Descriptions.Item>
          )}
          {ledger.ended && (
            <Descriptions.Item label={m.ended}>
              {valueLabel(ledger.ended.reason, lang)} · {formatDateTime(ledger.ended.at, lang)} · {m.unpaid} {yuan(ledger.ended.unpaid)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {m.rule}
      </Typography.Paragraph>
    </section>
  );
}

const useMessages = defineMessages({
  zh: {
    title: '履行台账',
    asOf: '计算时间：',
    amountDue: '应缴罚没款',
    paid: '已缴',
    outstanding: '未缴',
    surcharge: '加处罚款',
    days: '日',
    capped: '已达罚款数额',
    accruing: '仍在计算',
    total: '合计未缴',
    dueDate: '当前缴纳期限',
    fine: '罚款数额（加处罚款基数）',
    demand: '催告书',
    waitEnds: '履行期限至',
    court: '申请法院强制执行',
    ended: '终结执行',
    unpaid: '未缴',
    rule: '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，不超过罚款数额（《行政处罚法》第72条）；批准暂缓或分期缴纳期间、行政复议或行政诉讼期间不予计算（第66条、第73条）。缴款先抵罚没款，再抵加处罚款。',
  },
  en: {
    title: 'Execution ledger',
    asOf: 'As of',
    amountDue: 'Decision amount due',
    paid: 'Paid',
    outstanding: 'Outstanding',
    surcharge: 'Late surcharge',
    days: 'days',
    capped: 'capped at the fine',
    accruing: 'accruing',
    total: 'Total outstanding',
    dueDate: 'Payment due',
    fine: 'Fine (surcharge base)',
    demand: 'Demand',
    waitEnds: 'party has until',
    court: 'Court enforcement',
    ended: 'Execution ended',
    unpaid: 'unpaid',
    rule: 'An unpaid fine accrues 3 % of the fine a day, at most the fine (APL 72); not during an approved deferral or instalments, nor while a reconsideration or lawsuit is pending (APL 66, 73). Payments go to the decision first, then to the surcharge.',
  },
});
