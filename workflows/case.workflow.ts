// The case workflow: the single writer of one case's state. Every command
// arrives as an Update; its validator applies the domain rules and rejects
// synchronously, its handler records the events through an activity. Timers
// watch the statutory deadlines and record reminders and escalations.
import {
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import {
  allowedActions,
  decide,
  evolve,
  nextDeadlineAlarm,
  isTerminal,
  jobReported,
  RULE_CHANGES,
  stampedWithJob,
  SYSTEM,
  withCalendar,
  withCalendars,
  type HolidayCalendarYear,
  type JurisdictionPolicy,
  type ActorSnapshot,
  type RuleChange,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type Rejection,
} from '@zhifa/domain';
import {
  caseHeaderFacts,
  caseStateQuery,
  executeCommandUpdate,
  publishCalendarUpdate,
  reportJobUpdate,
  type CalendarUpdateResult,
  type JobReportResult,
  type CaseActivities,
  type CaseSnapshot,
  type CaseWorkflowInput,
  type CommandResult,
  type NewCaseEvent,
  type RejectionPayload,
} from '@zhifa/contracts';

const { appendCaseEvents } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});


/**
 * Each rule change is a patch: those absent from the history (a command
 * replayed from before them) do not judge it, each on its own, since changes
 * built side by side may land in either order. A new command records all.
 */
function absentRuleChanges(): RuleChange[] {
  return RULE_CHANGES.filter((change) => !patched(change));
}

/** The fallback for a year without a calendar counts 1 Jan, 1 May and 1–3 Oct off (not a rule of decide(): a patch of its own). */
const CALENDAR_FALLBACK_PATCH = 'calendar-fallback-fixed-days';

/** How long a started workflow waits for its registration before giving up. */
const REGISTRATION_WINDOW = '5 minutes';
/** How the chain records the timers' acts: the domain's one system actor. */
const SYSTEM_ACTOR_REF = { system: true as const, name: SYSTEM.name };

function rejectionFailure(r: Rejection): ApplicationFailure {
  const payload: RejectionPayload = {
    code: r.code,
    status: r.status,
    reason: r.reason,
    reasonZh: r.reasonZh,
    state: r.state,
    allowedActions: r.allowedActions,
    errors: r.errors,
  };
  return ApplicationFailure.create({ type: r.code, message: r.reason, details: [payload], nonRetryable: true });
}

function actorRef(actor: ActorSnapshot): NewCaseEvent['actor'] {
  return { userId: actor.userId, name: actor.name, roles: [...actor.roles] };
}

