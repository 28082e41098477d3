import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  issuedChange,
  type CertificateChangeKind,
  type CertificateIssue,
  type CertificateRecord,
  type CertificateRefusal,
  type CertificateStatus,
  type CertificateStatusChange,
} from '@zhifa/domain';
import { AdminEventRepository, type NewAdminEvent } from './admin-event.repository';
import { isUuid } from './uuid';

/** Who made a change, as the administration log names them. */
export type AdminActor = NewAdminEvent['actor'];

/** One dated change as an administrator reads it: with who recorded it and when. */
export interface CertificateHistoryEntry extends CertificateStatusChange {
  recordedBy: { id: string; name: string } | null;
  recordedAt: string;
}

/** A certificate as its holder's administrator keeps it, with its history oldest first. */
export interface AdminCertificate {
  id: string;
  userId: string;
  number: string;
  scope: string;
  validFrom: string;
  validTo: string;
  status: CertificateStatus;
  history: CertificateHistoryEntry[];
}

interface CertRow {
  id: string;
  user_id: string;
  number: string;
  scope: string;
  valid_from: string;
  valid_to: string;
  status: CertificateStatus;
}
interface ChangeRow {
  certificate_id: string;
  kind: CertificateChangeKind;
  status: CertificateStatus;
  valid_to: string;
  effective_from: string;
  reason: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  recorded_at: Date;
}

const CERT_COLUMNS = `c.id, c.user_id, c.number, c.scope, to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to, c.status`;
const CHANGE_COLUMNS = `certificate_id, kind, status, to_char(valid_to, 'YYYY-MM-DD') AS valid_to, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, reason, recorded_by, recorded_by_name, recorded_at`;

const toEntry = (h: ChangeRow): CertificateHistoryEntry => ({
  kind: h.kind,
  status: h.status,
  validTo: h.valid_to,
  from: h.effective_from,
  reason: h.reason,
  recordedBy: h.recorded_by ? { id: h.recorded_by, name: h.recorded_by_name ?? '' } : null,
  recordedAt: h.recorded_at.toISOString(),
});

/** Plain JSON of a certificate for the administration log (the history is its own table). */
const logged = (c: AdminCertificate) => ({ number: c.number, userId: c.userId, scope: c.scope, validFrom: c.validFrom, validTo: c.validTo, status: c.status });

const ACTION_OF: Readonly<Record<CertificateChangeKind, string>> = {
  ISSUED: 'CERTIFICATE_ISSUED',
  SUSPENDED: 'CERTIFICATE_SUSPENDED',
  REINSTATED: 'CERTIFICATE_REINSTATED',
  REVOKED: 'CERTIFICATE_REVOKED',
  RENEWED: 'CERTIFICATE_RENEWED',
  RECORDED: 'CERTIFICATE_RECORDED',
};

/**
 * Certificates as administrators issue and change them: each change a dated
 * row of `certificate_status_changes`, the certificate's present status and
 * last day beside it, and a record in the administration log, in one transaction.
 */
export class CertificateAdminRepository {
  private readonly log: AdminEventRepository;

  constructor(private readonly ds: DataSource) {
    this.log = new AdminEventRepository(ds);
  }

  /** The certificates a user holds or held, oldest first, each with its history. */
  async ofUser(userId: string): Promise<AdminCertificate[]> {
    if (!isUuid(userId)) return [];
    const rows: CertRow[] = await this.ds.query(`SELECT ${CERT_COLUMNS} FROM certificates c WHERE c.user_id = $1 ORDER BY c.valid_from, c.number`, [userId]);
    return this.withHistory(this.ds.manager, rows);
  }

  /** The certificates of these numbers, of anyone, with their histories: validity on past days. */
  async recordsByNumber(numbers: string[]): Promise<CertificateRecord[]> {
    if (!numbers.length) return [];
    const rows: CertRow[] = await this.ds.query(`SELECT ${CERT_COLUMNS} FROM certificates c WHERE c.number = ANY($1)`, [[...new Set(numbers)]]);
    return this.withHistory(this.ds.manager, rows);
  }

