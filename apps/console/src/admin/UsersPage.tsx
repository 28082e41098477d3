import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { ApiError, ok, type components, type Problem } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { useI18n } from '../i18n';
import { ROLES, roleLabel } from '../labels';
import { useSession } from '../session';
import { useBodyMessages } from './body-messages';
import { CertificatesPanel } from './CertificatesPanel';
import { useCertificateMessages } from './certificate-messages';
import { useUserMessages } from './user-messages';

type UserView = components['schemas']['AdminUserView'];
type Role = UserView['roles'][number];
interface Values {
  username: string;
  name: string;
  roles: Role[];
  body?: string;
  active?: boolean;
}

const asProblem = (err: Error): Problem => (err instanceof ApiError && err.problem ? err.problem : ({ code: 'HTTP', detail: err.message } as Problem));

function ProblemAlert({ problem, label }: { problem: Problem; label: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={`${label}: ${problem.detail}`}
      description={
        problem.errors?.length ? (
          <ul data-testid="user-errors">
            {problem.errors.map((e, i) => (
              <li key={`${e.field}-${i}`}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

/** 用户管理 (ADMIN): the agency's users, created and edited; a liaison names the registered body they belong to. */
export default function UsersPage() {
  const { api, session } = useSession();
  const { lang } = useI18n();
  const m = useUserMessages();
  const b = useBodyMessages();
  const cm = useCertificateMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<UserView | null>(null);
  const [holder, setHolder] = useState<UserView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editProblem, setEditProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A system administrator manages any agency's users: the agency is chosen (their own first).
  const me = useQuery({ queryKey: ['me', session?.userId], queryFn: () => ok(api.GET('/api/v1/me')), enabled: session !== null });
  const system = me.data?.roles.includes('SYSTEM_ADMIN') ?? false;
  const mayCertify = me.data?.roles.includes('ADMIN') ?? false;
  const agencies = useQuery({ queryKey: ['admin', 'agencies'], queryFn: () => ok(api.GET('/api/v1/admin/agencies')), enabled: system });
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const agencyId = chosen ?? me.data?.agencyId;
  const own = agencyId === me.data?.agencyId;
  const list = useQuery({
    queryKey: ['admin', 'users', agencyId],
    queryFn: () => ok(api.GET('/api/v1/admin/users', { params: { query: own ? {} : { agencyId } } })),
    enabled: me.data !== undefined,
  });
  const bodies = useQuery({ queryKey: ['bodies', 'all'], queryFn: () => ok(api.GET('/api/v1/bodies')), staleTime: 60_000 });
  const bodyOptions = (bodies.data?.items ?? []).map((x) => ({ value: x.name, label: `${x.name}（${b.kinds[x.kind] ?? x.kind}）` }));
  // Only a system administrator grants SYSTEM_ADMIN (the API refuses anyone else).
  const roleOptions = ROLES.filter((r) => system || r !== 'SYSTEM_ADMIN').map((r) => ({ value: r, label: roleLabel(r, lang) }));
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'users'] });

  const create = useMutation({
    mutationFn: (v: Values) =>
      ok(api.POST('/api/v1/admin/users', { body: { username: v.username, name: v.name, roles: v.roles, ...(v.body ? { body: v.body } : {}), ...(own ? {} : { agencyId }) } })),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (u) => {
      setDone(m.created(u.name));
      form.resetFields();
      await refresh();
    },
    onError: (err) => setProblem(asProblem(err)),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ok(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: editing!.id } }, body: { name: v.name, roles: v.roles, body: v.body ?? null, active: v.active ?? true } })),
    onMutate: () => setEditProblem(null),
    onSuccess: async (u) => {
      setDone(m.saved(u.name));
      setEditing(null);
      await refresh();
    },
    onError: (err) => setEditProblem(asProblem(err)),
  });
  const open = (u: UserView) => {
    setEditProblem(null);
    setEditing(u);
  };

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {system && (
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label={m.agency} htmlFor="users-agency">
            <Select
              id="users-agency"
              data-testid="users-agency"
              style={{ minWidth: 280 }}
              value={agencyId}
              showSearch
              optionFilterProp="label"
              loading={agencies.isLoading}
              onChange={(id: string) => {
                setChosen(id);
                setDone(null);
              }}
              options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name}（${a.code}）` }))}
            />
          </Form.Item>
        </Form>
      )}
      {list.error && <QueryError error={list.error} />}
      {done !== null && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={done} />}
      <Table<UserView>
        data-testid="users"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.username, dataIndex: 'username' },
          { title: m.name, dataIndex: 'name' },
          { title: m.roles, key: 'roles', render: (_, u) => u.roles.map((r) => roleLabel(r, lang)).join('、') },
          { title: m.body, key: 'body', render: (_, u) => u.body ?? '—' },
          { title: m.state, key: 'state', render: (_, u) => (u.active ? m.active : <Tag>{m.inactive}</Tag>) },
          {
            title: '',
            key: 'action',
            render: (_, u) => (
              <>
                <Button size="small" onClick={() => open(u)} data-testid={`edit-${u.username}`}>
                  {m.edit}
                </Button>{' '}
                {mayCertify && own && (
                  <Button size="small" onClick={() => setHolder(u)} data-testid={`certificates-${u.username}`}>
                    {cm.open}
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.create}
      </Typography.Title>
      <Form<Values> form={form} name="create-user" layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="username" label={m.username} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={m.roles} rules={[{ required: true }]}>
          <Select mode="multiple" options={roleOptions} placeholder={m.choose} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="body" label={m.body} extra={m.bodyHelp}>
          <Select options={bodyOptions} loading={bodies.isLoading} placeholder={m.choose} allowClear showSearch optionFilterProp="label" />
        </Form.Item>
        {problem && <ProblemAlert problem={problem} label={m.refused} />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {m.submit}
        </Button>
      </Form>
      <Modal open={editing !== null} title={editing ? m.editTitle(editing.name) : ''} onCancel={() => setEditing(null)} footer={null} destroyOnHidden>
        <Form<Values>
          key={editing?.id}
          name="edit-user"
          layout="vertical"
          initialValues={editing ? { name: editing.name, roles: editing.roles, body: editing.body, active: editing.active } : undefined}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="roles" label={m.roles} rules={[{ required: true }]}>
            <Select mode="multiple" options={roleOptions} optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="body" label={m.body} extra={m.bodyHelp}>
            <Select options={bodyOptions} placeholder={m.choose} allowClear showSearch optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="active" label={m.activeLabel} valuePropName="checked">
            <Switch />
          </Form.Item>
          {editProblem && <ProblemAlert problem={editProblem} label={m.refused} />}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {m.save}
          </Button>{' '}
          <Button onClick={() => setEditing(null)}>{m.cancel}</Button>
        </Form>
      </Modal>
      <Modal open={holder !== null} title={holder ? cm.title(holder.name) : ''} onCancel={() => setHolder(null)} footer={null} width={860} destroyOnHidden>
        {holder && <CertificatesPanel key={holder.id} userId={holder.id} />}
      </Modal>
    </>
  );
}
