import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Switch, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ok, type components } from '../api';
import { QueryError } from '../components/QueryError';
import { PageTitle } from '../components/Shell';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { notificationHref } from './links';
import { useNotificationMessages } from './messages';

type NotificationView = components['schemas']['NotificationView'];
const PAGE_SIZE = 20;

/** GET /me/notifications as it is: newest first, read marks, and the two ways to mark them. */
export default function NotificationsPage() {
  const { api, session } = useSession();
  const { lang } = useI18n();
  const m = useNotificationMessages();
  const queries = useQueryClient();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['me', 'notifications', session?.userId, onlyUnread, page],
    queryFn: () => ok(api.GET('/api/v1/me/notifications', { params: { query: { unread: onlyUnread, page, pageSize: PAGE_SIZE } } })),
    refetchInterval: 30_000,
  });
  const refresh = () => queries.invalidateQueries({ queryKey: ['me', 'notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => ok(api.POST('/api/v1/me/notifications/read-all')), onSuccess: refresh });
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageTitle>{m.title}</PageTitle>
      <Typography.Paragraph>{m.intro}</Typography.Paragraph>
      {list.error && <QueryError error={list.error} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <span data-testid="unread-count">{m.unread(unread)}</span>
        <label>
          <Switch
            size="small"
            checked={onlyUnread}
            onChange={(v) => {
              setOnlyUnread(v);
              setPage(1);
            }}
            data-testid="only-unread"
          />{' '}
          {m.onlyUnread}
        </label>
        <Button onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending} data-testid="mark-all-read">
          {m.markAllRead}
        </Button>
      </Space>
      <Table<NotificationView>
        data-testid="notifications"
        loading={list.isPending}
        dataSource={list.data?.items}
        rowKey="id"
        rowClassName={(n) => (n.readAt ? 'zf-read' : 'zf-unread')}
        locale={{ emptyText: m.empty }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: m.when, dataIndex: 'createdAt', width: 180, render: (_, n) => formatDateTime(n.createdAt, lang) },
          {
            title: m.caseNumber,
            dataIndex: 'caseNumber',
            render: (_, n) => (
              <Link to={notificationHref(n)} onClick={() => !n.readAt && markRead.mutate(n.id)} data-testid="notification-case">
                {n.caseNumber}
              </Link>
            ),
          },
          { title: m.message, key: 'message', render: (_, n) => <span data-testid="notification-message">{lang === 'zh' ? n.message.zh : n.message.en}</span> },
          { title: m.why, dataIndex: 'reason', render: (_, n) => <Tag>{m.reasons[n.reason] ?? n.reason}</Tag> },
          {
            title: m.state,
            key: 'state',
            render: (_, n) =>
              n.readAt ? (
                <span data-testid="notification-state">{m.read}</span>
              ) : (
                <Space>
                  <Tag color="#c0141b" data-testid="notification-state">
                    {m.isUnread}
                  </Tag>
                  <Button size="small" onClick={() => markRead.mutate(n.id)} data-testid="mark-read">
                    {m.markRead}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </>
  );
}
