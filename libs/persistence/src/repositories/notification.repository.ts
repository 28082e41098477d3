import { DataSource } from 'typeorm';

/** Messages to the people who handle a case. */
export class NotificationRepository {
  constructor(private readonly ds: DataSource) {}

  /** The case number and officers of a case; null while the case is not projected yet. */
  async audience(caseId: string): Promise<{ caseNumber: string; userIds: string[] } | null> {
    const rows: { case_number: string; officers: { userId: string }[] }[] = await this.ds.query(
      `SELECT case_number, officers FROM cases WHERE id = $1`,
      [caseId],
    );
    if (!rows.length) return null;
    return { caseNumber: rows[0].case_number, userIds: rows[0].officers.map((o) => o.userId) };
  }

  /** One message per (event, user): a retried job adds nothing. Returns how many were added. */
  async add(n: { caseId: string; eventId: string; userIds: string[]; message: string }): Promise<number> {
    if (!n.userIds.length) return 0;
    const added: unknown[] = await this.ds.query(
      `INSERT INTO notifications (user_id, case_id, event_id, message)
       SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (event_id, user_id) DO NOTHING RETURNING id`,
      [n.userIds, n.caseId, n.eventId, n.message],
    );
    return added.length;
  }
}
