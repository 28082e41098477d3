import { DataSource } from 'typeorm';
import { isUuid } from './uuid';

/** A notification as its reader sees it. */
export interface NotificationRow {
  id: string;
  caseId: string;
  caseNumber: string;
  eventId: string;
  eventType: string;
  seq: number;
  message: { zh: string; en: string };
  section: string;
  reason: string;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotifications {
  caseId: string;
  eventId: string;
  eventType: string;
  seq: number;
  message: { zh: string; en: string };
  section: string;
  recipients: { userId: string; reason: string }[];
}

/** Messages to the people a case event concerns, and their read marks. */
export class NotificationRepository {
  constructor(private readonly ds: DataSource) {}

  /** One message per (event, user), in one statement: a retried job adds nothing. Returns how many were added. */
  async add(n: NewNotifications): Promise<number> {
    if (!n.recipients.length) return 0;
    const added: unknown[] = await this.ds.query(
      `INSERT INTO notifications (user_id, reason, case_id, event_id, event_type, seq, message, message_en, section)
       SELECT r.user_id, r.reason, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[], $2::text[]) AS r(user_id, reason)
       ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id`,
      [n.recipients.map((r) => r.userId), n.recipients.map((r) => r.reason), n.caseId, n.eventId, n.eventType, n.seq, n.message.zh, n.message.en, n.section],
    );
    return added.length;
  }

  /** A person's notifications, newest first, with the count of their unread ones. */
  async page(userId: string, opts: { unread?: boolean; page: number; pageSize: number }): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
    const unreadOnly = opts.unread ? 'AND n.read_at IS NULL' : '';
    const rows: RawRow[] = await this.ds.query(
      `SELECT n.id, n.case_id, c.case_number, n.event_id, n.event_type, n.seq, n.message, n.message_en, n.section, n.reason, n.created_at, n.read_at
         FROM notifications n LEFT JOIN cases c ON c.id = n.case_id
        WHERE n.user_id = $1 ${unreadOnly}
        ORDER BY n.id DESC LIMIT $2 OFFSET $3`,
      [userId, opts.pageSize, (opts.page - 1) * opts.pageSize],
    );
    const [counts]: { all: number; unread: number }[] = await this.ds.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
      [userId],
    );
    return { items: rows.map(toRow), total: opts.unread ? counts.unread : counts.all, unread: counts.unread };
  }

  /** Marks one of the person's notifications read (a second time keeps the first mark); null when it is not theirs or does not exist. */
  async markRead(userId: string, id: string): Promise<NotificationRow | null> {
    if (!/^\d{1,18}$/.test(id) || !isUuid(userId)) return null;
    await this.ds.query(`UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL`, [id, userId]);
    const rows: RawRow[] = await this.ds.query(
      `SELECT n.id, n.case_id, c.case_number, n.event_id, n.event_type, n.seq, n.message, n.message_en, n.section, n.reason, n.created_at, n.read_at
         FROM notifications n LEFT JOIN cases c ON c.id = n.case_id WHERE n.id = $1 AND n.user_id = $2`,
      [id, userId],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /** Marks every unread notification of the person read; returns how many it marked. */
  async markAllRead(userId: string): Promise<number> {
    // As a SELECT over the update, so the driver answers rows (an UPDATE answers [rows, count]).
    const [{ n }]: { n: number }[] = await this.ds.query(
      `WITH marked AS (UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id) SELECT count(*)::int AS n FROM marked`,
      [userId],
    );
    return n;
  }
}

interface RawRow {
  id: string;
  case_id: string;
  case_number: string | null;
  event_id: string;
  event_type: string;
  seq: number;
  message: string;
  message_en: string;
  section: string;
  reason: string;
  created_at: Date;
  read_at: Date | null;
}

function toRow(r: RawRow): NotificationRow {
  return {
    id: String(r.id),
    caseId: r.case_id,
    caseNumber: r.case_number ?? '',
    eventId: r.event_id,
    eventType: r.event_type,
    seq: r.seq,
    message: { zh: r.message, en: r.message_en },
    section: r.section,
    reason: r.reason,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at ? r.read_at.toISOString() : null,
  };
}
