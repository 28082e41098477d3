// POST /cases/{id}/evidence as multipart/form-data through XMLHttpRequest:
// fetch reports no upload progress, so this one call cannot go through
// openapi-fetch. Its body and answers are typed from the generated schema
// (RecordEvidenceUploadDto in, EvidenceRecordedResponse or a Problem out).
import { ApiError, type Problem } from '../../api';
import { evidenceFormData, type EvidenceRecorded, type UploadFields } from './model';

export interface UploadOptions {
  caseId: string;
  /** The bearer token of the session. */
  token: string;
  /** The same key for a retry of the same submission. */
  idempotencyKey: string;
  /** Asked of the API for the problem's title. */
  acceptLanguage: string;
  /** Bytes sent so far of the request body. */
  onProgress(sent: number, total: number): void;
  /** All bytes are sent; the API now hashes, checks and records. */
  onSent?(): void;
  signal?: AbortSignal;
}

/** The connection broke or the request was aborted before an answer came: nothing is known to be recorded. */
export class UploadInterrupted extends Error {
  constructor(readonly aborted: boolean) {
    super(aborted ? 'upload aborted' : 'upload interrupted by a network error');
    this.name = 'UploadInterrupted';
  }
}

function isProblem(x: unknown): x is Problem {
  return typeof x === 'object' && x !== null && 'code' in x && 'detail' in x;
}

/** Uploads one evidence file with its fields; resolves with the API's answer (the new item's id and sha256). */
export function uploadEvidence(fields: UploadFields, opts: UploadOptions): Promise<EvidenceRecorded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${window.location.origin}/api/v1/cases/${encodeURIComponent(opts.caseId)}/evidence`);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Authorization', `Bearer ${opts.token}`);
    xhr.setRequestHeader('Idempotency-Key', opts.idempotencyKey);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', opts.acceptLanguage);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress(e.loaded, e.total);
    };
    xhr.upload.onload = () => opts.onSent?.();
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object') resolve(body as EvidenceRecorded);
      else reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    xhr.onerror = () => reject(new UploadInterrupted(false));
    xhr.onabort = () => reject(new UploadInterrupted(true));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(evidenceFormData(fields));
  });
}
