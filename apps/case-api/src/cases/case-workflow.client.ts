import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  allowedActions,
  decide,
  gate,
  isSealed,
  isSupplement,
  localDate,
  outsidePowers,
  type ActorSnapshot,
  type CaseCommand,
  type CaseState,
  type CommandOf,
  type CommandType,
  type Rejection,
  zhStatus,
} from '@zhifa/domain';
import {
  caseWorkflowId,
  CASE_WORKFLOW_TYPE,
  executeCommandUpdate,
  type CaseWorkflowInput,
  type CommandEnvelope,
  type CommandResult,
  type RejectionPayload,
} from '@zhifa/contracts';
import { CalendarRepository, CaseEventStore, type CaseEntity } from '@zhifa/persistence';
import { ProblemException } from '../common/problem';
import { currentRequest } from '../common/request-context';
import { TemporalClientProvider } from '../temporal/temporal-client.provider';
import { CaseDirectoryService } from './case-directory.service';

/** A lead as a request describes it; the case id, number and agency are the API's to assign. */
export type Lead = Omit<CommandOf<'REGISTER_LEAD'>, 'caseId' | 'caseNumber' | 'agencyId'>;

/** Commands carry resolved people; requests name them by id. Errors speak the request's language. */
const REQUEST_FIELDS: Record<string, string> = {
  officers: 'officerIds',
  collectors: 'collectedByIds',
  attendees: 'attendeeIds',
  host: 'hostId',
  replacement: 'replacementId',
};

function requestField(field: string): string {
  return field.replace(/^([A-Za-z]+)/, (name) => REQUEST_FIELDS[name] ?? name);
}

/**
 * A rejection as a problem, in both languages. A rejection a worker of an
 * older release recorded carries no Chinese: its English stands in for it.
 */
export function rejectionProblem(r: Rejection | RejectionPayload): ProblemException {
  const written = r as Partial<Pick<Rejection, 'reasonZh'>> & { errors?: { field: string; message: string; messageZh?: string }[] };
  return new ProblemException(r.status, r.code, { en: r.reason, zh: written.reasonZh ?? r.reason }, {
    ...(r.status === 409 ? { state: r.state, allowedActions: r.allowedActions } : {}),
    ...(written.errors?.length
      ? { errors: written.errors.map((e) => ({ field: requestField(e.field), message: e.message, messageZh: e.messageZh ?? e.message })) }
      : {}),
  });
}

