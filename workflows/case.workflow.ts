// The case workflow: the single writer of one case's state. Every command
// arrives as an Update; its validator applies the domain rules and rejects
// synchronously, its handler records the events through an activity. Timers
// watch the statutory deadlines and record reminders and escalations.
import {
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  setHandler,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import {
  allowedActions,
  decide,
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
  type CaseState,
  type DecideResult,
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
  type CaseSnapshot,
  type CaseWorkflowInput,
  type CommandResult,
  type NewCaseEvent,
  type RejectionPayload,
} from '@zhifa/contracts';
import { caseRecorder, type Chain } from './case-recorder';

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
/** From this patch on the deadline timer runs on while a command leaves the next alarm as it was; before it, every command restarted it. */
const ALARM_TIMER_PATCH = 'alarm-timer-kept-while-unchanged';

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

/** The Update being handled: its id names the command the events are recorded for. */
function updateId(): string {
  const info = currentUpdateInfo();
  if (!info) throw ApplicationFailure.nonRetryable('not in an update', 'CASE.INTERNAL');
  return info.id;
}

/** What an alarm's timer waits for: the same key, the same timer. */
function alarmKey(alarm: ReturnType<typeof nextDeadlineAlarm>): string {
  return alarm ? `${alarm.at} ${alarm.command.type} ${alarm.command.deadline}` : 'none';
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
  const chain: Chain = { state: input.carried?.state ?? null, seq: input.carried?.seq ?? 0 };
  const recorder = caseRecorder(chain, { workflowId, caseId, policyVersion: pinned.version, policy: () => policy }, input.carried?.recent);

  const now = (): string => new Date(Date.now()).toISOString();

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
      lastSeq: chain.seq,
      registeredAt: s.registeredAt,
      updatedAt: at,
      allowedActions: allowedActions(s, actor, { now: at, policy }),
      ...caseHeaderFacts(s),
    };
  }

  const validated = validatedDecisions();

  setHandler(caseStateQuery, () => ({ state: chain.state, seq: chain.seq }));

  // A calendar published later: adopted for every later count, and the running
  // deadlines it moves recounted as one recorded event with old and new dates.
  setHandler(
    publishCalendarUpdate,
    (calendar) => {
      // The Update's id, taken as it arrives (the queued handler runs later).
      const commandId = updateId();
      return exclusive(async (): Promise<CalendarUpdateResult> => {
        const at = now();
        const view = withCalendar(policy, calendar);
        policy = view;
        calendars = view.calendars;
        const outcome = await recorder.record({
          commandId,
          // Nothing to recount is no refusal: the calendar is adopted all the same.
          decide: () => {
            const decision = chain.state ? decide(chain.state, { type: 'RECOMPUTE_DEADLINES', calendar }, { actor: SYSTEM, policy: view, now: at }) : null;
            return decision?.ok ? decision : null;
          },
          actor: SYSTEM_ACTOR_REF,
          at,
        });
        const e = outcome.ok ? outcome.events[0] : undefined;
        if (!e) return { year: calendar.year, recorded: false, changes: [] };
        const changes = e.type === 'DEADLINE_RECOMPUTED' ? (e.changes ?? []).map(({ deadline, oldDueAt, newDueAt }) => ({ deadline, oldDueAt, newDueAt })) : [];
        return { year: calendar.year, recorded: true, changes };
      });
    },
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
    (report) => {
      // The Update's id, taken as it arrives (the queued handler runs later).
      const commandId = updateId();
      return exclusive(async (): Promise<JobReportResult> => {
        if (jobReported(chain.state, report.jobId)) return { jobId: report.jobId, duplicate: true, events: [] };
        const at = now();
        const rulesAbsent = absentRuleChanges();
        const outcome = await recorder.record({
          commandId,
          // Null once the job's events are in the state (adopted from a failed workflow task under another report).
          decide: () =>
            jobReported(chain.state, report.jobId)
              ? null
              : stamped(decide(chain.state, report.command, { actor: SYSTEM, policy, now: at, ...(rulesAbsent.length ? { rulesAbsent } : {}) }), report.jobId),
          actor: SYSTEM_ACTOR_REF,
          at,
        });
        if (!outcome.ok) throw rejectionFailure(outcome.rejection);
        if (outcome.events.length === 0) return { jobId: report.jobId, duplicate: true, events: [] };
        return { jobId: report.jobId, duplicate: false, events: outcome.events.map((e, i) => ({ seq: outcome.first + i, type: e.type })) };
      });
    },
    {
      validator: (report) => {
        if (!report || typeof report.jobId !== 'string' || report.jobId.length === 0 || !report.command || typeof report.command.type !== 'string') {
          throw ApplicationFailure.nonRetryable('not a job report', 'JOB.INVALID_REPORT');
        }
        if (jobReported(chain.state, report.jobId) || recorder.recorded(updateId())) return;
        const decision = decide(chain.state, report.command, { actor: SYSTEM, policy, now: now() });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
      },
    },
  );

  setHandler(
    executeCommandUpdate,
    (envelope) => {
      // The Update's id, taken as it arrives (the queued handler runs later).
      const commandId = updateId();
      return exclusive(async (): Promise<CommandResult> => {
        const at = now();
        // A command recorded before a change of the rules replays under the rules it ran with.
        const rulesAbsent = absentRuleChanges();
        const early = validated.take(commandId);
        const outcome = await recorder.record({
          commandId,
          // The validator's decision when nothing moved since (same seq, policy, instant and rules); otherwise decided
          // again: handlers queue, and a command may run after others, or after adopting a failed task's events.
          decide: () =>
            (rulesAbsent.length === 0 ? early.decisionIfUnchanged(chain.seq, policy, at) : undefined) ??
            decide(chain.state, envelope.command, { actor: envelope.actor, policy, now: at, ...(rulesAbsent.length ? { rulesAbsent } : {}) }),
          actor: actorRef(envelope.actor),
          at,
          ...(typeof envelope.requestId === 'string' ? { requestId: envelope.requestId } : {}),
        });
        if (!outcome.ok) throw rejectionFailure(outcome.rejection);
        return {
          caseId,
          status: chain.state!.status,
          events: outcome.events.map((e, i) => ({ seq: outcome.first + i, type: e.type })),
          case: snapshot(chain.state!, envelope.actor, at),
        };
      });
    },
    {
      validator: (envelope) => {
        const commandId = updateId();
        if (recorder.recorded(commandId)) return;
        const at = now();
        const decision = decide(chain.state, envelope.command, { actor: envelope.actor, policy, now: at });
        if (!decision.ok) throw rejectionFailure(decision.rejection);
        validated.keep(commandId, { seq: chain.seq, policy, at, decision });
      },
    },
  );

  if (!(await condition(() => chain.state !== null, REGISTRATION_WINDOW))) return;

  while (!isTerminal(chain.state!)) {
    const seen = chain.seq;
    const alarm = nextDeadlineAlarm(chain.state!);
    const wait = alarm ? Math.max(0, Date.parse(alarm.at) - Date.now()) : undefined;
    // Woken by what changes the timer to arm (or ends the case); before the patch, by every recorded event.
    const key = alarmKey(alarm);
    const wake = patched(ALARM_TIMER_PATCH)
      ? () => isTerminal(chain.state!) || alarmKey(nextDeadlineAlarm(chain.state!)) !== key
      : () => chain.seq !== seen;
    const woke = await condition(() => wake() || workflowInfo().continueAsNewSuggested, wait ?? '3650 days');
    if (!woke && alarm) {
      await exclusive(async () => {
        const command: CaseCommand = alarm.command;
        const at = now();
        // A stale alarm (the step was done meanwhile) records nothing.
        await recorder.record({
          commandId: `alarm:${chain.seq}:${command.type}:${alarm.command.deadline}`,
          decide: () => {
            const decision = decide(chain.state, command, { actor: SYSTEM, policy, now: at });
            return decision.ok ? decision : null;
          },
          actor: SYSTEM_ACTOR_REF,
          at,
        });
      });
    }
    if (workflowInfo().continueAsNewSuggested) {
      await condition(() => pending === 0 && allHandlersFinished());
      await continueAsNew<typeof caseWorkflow>({ caseId, policy: pinned, calendars, carried: { state: chain.state!, seq: chain.seq, recent: recorder.recent() } });
    }
  }
  // Archived (or otherwise ended): let queued handlers finish, then complete.
  await condition(allHandlersFinished);
}

/** A job's events, stamped with its id (a refusal as it is). */
function stamped(decision: ReturnType<typeof decide>, jobId: string): ReturnType<typeof decide> {
  return decision.ok ? { ok: true, events: stampedWithJob(decision.events, jobId) } : decision;
}

/**
 * What a command's validator decided, kept for its handler: deciding twice
 * when nothing moved in between cost a second full decide() per command. The
 * handler takes its entry as it starts (so none outlives its Update) and uses
 * it only when the chain, the policy view and the workflow time are those the
 * validator saw. On replay no validator runs: the handler decides, and the
 * same inputs give the same events.
 */
function validatedDecisions() {
  type Seen = { seq: number; policy: JurisdictionPolicy; at: string; decision: DecideResult };
  const kept = new Map<string, Seen>();
  return {
    keep(commandId: string, seen: Seen): void {
      kept.set(commandId, seen);
    },
    take(commandId: string) {
      const seen = kept.get(commandId);
      kept.delete(commandId);
      return {
        decisionIfUnchanged(seq: number, policy: JurisdictionPolicy, at: string): DecideResult | undefined {
          return seen && seen.seq === seq && seen.policy === policy && seen.at === at ? seen.decision : undefined;
        },
      };
    },
  };
}