  /** The certificates these users hold or held (current or former staff), with their histories: who acted on which certificate. */
  async recordsOfUsers(userIds: string[]): Promise<AdminCertificate[]> {
    const uuids = [...new Set(userIds.filter(isUuid))];
    if (!uuids.length) return [];
    const rows: CertRow[] = await this.ds.query(`SELECT ${CERT_COLUMNS} FROM certificates c WHERE c.user_id = ANY($1) ORDER BY c.valid_from, c.number`, [uuids]);
    return this.withHistory(this.ds.manager, rows);
  }

  /** A certificate whose holder belongs to the agency; null for an unknown id or another agency's. */
  async certificate(agencyId: string, id: string, m: EntityManager = this.ds.manager, lock = false): Promise<AdminCertificate | null> {
    if (!isUuid(id)) return null;
    const rows: CertRow[] = await m.query(
      `SELECT ${CERT_COLUMNS} FROM certificates c JOIN users u ON u.id = c.user_id WHERE c.id = $1 AND u.agency_id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [id, agencyId],
    );
    return (await this.withHistory(m, rows))[0] ?? null;
  }

  /** Issues a certificate to a user of the agency; null when the number is taken. */
  async issue(agencyId: string, userId: string, issue: CertificateIssue, by: AdminActor): Promise<AdminCertificate | null> {
    return this.ds.transaction(async (m) => {
      const id = randomUUID();
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO certificates (id, user_id, number, scope, valid_from, valid_to, status) VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE')
         ON CONFLICT (number) DO NOTHING RETURNING id`,
        [id, userId, issue.number, issue.scope, issue.validFrom, issue.validTo],
      );
      if (!inserted.length) return null;
      await this.append(m, id, issuedChange(issue), by);
      const after = (await this.certificate(agencyId, id, m))!;
      await this.log.record(m, { agencyId, actor: by, action: ACTION_OF.ISSUED, subjectType: 'CERTIFICATE', subjectId: id, before: null, after: logged(after) });
      return after;
    });
  }

  /**
   * Changes a certificate of the agency under a row lock: `decide` (the
   * domain's rule) sees it as it is and returns the dated change or a
   * refusal. Null for an unknown certificate.
   */
  async change(
    agencyId: string,
    id: string,
    by: AdminActor,
    decide: (c: AdminCertificate) => { change: CertificateStatusChange } | { refusal: CertificateRefusal },
  ): Promise<{ certificate: AdminCertificate } | { refusal: CertificateRefusal } | null> {
    return this.ds.transaction(async (m) => {
      const before = await this.certificate(agencyId, id, m, true);
      if (!before) return null;
      const out = decide(before);
      if ('refusal' in out) return out;
      if (!before.history.length) await this.append(m, id, { kind: 'RECORDED', status: before.status, validTo: before.validTo, from: before.validFrom, reason: 'as found when the status history began' }, null);
      await this.append(m, id, out.change, by);
      await m.query(`UPDATE certificates SET status = $2, valid_to = $3 WHERE id = $1`, [id, out.change.status, out.change.validTo]);
      const after = (await this.certificate(agencyId, id, m))!;
      await this.log.record(m, {
        agencyId,
        actor: by,
        action: ACTION_OF[out.change.kind],
        subjectType: 'CERTIFICATE',
        subjectId: id,
        before: logged(before),
        after: { ...logged(after), effectiveFrom: out.change.from },
        reason: out.change.reason,
      });
      return { certificate: after };
    });
  }

  private async append(m: EntityManager, certificateId: string, c: CertificateStatusChange, by: AdminActor | null): Promise<void> {
    await m.query(
      `INSERT INTO certificate_status_changes (certificate_id, kind, status, valid_to, effective_from, reason, recorded_by, recorded_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [certificateId, c.kind, c.status, c.validTo, c.from, c.reason, by?.id ?? null, by?.name ?? null],
    );
  }

  private async withHistory(m: EntityManager, rows: CertRow[]): Promise<AdminCertificate[]> {
    if (!rows.length) return [];
    const changes: ChangeRow[] = await m.query(`SELECT ${CHANGE_COLUMNS} FROM certificate_status_changes WHERE certificate_id = ANY($1) ORDER BY seq`, [rows.map((r) => r.id)]);
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      number: r.number,
      scope: r.scope,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      status: r.status,
      history: changes.filter((h) => h.certificate_id === r.id).map(toEntry),
    }));
  }
}
