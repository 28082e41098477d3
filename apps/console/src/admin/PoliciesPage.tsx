import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import { ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { PolicyChanges } from './PolicyChanges';
import { PublishPolicyForm } from './PublishPolicyForm';
import { usePolicyMessages } from './policy-messages';

type PolicyVersion = components['schemas']['PolicyVersionView'];

/** 政策版本 (ADMIN): the jurisdiction's versions, one viewed with its changes, and a form to publish the next. */
export default function PoliciesPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = usePolicyMessages();
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['policies'], queryFn: () => ok(api.GET('/api/v1/admin/policies')) });
  const shown = selected ?? list.data?.items.find((v) => v.inForce)?.version ?? null;

  const state = (v: PolicyVersion) =>
    v.inForce ? <Tag color="#1f6f3a">{m.inForce}</Tag> : v.pending ? <Tag color="#8a5a00">{m.pending}</Tag> : <Tag>{m.superseded}</Tag>;

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      <Table<PolicyVersion>
        data-testid="policies"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="version"
        pagination={false}
        locale={{ emptyText: m.empty }}
        rowClassName={(v) => (v.version === shown ? 'ant-table-row-selected' : '')}
        columns={[
          { title: m.version, dataIndex: 'version', render: (v: string) => <code>{v}</code> },
          { title: m.state, key: 'state', render: (_, v) => state(v) },
          { title: m.effectiveFrom, key: 'effectiveFrom', render: (_, v) => formatDateTime(v.effectiveFrom, lang) },
          { title: m.publishedAt, key: 'publishedAt', render: (_, v) => formatDateTime(v.publishedAt, lang) },
          { title: m.publishedBy, dataIndex: 'publishedBy' },
          {
            title: m.view,
            key: 'view',
            render: (_, v) => (
              <Button size="small" data-testid={`view-${v.version}`} aria-pressed={v.version === shown} onClick={() => setSelected(v.version)}>
                {m.view}
              </Button>
            ),
          },
        ]}
      />
      {shown && <PolicyChanges key={shown} version={shown} />}
      <PublishPolicyForm onPublished={setSelected} />
    </>
  );
}
