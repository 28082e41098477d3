import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { ok } from '../api';
import { useSession } from '../session';
import { useNotificationMessages } from './messages';

/** The header's bell: my unread count, kept fresh every 30 s; it opens the notifications page. */
export function NotificationBell() {
  const { api, session } = useSession();
  const m = useNotificationMessages();
  const unread = useQuery({
    queryKey: ['me', 'notifications', 'count', session?.userId],
    queryFn: () => ok(api.GET('/api/v1/me/notifications', { params: { query: { unread: true, pageSize: 1 } } })),
    refetchInterval: 30_000,
    enabled: session !== null,
  });
  const n = unread.data?.unread ?? 0;
  return (
    <Link to="/notifications" className="zf-bell" aria-label={m.bell(n)} data-testid="notification-bell">
      <Badge count={n} size="small" overflowCount={99} data-testid="notification-count" color="#c0141b">
        <svg aria-hidden="true" className="zf-bell-icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </Badge>
    </Link>
  );
}
