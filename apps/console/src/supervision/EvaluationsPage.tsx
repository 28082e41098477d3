import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@zhifa/api-client';
import { Button, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { ok } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { agencyDate } from '../format';
import { useI18n } from '../i18n';
import { statusLabel } from '../labels';
import { useSession } from '../session';
import { useEvaluationMessages } from './evaluation-messages';
import { GradeTag } from './GradeTag';
import './supervision.css';

type Row = components['schemas']['EvaluationRowView'];

/** GET /supervision/evaluations: a period's case files evaluated, with their grades and failed checks; CSV for the annual report. */
export default function EvaluationsPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = useEvaluationMessages();
  const [params, setParams] = useSearchParams();
  const today = agencyDate(new Date());
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const list = useQuery({
    queryKey: ['supervision', 'evaluations', from, to],
    queryFn: () => ok(api.GET('/api/v1/supervision/evaluations', { params: { query: { from, to } } })),
    placeholderData: keepPreviousData,
  });
  const setPeriod = (next: { from?: string; to?: string }) => setParams(new URLSearchParams({ from: next.from ?? from, to: next.to ?? to }));
  const download = async () => {
    const csv = await api.GET('/api/v1/supervision/evaluations', { params: { query: { from, to, format: 'csv' } }, parseAs: 'text' });
    if (!csv.response.ok || typeof csv.data !== 'string') return;
    const url = URL.createObjectURL(new Blob([csv.data], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `evaluations-${from}-${to}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const titles = new Map<string, string>((list.data?.checklist ?? []).map((c) => [c.id, c.title[lang]]));
  const checkTitle = (id: string) => titles.get(id) ?? id;

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.from} htmlFor="evaluation-from">
          <DatePicker id="evaluation-from" allowClear={false} value={dayjs(from)} onChange={(d) => d && setPeriod({ from: d.format('YYYY-MM-DD') })} />
        </Form.Item>
        <Form.Item label={m.to} htmlFor="evaluation-to">
          <DatePicker id="evaluation-to" allowClear={false} value={dayjs(to)} onChange={(d) => d && setPeriod({ to: d.format('YYYY-MM-DD') })} />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => void download()} data-testid="download-csv">
            {m.downloadCsv}
          </Button>
        </Form.Item>
      </Form>
      {list.error && <QueryError error={list.error} />}
      {list.data && (
        <Space style={{ marginBottom: 12 }} data-testid="evaluation-totals">
          <span>{m.cases(list.data.cases)}</span>
          <span>{m.average(list.data.averageScore)}</span>
          {Object.entries(list.data.grades).map(([g, n]) => (
            <Tag key={g}>{`${m.grades[g] ?? g}：${n}`}</Tag>
          ))}
        </Space>
      )}
      <Table<Row>
        data-testid="evaluations"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="caseId"
        locale={{ emptyText: m.empty }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, r) => <Link to={`/supervision/evaluations/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: t.status, dataIndex: 'status', render: (_, r) => statusLabel(r.status, lang) },
          { title: m.score, dataIndex: 'score' },
          { title: m.grade, dataIndex: 'grade', render: (_, r) => <GradeTag grade={r.grade} /> },
          { title: m.failedChecks, key: 'failed', render: (_, r) => (r.failedChecks.length ? r.failedChecks.map(checkTitle).join('、') : m.none) },
        ]}
      />
    </>
  );
}
