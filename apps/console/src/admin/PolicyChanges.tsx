import { useQuery } from '@tanstack/react-query';
import { Collapse, Table, Tag, Typography } from 'antd';
import { ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { useSession } from '../session';
import { usePolicyMessages } from './policy-messages';

type PolicyChange = components['schemas']['PolicyChangeView'];

// Solid colours with white text: enough contrast (WCAG AA) where antd's light presets are not.
const KIND_COLOUR = { added: '#1f6f3a', removed: '#c0141b', changed: '#1d4f85' } as const;

/** A value of the policy as JSON, short ones inline. */
function Value({ v }: { v: unknown }) {
  if (v === undefined) return <>—</>;
  const text = JSON.stringify(v, null, typeof v === 'object' && v !== null ? 2 : undefined);
  if (text.length <= 60) return <code>{text}</code>;
  // Focusable: a scrolling block must be reachable by keyboard.
  return (
    <pre className="zf-json" tabIndex={0}>
      {text}
    </pre>
  );
}

/** One version: what it changed against the one before (or `against`), and its whole document. */
export function PolicyChanges({ version }: { version: string }) {
  const { api } = useSession();
  const m = usePolicyMessages();
  const diff = useQuery({
    queryKey: ['policy-diff', version],
    queryFn: () => ok(api.GET('/api/v1/admin/policies/{version}/diff', { params: { path: { version } } })),
  });
  const document = useQuery({
    queryKey: ['policy', version],
    queryFn: () => ok(api.GET('/api/v1/policies/{version}', { params: { path: { version } } })),
  });
  const kindLabel = { added: m.added, removed: m.removed, changed: m.changed };
  return (
    <section data-testid="policy-changes" aria-label={m.changesTitle(version, diff.data?.against ?? null)}>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.changesTitle(version, diff.data?.against ?? null)}
      </Typography.Title>
      {diff.error && <QueryError error={diff.error} />}
      <Table<PolicyChange>
        data-testid="policy-diff"
        size="small"
        loading={diff.isFetching}
        dataSource={diff.data?.changes}
        rowKey="path"
        pagination={false}
        locale={{ emptyText: m.noChanges }}
        columns={[
          { title: m.path, dataIndex: 'path', render: (p: string) => <code>{p}</code> },
          { title: m.kind, dataIndex: 'kind', render: (k: PolicyChange['kind']) => <Tag color={KIND_COLOUR[k]}>{kindLabel[k]}</Tag> },
          { title: m.before, key: 'before', render: (_, c) => <Value v={c.before as unknown} /> },
          { title: m.after, key: 'after', render: (_, c) => <Value v={c.after as unknown} /> },
        ]}
      />
      {document.error && <QueryError error={document.error} />}
      {document.data && (
        <Collapse
          style={{ marginTop: 16 }}
          items={[{ key: 'doc', label: m.document, children: <pre className="zf-json" tabIndex={0} data-testid="policy-document">{JSON.stringify(document.data, null, 2)}</pre> }]}
        />
      )}
    </section>
  );
}
