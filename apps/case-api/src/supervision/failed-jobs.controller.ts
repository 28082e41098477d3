import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isJobQueue } from '@zhifa/contracts';
import { readScope, supervisionAccess, type ActorSnapshot } from '@zhifa/domain';
import { CaseReadRepository, JobRetryRepository, type JobRetryEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { FailedJobsService, JobNotFailedError, QueuesUnavailableError, type FailedJob } from './failed-jobs.service';
import { FailedJobListView, FailedJobsQuery, FailedJobView, JobRetriedView, JobRetryView } from './failed-jobs.views';

const UNAVAILABLE = 'JOBS.QUEUES_UNAVAILABLE: the job queues (Redis) did not answer';

/**
 * 失败任务: the jobs that used up their attempts (a document not rendered, a
 * notification not sent), for supervisors to read and send back to their queue.
 */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('supervision/jobs/failed')
export class SupervisionFailedJobsController {
  constructor(
    private readonly actors: ActorService,
    private readonly cases: CaseReadRepository,
    private readonly jobs: FailedJobsService,
    private readonly retries: JobRetryRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Failed jobs: queue, job name, case, attempts, last error, when it failed, and earlier retries; newest first (SUPERVISOR)',
    description:
      "Scoped as the supervisor reads cases (their agency): a job about a case they may not read is not listed; a job about no one case (a holiday calendar's delivery) is. At most 500 jobs are read per queue.",
  })
  @ApiOkResponse({ type: FailedJobListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor reads supervision views', 503: UNAVAILABLE })
  async list(@Principal() principal: TokenClaims, @Query() q: FailedJobsQuery): Promise<FailedJobListView> {
    const actor = await this.supervisor(principal);
    const all = (await this.reach(() => this.jobs.failed())).filter((j) => q.queue === undefined || j.queue === q.queue);
    const numbers = await this.cases.readableNumbers(readScope(actor), all.flatMap((j) => (j.caseId ? [j.caseId] : [])));
    const visible = all.filter((j) => j.caseId === null || numbers.has(j.caseId));
    const page = visible.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
    const retries = await this.retries.of(page.map((j) => ({ queue: j.queue, jobId: j.id })));
    return {
      items: page.map((j) => view(j, numbers, retries.get(`${j.queue}/${j.id}`) ?? [])),
      total: visible.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  @Post(':queue/:id/retry')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a failed job back to its queue with a fresh round of attempts; who retried it is recorded (SUPERVISOR)',
    description: 'The retry is kept in the audit (job_retries: who, when, the attempts and last error then) and in the job\'s log.',
  })
  @ApiOkResponse({ type: JobRetriedView })
  @ApiProblems(AUTHENTICATED, {
    403: 'SUPERVISION.SUPERVISOR_ONLY: only a supervisor retries jobs',
    404: 'JOBS.NOT_FOUND: no such queue or job, or one about a case the supervisor may not read',
    409: 'JOBS.NOT_FAILED: the job is not (or no longer) failed, e.g. retried already',
    503: UNAVAILABLE,
  })
  async retry(@Principal() principal: TokenClaims, @Param('queue') queue: string, @Param('id') id: string): Promise<JobRetriedView> {
    const actor = await this.supervisor(principal);
    const notFound = () =>
      new ProblemException(404, 'JOBS.NOT_FOUND', { en: `No failed job ${id} in queue ${queue}`, zh: `队列 ${queue} 中没有任务 ${id}` });
    if (!isJobQueue(queue)) throw notFound();
    const found = await this.reach(() => this.jobs.one(queue, id));
    if (!found) throw notFound();
    const { job } = found;
    if (job.caseId !== null && !(await this.cases.readableNumbers(readScope(actor), [job.caseId])).has(job.caseId)) throw notFound();

    const at = new Date().toISOString();
    try {
      await this.reach(() => this.jobs.retry(queue, id, `retried by ${actor.name} (${actor.userId}) at ${at}`));
    } catch (err) {
      if (!(err instanceof JobNotFailedError)) throw err;
      throw new ProblemException(409, 'JOBS.NOT_FAILED', {
        en: `Job ${id} is ${err.state}, not failed: there is nothing to retry`,
        zh: `任务 ${id} 当前状态为 ${err.state}，不是失败状态，无需重试`,
      });
    }
    const record = { queue, jobId: id, jobName: job.name, caseId: job.caseId, retriedBy: actor.userId, retriedByName: actor.name, attempts: job.attempts, lastError: job.lastError || null };
    const { retriedAt } = await this.retries.record(record);
    const now = await this.reach(() => this.jobs.one(queue, id));
    return { queue, id, state: now?.state ?? 'unknown', retry: { retriedBy: actor.userId, retriedByName: actor.name, retriedAt, attempts: job.attempts, lastError: record.lastError } };
  }

  private async supervisor(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    const access = supervisionAccess(actor);
    if (!access.ok) throw new ProblemException(403, 'SUPERVISION.SUPERVISOR_ONLY', access.reason);
    return actor;
  }

  private async reach<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof QueuesUnavailableError)) throw err;
      throw new ProblemException(503, 'JOBS.QUEUES_UNAVAILABLE', {
        en: `The job queues cannot be reached now (${err.message}); try again shortly`,
        zh: '暂时无法连接任务队列，请稍后再试',
      });
    }
  }
}

function view(j: FailedJob, numbers: Map<string, string>, retries: JobRetryEntity[]): FailedJobView {
  return {
    ...j,
    caseNumber: j.caseId ? (numbers.get(j.caseId) ?? null) : null,
    retries: retries.map(
      (r): JobRetryView => ({ retriedBy: r.retriedBy, retriedByName: r.retriedByName, retriedAt: r.retriedAt.toISOString(), attempts: r.attempts, lastError: r.lastError }),
    ),
  };
}
