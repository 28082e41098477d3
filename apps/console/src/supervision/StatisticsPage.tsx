import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@zhifa/api-client';
import { Button, DatePicker, Form, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { ok } from '../api';
import { valueLabel } from '../commands/value-labels';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { agencyDate } from '../format';
import { useI18n } from '../i18n';
import { deadlineLabel, procedureLabel, statusLabel } from '../labels';
import { useSession } from '../session';
import { useStatisticsMessages } from './statistics-messages';
import { useTransferWatchMessages } from './transfer-messages';
import './supervision.css';

type Group = components['schemas']['StatisticsGroupView'];
type Grouping = 'agency' | 'officer' | 'violationCode' | 'procedure';
const GROUPINGS: Grouping[] = ['agency', 'officer', 'violationCode', 'procedure'];

/** GET /supervision/statistics: the agency's enforcement figures for a period, as tables, grouped; CSV or XLSX on request. */
export default function StatisticsPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useStatisticsMessages();
  const tm = useTransferWatchMessages();
  const stageLabel = (s: string) => (s === 'REFUSED_BY_HEAD' ? tm.refusedByHead : s === 'RETURNED' ? tm.returned : statusLabel(s as Parameters<typeof statusLabel>[0], lang));
  const [params, setParams] = useSearchParams();
  const today = agencyDate(new Date());
  const from = params.get('from') ?? `${today.slice(0, 4)}-01-01`;
  const to = params.get('to') ?? today;
  const groupBy = (GROUPINGS as string[]).includes(params.get('groupBy') ?? '') ? (params.get('groupBy') as Grouping) : 'agency';
  const report = useQuery({
    queryKey: ['supervision', 'statistics', from, to, groupBy],
    queryFn: () => ok(api.GET('/api/v1/supervision/statistics', { params: { query: { from, to, groupBy } } })),
    placeholderData: keepPreviousData,
  });
  const set = (next: { from?: string; to?: string; groupBy?: Grouping }) =>
    setParams(new URLSearchParams({ from: next.from ?? from, to: next.to ?? to, groupBy: next.groupBy ?? groupBy }));
  const download = async (format: 'csv' | 'xlsx') => {
    const file = await api.GET('/api/v1/supervision/statistics', { params: { query: { from, to, groupBy, format } }, parseAs: 'blob' });
    if (!file.response.ok || !(file.data instanceof Blob)) return;
    const url = URL.createObjectURL(file.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = `statistics-${groupBy}-${from}-${to}.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const label = (g: Group): string => {
    if (g.key === null) return m.noOfficer;
    if (groupBy === 'procedure') return procedureLabel(g.key as Parameters<typeof procedureLabel>[0], lang);
    return g.label ?? g.key;
  };
  const counts = (r: Record<string, number>, name: (k: string) => string = (k) => valueLabel(k, lang)) =>
    Object.entries(r).length ? Object.entries(r).map(([k, n]) => `${name(k)} ${n}`).join('、') : m.none;
  const groupColumn = { title: m.group, key: 'group', render: (_: unknown, g: Group) => label(g) };
  const table = (testId: string, title: string, columns: ColumnsType<Group>) => (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {title}
      </Typography.Title>
      <Table<Group>
        data-testid={testId}
        loading={report.isFetching}
        dataSource={report.data?.groups}
        rowKey={(g) => g.key ?? '-'}
        locale={{ emptyText: m.empty }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={[groupColumn, ...columns]}
      />
    </>
  );

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.from} htmlFor="statistics-from">
          <DatePicker id="statistics-from" allowClear={false} value={dayjs(from)} onChange={(d) => d && set({ from: d.format('YYYY-MM-DD') })} />
        </Form.Item>
        <Form.Item label={m.to} htmlFor="statistics-to">
          <DatePicker id="statistics-to" allowClear={false} value={dayjs(to)} onChange={(d) => d && set({ to: d.format('YYYY-MM-DD') })} />
        </Form.Item>
        <Form.Item label={m.groupBy} htmlFor="statistics-group-by">
          <Select<Grouping>
            id="statistics-group-by"
            style={{ minWidth: 140 }}
            value={groupBy}
            onChange={(g) => set({ groupBy: g })}
            options={GROUPINGS.map((g) => ({ value: g, label: m.groupings[g] }))}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => void download('csv')} data-testid="download-csv">
            {m.downloadCsv}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button onClick={() => void download('xlsx')} data-testid="download-xlsx">
            {m.downloadXlsx}
          </Button>
        </Form.Item>
      </Form>
      {report.error && <QueryError error={report.error} />}
      {table('statistics-cases', m.cases, [
        { title: m.opened, dataIndex: 'opened' },
        { title: m.filed, dataIndex: 'filed' },
        { title: m.decided, key: 'decided', render: (_, g) => `${g.decided}${g.decided ? `（${counts(g.decisionsByOutcome)}）` : ''}` },
        { title: m.closed, dataIndex: 'closed' },
        { title: m.penalties, key: 'penalties', render: (_, g) => counts(g.penaltyKinds) },
        { title: m.fineTotal, dataIndex: 'fineTotal' },
        { title: m.confiscationTotal, dataIndex: 'confiscationTotal' },
      ])}
      {table(
        'statistics-stages',
        m.stages,
        (['filing', 'decision', 'service', 'closing'] as const).map((s) => ({
          title: m.stage[s],
          key: s,
          render: (_: unknown, g: Group) => m.averageWorst(g.stages[s].averageDays, g.stages[s].worstDays, g.stages[s].count),
        })),
      )}
      {table('statistics-oversight', m.oversight, [
        { title: m.missed, key: 'missed', render: (_, g) => counts(g.deadlinesMissed, (k) => deadlineLabel(k as Parameters<typeof deadlineLabel>[0], lang)) },
        { title: m.hearings, key: 'hearings', render: (_, g) => `${g.hearings.requested} / ${g.hearings.held} / ${g.hearings.ended}` },
        { title: m.legalReviews, key: 'legalReviews', render: (_, g) => `${g.legalReviews.approved} / ${g.legalReviews.returned} / ${g.legalReviews.rejected}` },
        {
          title: m.challenges,
          key: 'challenges',
          render: (_, g) => `${counts(g.challenges.filed)}；${counts(g.challenges.outcomes, (k) => k.split(':').map((v) => valueLabel(v, lang)).join(' '))}`,
        },
      ])}
      {table('statistics-execution', m.execution, [
        { title: m.due, key: 'due', render: (_, g) => g.execution.due },
        { title: m.paidInFull, key: 'paid', render: (_, g) => g.execution.paidInFull },
        { title: m.overdue, key: 'overdue', render: (_, g) => g.execution.overdue },
        { title: m.surcharge, key: 'surcharge', render: (_, g) => g.execution.surcharge },
        { title: m.surchargePaid, key: 'surchargePaid', render: (_, g) => g.execution.surchargePaid },
        { title: m.court, key: 'court', render: (_, g) => g.execution.courtEnforcement },
        { title: m.ended, key: 'ended', render: (_, g) => g.execution.ended },
        {
          title: m.transfers,
          key: 'transfers',
          render: (_, g) =>
            g.transfers.length ? g.transfers.map((t) => `${stageLabel(t.stage)}/${t.outcome ? valueLabel(t.outcome, lang) : m.pending} ${t.count}`).join('、') : m.none,
        },
      ])}
    </>
  );
}
