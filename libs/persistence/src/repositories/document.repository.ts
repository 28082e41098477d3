import { DataSource } from 'typeorm';
import { isUuid } from './uuid';

/** A document row: reserved (number allocated) before its file is rendered, complete once stored. */
export interface DocumentRow {
  id: string;
  jobId: string;
  caseId: string;
  kind: string;
  number: string;
  sourceSeq: number;
  issuedAt: string;
  sha256: string | null;
  bytes: number | null;
  fileName: string | null;
  title: string | null;
}

export interface DocumentReservation {
  jobId: string;
  caseId: string;
  agencyId: string;
  kind: string;
  year: number;
  sourceSeq: number;
  issuedAt: string;
  /** Allocates the agency's next number for (kind, year) into the number; a fixed number (the decision's own) when given. */
  number: string | ((n: number) => string);
}

interface Raw {
  id: string;
  job_id: string;
  case_id: string;
  kind: string;
  number: string;
  source_seq: number;
  issued_at: Date;
  sha256: string | null;
  bytes: number | null;
  file_name: string | null;
  title: string | null;
}

function row(r: Raw): DocumentRow {
  return {
    id: r.id,
    jobId: r.job_id,
    caseId: r.case_id,
    kind: r.kind,
    number: r.number,
    sourceSeq: r.source_seq,
    issuedAt: r.issued_at.toISOString(),
    sha256: r.sha256,
    bytes: r.bytes,
    fileName: r.file_name,
    title: r.title,
  };
}

/** The documents the documents job issued: one row per job id, numbered once. */
export class DocumentRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * The job's document row, reserving it (and allocating its number) the
   * first time. Under a lock on the job id, so two runs of one job share one
   * number and the counter never skips for a retry.
   */
  async reserve(r: DocumentReservation): Promise<DocumentRow> {
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('document:' || $1))`, [r.jobId]);
      const found: Raw[] = await m.query(`SELECT * FROM documents WHERE job_id = $1`, [r.jobId]);
      if (found.length) return row(found[0]);
      let number: string;
      if (typeof r.number === 'string') number = r.number;
      else {
        const n: { last_number: number }[] = await m.query(
          `INSERT INTO document_number_counters (agency_id, kind, year, last_number) VALUES ($1, $2, $3, 1)
           ON CONFLICT (agency_id, kind, year) DO UPDATE SET last_number = document_number_counters.last_number + 1
           RETURNING last_number`,
          [r.agencyId, r.kind, r.year],
        );
        number = r.number(n[0].last_number);
      }
      const inserted: Raw[] = await m.query(
        `INSERT INTO documents (job_id, case_id, kind, number, source_seq, issued_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [r.jobId, r.caseId, r.kind, number, r.sourceSeq, r.issuedAt],
      );
      return row(inserted[0]);
    });
  }

  /** The job's row once its file is stored; null before. */
  async completed(jobId: string): Promise<DocumentRow | null> {
    const rows: Raw[] = await this.ds.query(`SELECT * FROM documents WHERE job_id = $1 AND sha256 IS NOT NULL`, [jobId]);
    return rows.length ? row(rows[0]) : null;
  }

  /** Records the stored file of a reserved document. */
  async complete(jobId: string, file: { sha256: string; bytes: number; fileName: string; title: string }): Promise<DocumentRow> {
    const rows: [Raw[], number] = await this.ds.query(`UPDATE documents SET sha256 = $2, bytes = $3, file_name = $4, title = $5 WHERE job_id = $1 RETURNING *`, [
      jobId,
      file.sha256,
      file.bytes,
      file.fileName,
      file.title,
    ]);
    return row(rows[0][0]);
  }

  /** A case's issued documents (files stored), in the order of the events that issued them. */
  async forCase(caseId: string): Promise<DocumentRow[]> {
    if (!isUuid(caseId)) return [];
    const rows: Raw[] = await this.ds.query(`SELECT * FROM documents WHERE case_id = $1 AND sha256 IS NOT NULL ORDER BY source_seq, kind`, [caseId]);
    return rows.map(row);
  }

  async byId(caseId: string, documentId: string): Promise<DocumentRow | null> {
    if (!isUuid(caseId) || !isUuid(documentId)) return null;
    const rows: Raw[] = await this.ds.query(`SELECT * FROM documents WHERE case_id = $1 AND id = $2 AND sha256 IS NOT NULL`, [caseId, documentId]);
    return rows.length ? row(rows[0]) : null;
  }
}
