import { useQuery } from '@tanstack/react-query';
import { Select, Space, Spin, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { anonymousClient, ok } from '../api';
import { QueryError } from '../components/QueryError';
import { AgencyInfo } from './AgencyInfo';
import { CertificateLookup } from './CertificateLookup';
import { DisclosureList } from './DisclosureList';
import { PublicLayout } from './PublicLayout';
import { usePublicMessages } from './messages';

const TABS = ['before', 'lookup', 'after'] as const;

/** 行政执法公示, for anyone: an agency's 事前公示, the certificate lookup, and the decisions published. */
export default function PublicPage() {
  const m = usePublicMessages();
  const [params, setParams] = useSearchParams();
  const agencies = useQuery({ queryKey: ['public', 'agencies'], queryFn: () => ok(anonymousClient().GET('/api/v1/public/agencies')) });
  const agencyId = params.get('agency') ?? agencies.data?.items[0]?.id;
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as (typeof TABS)[number]) : 'before';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <PublicLayout>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {m.title}
      </Typography.Title>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {agencies.isPending && <Spin />}
      {agencies.isError && <QueryError error={agencies.error} />}
      {agencyId && (
        <>
          <Space style={{ marginBottom: 16 }}>
            <label htmlFor="zf-public-agency">{m.agency}</label>
            <Select
              id="zf-public-agency"
              style={{ minWidth: 280 }}
              value={agencyId}
              onChange={(v: string) => set('agency', v)}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Space>
          <Tabs
            activeKey={tab}
            onChange={(k) => set('tab', k)}
            items={[
              { key: 'before', label: m.beforeTab, children: <AgencyInfo agencyId={agencyId} /> },
              { key: 'lookup', label: m.lookupTab, children: <CertificateLookup /> },
              { key: 'after', label: m.afterTab, children: <DisclosureList agencyId={agencyId} /> },
            ]}
          />
        </>
      )}
    </PublicLayout>
  );
}
