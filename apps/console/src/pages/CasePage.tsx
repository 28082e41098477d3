import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useLocation, useParams } from 'react-router';
import { ok, type DeadlineView } from '../api';
import { CommandDrawer } from '../commands/CommandDrawer';
import { valueLabel } from '../commands/field-labels';
import { DaysLeftTag } from '../components/DaysLeft';
import { EvidenceSection } from '../components/evidence';
import { DocumentsSection } from '../components/DocumentsSection';
import { ExecutionLedger } from '../components/ExecutionLedger';
import { FlagTag } from '../components/FlagTag';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { Lifecycle } from '../components/Lifecycle';
import { SameActWarning } from '../components/SameActWarning';
import { SuspicionSection } from '../components/SuspicionSection';
import { MeasuresSection } from '../components/MeasuresSection';
import { PartyDetails } from '../components/PartyDetails';
import { Timeline } from '../components/Timeline';
import { ArchiveSection } from '../components/ArchiveSection';
import { basisWarning, formatDateTime, formatLocalDate, yuan } from '../format';
import { defineMessages, useI18n } from '../i18n';
import { actionLabel, deadlineLabel, deadlineStateLabel, procedureLabel, statusLabel, type Action } from '../labels';
import { useSession } from '../session';

/** One case: its header, its deadlines with their basis, and what the signed-in user may do on it now. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { api } = useSession();
  const { t, lang } = useI18n();
  const caseMessages = useCaseMessages();
  const [command, setCommand] = useState<Action | null>(null);
  const read = useQuery({
    queryKey: ['case', id],
    queryFn: () => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
    // While the archive job builds the package, look again until the case is sealed.
    refetchInterval: (q) => (q.state.data?.status === 'ARCHIVING' ? 2000 : false),
  });
  const c = read.data;
  // A notification links to a section (#deadlines, #evidence…): scroll to it once the case is shown.
  const { hash } = useLocation();
  const loaded = c !== undefined;
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);

  if (read.error) return <QueryError error={read.error} />;
  if (!c) return <Card loading aria-busy="true" />;

  return (
    <>
      <Link to="/cases">← {t.backToCases}</Link>
      <PageTitle>
        <span data-testid="case-number">{c.caseNumber}</span>{' '}
        <Tag color="blue" style={{ verticalAlign: 'middle' }} data-testid="case-status">
          {statusLabel(c.status, lang)}
        </Tag>
      </PageTitle>
      <Lifecycle c={c} />
      <SameActWarning cases={c.sameActCases} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={t.party}>
          <PartyDetails caseId={c.id} party={c.party} />
        </Descriptions.Item>
        <Descriptions.Item label={t.violation}>
          <Violation code={c.violationCode} policyVersion={c.policyVersion} />
        </Descriptions.Item>
        <Descriptions.Item label={t.procedure}>{procedureLabel(c.procedure, lang)}</Descriptions.Item>
        <Descriptions.Item label={t.flags}>
          {c.flags.length ? c.flags.map((f) => <FlagTag key={f} flag={f} />) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t.officers}>
          {c.officers.length ? c.officers.map((o) => `${o.name} (${t.certificate} ${o.certificateNumber})`).join('；') : '—'}
        </Descriptions.Item>
        {c.majorCase && (
          <Descriptions.Item label={caseMessages.majorCase}>
            <span data-testid="case-major">
              {c.majorCase.grounds.map((g) => valueLabel(g, lang)).join('、')}：{c.majorCase.reason}
            </span>
          </Descriptions.Item>
        )}
        {c.discretion && (
          <Descriptions.Item label={caseMessages.discretion}>
            <span data-testid="case-discretion">
              {valueLabel(c.discretion.level, lang)} · {c.discretion.band}
              {c.discretion.range ? ` · ${yuan(c.discretion.range.min)} – ${yuan(c.discretion.range.max)}` : ''} ({c.discretion.source})
            </span>
          </Descriptions.Item>
        )}
        {c.amountDue !== undefined && (
          <Descriptions.Item label={caseMessages.amountDue}>
            <span data-testid="case-amount-due">
              {yuan(c.amountDue)}
              {c.refundOwed !== undefined ? ` · ${caseMessages.refundOwed} ${yuan(c.refundOwed)}` : ''}
            </span>
          </Descriptions.Item>
        )}
        {c.disclosure && (
          <Descriptions.Item label={caseMessages.disclosure}>
            <span data-testid="case-disclosure">
              {c.disclosure.state === 'WITHHELD' ? (
                `${caseMessages.withheld}：${c.disclosure.withheldReason ?? ''}`
              ) : (
                <>
                  <Link to={`/public/disclosures/${c.disclosure.disclosureId}`}>{c.disclosure.state === 'WITHDRAWN' ? caseMessages.withdrawn : caseMessages.published}</Link>
                  {c.disclosure.withdrawalReason ? `：${c.disclosure.withdrawalReason}` : ''}
                </>
              )}
            </span>
          </Descriptions.Item>
        )}
        {c.decisionFinalAt && (
          <Descriptions.Item label={caseMessages.finality}>
            <span data-testid="case-decision-final">
              {c.decisionFinal ? caseMessages.finalSince : caseMessages.finalOn} {formatDateTime(c.decisionFinalAt, lang)}
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t.registeredAt}>{formatDateTime(c.registeredAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t.policyVersion}>{c.policyVersion}</Descriptions.Item>
      </Descriptions>

      <SuspicionSection c={c} />

      <section id="actions" aria-labelledby="actions-title" style={{ marginBottom: 24 }}>
        <Typography.Title level={2} id="actions-title" style={{ fontSize: 18 }}>
          {t.actions}
        </Typography.Title>
        <Typography.Paragraph>{t.actionsHelp}</Typography.Paragraph>
        {c.allowedActions.length === 0 ? (
          <Typography.Paragraph>{t.noActions}</Typography.Paragraph>
        ) : (
          <Space wrap data-testid="allowed-actions">
            {c.allowedActions.map((a) => (
              <Button key={a} data-action={a} onClick={() => setCommand(a)}>
                {actionLabel(a, lang)}
              </Button>
            ))}
          </Space>
        )}
      </section>

      {c.ledger && <ExecutionLedger ledger={c.ledger} />}

      <section id="deadlines" aria-labelledby="deadlines-title">
        <Typography.Title level={2} id="deadlines-title" style={{ fontSize: 18 }}>
          {t.deadlines}
        </Typography.Title>
        <Table<DeadlineView>
          data-testid="deadlines"
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={c.deadlines}
          locale={{ emptyText: t.noDeadlines }}
          columns={[
            { title: t.deadline, dataIndex: 'kind', width: 150, render: (_, d) => deadlineLabel(d.kind, lang) },
            { title: t.status, dataIndex: 'state', width: 100, render: (_, d) => deadlineStateLabel(d.state, lang) },
            { title: t.dueAt, key: 'due', width: 280, render: (_, d) => `${formatLocalDate(d.basis.dueDate, lang)} (${formatDateTime(d.dueAt, lang)})` },
            {
              title: t.daysLeft,
              key: 'left',
              width: 120,
              render: (_, d) => (d.daysLeft !== undefined && d.overdue !== undefined ? <DaysLeftTag daysLeft={d.daysLeft} overdue={d.overdue} /> : '—'),
            },
            { title: t.basis, key: 'basis', render: (_, d) => <Basis d={d} /> },
          ]}
        />
      </section>

      <MeasuresSection caseView={c} />

      <EvidenceSection caseView={c} />

      <DocumentsSection caseView={c} />
      <ArchiveSection caseView={c} />

      <Timeline caseId={c.id} />

      <CommandDrawer action={command} caseView={c} onClose={() => setCommand(null)} />
    </>
  );
}

/** The violation as the case's pinned policy names it, with its legal basis (the code alone until the policy is read). */
function Violation({ code, policyVersion }: { code: string; policyVersion: string }) {
  const { api } = useSession();
  const policy = useQuery({
    queryKey: ['policy', policyVersion],
    queryFn: () => ok(api.GET('/api/v1/policies/{version}', { params: { path: { version: policyVersion } } })),
    staleTime: Infinity,
  });
  const v = policy.data?.violations.find((x) => x.code === code);
  return (
    <span data-testid="case-violation">
      {code}
      {v && ` — ${v.title}（${v.legalBasis}）`}
    </span>
  );
}

