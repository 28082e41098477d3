import { Controller, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseEventStore, type CaseAccessRow } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from './case-directory.service';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { CaseListView, caseView, CaseView } from './case-view';
import { CaseWorkflowClient } from './case-workflow.client';
import { DeadlineClock } from './deadline-clock.service';
import { ListCasesQuery } from './list-cases.query';
import { TimelineAuditService } from './timeline-audit.service';
import { ChainVerificationView, TimelineView } from './timeline.views';

/** A read of one case: unknown or hidden is 404, a case of the agency the caller is not assigned to is 403. */
const ONE_CASE = { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND' };

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly actors: ActorService,
    private readonly commands: CaseWorkflowClient,
    private readonly directory: CaseDirectoryService,
    private readonly events: CaseEventStore,
    private readonly clock: DeadlineClock,
    private readonly audit: TimelineAuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The cases I may read, newest first, with what I may do on each (filters: status, flag, overdue, officer, dates, text)', description: 'Scoped as the caller reads cases: the agency\'s cases for its staff and supervisors, the transfers dispatched to their body for a police or procuratorate liaison. Each item carries the actions the caller may take on it now. Paged with `page` and `pageSize`; filters combine.' })
  @ApiOkResponse({ type: CaseListView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: a filter is invalid' })
  async list(@Principal() principal: TokenClaims, @Query() q: ListCasesQuery): Promise<CaseListView> {
    const actor = await this.actors.caller(principal);
    const { rows, total } = await this.directory.readableCases(actor, q);
    return {
      items: await Promise.all(rows.map(async (r) => caseView(r, await this.commands.allowedFor(r, actor), await this.clock.of(r.policyVersion)))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case as its read model holds it, with the actions I may take now', description: 'The case\'s read model (status, parties, officers, deadlines with their basis, flags) and `allowedActions`, judged for the caller now. A case the caller may not know of is 404; a case of their agency they are not assigned to is 403.' })
  @ApiOkResponse({ type: CaseView })
  @ApiProblems(AUTHENTICATED, ONE_CASE)
  async get(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<CaseView> {
    return this.view(id, principal);
  }

  /** Every recorded event with its place in the hash chain. */
  @Get(':id/timeline')
  @ApiOperation({
    summary: 'Every recorded event of the case with its actor, time and place in the hash chain, and its audit',
    description: "Each event's `audit`: the role its actor acted in, the certificate valid that day where they acted as an officer or legal reviewer, a liaison's body, and the deadlines it met (on time or late) or missed.",
  })
  @ApiOkResponse({ type: TimelineView })
  @ApiProblems(AUTHENTICATED, ONE_CASE)
  async timeline(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<TimelineView> {
    const row = await this.readableChain(id, principal);
    return { caseId: id, events: await this.audit.timeline(row) };
  }

  /** Recomputes the chain; says where it breaks. */
  @Get(':id/timeline/verify')
  @ApiOperation({ summary: 'Recompute the hash chain and say where it breaks, if it does', description: 'Recomputes every event\'s hash from its content and the previous event\'s hash, and says whether the whole chain holds and, if not, the first event where it breaks. Read-only: it changes nothing.' })
  @HttpCode(200)
  @ApiOkResponse({ type: ChainVerificationView })
  @ApiProblems(AUTHENTICATED, ONE_CASE)
  async verify(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<ChainVerificationView> {
    await this.readableChain(id, principal);
    return this.events.verify(id);
  }

  /** The case if the caller may read it, for a read of its chain: the row without the evidence items (the chain is read on its own). */
  private async readableChain(id: string, principal: TokenClaims): Promise<CaseAccessRow> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseAccessRow(id);
    this.directory.assertCanRead(row, actor);
    return row;
  }

  private async view(id: string, principal: TokenClaims): Promise<CaseView> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    return caseView(row, await this.commands.allowedFor(row, actor), await this.clock.of(row.policyVersion));
  }
}
