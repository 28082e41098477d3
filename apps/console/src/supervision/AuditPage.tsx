import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useAuditMessages } from './audit-messages';
import './supervision.css';

type AlertView = components['schemas']['AlertView'];
type StuckCaseView = components['schemas']['StuckCaseView'];

const problemOf = (err: unknown): Problem => (err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: String(err) } as Problem));

/** GET /supervision/alerts and /supervision/stuck as they are, with acknowledge and rebuild buttons. */
export default function AuditPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useAuditMessages();
  const queries = useQueryClient();
  const [openOnly, setOpenOnly] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const at = (iso: string) => formatDateTime(iso, lang);

  const alerts = useQuery({
    queryKey: ['supervision', 'alerts', openOnly],
    queryFn: () => ok(api.GET('/api/v1/supervision/alerts', { params: { query: openOnly ? { open: true } : {} } })),
    refetchInterval: 60_000,
  });
  const stuck = useQuery({
    queryKey: ['supervision', 'stuck'],
    queryFn: () => ok(api.GET('/api/v1/supervision/stuck')),
    refetchInterval: 60_000,
  });
  const start = () => {
    setProblem(null);
    setDone(null);
  };
  const acknowledge = useMutation({
    mutationFn: (a: AlertView) => ok(api.POST('/api/v1/supervision/alerts/{id}/acknowledge', { params: { path: { id: a.id } } })),
    onMutate: start,
    onSuccess: async () => {
      setDone(m.acknowledgedDone);
      await queries.invalidateQueries({ queryKey: ['supervision', 'alerts'] });
    },
    onError: (err) => setProblem(problemOf(err)),
  });
  const repair = useMutation({
    mutationFn: (s: StuckCaseView) => ok(api.POST('/api/v1/supervision/stuck/{caseId}/repair', { params: { path: { caseId: s.caseId } } })),
    onMutate: start,
    onSuccess: async (r, s) => {
      setDone(m.repaired(s.caseNumber, r.changed));
      await queries.invalidateQueries({ queryKey: ['supervision', 'stuck'] });
    },
    onError: (err) => setProblem(problemOf(err)),
  });

  const stuckDetail = (s: StuckCaseView) => {
    const d = s.detail as { fields?: string[]; workflowStatus?: string | null; error?: string };
    if (d.fields) return m.differs(d.fields.map((f) => m.fields[f] ?? f).join(m.sep));
    if (d.workflowStatus) return m.workflowStatus(d.workflowStatus);
    return d.error ?? '';
  };

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={`${m.refused}: ${problem.detail}`} />}
      {done && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={done} />}

      <section aria-labelledby="audit-alerts">
        <Typography.Title level={2} id="audit-alerts" style={{ fontSize: 18 }}>
          {m.alerts}
        </Typography.Title>
        <Typography.Paragraph>{m.alertsIntro}</Typography.Paragraph>
        <label style={{ display: 'inline-flex', gap: 8, marginBottom: 12 }}>
          <Switch checked={openOnly} onChange={setOpenOnly} aria-label={m.openOnly} /> {m.openOnly}
        </label>
        {alerts.error && <QueryError error={alerts.error} />}
        <Table<AlertView>
          data-testid="alerts"
          loading={alerts.isFetching}
          dataSource={alerts.data?.items}
          rowKey="id"
          pagination={false}
          locale={{ emptyText: m.noAlerts }}
          columns={[
            { title: m.kind, dataIndex: 'kind', render: (_, a) => <Tag color="red">{m.kinds[a.kind] ?? a.kind}</Tag> },
            { title: m.case, key: 'case', render: (_, a) => <Link to={`/cases/${a.caseId}`}>{a.caseNumber}</Link> },
            {
              title: m.where,
              key: 'where',
              render: (_, a) => {
                const b = (a.detail as { brokenAt?: { seq: number; reason: string } }).brokenAt;
                return <span data-testid="broken-at">{b ? m.whereLine(b.seq, b.reason) : ''}</span>;
              },
            },
            { title: m.raisedAt, key: 'raisedAt', render: (_, a) => at(a.raisedAt) },
            {
              title: m.acknowledged,
              key: 'ack',
              render: (_, a) =>
                a.acknowledgedAt && a.acknowledgedByName ? (
                  <span data-testid="acknowledged">{m.acknowledgedLine(a.acknowledgedByName, at(a.acknowledgedAt))}</span>
                ) : (
                  <Button size="small" onClick={() => acknowledge.mutate(a)} loading={acknowledge.isPending && acknowledge.variables?.id === a.id} aria-label={`${m.acknowledge} ${a.caseNumber}`}>
                    {m.acknowledge}
                  </Button>
                ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="audit-stuck" style={{ marginTop: 32 }}>
        <Typography.Title level={2} id="audit-stuck" style={{ fontSize: 18 }}>
          {m.stuck}
        </Typography.Title>
        <Typography.Paragraph>{m.stuckIntro}</Typography.Paragraph>
        {stuck.error && <QueryError error={stuck.error} />}
        <Table<StuckCaseView>
          data-testid="stuck"
          loading={stuck.isFetching}
          dataSource={stuck.data?.items}
          rowKey={(s) => `${s.caseId}/${s.cause}`}
          pagination={false}
          locale={{ emptyText: m.noStuck }}
          columns={[
            { title: m.case, key: 'case', render: (_, s) => <Link to={`/cases/${s.caseId}`}>{s.caseNumber}</Link> },
            { title: m.cause, dataIndex: 'cause', render: (_, s) => <Tag data-cause={s.cause}>{m.causes[s.cause] ?? s.cause}</Tag> },
            { title: m.detail, key: 'detail', render: (_, s) => <span data-testid="stuck-detail">{stuckDetail(s)}</span> },
            { title: m.foundAt, key: 'foundAt', render: (_, s) => at(s.foundAt) },
            {
              title: m.action,
              key: 'repair',
              render: (_, s) =>
                s.cause === 'READ_MODEL_DIVERGES' ? (
                  <Button size="small" onClick={() => repair.mutate(s)} loading={repair.isPending && repair.variables?.caseId === s.caseId} aria-label={`${m.repair} ${s.caseNumber}`}>
                    {m.repair}
                  </Button>
                ) : null,
            },
          ]}
        />
      </section>
    </>
  );
}
