import { REJECTION_CODES, STAGES } from '@zhifa/domain';
import { problemType, TITLES } from './problem';
import { PROBLEM_TITLES } from './problem-titles';

/** What a problem `type` URI answers: the code, its one HTTP status and what it means. */
export interface ProblemTypeEntry {
  code: string;
  status: number;
  title: string;
  /** What the code means and what a client can do about it (English). */
  description: string;
  /** Who raises it: the domain (decide(), with its stage) or the HTTP edge. */
  raisedBy: string;
  type: string;
  /** What a person reads, in Chinese and English (absent only for an unmapped framework status). */
  titles?: { 'zh-CN': string; en: string };
}

/**
 * The codes the HTTP edge raises itself (authentication, validation, idempotency,
 * evidence files, policies, routing). The domain's own codes come from
 * REJECTION_CODES; a test checks every literal code under apps/case-api is here.
 */
export const API_PROBLEMS: Readonly<Record<string, { status: number; description: string }>> = {
  'AUTH.TOKEN_MISSING': { status: 401, description: 'No bearer token: send Authorization: Bearer <token>.' },
  'AUTH.TOKEN_INVALID': { status: 401, description: 'The bearer token is malformed, expired, or signed with another key.' },
  'AUTH.UNKNOWN_USER': { status: 401, description: 'The token names a user who does not exist or is no longer active.' },
  'AUTH.AGENCY_MISMATCH': { status: 403, description: 'The token names an agency the user does not belong to (or the agency does not own the case).' },
  'AUTH.BODY_MISMATCH': { status: 403, description: 'A police or procuratorate liaison acted on a transfer not dispatched to their body (over HTTP such a case answers 404 first).' },
  'SUPERVISION.SUPERVISOR_ONLY': { status: 403, description: 'The supervision views (overdue watch and the like) are for supervisors: the caller holds no SUPERVISOR role.' },
  'SUPERVISION.ALERT_NOT_FOUND': { status: 404, description: "No such alert, or an alert about a case of another agency." },
  'JOBS.NOT_FOUND': { status: 404, description: 'No such queue or job, or a job about a case the supervisor may not read.' },
  'JOBS.NOT_FAILED': { status: 409, description: 'The job is not in the failed state (retried already, running or done): there is nothing to retry.' },
  'JOBS.BOARD_ROLE_REQUIRED': { status: 403, description: 'The job board (/admin/queues) is for supervisors and administrators: the caller holds none of SUPERVISOR, ADMIN, SYSTEM_ADMIN.' },
  'JOBS.BOARD_READ_ONLY': { status: 405, description: 'The job board only reads the queues: nothing is paused, added, cleaned or retried through it (a failed job is retried, and the retry recorded, through /supervision/jobs/failed).' },
  'TEMPORAL.UNAVAILABLE': {
    status: 503,
    description: 'The workflow service (Temporal) did not answer: whether the command took effect is unknown. Repeat it with the same Idempotency-Key (it is the Update id, so it is recorded at most once); Retry-After says when.',
  },
  'DATABASE.UNAVAILABLE': { status: 503, description: 'The database did not answer; repeat the request shortly (a command with the same Idempotency-Key); Retry-After says when.' },
  'JOBS.QUEUES_UNAVAILABLE': { status: 503, description: 'The job queues (Redis) did not answer; the request can be repeated shortly.' },
  'CASE.NOT_FOUND': { status: 404, description: 'No such case, or none the caller may know of: a case of another agency is reported as not found.' },
  'CASE.CLOSED_FOR_COMMANDS': { status: 409, description: "The case's workflow has ended (e.g. filing declined): it accepts no more commands." },
  'CASE.OUTSIDE_AGENCY_POWERS': {
    status: 422,
    description: "The lead's violation code is not on the agency's list of enforcement matters (权责清单): an agency penalises only within its statutory powers (APL 17, 18). An agency with no list configured registers every code of its policy.",
  },
  'CASE.COMMAND_FAILED': { status: 500, description: 'The workflow failed the command for a reason that is not a rejection; it has been logged.' },
  'AGENCY.NOT_FOUND': { status: 404, description: "The caller's agency, the agency a public page asks for, or the agency a system administrator names, is not in the directory." },
  'BODY.ADMIN_ONLY': { status: 403, description: 'The register of outside bodies is kept by an administrator: the caller holds no ADMIN role.' },
  'BODY.NOT_FOUND': { status: 404, description: 'No registered outside body has that id.' },
  'BODY.NOT_REGISTERED': {
    status: 400,
    description: 'A dispatch, forwarding or liaison names a body that is not an active registered body of its kind (police unit or procuratorate); `errors` names the field. Registered bodies: GET /bodies.',
  },
  'BODY.SAME_UNIT': { status: 400, description: 'A forwarding names the police unit the transfer is already addressed to; `errors` names the field.' },
  'AGENCY.SYSTEM_ADMIN_ONLY': { status: 403, description: 'Agencies and their lists of powers are kept by a system administrator: the caller holds no SYSTEM_ADMIN role.' },
  'AGENCY.OWN_ONLY': { status: 403, description: "An agency's administrator reads the list of powers, and manages the users, of their own agency only; a system administrator any agency's." },
  'ADMIN_LOG.NOT_ALLOWED': {
    status: 403,
    description: "The administration log is read by administrators and supervisors (their own agency's entries) and system administrators (every agency's); its chain is verified by supervisors and system administrators.",
  },
  'USER.ADMIN_ONLY': { status: 403, description: "An agency's users are managed by its administrator: the caller holds no ADMIN role." },
  'USER.NOT_FOUND': { status: 404, description: "No user with that id in the administrator's agency." },
  'USER.SYSTEM_ADMIN_ONLY': { status: 403, description: 'The SYSTEM_ADMIN role is granted, withdrawn or edited by a system administrator only, never by an agency administrator.' },
  'CERTIFICATE.TRANSITION_NOT_ALLOWED': {
    status: 409,
    description: 'The certificate is not in a status the action is taken from (only an active one is suspended, only a suspended one reinstated; a revoked one is final); `state` and `allowedActions` say which.',
  },
  'DISCLOSURE.NOT_FOUND': { status: 404, description: 'No published disclosure with that id (one withheld for a minor or by law is not public either).' },
  'CERTIFICATE.NOT_FOUND': {
    status: 404,
    description: "No enforcement certificate with that number in the directory; or, to an administrator, no certificate with that id held by a user of their agency.",
  },
  'CASE.BUSY': {
    status: 429,
    description:
      "The case is taking more commands at once than its workflow accepts (the Temporal server limits the Updates in flight on one workflow, and the Updates one run of it takes before it continues as new): this one was not taken; send it again, with the same Idempotency-Key, after `Retry-After` seconds (a command the server dropped while it was being recorded is then answered with its record).",
  },
  'RATE.LIMITED': { status: 429, description: 'The public pages answer a limited number of requests per client and minute: retry after `Retry-After` seconds.' },
  'NOTIFICATION.NOT_FOUND': { status: 404, description: "No such notification of the caller's: another person's notification is reported as not found." },
  'WEBHOOK.ADMIN_ONLY': { status: 403, description: "An agency's webhook is managed by its administrator: the caller holds no ADMIN role." },
  'CALENDAR.ADMIN_ONLY': { status: 403, description: 'Holiday calendars are published by an administrator: the caller holds no ADMIN role.' },
  'POLICY.ADMIN_ONLY': { status: 403, description: 'Policy versions are published and compared by an administrator: the caller holds no ADMIN role.' },
  'POLICY.VERSION_EXISTS': { status: 409, description: 'A version with that id is published already (in any jurisdiction); a published version is never edited: publish under a new version id.' },
  'POLICY.NOT_FOUND': { status: 404, description: 'No jurisdiction policy of that version was published.' },
  'POLICY.NONE_PUBLISHED': { status: 409, description: "No jurisdiction policy is published for the caller's jurisdiction yet: no case can be registered." },
  'EVIDENCE.ITEM_NOT_FOUND': {
    status: 404,
    description: 'A read of an evidence item the case does not have (a command naming unknown evidence is EVIDENCE.NOT_FOUND, 422).',
  },
  'EVIDENCE.HASH_MISMATCH': { status: 409, description: 'The stored file no longer hashes to the recorded sha256: it is not served.' },
  'EVIDENCE.FILE_MISSING': { status: 409, description: 'The stored file of the evidence item is missing: nothing is served.' },
  'DOCUMENT.NOT_FOUND': { status: 404, description: 'A read of a document the case did not issue (or whose file is not stored yet).' },
  'DOCUMENT.HASH_MISMATCH': { status: 409, description: 'The stored PDF no longer hashes to the sha256 the case recorded: it is not served.' },
  'DOCUMENT.FILE_MISSING': { status: 409, description: 'The stored PDF of the document is missing: nothing is served.' },
  'ARCHIVE.NOT_BUILT': {
    status: 409,
    description: 'The case has no signed archive package to verify: it is not archived, its archive job has not reported yet (ARCHIVING), or it was archived before packages were built.',
  },
  'EVIDENCE.TOO_LARGE': { status: 413, description: 'The uploaded file exceeds the configured limit (EVIDENCE_MAX_BYTES).' },
  'IDEMPOTENCY.KEY_INVALID': { status: 400, description: 'The Idempotency-Key header must be 8-200 characters of A-Z a-z 0-9 _ - : .' },
  'IDEMPOTENCY.KEY_REUSED': { status: 422, description: 'The Idempotency-Key was already used by this user with a different request.' },
  'IDEMPOTENCY.IN_PROGRESS': { status: 409, description: 'A request with this Idempotency-Key is still being processed after the repeat waited 15 s for its answer: retry shortly (a repeat that arrives while the first runs waits for, and replays, its answer).' },
  'VALIDATION.FAILED': { status: 400, description: 'The request has invalid or unknown fields; `errors` names each field and what is wrong with it.' },
  'REQUEST.MALFORMED': { status: 400, description: 'The body could not be parsed (broken JSON or multipart).' },
  'REQUEST.TOO_LARGE': {
    status: 413,
    description: 'The JSON body exceeds the limit (2 MB; files go through multipart evidence upload), or a multipart upload has a form field over 100,000 bytes or more than 30 fields. Answered as soon as the limit is passed; nothing is recorded.',
  },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    description: 'The JSON body declares a charset or content encoding the API does not read (send UTF-8 JSON, uncompressed); nothing is recorded.',
  },
  'REQUEST.TIMEOUT': {
    status: 408,
    description: 'A multipart evidence upload sent nothing for UPLOAD_IDLE_TIMEOUT_MS (30 s by default): it was abandoned, its partial file removed, nothing recorded; send it again.',
  },
  'ROUTE.NOT_FOUND': { status: 404, description: 'No such route.' },
  'PROBLEM.UNKNOWN_CODE': { status: 404, description: 'No problem type with that code.' },
  INTERNAL: { status: 500, description: 'An unexpected error; it has been logged with its stack.' },
};

