import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Form, Space, Table } from 'antd';
import { DisclosureStatus } from './tags';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { anonymousClient, ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { yuan } from '../format';
import { usePublicMessages } from './messages';

type Summary = components['schemas']['PublicDisclosureSummaryView'];

/** 事后公示: the agency's published decisions, newest first, the withdrawn ones marked; filters kept in the address. */
export function DisclosureList({ agencyId }: { agencyId: string }) {
  const m = usePublicMessages();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const page = Number(params.get('page') ?? '1');
  const list = useQuery({
    queryKey: ['public', 'disclosures', agencyId, from, to, page],
    queryFn: () => ok(anonymousClient().GET('/api/v1/public/disclosures', { params: { query: { agencyId, from, to, page, pageSize: 20 } } })),
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  return (
    <section aria-label={m.afterTab}>
      <Form
        layout="inline"
        style={{ marginBottom: 16 }}
        onFinish={(v: { from?: Dayjs | null; to?: Dayjs | null }) => set({ from: v.from?.format('YYYY-MM-DD'), to: v.to?.format('YYYY-MM-DD'), page: undefined })}
      >
        <Form.Item name="from" label={m.from}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label={m.to}>
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit">{m.search}</Button>
      </Form>
      {list.isError && <QueryError error={list.error} />}
      <Table<Summary>
        aria-label={m.afterTab}
        loading={list.isPending}
        rowKey="id"
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: m.none }}
        rowClassName={(r) => (r.status === 'WITHDRAWN' ? 'zf-withdrawn' : '')}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: (p) => set({ page: String(p) }) }}
        columns={[
          { title: m.decidedOn, dataIndex: 'decidedOn', width: 120 },
          {
            title: m.documentNumber,
            dataIndex: 'documentNumber',
            render: (n: string, r) => <Link to={`/public/disclosures/${r.id}`}>{n}</Link>,
          },
          { title: m.party, dataIndex: 'partyName' },
          {
            title: m.penalty,
            key: 'penalty',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                {r.penaltyLines.map((l) => (
                  <span key={l}>{l}</span>
                ))}
                {r.penaltyLines.length === 0 && r.amountDue > 0 && <span>{yuan(r.amountDue)}</span>}
              </Space>
            ),
          },
          { title: m.status, dataIndex: 'status', width: 100, render: (s: string) => <DisclosureStatus status={s} /> },
        ]}
      />
    </section>
  );
}
