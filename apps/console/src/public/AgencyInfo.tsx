import { useQuery } from '@tanstack/react-query';
import { Card, Space, Spin, Table, Tag, Typography } from 'antd';
import { anonymousClient, ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { ValidityTag } from './tags';
import { usePublicMessages } from './messages';

type Agency = components['schemas']['PublicAgencyView'];
type Step = components['schemas']['PublicStepView'];

function Steps({ steps, label }: { steps: Step[]; label: string }) {
  const m = usePublicMessages();
  return (
    <Table<Step>
      aria-label={label}
      size="small"
      pagination={false}
      rowKey={(s) => s.step}
      dataSource={steps}
      columns={[
        { title: m.step, dataIndex: 'step' },
        { title: m.limit, dataIndex: 'limit', width: 140, render: (l?: string) => l ?? '—' },
        { title: m.source, dataIndex: 'source', width: 240 },
      ]}
    />
  );
}

/** 事前公示 of one agency: powers and bases, penalty kinds, procedures, remedies, officers with their certificates. */
export function AgencyInfo({ agencyId }: { agencyId: string }) {
  const m = usePublicMessages();
  const agency = useQuery({
    queryKey: ['public', 'agency', agencyId],
    queryFn: () => ok(anonymousClient().GET('/api/v1/public/agencies/{id}', { params: { path: { id: agencyId } } })),
  });
  if (agency.isPending) return <Spin />;
  if (agency.isError) return <QueryError error={agency.error} />;
  const a: Agency = agency.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
        {a.name}
      </Typography.Title>
      <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{m.powers}</h3>}>
        <Table
          aria-label={m.powers}
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={a.powers}
          columns={[
            { title: m.code, dataIndex: 'code', width: 150 },
            { title: m.violation, dataIndex: 'title' },
            { title: m.legalBasis, dataIndex: 'legalBasis' },
            { title: m.penaltyRange, dataIndex: 'penaltyRange' },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {m.penaltyKinds}：
          {a.penaltyKinds.map((k) => (
            <Tag key={k.kind}>{k.name}</Tag>
          ))}
          <Typography.Text type="secondary">（{a.penaltyKindsSource}）</Typography.Text>
        </Typography.Paragraph>
      </Card>
      <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{m.procedures}</h3>}>
        {a.procedures.map((p) => (
          <section key={p.procedure} style={{ marginBottom: 16 }}>
            <h4 style={{ fontSize: 15 }}>{p.name}</h4>
            <Steps steps={p.steps} label={p.name} />
          </section>
        ))}
      </Card>
      <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{m.remedies}</h3>}>
        <Steps steps={a.remedies} label={m.remedies} />
      </Card>
      <Card title={<h3 style={{ fontSize: 16, margin: 0 }}>{m.officers}</h3>}>
        <Table
          aria-label={m.officers}
          size="small"
          pagination={false}
          rowKey={(o) => o.certificates.map((c) => c.number).join(',')}
          dataSource={a.officers}
          columns={[
            { title: m.officerName, dataIndex: 'name', width: 160 },
            {
              title: m.certificate,
              key: 'certificates',
              render: (_: unknown, o: Agency['officers'][number]) =>
                o.certificates.map((c) => (
                  <div key={c.number}>
                    <code>{c.number}</code> <ValidityTag valid={c.validToday} />
                    <Typography.Text type="secondary">
                      {c.scope} · {c.validFrom} – {c.validTo}
                    </Typography.Text>
                  </div>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
