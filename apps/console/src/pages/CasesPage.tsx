import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { RegisterLead } from '../commands/RegisterLead';
import { ok, type CaseView, type operations } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { FLAGS, flagLabel, procedureLabel, STATUSES, statusLabel } from '../labels';
import { useSession } from '../session';

type ListQuery = NonNullable<operations['CasesController_list']['parameters']['query']>;
type Status = CaseView['status'];
type Flag = CaseView['flags'][number];

/** The agency's midnight of a local date, as the instant the API filters on. */
const agencyMidnight = (date: string) => `${date}T00:00:00+08:00`;

/** The case list with the API's filters; the filters live in the address so a reload or a link keeps them. */
export default function CasesPage() {
  const { api, session } = useSession();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const query: ListQuery = {
    status: (params.get('status') as Status | null) ?? undefined,
    flag: (params.get('flag') as Flag | null) ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    officerId: params.get('mine') === 'true' ? session?.userId : undefined,
    text: params.get('text') ?? undefined,
    from: params.get('from') ? agencyMidnight(params.get('from')!) : undefined,
    // "registered before": the day after the last day chosen.
    to: params.get('to') ? agencyMidnight(dayjs(params.get('to')!).add(1, 'day').format('YYYY-MM-DD')) : undefined,
    page,
    pageSize,
  };
  const cases = useQuery({
    queryKey: ['cases', query],
    queryFn: () => ok(api.GET('/api/v1/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const set = (changes: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (resetPage) next.delete('page');
    setParams(next);
  };
  const from = params.get('from');
  const to = params.get('to');

  return (
    <>
      <PageTitle>{t.cases}</PageTitle>
      {session?.roles.includes('OFFICER') && <RegisterLead />}
      <Form layout="inline" aria-label={t.filters} style={{ marginBottom: 16, rowGap: 8 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t.status} htmlFor="filter-status">
          <Select<Status>
            id="filter-status"
            allowClear
            placeholder={t.anyStatus}
            style={{ width: 180 }}
            value={(params.get('status') as Status | null) ?? undefined}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }))}
          />
        </Form.Item>
        <Form.Item label={t.flags} htmlFor="filter-flag">
          <Select<Flag>
            id="filter-flag"
            allowClear
            placeholder={t.anyFlag}
            style={{ width: 160 }}
            value={(params.get('flag') as Flag | null) ?? undefined}
            onChange={(v) => set({ flag: v })}
            options={FLAGS.map((f) => ({ value: f, label: flagLabel(f, lang) }))}
          />
        </Form.Item>
        <Form.Item label={t.registeredBetween} htmlFor="filter-dates">
          <DatePicker.RangePicker
            id={{ start: 'filter-dates', end: 'filter-dates-end' }}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={params.get('overdue') === 'true'} onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
            {t.overdueOnly}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Checkbox checked={params.get('mine') === 'true'} onChange={(e) => set({ mine: e.target.checked ? 'true' : undefined })}>
            {t.mineOnly}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Input.Search
            aria-label={t.search}
            placeholder={t.search}
            allowClear
            defaultValue={params.get('text') ?? ''}
            key={params.get('text') ?? ''}
            onSearch={(v) => set({ text: v.trim() || undefined })}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item>
          <Button onClick={() => setParams(new URLSearchParams())}>{t.reset}</Button>
        </Form.Item>
      </Form>
      {cases.error && <QueryError error={cases.error} />}
      <Table<CaseView>
        data-testid="cases"
        loading={cases.isFetching}
        dataSource={cases.data?.items}
        rowKey="id"
        pagination={{
          current: page,
          pageSize,
          total: cases.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t.total(n),
          onChange: (p, size) => set({ page: String(p), pageSize: String(size) }, false),
        }}
        columns={[
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link> },
          { title: t.party, key: 'party', render: (_, c) => c.party.name },
          { title: t.violation, dataIndex: 'violationCode' },
          { title: t.procedure, dataIndex: 'procedure', render: (_, c) => procedureLabel(c.procedure, lang) },
          { title: t.status, dataIndex: 'status', render: (_, c) => <Tag>{statusLabel(c.status, lang)}</Tag> },
          {
            title: t.flags,
            dataIndex: 'flags',
            render: (_, c) => c.flags.map((f) => <Tag key={f} color={f === 'OVERDUE' || f === 'PAYMENT_OVERDUE' ? 'red' : 'gold'}>{flagLabel(f, lang)}</Tag>),
          },
          { title: t.registeredAt, dataIndex: 'registeredAt', render: (_, c) => formatDateTime(c.registeredAt, lang) },
          { title: t.actions, key: 'actions', render: (_, c) => c.allowedActions.length },
        ]}
      />
    </>
  );
}
