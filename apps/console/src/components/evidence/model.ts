// The evidence area's pure parts: the generated types it works with, the
// multipart body of an upload, the Idempotency-Key of a submission, the
// problem's field errors placed on form fields, and the agency's wall clock
// for the date pickers. No DOM beyond FormData/Blob; unit-tested.
import type { CaseView, components, Problem } from '../../api';
import { instantOfWallClock, wallClock } from '../../format';

type Schemas = components['schemas'];
export type EvidenceItem = Schemas['EvidenceItemView'];
export type EvidenceKind = EvidenceItem['kind'];
export type CustodyEntry = Schemas['CustodyEntryView'];
export type EvidenceRecorded = Schemas['EvidenceRecordedResponse'];
export type RecordEvidenceJson = Schemas['RecordEvidenceDto'];
export type TransferCustody = Schemas['TransferCustodyDto'];
export type CommandResponse = Schemas['CommandResponse'];
/** The multipart variant as the OpenAPI document gives it; `file` is the binary part. */
export type RecordEvidenceUpload = Schemas['RecordEvidenceUploadDto'];
/** What the browser sends for it: the same fields, the file as a Blob (a File keeps its name). */
export type UploadFields = Omit<RecordEvidenceUpload, 'file' | 'changesFacts' | 'credentialsShown' | 'rightsExplained'> & {
  file: Blob;
  changesFacts?: boolean;
  credentialsShown?: boolean;
  rightsExplained?: boolean;
};
export type EvidenceOrigin = NonNullable<RecordEvidenceJson['origin']>;
/** The statuses after the report and before the decision: evidence then is supplementary or the party's. */
export const AFTER_REPORT = [
  'INVESTIGATION_REPORTED',
  'CASE_REVIEWED',
  'NOTICE_SERVED',
  'DEFENCE_RECORDED',
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
  'HEARING_HELD',
  'LEGAL_REVIEW_PENDING',
  'LEGAL_REVIEW_PASSED',
  'COLLECTIVE_DISCUSSED',
];

/** The evidence kinds in the API's order (a kind added there fails the type check of EVIDENCE_KIND_LABELS). */
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  DOCUMENTARY: '书证',
  PHYSICAL: '物证',
  AUDIO_VISUAL: '视听资料',
  ELECTRONIC_DATA: '电子数据',
  WITNESS_TESTIMONY: '证人证言',
  PARTY_STATEMENT: '当事人的陈述',
  EXPERT_OPINION: '鉴定意见',
  INSPECTION_RECORD: '勘验笔录',
  ON_SITE_RECORD: '现场笔录',
};
export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABELS) as EvidenceKind[];

/**
 * The multipart body: the text fields in the DTO's order, one `collectedByIds`
 * part per officer (the API takes the field repeated), the file last.
 */
export function evidenceFormData(fields: UploadFields): FormData {
  const form = new FormData();
  form.append('kind', fields.kind);
  form.append('title', fields.title);
  form.append('collectedAt', fields.collectedAt);
  for (const id of fields.collectedByIds) form.append('collectedByIds', id);
  form.append('location', fields.location);
  if (fields.source !== undefined && fields.source !== '') form.append('source', fields.source);
  if (fields.origin !== undefined) form.append('origin', fields.origin);
  // Flags travel as "true" / "false" form fields.
  for (const flag of ['changesFacts', 'credentialsShown', 'rightsExplained'] as const) {
    if (fields[flag] !== undefined) form.append(flag, String(fields[flag]));
  }
  const name = 'name' in fields.file && typeof fields.file.name === 'string' ? fields.file.name : 'evidence';
  form.append('file', fields.file, name);
  return form;
}

/** A fresh Idempotency-Key (getRandomValues works outside secure contexts too, unlike randomUUID). */
export function newIdempotencyKey(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The key of one submission: reused while the same values are sent again (a retry), new when they changed. */
export interface Submission {
  key: string;
  fingerprint: string;
}

export function submissionFor(previous: Submission | null, fingerprint: string, prefix: string): Submission {
  return previous && previous.fingerprint === fingerprint ? previous : { key: newIdempotencyKey(prefix), fingerprint };
}

/** What identifies a file in a fingerprint without reading it. */
export function fileFingerprint(file: Blob): Record<string, unknown> {
  const f = file as Blob & { name?: string; lastModified?: number };
  return { name: f.name, size: f.size, type: f.type, lastModified: f.lastModified };
}

/**
 * The problem's field errors on the form's fields: `collectedByIds[1]` goes on
 * `collectedByIds`; errors about fields the form does not have stay in `other`.
 */
export function fieldErrors<F extends string>(
  problem: Problem | undefined,
  formFields: readonly F[],
): { fields: { name: F; errors: string[] }[]; other: { field: string; message: string }[] } {
  const byField = new Map<F, string[]>();
  const other: { field: string; message: string }[] = [];
  for (const e of problem?.errors ?? []) {
    const base = e.field.replace(/[[.].*$/, '') as F;
    if (formFields.includes(base)) byField.set(base, [...(byField.get(base) ?? []), e.message]);
    else other.push(e);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), other };
}

/** The people a case knows by id: its officers, and the collectors of its evidence (custodians are named among them). */
export function peopleOf(caseView: Pick<CaseView, 'officers'>, items: readonly EvidenceItem[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of items) for (const c of item.collectors) names.set(c.userId, c.name);
  for (const item of items) names.set(item.recordedBy.userId, item.recordedBy.name);
  for (const o of caseView.officers) names.set(o.userId, o.name);
  return names;
}

/** A byte count for people: 2.0 MB, 512 B. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** A file name for saving an item's content: its title and an extension from its media type. */
export function downloadName(item: Pick<EvidenceItem, 'title' | 'mediaType'>): string {
  const type = (item.mediaType ?? '').split(';')[0].trim().toLowerCase();
  const known: Record<string, string> = {
    'text/plain': 'txt',
    'application/pdf': 'pdf',
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'video/mp4': 'mp4',
    'audio/mpeg': 'mp3',
    'application/zip': 'zip',
  };
  // Otherwise a short subtype stands for the extension (image/webp → webp); application/octet-stream is too long to be one.
  const ext = known[type] ?? /^[a-z]+\/([a-z0-9]{1,8})$/.exec(type)?.[1] ?? 'bin';
  const printable = Array.from(item.title, (ch) => (ch.charCodeAt(0) < 32 ? '_' : ch)).join('');
  const base = printable.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'evidence';
  return `${base}.${ext}`;
}

/** A clock reading (month 1–12) without a zone: what a person reads on the agency's wall clock. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The agency's wall clock at an instant (seconds dropped). */
export function agencyWallClock(at: Date): WallClock {
  const [year, month, day, hour, minute] = wallClock(at).split(/[-T:]/).map(Number);
  return { year, month, day, hour, minute };
}

/** The instant (ISO, UTC) at which the agency's wall clock reads `w`, whatever the browser's own zone. */
export function agencyInstant(w: WallClock): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return new Date(instantOfWallClock(`${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`)).toISOString();
}