/** A case id that is the same for every retry of one Idempotency-Key (so a retry never opens a second case). */
export function caseIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return crypto.randomUUID();
  const h = createHash('sha256').update(`register:${userId}:${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A command as the workflow receives it, with the current request's id (for
 * the worker's logs); the request's log line learns the case and workflow.
 */
/** The Update's id: the caller's Idempotency-Key, else one of this request's own, so a retry of the same request is the same Update. */
function updateIdFor(actor: ActorSnapshot, idempotencyKey: string | undefined): string {
  return idempotencyKey ? `${actor.userId}:${idempotencyKey}` : crypto.randomUUID();
}

/** How often an Update the server gave back unprocessed is sent again (with the same id) before the caller is told. */
const UNPROCESSED_ATTEMPTS = 5;

/**
 * The server answers UnprocessedUpdate when a workflow task completed without
 * taking the Update (seen under a burst of commands on one case): nothing was
 * decided for it, or its handler recorded it and the workflow answers the same
 * id with that record. Either way sending it again is safe and gives the answer.
 */
export async function sentAgainIfUnprocessed<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const unprocessed = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'UnprocessedUpdate';
      if (!unprocessed || attempt >= UNPROCESSED_ATTEMPTS) throw err;
    }
  }
}

function envelope(command: CaseCommand, actor: ActorSnapshot, caseId: string, workflowId: string): CommandEnvelope {
  const request = currentRequest();
  if (!request) return { command, actor };
  request.caseId = caseId;
  request.workflowId = workflowId;
  return { command, actor, requestId: request.requestId };
}

/** The Temporal client of the case workflows: sends commands as Updates and turns rejections into problems. */
@Injectable()
export class CaseWorkflowClient {
  constructor(
    private readonly temporal: TemporalClientProvider,
    private readonly directory: CaseDirectoryService,
    private readonly calendars: CalendarRepository,
    private readonly events: CaseEventStore,
  ) {}

  /** 案源登记: starts the case's workflow with its first command. */
  async register(actor: ActorSnapshot, lead: Lead, idempotencyKey?: string): Promise<CommandResult> {
    const agency = await this.directory.agency(actor.agencyId);
    const policy = await this.directory.currentPolicy(agency.jurisdiction);
    const caseId = caseIdFor(actor.userId, idempotencyKey);
    const now = new Date().toISOString();
    const command = (caseNumber: string): CaseCommand => ({ ...lead, caseId, caseNumber, agencyId: agency.id });

    // Judge first, so a rejected lead neither starts a workflow nor uses up a case number.
    const pre = decide(null, command('PENDING'), { actor, policy, now });
    if (!pre.ok) throw rejectionProblem(pre.rejection);
    const outside = outsidePowers(agency.powers, lead.violationCode, agency.name);
    if (outside) throw new ProblemException(422, 'CASE.OUTSIDE_AGENCY_POWERS', outside);

    const caseNumber = await this.directory.nextCaseNumber(agency, Number(localDate(now, policy.timeZone).slice(0, 4)));
    // The calendars published now, by year; a year published later reaches the case through apps/jobs.
    const input: CaseWorkflowInput = { caseId, policy, calendars: await this.calendars.forCases() };
    return this.mapFailures(null, updateIdFor(actor, idempotencyKey), (updateId) =>
      this.temporal.client.workflow.executeUpdateWithStart(executeCommandUpdate, {
        args: [envelope(command(caseNumber), actor, caseId, caseWorkflowId(caseId))],
        // An operation is used once: a new one for each attempt.
        startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
          workflowId: caseWorkflowId(caseId),
          taskQueue: this.temporal.cfg.temporal.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
        updateId,
      }),
    );
  }

  /** A command on an existing case, whose row the caller has read (its workflow id, and its status if the workflow ended). */
  async execute(row: CaseEntity, actor: ActorSnapshot, command: CaseCommand, idempotencyKey?: string): Promise<CommandResult> {
    if (isSealed(row.status) && isSupplement(command.type)) return this.supplement(row, actor, command, idempotencyKey);
    const handle = this.temporal.client.workflow.getHandle(row.workflowId);
    return this.mapFailures(row, updateIdFor(actor, idempotencyKey), (updateId) =>
      handle.executeUpdate(executeCommandUpdate, { args: [envelope(command, actor, row.id, row.workflowId)], updateId }),
    );
  }

  /**
   * 补充归档: an archived case's workflow has ended, so a supplement (a
   * challenge or its outcome) starts a new run of the same workflow id
   * carrying the case as the chain left it (state and last seq, as for
   * continue-as-new). The run judges the command with decide() like any
   * other, appends it to the same hash chain, and ends again. A run still
   * open (the archiving one, or another supplement) takes it instead.
   */
  private async supplement(row: CaseEntity, actor: ActorSnapshot, command: CaseCommand, idempotencyKey?: string): Promise<CommandResult> {
    const policy = await this.directory.policyVersion(row.policyVersion);
    const input: CaseWorkflowInput = { caseId: row.id, policy, carried: { state: row.state as unknown as CaseState, seq: row.lastSeq } };
    return this.mapFailures(row, updateIdFor(actor, idempotencyKey), (updateId) =>
      this.temporal.client.workflow.executeUpdateWithStart(executeCommandUpdate, {
        args: [envelope(command, actor, row.id, row.workflowId)],
        startWorkflowOperation: new WithStartWorkflowOperation(CASE_WORKFLOW_TYPE, {
          workflowId: row.workflowId,
          taskQueue: this.temporal.cfg.temporal.taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
        updateId,
      }),
    );
  }

  private async mapFailures(
    row: { id: string; status: string; state: Record<string, unknown> } | null,
    updateId: string,
    call: (updateId: string) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    try {
      return await sentAgainIfUnprocessed(() => call(updateId));
    } catch (err) {
      const recorded = row && !(err instanceof WorkflowUpdateFailedError) ? await this.recordedAnyway(row.id, updateId) : null;
      if (recorded) return recorded;
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        const payload = err.cause.details?.[0] as RejectionPayload | undefined;
        if (payload?.code) throw rejectionProblem(payload);
        throw new ProblemException(500, err.cause.type ?? 'CASE.COMMAND_FAILED', {
          en: err.cause.message,
          zh: `操作未能完成，已记录（${err.cause.message}）`,
        });
      }
      if (row && (err instanceof WorkflowNotFoundError || /already completed/i.test(String(err)))) {
        // The workflow has ended (archived or declined): the case is sealed.
        const code = isSealed(row.status) ? 'CASE.ARCHIVED' : 'CASE.CLOSED_FOR_COMMANDS';
        throw new ProblemException(409, code, { en: `The case is ${row.status}; it accepts no more commands`, zh: `案件${zhStatus(row.status)}，不再受理任何操作` }, {
          state: row.status,
          allowedActions: [],
        });
      }
      throw err;
    }
  }

  /**
   * The server lost an Update's acceptance (a workflow task that failed after
   * its local activity appended; docs/architecture.md) and refused the
   * client's repeat of it (its in-flight limit reached: 429 CASE.BUSY) or did
   * not answer it: the chain may hold its events all the same, adopted by the
   * next command. Then the command did take effect and is answered so (the
   * case as its row shows it), never "nothing was recorded".
   */
  private async recordedAnyway(caseId: string, updateId: string): Promise<CommandResult | null> {
    try {
      const events = await this.events.recordedBy(caseId, updateId);
      if (events.length === 0) return null;
      return { caseId, status: (await this.directory.caseRow(caseId)).status, events };
    } catch {
      // Not readable now (the database away too): the caller hears the failure as it was.
      return null;
    }
  }

  /** What the caller may do now on this case, judged with the case's own policy (certificates included). */
  async allowedFor(row: { state: unknown; policyVersion: string }, actor: ActorSnapshot): Promise<string[]> {
    // A case whose policy version cannot be read is still shown; its actions are then judged without certificate dates.
    const policy = await this.directory.publishedPolicy(row.policyVersion);
    return allowedActions(row.state as CaseState, actor, policy ? { now: new Date().toISOString(), policy } : {});
  }

  /**
   * The domain's refusal of this actor for every command behind a route, if it
   * is an authorisation refusal (403), judged before the request's payload as
   * decide() orders its checks: the gate (role, agency, assignment,
   * certificate, independence) with the payload fields it probes. Null when
   * some command passes the gate or is refused for another reason (the
   * workflow then judges the whole command). Registration has no case: the
   * domain's registration rule is asked with an empty lead.
   */
  async authorisationRefusal(row: CaseEntity | null, actor: ActorSnapshot, commands: CommandType[], probe: object = {}): Promise<ProblemException | null> {
    const now = new Date().toISOString();
    if (row === null) {
      const agency = await this.directory.agency(actor.agencyId);
      const policy = await this.directory.currentPolicy(agency.jurisdiction);
      const d = decide(null, { type: 'REGISTER_LEAD' } as CaseCommand, { actor, policy, now });
      return !d.ok && d.rejection.status === 403 ? rejectionProblem(d.rejection) : null;
    }
    const policy = await this.directory.policyVersion(row.policyVersion);
    const state = row.state as unknown as CaseState;
    const refusals = commands.map((type) => gate(state, { ...probe, type } as CaseCommand, actor, { now, policy }));
    const first = refusals[0];
    if (!first || refusals.some((f) => f === null || f.status !== 403)) return null;
    return rejectionProblem({ ...first, state: state.status, allowedActions: [] });
  }
}