/** What a domain code of each status means in general; the `detail` of each problem says why this time. */
const DOMAIN_MEANING: Record<number, string> = {
  400: 'The command is malformed for the domain; `errors` names the fields.',
  403: 'The caller may not issue this command on this case (role, agency, assignment, certificate or independence, as the command table says).',
  409: 'The case is not in a state that accepts this command now: `state` says where the case is and `allowedActions` what the caller may do instead.',
  422: 'The command is well formed and allowed, but a legal rule forbids its content; `detail` cites the rule and `errors` the fields.',
};

function stageOf(code: string): string {
  const stage = STAGES.find((st) => code in st.codes);
  return stage ? `domain (${stage.name} stage)` : 'domain (shared rules)';
}

function entry(code: string, status: number, description: string, raisedBy: string): ProblemTypeEntry {
  const titles = PROBLEM_TITLES[code];
  return { code, status, title: TITLES[status] ?? 'Error', description, raisedBy, type: problemType(code), ...(titles ? { titles: { ...titles } } : {}) };
}

/** Every problem code the API can answer with, domain codes first (their status is the domain's). */
export function problemCatalog(): ProblemTypeEntry[] {
  const domain = Object.entries(REJECTION_CODES).map(([code, status]) =>
    entry(code, status, API_PROBLEMS[code]?.description ?? DOMAIN_MEANING[status] ?? '', API_PROBLEMS[code] ? `${stageOf(code)} and the HTTP edge` : stageOf(code)),
  );
  const api = Object.entries(API_PROBLEMS)
    .filter(([code]) => !(code in REJECTION_CODES))
    .map(([code, p]) => entry(code, p.status, p.description, 'HTTP edge'));
  return [...domain, ...api].sort((a, b) => a.code.localeCompare(b.code));
}

/** One code's entry; `HTTP.<status>` (an unmapped framework error) is described from its status. */
export function problemTypeEntry(code: string): ProblemTypeEntry | undefined {
  const known = problemCatalog().find((p) => p.code === code);
  if (known) return known;
  const http = /^HTTP\.(\d{3})$/.exec(code);
  if (http && Number(http[1]) >= 400 && Number(http[1]) < 600) {
    return entry(code, Number(http[1]), `An HTTP ${http[1]} answered by the framework (e.g. a method the route does not have).`, 'HTTP edge');
  }
  return undefined;
}
