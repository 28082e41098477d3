import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  ACTION_NAMES,
  CASE_STATUSES,
  CERTIFICATE_STATUSES,
  DEADLINE_KINDS,
  ROLES,
  byUrgency,
  certificateValidOn,
  deadlineStanding,
  localDate,
  tasksFor,
  type CaseState,
} from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { DeadlineClock } from '../cases/deadline-clock.service';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';

/** One step waiting for the caller, with the deadline it answers to. */
export class TaskView {
  @ApiProperty({ type: String, format: 'uuid' })
  caseId!: string;

  @ApiProperty({ type: String })
  caseNumber!: string;

  @ApiProperty({ enum: CASE_STATUSES })
  status!: string;

  @ApiProperty({ enum: ACTION_NAMES, description: 'The command path under /cases/{id} to take the step' })
  action!: string;

  @ApiPropertyOptional({ enum: DEADLINE_KINDS, description: 'The running deadline the step answers to' })
  deadline?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  dueAt?: string;

  @ApiPropertyOptional({ type: String, example: 'MSA 57', description: "The deadline's legal source" })
  source?: string;

  @ApiPropertyOptional({
    type: Number,
    example: 3,
    description: "With dueAt: whole days from today to the due day in the agency's time zone; 0 on the due day, negative once past",
  })
  daysLeft?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'With dueAt: the due instant has passed' })
  overdue?: boolean;
}

export class TaskListView {
  @ApiProperty({ type: [TaskView], description: 'Most urgent first: the overdue, then the soonest due, then steps with no running deadline' })
  items!: TaskView[];

  @ApiProperty({ type: Number })
  total!: number;
}

/** A certificate (执法证 or reviewer qualification) as the directory holds it, and whether it is valid today. */
export class MyCertificateView {
  @ApiProperty({ type: String, example: '14040120240001' })
  number!: string;

  @ApiProperty({ type: String, example: 'ENFORCEMENT:market' })
  scope!: string;

  @ApiProperty({ type: String, format: 'date' })
  validFrom!: string;

  @ApiProperty({ type: String, format: 'date' })
  validTo!: string;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status!: string;

  @ApiProperty({ type: Boolean, description: "Active and within its dates on today's date in the agency's time zone" })
  validToday!: boolean;
}

/** Who the caller is, as the directory says now (not as the token says). */
export class MeView {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, example: '张伟' })
  name!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  agencyId!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiProperty({ type: [MyCertificateView] })
  certificates!: MyCertificateView[];

  @ApiPropertyOptional({ type: String, example: '长治市公安局', description: 'The outside body a police or procuratorate liaison belongs to: transfers dispatched to it are theirs' })
  body?: string;
}

/** Cases read per page while gathering tasks; the reader sees at most MAX_CASES of them. */
const PAGE = 100;
const MAX_CASES = 2000;

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly clock: DeadlineClock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who I am: name, agency, roles and certificates as the directory holds them now',
    description: 'Read from Postgres on every call, so a role withdrawn or a certificate suspended shows at once.',
  })
  @ApiOkResponse({ type: MeView })
  @ApiProblems(AUTHENTICATED)
  async me(@Principal() principal: TokenClaims): Promise<MeView> {
    const actor = await this.actors.caller(principal);
    // "Today" in the agency's time zone, as its current policy states it.
    const agency = await this.directory.agency(actor.agencyId);
    // No policy published yet (409 elsewhere) is no reason to hide who I am; any other failure is.
    const policy = await this.directory.currentPolicy(agency.jurisdiction).catch((err: unknown) => {
      if (err instanceof ProblemException && err.code === 'POLICY.NONE_PUBLISHED') return undefined;
      throw err;
    });
    const today = localDate(new Date().toISOString(), policy?.timeZone ?? 'Asia/Shanghai');
    return {
      userId: actor.userId,
      name: actor.name,
      agencyId: actor.agencyId,
      roles: [...actor.roles],
      certificates: actor.certificates.map((c) => ({ ...c, validToday: certificateValidOn(c, today) })),
      ...(actor.body ? { body: actor.body } : {}),
    };
  }

  @Get('tasks')
  @ApiOperation({
    summary: 'What is waiting for me: every step I may take now across the cases I can read, overdue first, then most urgent',
    description:
      "Judged by the domain from my roles, assignments and certificates read now; each task names the deadline it answers to, with the days left to it counted in the agency's time zone.",
  })
  @ApiOkResponse({ type: TaskListView })
  @ApiProblems(AUTHENTICATED)
  async tasks(@Principal() principal: TokenClaims): Promise<TaskListView> {
    const actor = await this.actors.caller(principal);
    const now = this.clock.now();
    const items: TaskView[] = [];
    for (let page = 1; (page - 1) * PAGE < MAX_CASES; page++) {
      const { rows, total } = await this.directory.readableCases(actor, { page, pageSize: PAGE });
      for (const row of rows) {
        // One case's policy that cannot be read must not hide every other task: that case is judged without certificate dates.
        const policy = await this.directory.publishedPolicy(row.policyVersion);
        const { timeZone } = this.clock.under(policy, now);
        for (const task of tasksFor(row.state as unknown as CaseState, actor, policy ? { now, policy } : {})) {
          const standing = task.dueAt ? deadlineStanding(task.dueAt, now, timeZone) : {};
          items.push({ caseId: row.id, caseNumber: row.caseNumber, status: row.status, ...task, ...standing });
        }
      }
      if (page * PAGE >= total) break;
    }
    // Overdue first, then soonest due; steps with no running deadline after them; ties by case number.
    items.sort((a, b) => byUrgency(a, b) || a.caseNumber.localeCompare(b.caseNumber));
    return { items, total: items.length };
  }
}
