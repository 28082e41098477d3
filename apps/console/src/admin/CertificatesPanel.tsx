import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Table, Tag, Typography, type FormInstance } from 'antd';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { useSession } from '../session';
import { useCertificateMessages } from './certificate-messages';

type CertificateView = components['schemas']['CertificateView'];
type Action = 'SUSPEND' | 'REINSTATE' | 'REVOKE' | 'RENEW';
interface IssueValues {
  number: string;
  scope: string;
  validFrom: string;
  validTo: string;
}
interface ChangeValues {
  effectiveFrom: string;
  reason?: string;
  validTo?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
// Solid colours with white text, dark enough for WCAG AA contrast (as the bodies and webhook pages use).
const STATUS_COLOR: Record<string, string> = { ACTIVE: '#1f6f3a', SUSPENDED: '#8a4b00', REVOKED: '#c0141b' };

/** Today on the agency's calendar (China keeps one civil time). */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * A refusal shown where it belongs: each field problem under its field (the
 * API names them), anything else above the button.
 */
function showProblem<T>(form: FormInstance<T>, err: Error, fields: string[], setProblem: (p: Problem | null) => void): void {
  const problem = err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem);
  const onFields = (problem.errors ?? []).filter((e) => fields.includes(e.field));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- antd's setFields types its name per form
  form.setFields(onFields.map((e) => ({ name: e.field as any, errors: [e.message] })));
  setProblem(onFields.length === (problem.errors ?? []).length && onFields.length > 0 ? null : problem);
}

/** 执法证件 of one user: status, dated history, and the administrator's actions (issue, suspend, reinstate, revoke, renew). */
export function CertificatesPanel({ userId }: { userId: string }) {
  const { api } = useSession();
  const m = useCertificateMessages();
  const queries = useQueryClient();
  const [issueForm] = Form.useForm<IssueValues>();
  const [changeForm] = Form.useForm<ChangeValues>();
  const [acting, setActing] = useState<{ cert: CertificateView; action: Action } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const key = ['admin', 'certificates', userId];
  const list = useQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/v1/admin/users/{id}/certificates', { params: { path: { id: userId } } })) });
  const refresh = () => queries.invalidateQueries({ queryKey: key });

  const issue = useMutation({
    mutationFn: (v: IssueValues) => ok(api.POST('/api/v1/admin/users/{id}/certificates', { params: { path: { id: userId } }, body: v })),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (c) => {
      setDone(m.done(c.number, m.kinds.ISSUED));
      issueForm.resetFields();
      await refresh();
    },
    onError: (err) => showProblem(issueForm, err, ['number', 'scope', 'validFrom', 'validTo'], setProblem),
  });
  const change = useMutation({
    mutationFn: ({ cert, action, v }: { cert: CertificateView; action: Action; v: ChangeValues }) => {
      const params = { path: { id: cert.id } };
      if (action === 'RENEW') return ok(api.POST('/api/v1/admin/certificates/{id}/renewal', { params, body: { validTo: v.validTo ?? '', effectiveFrom: v.effectiveFrom, ...(v.reason ? { reason: v.reason } : {}) } }));
      const body = { effectiveFrom: v.effectiveFrom, reason: v.reason ?? '' };
      if (action === 'SUSPEND') return ok(api.POST('/api/v1/admin/certificates/{id}/suspension', { params, body }));
      if (action === 'REINSTATE') return ok(api.POST('/api/v1/admin/certificates/{id}/reinstatement', { params, body }));
      return ok(api.POST('/api/v1/admin/certificates/{id}/revocation', { params, body }));
    },
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (c, { action }) => {
      setDone(m.done(c.number, m.actions[action]));
      setActing(null);
      await refresh();
    },
    onError: (err) => showProblem(changeForm, err, ['effectiveFrom', 'reason', 'validTo'], setProblem),
  });
  const start = (cert: CertificateView, action: Action) => {
    setProblem(null);
    changeForm.resetFields();
    changeForm.setFieldsValue({ effectiveFrom: today() });
    setActing({ cert, action });
  };
  const dateRules = [{ required: true, message: m.required }, { pattern: DAY, message: m.dateHelp }];

  return (
    <div data-testid="certificates">
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      {done !== null && <Alert type="success" showIcon role="status" style={{ marginBottom: 12 }} title={done} />}
      <Table<CertificateView>
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        pagination={false}
        size="small"
        locale={{ emptyText: m.empty }}
        expandable={{
          expandedRowRender: (c) => (
            <ul data-testid={`history-${c.number}`} aria-label={m.history}>
              {c.history.map((h, i) => (
                <li key={i}>
                  {h.from} {m.kinds[h.kind] ?? h.kind} → {m.statuses[h.status] ?? h.status}（{m.validTo} {h.validTo}）{h.reason ? `：${h.reason}` : ''}
                  {h.recordedBy ? ` — ${m.recordedBy} ${h.recordedBy.name}` : ''}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: m.number, dataIndex: 'number' },
          { title: m.scope, dataIndex: 'scope' },
          { title: m.validTo, key: 'dates', render: (_, c) => `${c.validFrom} – ${c.validTo}` },
          { title: m.status, key: 'status', render: (_, c) => <Tag color={STATUS_COLOR[c.status]} data-testid={`status-${c.number}`}>{m.statuses[c.status] ?? c.status}</Tag> },
          {
            title: '',
            key: 'actions',
            render: (_, c) => (
              <Space size="small" wrap>
                {(c.allowedActions as Action[]).map((a) => (
                  <Button key={a} size="small" danger={a === 'REVOKE'} onClick={() => start(c, a)} data-testid={`${a.toLowerCase()}-${c.number}`}>
                    {m.actions[a]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {acting && (
        <Form<ChangeValues> form={changeForm} name="certificate-change" layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => change.mutate({ ...acting, v })}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {m.actionTitle(m.actions[acting.action], acting.cert.number)}
          </Typography.Title>
          <Form.Item name="effectiveFrom" label={m.effectiveFrom} extra={m.dateHelp} rules={dateRules}>
            <Input />
          </Form.Item>
          {acting.action === 'RENEW' && (
            <Form.Item name="validTo" label={m.newValidTo} extra={m.dateHelp} rules={dateRules}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="reason" label={m.reason} rules={acting.action === 'RENEW' ? [] : [{ required: true, message: m.required }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={`${m.refused}: ${problem.detail}`} />}
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {m.submit}
          </Button>{' '}
          <Button onClick={() => setActing(null)}>{m.cancel}</Button>
        </Form>
      )}
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {m.issue}
      </Typography.Title>
      <Form<IssueValues> form={issueForm} name="issue-certificate" layout="vertical" onFinish={(v) => issue.mutate(v)} initialValues={{ scope: 'ENFORCEMENT' }}>
        <Form.Item name="number" label={m.number} rules={[{ required: true, message: m.required }]}>
          <Input />
        </Form.Item>
        <Form.Item name="scope" label={m.scope} extra={m.scopeHelp} rules={[{ required: true, message: m.required }]}>
          <Input />
        </Form.Item>
        <Space size="middle" align="start">
          <Form.Item name="validFrom" label={m.validFrom} extra={m.dateHelp} rules={dateRules}>
            <Input />
          </Form.Item>
          <Form.Item name="validTo" label={m.validTo} extra={m.dateHelp} rules={dateRules}>
            <Input />
          </Form.Item>
        </Space>
        {problem && !acting && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={`${m.refused}: ${problem.detail}`} />}
        <Button type="primary" htmlType="submit" loading={issue.isPending}>
          {m.issueSubmit}
        </Button>
      </Form>
    </div>
  );
}
