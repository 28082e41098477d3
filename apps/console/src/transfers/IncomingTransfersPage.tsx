import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ok, type TaskView } from '../api';
import { CommandDrawer } from '../commands/CommandDrawer';
import { DaysLeftTag } from '../components/DaysLeft';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { actionLabel, deadlineLabel, statusLabel, type Action } from '../labels';
import { useSession } from '../session';
import { useIncomingMessages } from './messages';

/** The steps of a criminal transfer (两法衔接) the police or the procuratorate take. */
const isTransferStep = (action: string) => action === 'criminal-transfer' || action.startsWith('criminal-transfer/');

/**
 * For a police or procuratorate liaison: what the transfers dispatched to their
 * body wait for, as GET /me/tasks gives it (the API reads only those transfers
 * for them), each with its limit and the button that opens its form.
 */
export default function IncomingTransfersPage() {
  const { api, session } = useSession();
  const { t, lang } = useI18n();
  const m = useIncomingMessages();
  const [open, setOpen] = useState<{ caseId: string; action: Action } | null>(null);
  const tasks = useQuery({
    queryKey: ['me', 'tasks', session?.userId],
    queryFn: () => ok(api.GET('/api/v1/me/tasks')),
    refetchInterval: 60_000,
  });
  const items = tasks.data?.items.filter((task) => isTransferStep(task.action));
  // The same query the shell reads: who I am, with the body transfers are addressed to.
  const me = useQuery({ queryKey: ['me', session?.userId], queryFn: () => ok(api.GET('/api/v1/me')), enabled: session !== null });

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {me.data?.body && <Typography.Paragraph data-testid="my-body">{m.body(me.data.body)}</Typography.Paragraph>}
      {me.data && !me.data.body && <Alert type="warning" showIcon message={m.noBody} />}
      {tasks.error && <QueryError error={tasks.error} />}
      <Table<TaskView>
        data-testid="incoming-transfers"
        loading={tasks.isPending}
        dataSource={items}
        rowKey={(r) => `${r.caseId}:${r.action}`}
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: t.caseNumber, dataIndex: 'caseNumber', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: t.status, dataIndex: 'status', render: (_, r) => <Tag>{statusLabel(r.status, lang)}</Tag> },
          {
            title: t.deadline,
            dataIndex: 'deadline',
            render: (_, r) => (r.deadline ? `${deadlineLabel(r.deadline, lang)}${r.source ? ` (${r.source})` : ''}` : '—'),
          },
          { title: t.dueAt, dataIndex: 'dueAt', render: (_, r) => (r.dueAt ? formatDateTime(r.dueAt, lang) : '—') },
          {
            title: t.daysLeft,
            key: 'left',
            render: (_, r) => (r.daysLeft !== undefined && r.overdue !== undefined ? <DaysLeftTag daysLeft={r.daysLeft} overdue={r.overdue} /> : '—'),
          },
          {
            title: t.task,
            dataIndex: 'action',
            render: (_, r) => (
              <Button type="primary" data-action={r.action} onClick={() => setOpen({ caseId: r.caseId, action: r.action as Action })}>
                {actionLabel(r.action, lang)}
              </Button>
            ),
          },
        ]}
      />
      {open && <CaseDrawer caseId={open.caseId} action={open.action} onClose={() => setOpen(null)} />}
    </>
  );
}

/** The action's form on the case it acts on, once the case is read. */
function CaseDrawer({ caseId, action, onClose }: { caseId: string; action: Action; onClose(): void }) {
  const { api } = useSession();
  const m = useIncomingMessages();
  const read = useQuery({ queryKey: ['case', caseId], queryFn: () => ok(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })) });
  if (read.error) return <QueryError error={read.error} />;
  if (!read.data) return <Spin tip={m.loading} />;
  return <CommandDrawer action={action} caseView={read.data} onClose={onClose} />;
}