/** How the API computed a deadline: rule, legal source, period, start, holidays and 调休 met. */
function Basis({ d }: { d: DeadlineView }) {
  const { t, lang } = useI18n();
  const caseMessages = useCaseMessages();
  const b = d.basis;
  const days = `${b.days} ${b.kind === 'WORKING' ? t.workingDays : t.calendarDays}`;
  // A period in months (诉讼 6 months) names them, with the days they came to.
  const period = b.seconds !== undefined ? `${b.seconds} s` : b.months ? `${b.months} ${caseMessages.months} (${days})` : days;
  return (
    <Descriptions size="small" column={1} colon>
      <Descriptions.Item label={t.legalSource}>{b.source}</Descriptions.Item>
      <Descriptions.Item label={t.period}>{period}</Descriptions.Item>
      <Descriptions.Item label={t.startDate}>{formatLocalDate(b.startDate, lang)}</Descriptions.Item>
      {b.holidaysMet.length > 0 && <Descriptions.Item label={t.holidaysMet}>{b.holidaysMet.map((x) => formatLocalDate(x, lang)).join('、')}</Descriptions.Item>}
      {b.adjustedWorkingDaysMet.length > 0 && (
        <Descriptions.Item label={t.adjustedMet}>{b.adjustedWorkingDaysMet.map((x) => formatLocalDate(x, lang)).join('、')}</Descriptions.Item>
      )}
      {b.rolledForwardFrom && <Descriptions.Item label={t.rolledForward}>{formatLocalDate(b.rolledForwardFrom, lang)}</Descriptions.Item>}
      {b.pauses.length > 0 && <Descriptions.Item label={t.pauses}>{b.pauses.length}</Descriptions.Item>}
      {b.warnings.length > 0 && <Descriptions.Item label={t.warnings}>{b.warnings.map((w) => basisWarning(w, lang)).join('；')}</Descriptions.Item>}
    </Descriptions>
  );
}

const useCaseMessages = defineMessages({
  zh: {
    majorCase: '重大案件',
    discretion: '裁量基准',
    months: '个月',
    amountDue: '应缴金额',
    refundOwed: '应退还',
    finality: '决定生效',
    finalSince: '已生效，自',
    finalOn: '复议、诉讼期限届满且无未决复议诉讼时生效：',
    disclosure: '事后公示',
    published: '已公示',
    withdrawn: '已撤下公示',
    withheld: '不予公示',
  },
  en: {
    majorCase: 'Major case',
    discretion: 'Discretion benchmark',
    months: 'months',
    amountDue: 'Amount due',
    refundOwed: 'refund owed',
    finality: 'Decision final',
    finalSince: 'Final since',
    finalOn: 'Final when the challenge windows close, unless challenged:',
    disclosure: 'Public disclosure',
    published: 'Published',
    withdrawn: 'Withdrawn',
    withheld: 'Not published',
  },
});
