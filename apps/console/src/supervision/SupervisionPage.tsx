import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OverdueItemView } from '@zhifa/api-client';
import { Form, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ok } from '../api';
import { DaysLeftTag } from '../components/DaysLeft';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime, formatLocalDate } from '../format';
import { useI18n } from '../i18n';
import { actionLabel, deadlineLabel, statusLabel } from '../labels';
import { useSession } from '../session';
import { useSupervisionMessages } from './messages';
import { OverdueChart } from './OverdueChart';
import './supervision.css';

const WITHIN = [0, 1, 3, 7, 15, 30];

/** GET /supervision/overdue shown as it is: the API picks, counts and orders the deadlines. */
export default function SupervisionPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = useSupervisionMessages();
  const [params, setParams] = useSearchParams();
  const withinDays = Number(params.get('within') ?? '3');
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query = { withinDays: Number.isInteger(withinDays) ? withinDays : 3, page, pageSize };
  const list = useQuery({
    queryKey: ['supervision', 'overdue', query],
    queryFn: () => ok(api.GET('/api/v1/supervision/overdue', { params: { query } })),
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
  const period = (b: OverdueItemView['basis']) =>
    b.seconds !== undefined ? m.seconds(b.seconds) : b.kind === 'WORKING' ? m.workingDays(b.days) : m.calendarDays(b.days);

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={m.withinDays} htmlFor="supervision-within">
          <Select<number>
            id="supervision-within"
            style={{ width: 160 }}
            value={query.withinDays}
            onChange={(v) => set({ within: String(v), page: undefined })}
            options={WITHIN.map((n) => ({ value: n, label: m.withinOption(n) }))}
          />
        </Form.Item>
        {list.data && (
          <Form.Item>
            <span data-testid="as-of">{m.asOf(formatDateTime(list.data.asOf, lang))}</span>
          </Form.Item>
        )}
      </Form>
      {list.error && <QueryError error={list.error} />}
      {list.data && <OverdueChart counts={list.data.counts} />}
      <Table<OverdueItemView>
        data-testid="overdue"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey={(r) => `${r.caseId}:${r.deadline}`}
        rowClassName={(r) => (r.overdue ? 'zf-row-overdue' : '')}
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
          {
            title: t.caseNumber,
            dataIndex: 'caseNumber',
            render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
          },
          { title: m.party, key: 'party', render: (_, r) => r.party.name },
          { title: t.status, dataIndex: 'status', render: (_, r) => <Tag>{statusLabel(r.status, lang)}</Tag> },
          {
            title: m.deadline,
            dataIndex: 'deadline',
            render: (_, r) => <span data-deadline={r.deadline}>{deadlineLabel(r.deadline, lang)}</span>,
          },
          {
            title: t.dueAt,
            dataIndex: 'dueAt',
            render: (_, r) => (
              <span className={r.overdue ? 'zf-overdue' : undefined}>
                {formatLocalDate(r.dueDate, lang)}
                <br />({formatDateTime(r.dueAt, lang)})
              </span>
            ),
          },
          { title: t.daysLeft, key: 'left', render: (_, r) => <DaysLeftTag daysLeft={r.daysLeft} overdue={r.overdue} /> },
          {
            title: m.basis,
            key: 'basis',
            render: (_, r) => <span data-testid="basis">{m.basisLine(r.basis.source, formatLocalDate(r.basis.startDate, lang), period(r.basis))}</span>,
          },
          {
            title: m.responsible,
            key: 'responsible',
            render: (_, r) =>
              r.responsible.length === 0 ? (
                m.none
              ) : (
                <span data-testid="responsible">
                  {r.responsible
                    .map((p) => (p.actions.length ? `${p.name}（${p.actions.map((a) => actionLabel(a, lang)).join('、')}）` : p.name))
                    .join('；')}
                </span>
              ),
          },
        ]}
      />
    </>
  );
}
