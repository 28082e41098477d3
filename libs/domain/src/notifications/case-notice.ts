// Who is told what about a recorded event. The audience is judged on the case
// as the event left it (and as it stood just before), from the people who may
// read it: the case's officers; the people the event concerns by name (the
// legal reviewer, the hearing host, auxiliary staff attached); whoever the
// event hands a new step to (the head for an approval or a decision, the
// reviewer for a review, the host for a hearing, the police for a transfer);
// and, for the steps of a dispatched transfer, the liaisons of the bodies it
// is addressed to. A deadline's reminder and escalation go to the people
// responsible for it (DEADLINE_OWNER), an agency's escalation to its heads
// too. Nobody is told of their own act, and nobody of a case they cannot read.

import type { ActorSnapshot } from '../case/actor.types';
import type { AllowedActionsOptions } from '../case/allowed-actions';
import type { CaseEvent } from '../case/case-events';
import type { CaseState } from '../case/case-state';
import { criminalTransfer } from '../case/stages/criminal-transfer';
import { transferBodySteps } from '../case/stages/transfer-body-steps';
import { transferPoliceSteps } from '../case/stages/transfer-police-steps';
import { AGENCY_RIGHT_WINDOWS, DEADLINE_OWNER } from '../case/deadlines';
import { localDate } from '../calendar';
import { CHINA_TIME_ZONE, msg, zhDate, type Message } from '../case/messages';
import { addressedTo, readAccess } from '../case/read-access';
import { tasksFor } from '../case/tasks';
import type { DeadlineKind } from '../case/vocabulary';
import { zhDeadline } from '../case/zh-vocabulary';
import { EN_DEADLINE, EVENT_NOTICES, type NoticeSection } from './event-notices';

/** Why a person is told: shown beside the message, so a reader knows what it asks of them. */
export const NOTICE_REASONS = ['OFFICER', 'NAMED', 'WAITING', 'LIAISON', 'RESPONSIBLE', 'HEAD'] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];

export interface NoticeRecipient {
  userId: string;
  reason: NoticeReason;
}

export interface CaseNotice {
  recipients: NoticeRecipient[];
  message: Message;
  section: NoticeSection;
}

export interface CaseNoticeInput {
  caseNumber: string;
  event: CaseEvent;
  /** The user who recorded the event; absent for the workflow's own timers. */
  actorUserId?: string;
  /** The case just before the event (null before the first) and as the event left it. */
  before: CaseState | null;
  after: CaseState;
  /** Everyone who might be told: the agency's active people and the liaisons of the bodies the case's transfer names. */
  people: readonly ActorSnapshot[];
  /** The pinned policy and the event's instant, so steps are judged as on that day. */
  opts?: AllowedActionsOptions;
  /** The zone the case counts days in (the policy's). */
  timeZone?: string;
}

/** Events of the transfer's own stages: the bodies it is addressed to follow them. */
const TRANSFER_EVENTS: ReadonlySet<string> = new Set([
  ...Object.keys(criminalTransfer.events),
  ...Object.keys(transferPoliceSteps.events),
  ...Object.keys(transferBodySteps.events),
]);

