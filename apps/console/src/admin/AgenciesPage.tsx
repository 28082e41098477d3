import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { ok, type components, type Problem } from '../api';
import { asProblem, ProblemAlert } from '../components/ProblemAlert';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { useSession } from '../session';
import { AgencyPowersForm } from './AgencyPowersForm';
import { OwnAgencyPowers } from './OwnAgencyPowers';
import { useAgencyMessages } from './agency-messages';

type AgencyView = components['schemas']['AgencyView'];
interface Values {
  code: string;
  name: string;
  jurisdiction: string;
  reason?: string;
}
type Editing = { agency: AgencyView; what: 'details' | 'powers' } | null;

const reasoned = (reason: string | undefined) => (reason?.trim() ? { reason: reason.trim() } : {});

/** 机关与职权: a system administrator keeps every agency; an agency's administrator reads their own list of powers. */
export default function AgenciesPage() {
  const { api, session } = useSession();
  const m = useAgencyMessages();
  const me = useQuery({ queryKey: ['me', session?.userId], queryFn: () => ok(api.GET('/api/v1/me')), enabled: session !== null });
  if (!me.data) return me.error ? <QueryError error={me.error} /> : null;
  return me.data.roles.includes('SYSTEM_ADMIN') ? (
    <AllAgencies />
  ) : (
    <>
      <PageTitle>{m.title}</PageTitle>
      <OwnAgencyPowers agencyId={me.data.agencyId} />
    </>
  );
}

/** Every agency, each editable, with its list of enforcement matters (SYSTEM_ADMIN). */
function AllAgencies() {
  const { api } = useSession();
  const m = useAgencyMessages();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [editProblem, setEditProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['admin', 'agencies'], queryFn: () => ok(api.GET('/api/v1/admin/agencies')) });
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin', 'agencies'] });
  const saved = async (a: AgencyView) => {
    setDone(m.saved(a.name));
    setEditing(null);
    await refresh();
  };

  const create = useMutation({
    mutationFn: (v: Values) => ok(api.POST('/api/v1/admin/agencies', { body: { code: v.code, name: v.name, jurisdiction: v.jurisdiction, ...reasoned(v.reason) } })),
    onMutate: () => {
      setProblem(null);
      setDone(null);
    },
    onSuccess: async (a) => {
      setDone(m.created(a.name));
      form.resetFields();
      await refresh();
    },
    onError: (err) => setProblem(asProblem(err)),
  });
  const update = useMutation({
    mutationFn: (v: Values) =>
      ok(api.PATCH('/api/v1/admin/agencies/{id}', { params: { path: { id: editing!.agency.id } }, body: { name: v.name, jurisdiction: v.jurisdiction, ...reasoned(v.reason) } })),
    onMutate: () => setEditProblem(null),
    onSuccess: saved,
    onError: (err) => setEditProblem(asProblem(err)),
  });
  const open = (agency: AgencyView, what: 'details' | 'powers') => {
    setEditProblem(null);
    setDone(null);
    setEditing({ agency, what });
  };
  const powers = (a: AgencyView) =>
    a.powers === null ? (
      <Tag>{m.noList}</Tag>
    ) : a.powers.length === 0 ? (
      <Tag color="red">{m.emptyList}</Tag>
    ) : (
      <span title={a.powers.map((p) => `${p.violationCode}：${p.legalBasis}`).join('\n')}>
        {m.matters(a.powers.length)}：{a.powers.map((p) => p.violationCode).join('、')}
      </span>
    );

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      {done !== null && <Alert type="success" showIcon role="status" style={{ marginBottom: 16 }} title={done} />}
      <Table<AgencyView>
        data-testid="agencies"
        loading={list.isFetching}
        dataSource={list.data?.items}
        rowKey="id"
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.code, dataIndex: 'code' },
          { title: m.name, dataIndex: 'name' },
          { title: m.jurisdiction, dataIndex: 'jurisdiction' },
          { title: m.powers, key: 'powers', render: (_, a) => powers(a) },
          {
            title: '',
            key: 'action',
            render: (_, a) => (
              <Space>
                <Button size="small" onClick={() => open(a, 'details')} data-testid={`edit-${a.code}`}>
                  {m.edit}
                </Button>
                <Button size="small" onClick={() => open(a, 'powers')} data-testid={`powers-${a.code}`}>
                  {m.setPowers}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        {m.create}
      </Typography.Title>
      <Form<Values> form={form} name="create-agency" layout="vertical" style={{ maxWidth: 640 }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="code" label={m.code} extra={m.codeHelp} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="jurisdiction" label={m.jurisdiction} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="reason" label={m.reason} extra={m.reasonHelp}>
          <Input />
        </Form.Item>
        {problem && <ProblemAlert problem={problem} label={m.refused} testId="agency-errors" />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {m.submit}
        </Button>
      </Form>
      <Modal
        open={editing !== null}
        width={editing?.what === 'powers' ? 760 : 520}
        title={editing ? (editing.what === 'powers' ? m.powersTitle(editing.agency.name) : m.editTitle(editing.agency.name)) : ''}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        {editing?.what === 'powers' && <AgencyPowersForm key={editing.agency.id} agency={editing.agency} onSaved={(a) => void saved(a)} onCancel={() => setEditing(null)} />}
        {editing?.what === 'details' && (
          <Form<Values> key={editing.agency.id} name="edit-agency" layout="vertical" initialValues={editing.agency} onFinish={(v) => update.mutate(v)}>
            <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="jurisdiction" label={m.jurisdiction} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={m.reason} extra={m.reasonHelp}>
              <Input />
            </Form.Item>
            {editProblem && <ProblemAlert problem={editProblem} label={m.refused} testId="agency-errors" />}
            <Button type="primary" htmlType="submit" loading={update.isPending}>
              {m.save}
            </Button>{' '}
            <Button onClick={() => setEditing(null)}>{m.cancel}</Button>
          </Form>
        )}
      </Modal>
    </>
  );
}
