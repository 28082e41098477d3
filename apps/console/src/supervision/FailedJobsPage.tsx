import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useFailedJobMessages } from './job-messages';
import './supervision.css';

type FailedJobView = components['schemas']['FailedJobView'];
type Queue = FailedJobView['queue'];
const QUEUES: Queue[] = ['documents', 'notifications', 'disclosure', 'archive', 'webhooks', 'calendar', 'audit'];

/** GET /supervision/jobs/failed as it is, with a button that sends a job back to its queue. */
export default function FailedJobsPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useFailedJobMessages();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const queue = (params.get('queue') ?? undefined) as Queue | undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { page, pageSize, ...(queue ? { queue } : {}) };
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['supervision', 'jobs', query],
    queryFn: () => ok(api.GET('/api/v1/supervision/jobs/failed', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const retry = useMutation({
    mutationFn: (j: FailedJobView) => ok(api.POST('/api/v1/supervision/jobs/failed/{queue}/{id}/retry', { params: { path: { queue: j.queue, id: j.id } } })),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (r) => {
      setDone(r.id);
      await queries.invalidateQueries({ queryKey: ['supervision', 'jobs'] });
    },
    onError: (err) => setProblem(err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem)),
  });
  // The board's pages cannot carry the bearer token: the API signs this browser in with a cookie for the board's path, then the board opens.
  const openBoard = useMutation({
    mutationFn: async () => {
      const tab = window.open('', '_blank');
      try {
        const { url } = await ok(api.POST('/api/v1/admin/job-board/session'));
        if (tab) tab.location.href = url;
        else window.location.assign(url);
      } catch (err) {
        tab?.close();
        throw err;
      }
    },
    onMutate: () => setProblem(null),
    onError: (err) => setProblem(err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem)),
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const at = (iso: string) => formatDateTime(iso, lang);

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.queue} htmlFor="job-queue">
          <Select<string>
            id="job-queue"
            style={{ width: 200 }}
            value={queue ?? ''}
            onChange={(v) => set({ queue: v || undefined, page: undefined })}
            options={[{ value: '', label: m.allQueues }, ...QUEUES.map((q) => ({ value: q, label: m.queues[q] ?? q }))]}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => openBoard.mutate()} loading={openBoard.isPending} title={m.boardHint} data-testid="open-job-board">
            {m.board}
          </Button>
        </Form.Item>
      </Form>
      {list.error && <QueryError error={list.error} />}
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={`${m.refused}: ${problem.detail}`} />}
      {done && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={m.retried(done)} />}
      <Table<FailedJobView>
        data-testid="failed-jobs"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey={(r) => `${r.queue}/${r.id}`}
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
          { title: m.queue, dataIndex: 'queue', render: (_, r) => <Tag data-queue={r.queue}>{m.queues[r.queue] ?? r.queue}</Tag> },
          { title: m.job, dataIndex: 'name', render: (_, r) => <code data-testid="job-name">{r.name}</code> },
          {
            title: m.case,
            key: 'case',
            render: (_, r) => (r.caseId && r.caseNumber ? <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> : m.noCase),
          },
          { title: m.attempts, key: 'attempts', render: (_, r) => <span data-testid="attempts">{m.attemptsLine(r.attempts, r.maxAttempts)}</span> },
          { title: m.lastError, dataIndex: 'lastError', render: (_, r) => <span data-testid="last-error">{r.lastError}</span> },
          { title: m.failedAt, key: 'failedAt', render: (_, r) => at(r.failedAt) },
          {
            title: m.retries,
            key: 'retries',
            render: (_, r) =>
              r.retries.length ? (
                <ul className="zf-limits" data-testid="retries">
                  {r.retries.map((x) => (
                    <li key={x.retriedAt}>{m.retryLine(x.retriedByName, at(x.retriedAt))}</li>
                  ))}
                </ul>
              ) : (
                m.none
              ),
          },
          {
            title: m.action,
            key: 'retry',
            render: (_, r) => (
              <Button size="small" onClick={() => retry.mutate(r)} loading={retry.isPending && retry.variables?.id === r.id} aria-label={`${m.retry} ${r.id}`}>
                {m.retry}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
