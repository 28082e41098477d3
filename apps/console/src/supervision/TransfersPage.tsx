import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoTransferDecisionView, TransferWatchItemView } from '@zhifa/api-client';
import { Form, Select, Switch, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ok } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { deadlineLabel, statusLabel } from '../labels';
import { useSession } from '../session';
import { useTransferWatchMessages } from './transfer-messages';
import './supervision.css';

type Stage = NonNullable<TransferWatchItemView['stage']>;
type Limit = TransferWatchItemView['limits'][number];

/** GET /supervision/transfers as it is: the API judges each transfer's stage and lateness. */
export default function TransfersPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = useTransferWatchMessages();
  const [params, setParams] = useSearchParams();
  const stage = (params.get('stage') ?? undefined) as Stage | undefined;
  const lateOnly = params.get('late') === 'true';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize, ...(stage ? { stage } : {}), ...(lateOnly ? { late: true } : {}) };
  const list = useQuery({
    queryKey: ['supervision', 'transfers', query],
    queryFn: () => ok(api.GET('/api/v1/supervision/transfers', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const stageLabel = (s: string) => (s === 'REFUSED_BY_HEAD' ? m.refusedByHead : s === 'RETURNED' ? m.returned : statusLabel(s as Parameters<typeof statusLabel>[0], lang));
  const at = (iso: string) => formatDateTime(iso, lang);
  const limitLine = (l: Limit) => {
    const name = deadlineLabel(l.kind, lang);
    if (l.state === 'MET') return `${name}：${l.late ? m.metLate(at(l.metAt ?? l.dueAt)) : m.met(at(l.metAt ?? l.dueAt))}`;
    if (l.state === 'MISSED') return `${name}：${m.missed}`;
    if (l.state === 'CANCELLED') return `${name}：${m.cancelled}`;
    return `${name}：${m.due(at(l.dueAt))}`;
  };

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.stage} htmlFor="transfer-stage">
          <Select<string>
            id="transfer-stage"
            style={{ width: 220 }}
            value={stage ?? ''}
            onChange={(v) => set({ stage: v || undefined, page: undefined })}
            options={[{ value: '', label: m.allStages }, ...(list.data?.counts ?? []).map((c) => ({ value: c.stage, label: m.stageLine(stageLabel(c.stage), c.total, c.late) }))]}
          />
        </Form.Item>
        <Form.Item label={m.lateOnly} htmlFor="transfer-late">
          <Switch id="transfer-late" checked={lateOnly} onChange={(on) => set({ late: on ? 'true' : undefined, page: undefined })} />
        </Form.Item>
        {list.data && (
          <Form.Item>
            <span data-testid="as-of">{m.asOf(at(list.data.asOf))}</span>
          </Form.Item>
        )}
      </Form>
      {list.error && <QueryError error={list.error} />}
      <Table<TransferWatchItemView>
        data-testid="transfers"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="caseId"
        rowClassName={(r) => (r.late ? 'zf-row-overdue' : '')}
        locale={{ emptyText: m.empty }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => m.total(n),
          onChange: (p, size) => set({ page: String(p), pageSize: String(size) }),
        }}
        columns={[
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: m.party, key: 'party', render: (_, r) => r.party.name },
          {
            title: m.stage,
            dataIndex: 'stage',
            render: (_, r) => (
              <span data-stage={r.stage}>
                <Tag>{stageLabel(r.stage)}</Tag>
                {r.late ? <Tag color="red">{m.late}</Tag> : <Tag>{m.onTime}</Tag>}
              </span>
            ),
          },
          { title: m.grounds, dataIndex: 'grounds', render: (_, r) => (r.thresholdFacts ? `${r.grounds}（${r.thresholdFacts}）` : r.grounds) },
          {
            title: m.headDecision,
            key: 'head',
            render: (_, r) =>
              r.headDecision ? <span data-testid="head-decision">{r.headDecision.approved ? m.approved(r.headDecision.reason) : m.refused(r.headDecision.reason)}</span> : m.none,
          },
          {
            title: m.police,
            key: 'police',
            render: (_, r) =>
              r.police ? (
                <span>
                  {r.police.policeAgency}
                  {r.police.forwardedTo && <span data-testid="forwarded-to">，{m.forwardedTo(r.police.forwardedTo)}</span>}
                  {r.police.receivedAt && <>，{m.received(at(r.police.receivedAt))}</>}
                  {r.police.intakeReviewedAt && <>，{m.intakeReviewed(at(r.police.intakeReviewedAt))}</>}
                  {r.police.accepted === true && <>，{m.accepted}</>}
                  {r.police.accepted === false && <>，{m.declined(r.police.reason ?? '')}</>}
                </span>
              ) : (
                m.none
              ),
          },
          {
            title: m.limits,
            key: 'limits',
            render: (_, r) => (
              <ul className="zf-limits" data-testid="limits">
                {r.limits.map((l) => (
                  <li key={l.kind} data-limit={l.kind} className={l.late ? 'zf-overdue' : undefined}>
                    {limitLine(l)}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            title: m.supervision,
            key: 'supervision',
            render: (_, r) =>
              r.supervision ? (
                <span data-testid="supervision-steps">
                  {m.supervisionAsked(at(r.supervision.requestedAt))}
                  {r.supervision.explanationRequestedAt && <>，{m.explanationAsked(at(r.supervision.explanationRequestedAt))}</>}
                  {r.supervision.explainedAt && <>，{m.explained(at(r.supervision.explainedAt))}</>}
                  {r.supervision.outcome && <>，{r.supervision.outcome === 'POLICE_TO_FILE' ? m.toFile : m.upheld}</>}
                </span>
              ) : (
                m.none
              ),
          },
          { title: m.waitingFor, key: 'waiting', render: (_, r) => (r.waitingFor ? m.side[r.waitingFor] : m.none) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.noTransferTitle}
      </Typography.Title>
      <Typography.Paragraph>{m.noTransferIntro}</Typography.Paragraph>
      <Table<NoTransferDecisionView>
        data-testid="no-transfer-decisions"
        dataSource={list.data?.noTransferDecisions}
        rowKey={(r) => `${r.caseId}:${r.decidedAt}`}
        locale={{ emptyText: m.noTransferEmpty }}
        pagination={false}
        columns={[
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: m.party, key: 'party', render: (_, r) => r.party.name },
          { title: m.flag, key: 'flag', render: (_, r) => (r.grounds === undefined ? m.none : r.raisedBy === 'THRESHOLD' ? m.byThreshold(r.grounds) : m.byOfficer(r.threshold ? `${r.grounds}（${r.threshold}）` : r.grounds)) },
          { title: m.decidedBy, dataIndex: 'decidedBy' },
          { title: m.decidedAt, key: 'at', render: (_, r) => at(r.decidedAt) },
          { title: m.reasons, dataIndex: 'reasons', render: (_, r) => <span data-testid="no-transfer-reasons">{r.reasons}</span> },
        ]}
      />
    </>
  );
}
