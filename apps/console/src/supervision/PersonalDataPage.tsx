import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components } from '@zhifa/api-client';
import { Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { ok } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { roleLabel } from '../labels';
import { useSession } from '../session';
import { usePersonalDataMessages } from './personal-data-messages';

type Read = components['schemas']['PersonalDataReadView'];

/** GET /supervision/personal-data-access: the log of full reads, newest first. */
export default function PersonalDataPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const m = usePersonalDataMessages();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '50') || 50;
  const list = useQuery({
    queryKey: ['supervision', 'personal-data', page, pageSize],
    queryFn: () => ok(api.GET('/api/v1/supervision/personal-data-access', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      <Table<Read>
        data-testid="personal-data-reads"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        locale={{ emptyText: m.empty }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => m.total(n),
          onChange: (p, size) => setParams(new URLSearchParams({ page: String(p), pageSize: String(size) })),
        }}
        columns={[
          { title: m.at, key: 'at', render: (_, r) => formatDateTime(r.at, lang) },
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: m.reader, key: 'reader', render: (_, r) => `${r.userName}（${r.roles.map((x) => roleLabel(x, lang)).join('、')}）` },
          { title: m.source, key: 'source', render: (_, r) => <span data-testid="read-source">{m.sources[r.source](r.sourceRef)}</span> },
          { title: m.fields, key: 'fields', render: (_, r) => r.fields.map((f) => m.field[f] ?? f).join('、') },
          { title: m.reason, dataIndex: 'reason', render: (_, r) => <span data-testid="read-reason">{r.reason}</span> },
        ]}
      />
    </>
  );
}
