import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Popconfirm, Radio, Table, Tag, Typography } from 'antd';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useBodyMessages } from './body-messages';

type BodyView = components['schemas']['BodyView'];
type Kind = BodyView['kind'];
interface Values {
  name: string;
  kind: Kind;
  region: string;
}

const asProblem = (err: Error): Problem => (err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem));

/** 外部机关名录 (ADMIN): the police units and procuratorates transfers name, with who registered and deactivated each. */
export default function BodiesPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useBodyMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['admin', 'bodies'], queryFn: () => ok(api.GET('/api/v1/admin/bodies')) });
  const refresh = () => Promise.all([queries.invalidateQueries({ queryKey: ['admin', 'bodies'] }), queries.invalidateQueries({ queryKey: ['bodies'] })]);
  const start = () => {
    setProblem(null);
    setDone(null);
  };

  const register = useMutation({
    mutationFn: (v: Values) => ok(api.POST('/api/v1/admin/bodies', { body: v })),
    onMutate: start,
    onSuccess: async (b) => {
      setDone(m.added(b.name));
      form.resetFields();
      await refresh();
    },
    onError: (err) => setProblem(asProblem(err)),
  });
  const deactivate = useMutation({
    mutationFn: (b: BodyView) => ok(api.POST('/api/v1/admin/bodies/{id}/deactivation', { params: { path: { id: b.id } } })),
    onMutate: start,
    onSuccess: async (b) => {
      setDone(m.deactivatedDone(b.name));
      await refresh();
    },
    onError: (err) => setProblem(asProblem(err)),
  });
  const by = (who: string | undefined, at: string | undefined) => (who && at ? m.by(who, formatDateTime(at, lang)) : '—');

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      <Table<BodyView>
        data-testid="bodies"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.name, dataIndex: 'name' },
          { title: m.kind, key: 'kind', render: (_, b) => m.kinds[b.kind] ?? b.kind },
          { title: m.region, dataIndex: 'region' },
          { title: m.state, key: 'state', render: (_, b) => (b.active ? <Tag color="#1f6f3a">{m.active}</Tag> : <Tag>{m.inactive}</Tag>) },
          { title: m.registered, key: 'registered', render: (_, b) => by(b.registeredBy, b.registeredAt) },
          { title: m.deactivated, key: 'deactivated', render: (_, b) => by(b.deactivatedBy, b.deactivatedAt) },
          {
            title: '',
            key: 'action',
            render: (_, b) =>
              b.active ? (
                <Popconfirm title={m.confirmDeactivate(b.name)} onConfirm={() => deactivate.mutate(b)} okText={m.deactivate}>
                  <Button size="small" danger data-testid={`deactivate-${b.name}`} loading={deactivate.isPending && deactivate.variables?.id === b.id}>
                    {m.deactivate}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.add}
      </Typography.Title>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => register.mutate(v)} initialValues={{ kind: 'POLICE' }}>
        <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={m.kind} rules={[{ required: true }]}>
          <Radio.Group options={(['POLICE', 'PROCURATORATE'] as const).map((k) => ({ value: k, label: m.kinds[k] }))} />
        </Form.Item>
        <Form.Item name="region" label={m.region} extra={m.regionHelp} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={`${m.refused}: ${problem.detail}`}
            description={
              problem.errors?.length ? (
                <ul data-testid="body-errors">
                  {problem.errors.map((e, i) => (
                    <li key={`${e.field}-${i}`}>
                      <code>{e.field}</code> {e.message}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {done !== null && (
          <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={done} />
        )}
        <Button type="primary" htmlType="submit" loading={register.isPending}>
          {m.submit}
        </Button>
      </Form>
    </>
  );
}
