import type { components } from '../api';

type NotificationView = components['schemas']['NotificationView'];

/** Where a notification leads in the console: the case page at its section, or the case's legal review. */
export function notificationHref(n: Pick<NotificationView, 'link'>): string {
  const { caseId, section } = n.link;
  return section === 'legal-review' ? `/reviews/${caseId}` : `/cases/${caseId}#${section}`;
}