export function caseNotice(input: CaseNoticeInput): CaseNotice {
  const { event, after } = input;
  const label = EVENT_NOTICES[event.type];
  const told = new Map<string, NoticeReason>();
  const tell = (userId: string | undefined, reason: NoticeReason) => {
    if (userId && !told.has(userId)) told.set(userId, reason);
  };
  const officers = () => after.officers.forEach((o) => tell(o.userId, 'OFFICER'));
  const liaisons = (roles: readonly ('POLICE_LIAISON' | 'PROCURATORATE')[], reason: NoticeReason) =>
    input.people.filter((p) => roles.some((r) => p.roles.includes(r) && addressedTo(after, r, p.body))).forEach((p) => tell(p.userId, reason));

  let detail: Message | undefined;
  if (event.type === 'DEADLINE_APPROACHING' || event.type === 'DEADLINE_MISSED') {
    const missed = event.type === 'DEADLINE_MISSED';
    const kind = event.deadline;
    responsibleFor(input, kind, missed, tell, officers, liaisons);
    // The day the event itself recorded: the instant's local date, whatever the case's calendar says since.
    const isoDay = localDate(event.dueAt, input.timeZone ?? CHINA_TIME_ZONE);
    const day = zhDate(isoDay);
    detail = missed
      ? msg(`the ${EN_DEADLINE[kind]} ended on ${isoDay}`, `${zhDeadline(kind)}已于${day}届满`)
      : msg(`the ${EN_DEADLINE[kind]} ends on ${isoDay}`, `${zhDeadline(kind)}将于${day}届满`);
  } else {
    officers();
    for (const id of namedIn(event, after)) tell(id, 'NAMED');
    for (const p of newlyWaiting(input)) tell(p, 'WAITING');
    if (TRANSFER_EVENTS.has(event.type)) liaisons(['POLICE_LIAISON', 'PROCURATORATE'], 'LIAISON');
  }

  const byId = new Map(input.people.map((p) => [p.userId, p]));
  const recipients = [...told]
    .filter(([userId]) => userId !== input.actorUserId)
    .filter(([userId]) => {
      const p = byId.get(userId);
      return p !== undefined && readAccess(after, p).ok;
    })
    .map(([userId, reason]) => ({ userId, reason }));
  const message = msg(
    `${input.caseNumber}: ${label.en}${detail ? ` — ${detail.en}` : ''}`,
    `${input.caseNumber}：${label.zh}${detail ? `，${detail.zh}` : ''}`,
  );
  return { recipients, message, section: label.section };
}

/**
 * The people a deadline is theirs to meet. The agency's: the case officers
 * and whoever the deadline's step waits for (the head for an approval, the
 * named reviewer for a review); at the escalation also the agency's heads,
 * unless it was a window for a right of the agency (lapsing is no delay).
 * The police's (or the procuratorate's): the liaisons of the body it was
 * dispatched to, and at the escalation the case officers, who may now act on
 * the silence. The party's:
 * the case officers, who follow its window.
 */
function responsibleFor(
  input: CaseNoticeInput,
  kind: DeadlineKind,
  missed: boolean,
  tell: (userId: string | undefined, reason: NoticeReason) => void,
  officers: () => void,
  liaisons: (roles: readonly ('POLICE_LIAISON' | 'PROCURATORATE')[], reason: NoticeReason) => void,
): void {
  const owner = DEADLINE_OWNER[kind];
  if (owner === 'POLICE' || owner === 'PROCURATORATE') {
    liaisons([owner === 'POLICE' ? 'POLICE_LIAISON' : 'PROCURATORATE'], 'RESPONSIBLE');
    if (missed) officers();
    return;
  }
  officers();
  if (owner !== 'AGENCY') return;
  for (const p of input.people) {
    if (tasksFor(input.after, p, input.opts).some((t) => t.deadline === kind)) tell(p.userId, 'RESPONSIBLE');
  }
  if (missed && !AGENCY_RIGHT_WINDOWS.includes(kind)) {
    input.people.filter((p) => p.agencyId === input.after.agencyId && p.roles.includes('AGENCY_HEAD')).forEach((p) => tell(p.userId, 'HEAD'));
  }
}

/** People an event concerns by name: the reviewer of a review, the host of a hearing, staff attached or recused. */
function namedIn(event: CaseEvent, after: CaseState): string[] {
  switch (event.type) {
    case 'LEGAL_REVIEW_REQUESTED':
    case 'LEGAL_REVIEW_RECORDED':
      return [after.legalReview?.assignee?.userId].filter((x): x is string => Boolean(x));
    case 'LEGAL_REVIEW_REASSIGNED':
      return [event.reviewer.userId, event.previous?.userId].filter((x): x is string => Boolean(x));
    case 'HEARING_SCHEDULED':
    case 'HEARING_HELD':
    case 'HEARING_ENDED':
      return [after.hearing?.host?.userId].filter((x): x is string => Boolean(x));
    case 'AUXILIARY_ATTACHED':
      return [event.auxiliary.userId];
    case 'PERSON_RECUSED':
      return [event.userId];
    default:
      return [];
  }
}

/** Whoever has a step open after the event that was not open before it: the event put it in their hands. */
function newlyWaiting(input: CaseNoticeInput): string[] {
  const out: string[] = [];
  for (const p of input.people) {
    const now = tasksFor(input.after, p, input.opts).map((t) => t.action);
    if (!now.length) continue;
    const was = new Set(input.before ? tasksFor(input.before, p, input.opts).map((t) => t.action) : []);
    if (now.some((a) => !was.has(a))) out.push(p.userId);
  }
  return out;
}
