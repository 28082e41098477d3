import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Input, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { useWebhookMessages } from './webhook-messages';

type DeliveryView = components['schemas']['WebhookDeliveryView'];
interface Values {
  url: string;
  secret?: string;
  active: boolean;
}

/** 事件推送 (ADMIN): the agency's webhook, its secret set but never shown, and every delivery attempt. */
export default function WebhookPage() {
  const { api } = useSession();
  const { lang } = useI18n();
  const m = useWebhookMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const settings = useQuery({ queryKey: ['webhook'], queryFn: () => ok(api.GET('/api/v1/admin/webhooks')) });
  const deliveries = useQuery({
    queryKey: ['webhook', 'deliveries'],
    queryFn: () => ok(api.GET('/api/v1/admin/webhooks/deliveries', { params: { query: { pageSize: 50 } } })),
    refetchInterval: 10_000,
  });
  const s = settings.data;
  useEffect(() => {
    if (s?.configured) form.setFieldsValue({ url: s.url, active: s.active ?? true, secret: undefined });
  }, [s, form]);

  const onError = (err: Error) => setProblem(err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem));
  const save = useMutation({
    mutationFn: (v: Values) => ok(api.PUT('/api/v1/admin/webhooks', { body: { url: v.url, active: v.active, ...(v.secret ? { secret: v.secret } : {}) } })),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async () => {
      setDone(m.saved);
      form.setFieldValue('secret', undefined);
      await queries.invalidateQueries({ queryKey: ['webhook'] });
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => ok(api.DELETE('/api/v1/admin/webhooks')),
    onSuccess: async () => {
      setDone(m.removed);
      form.resetFields();
      await queries.invalidateQueries({ queryKey: ['webhook'] });
    },
    onError,
  });

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {settings.error && <QueryError error={settings.error} />}
      <Descriptions title={m.current} size="small" column={1} bordered style={{ maxWidth: 720, marginBottom: 24 }} data-testid="webhook-settings">
        {s?.configured ? (
          <>
            <Descriptions.Item label={m.url}>
              <code data-testid="webhook-url">{s.url}</code>
            </Descriptions.Item>
            <Descriptions.Item label={m.secret}>{m.secretSet}</Descriptions.Item>
            <Descriptions.Item label={m.active}>{s.active ? m.enabled : m.disabled}</Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={m.url}>{m.notConfigured}</Descriptions.Item>
        )}
      </Descriptions>
      <Form<Values> form={form} layout="vertical" style={{ maxWidth: 720 }} initialValues={{ active: true }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="url" label={m.url} rules={[{ required: true }]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="secret" label={m.secret} extra={s?.configured ? m.secretHelpKeep : m.secretHelpNew} rules={[{ required: !s?.configured }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="active" label={m.active} valuePropName="checked">
          <Switch />
        </Form.Item>
        {problem && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={`${m.refused}: ${problem.detail}`}
            description={
              <ul data-testid="webhook-errors">
                {(problem.errors ?? []).map((e, i) => (
                  <li key={`${e.field}-${i}`}>
                    <code>{e.field}</code> {e.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {done && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={done} />}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="webhook-save">
          {m.save}
        </Button>{' '}
        {s?.configured && (
          <Button danger onClick={() => remove.mutate()} loading={remove.isPending}>
            {m.remove}
          </Button>
        )}
      </Form>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.deliveries}
      </Typography.Title>
      {deliveries.error && <QueryError error={deliveries.error} />}
      <Table<DeliveryView>
        data-testid="webhook-deliveries"
        size="small"
        loading={deliveries.isPending}
        dataSource={deliveries.data?.items}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: m.noDeliveries }}
        columns={[
          { title: m.attemptedAt, key: 'at', render: (_, d) => formatDateTime(d.attemptedAt, lang) },
          { title: m.event, key: 'event', render: (_, d) => <Link to={`/cases/${d.caseId}#timeline`}>{d.eventType}</Link> },
          { title: m.attempt, dataIndex: 'attempt' },
          {
            title: m.result,
            key: 'result',
            render: (_, d) => (d.ok ? <Tag color="#237804">{`${m.ok} ${d.statusCode ?? ''}`}</Tag> : <Tag color="#c0141b">{`${m.failed}: ${d.error ?? ''}`}</Tag>),
          },
          { title: m.duration, key: 'ms', render: (_, d) => `${d.durationMs} ms` },
        ]}
      />
    </>
  );
}