export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const { caseId, policy: pinned } = input;
  // The holiday calendars are not the policy's: those published when the case
  // started, then each one published later (publishCalendarUpdate). The domain
  // reads them from the policy view it is given. A workflow started before
  // calendars left the policy counts with the policy's own until then.
  let calendars: HolidayCalendarYear[] = input.calendars ?? pinned.calendars;
  // A run started before the fallback knew the fixed statutory days off counts weekends only, as its history did.
  const fixedDaysOff = patched(CALENDAR_FALLBACK_PATCH);
  let policy: JurisdictionPolicy = withCalendars(fixedDaysOff ? pinned : { ...pinned, weekendsOnlyWithoutCalendar: true }, calendars);
  const workflowId = workflowInfo().workflowId;
  let state: CaseState | null = input.carried?.state ?? null;
  let seq = input.carried?.seq ?? 0;

  const now = (): string => new Date(Date.now()).toISOString();

  async function record(events: CaseEvent[], actor: NewCaseEvent['actor'], at: string, requestId?: string): Promise<void> {
    let next = state;
    for (const e of events) next = evolve(next, e, { at, policy });
    if (!next) throw ApplicationFailure.nonRetryable('events produced no state', 'CASE.INTERNAL');
    const stored = events.map((e, i) => ({
      seq: seq + 1 + i,
      type: e.type,
      actor,
      occurredAt: at,
      payload: e as unknown as Record<string, unknown>,
    }));
    // The request id only labels the activity's input (for the logs): replay compares no activity input.
    await appendCaseEvents({ workflowId, caseId, policyVersion: pinned.version, events: stored, state: next, ...(requestId ? { requestId } : {}) });
    state = next;
    seq += events.length;
  }

  // Commands run one at a time, in arrival order: each sees the state the
  // previous one left. A promise chain, not a flag: two handlers waiting on
  // a flag can both see it clear in the same activation.
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    pending++;
    const run = queue.then(fn).finally(() => {
      pending--;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  // What a command's response shows: pure, so it changes no command or activity on replay.
  function snapshot(s: CaseState, actor: ActorSnapshot, at: string): CaseSnapshot {
    return {
      caseNumber: s.caseNumber,
      agencyId: s.agencyId,
      procedure: s.procedure,
      violationCode: s.violationCode,
      party: s.party,
      officers: s.officers,
      flags: [...s.flags],
      deadlines: s.deadlines,
      policyVersion: pinned.version,
      lastSeq: seq,
      registeredAt: s.registeredAt,
      updatedAt: at,
      allowedActions: allowedActions(s, actor, { now: at, policy }),
      ...caseHeaderFacts(s),
    };
  }

  setHandler(caseStateQuery, () => ({ state, seq }));

  // A calendar published later: adopted for every later count, and the running
  // deadlines it moves recounted as one recorded event with old and new dates.
  setHandler(
    publishCalendarUpdate,
    (calendar) =>
      exclusive(async (): Promise<CalendarUpdateResult> => {
        const at = now();
        const view = withCalendar(policy, calendar);
        const decision = state ? decide(state, { type: 'RECOMPUTE_DEADLINES', calendar }, { actor: SYSTEM, policy: view, now: at }) : null;
        policy = view;
        calendars = view.calendars;
        if (!decision?.ok) return { year: calendar.year, recorded: false, changes: [] };
        await record(decision.events, SYSTEM_ACTOR_REF, at);
        const e = decision.events[0];
        const changes = e.type === 'DEADLINE_RECOMPUTED' ? e.changes.map(({ deadline, oldDueAt, newDueAt }) => ({ deadline, oldDueAt, newDueAt })) : [];
        return { year: calendar.year, recorded: true, changes };
      }),
    {
      validator: (calendar) => {
        const ok =
          calendar && Number.isInteger(calendar.year) && Array.isArray(calendar.holidays) && Array.isArray(calendar.adjustedWorkingDays) && typeof calendar.source === 'string';
        if (!ok) throw ApplicationFailure.nonRetryable('not a holiday calendar', 'CALENDAR.INVALID');
      },
    },
  );

  // A job of apps/jobs reports what it did: a system command, recorded once per
  // job id (stamped on its events, so the case remembers it across runs).
  setHandler(
    reportJobUpdate,
    (report) =>
      exclusive(async (): Promise<JobReportResult> => {
        if (jobReported(state, report.jobId)) return { jobId: report.jobId, duplicate: true, events: [] };
        const at = now();
        const rulesAbsent = absentRuleChanges();
        const decision = decide(state, report.command, { actor: SYSTEM, policy, now: at, ...(rulesAbsent.length ? { rulesAbsent } : {}) });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
        const first = seq + 1;
        const events: CaseEvent[] = stampedWithJob(decision.events, report.jobId);
        await record(events, SYSTEM_ACTOR_REF, at);
        return { jobId: report.jobId, duplicate: false, events: events.map((e, i) => ({ seq: first + i, type: e.type })) };
      }),
    {
      validator: (report) => {
        if (!report || typeof report.jobId !== 'string' || report.jobId.length === 0 || !report.command || typeof report.command.type !== 'string') {
          throw ApplicationFailure.nonRetryable('not a job report', 'JOB.INVALID_REPORT');
        }
        if (jobReported(state, report.jobId)) return;
        const decision = decide(state, report.command, { actor: SYSTEM, policy, now: now() });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
      },
    },
  );

  setHandler(
    executeCommandUpdate,
    (envelope) =>
      exclusive(async (): Promise<CommandResult> => {
        const at = now();
        // A command recorded before a change of the rules replays under the rules it ran with.
        const rulesAbsent = absentRuleChanges();
        // State may have moved since validation (handlers queue): decide again.
        const decision = decide(state, envelope.command, { actor: envelope.actor, policy, now: at, ...(rulesAbsent.length ? { rulesAbsent } : {}) });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
        const first = seq + 1;
        await record(decision.events, actorRef(envelope.actor), at, typeof envelope.requestId === 'string' ? envelope.requestId : undefined);
        return {
          caseId,
          status: state!.status,
          events: decision.events.map((e, i) => ({ seq: first + i, type: e.type })),
          case: snapshot(state!, envelope.actor, at),
        };
      }),
    {
      validator: (envelope) => {
        const decision = decide(state, envelope.command, { actor: envelope.actor, policy, now: now() });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
      },
    },
  );

  if (!(await condition(() => state !== null, REGISTRATION_WINDOW))) return;

  while (!isTerminal(state!)) {
    const seen = seq;
    const alarm = nextDeadlineAlarm(state!);
    const wait = alarm ? Math.max(0, Date.parse(alarm.at) - Date.now()) : undefined;
    const woke = await condition(
      () => seq !== seen || workflowInfo().continueAsNewSuggested,
      wait ?? '3650 days',
    );
    if (!woke && alarm) {
      await exclusive(async () => {
        const command: CaseCommand = alarm.command;
        const at = now();
        const decision = decide(state, command, { actor: SYSTEM, policy, now: at });
        // A stale alarm (the step was done meanwhile) records nothing.
        if (decision.ok) await record(decision.events, SYSTEM_ACTOR_REF, at);
      });
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => pending === 0 && allHandlersFinished());
      await continueAsNew<typeof caseWorkflow>({ caseId, policy: pinned, calendars, carried: { state: state!, seq } });
    }
  }
  // Archived (or otherwise ended): let queued handlers finish, then complete.
  await condition(allHandlersFinished);
}
