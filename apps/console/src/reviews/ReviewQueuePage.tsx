import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ok, type TaskView } from '../api';
import { DaysLeftTag } from '../components/DaysLeft';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { deadlineLabel, statusLabel } from '../labels';
import { useSession } from '../session';
import { useReviewMessages } from './messages';

/** The reviewer's queue: the legal reviews GET /me/tasks says wait for the signed-in reviewer, in the API's order. */
export default function ReviewQueuePage() {
  const { api, session } = useSession();
  const { t, lang } = useI18n();
  const m = useReviewMessages();
  // The same read as My work (one cache entry): the API decides what waits and in what order; this page keeps the reviews.
  const tasks = useQuery({
    queryKey: ['me', 'tasks', session?.userId],
    queryFn: () => ok(api.GET('/api/v1/me/tasks')),
    refetchInterval: 60_000,
  });
  const reviews = tasks.data?.items.filter((task) => task.action === 'legal-review');

  return (
    <>
      <PageTitle>{m.queueTitle}</PageTitle>
      <Typography.Paragraph>{m.queueIntro}</Typography.Paragraph>
      {tasks.error && <QueryError error={tasks.error} />}
      <Table<TaskView>
        data-testid="review-queue"
        loading={tasks.isPending}
        dataSource={reviews}
        rowKey="caseId"
        pagination={false}
        locale={{ emptyText: m.queueEmpty }}
        columns={[
          {
            title: t.caseNumber,
            dataIndex: 'caseNumber',
            render: (_, r) => <Link to={`/reviews/${r.caseId}`}>{r.caseNumber}</Link>,
          },
          { title: t.status, dataIndex: 'status', render: (_, r) => <Tag>{statusLabel(r.status, lang)}</Tag> },
          {
            title: t.deadline,
            dataIndex: 'deadline',
            render: (_, r) => (r.deadline ? `${deadlineLabel(r.deadline, lang)}${r.source ? ` (${r.source})` : ''}` : '—'),
          },
          { title: t.dueAt, dataIndex: 'dueAt', render: (_, r) => (r.dueAt ? formatDateTime(r.dueAt, lang) : '—') },
          { title: t.daysLeft, key: 'left', render: (_, r) => (r.dueAt ? <DaysLeftTag dueAt={r.dueAt} /> : '—') },
        ]}
      />
    </>
  );
}
