import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ok, type TaskView } from '../api';
import { DaysLeftTag } from '../components/DaysLeft';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { actionLabel, deadlineLabel, statusLabel } from '../labels';
import { useSession } from '../session';

/** GET /me/tasks shown as it is: the API decides what is waiting and in what order. */
export default function MyWorkPage() {
  const { api, session } = useSession();
  const { t, lang } = useI18n();
  const tasks = useQuery({
    queryKey: ['me', 'tasks', session?.userId],
    queryFn: () => ok(api.GET('/api/v1/me/tasks')),
    refetchInterval: 60_000,
  });

  return (
    <>
      <PageTitle>{t.myWork}</PageTitle>
      <Typography.Paragraph>{t.tasksIntro}</Typography.Paragraph>
      {tasks.error && <QueryError error={tasks.error} />}
      <Table<TaskView>
        data-testid="tasks"
        loading={tasks.isPending}
        dataSource={tasks.data?.items}
        rowKey={(r) => `${r.caseId}:${r.action}`}
        pagination={false}
        locale={{ emptyText: t.noTasks }}
        columns={[
          {
            title: t.caseNumber,
            dataIndex: 'caseNumber',
            render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
          },
          { title: t.task, dataIndex: 'action', render: (_, r) => <span data-action={r.action}>{actionLabel(r.action, lang)}</span> },
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
        ]}
      />
    </>
  );
}
