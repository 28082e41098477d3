import { Controller, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseEventStore, CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from './case-directory.service';
import { caseView, CaseView } from './case-view';
import { CaseWorkflowClient } from './case-workflow.client';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly actors: ActorService,
    private readonly commands: CaseWorkflowClient,
    private readonly directory: CaseDirectoryService,
    private readonly events: CaseEventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The cases I may read, newest first, with what I may do on each (filters: status, flag, overdue, officer, dates, text)' })
  async list(@Principal() principal: TokenClaims, @Query() q: ListCasesQuery): Promise<{ items: CaseView[]; total: number; page: number; pageSize: number }> {
    const actor = await this.actors.caller(principal);
    const { rows, total } = await this.directory.readableCases(actor, q);
    return {
      items: await Promise.all(rows.map(async (r) => caseView(r, await this.commands.allowedFor(r, actor)))),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case as its read model holds it, with the actions I may take now' })
  async get(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<CaseView> {
    return this.view(id, principal);
  }

  /** Every recorded event with its place in the hash chain. */
  @Get(':id/timeline')
  @ApiOperation({ summary: 'Every recorded event of the case with its actor, time and place in the hash chain' })
  async timeline(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<{ caseId: string; events: unknown[] }> {
    await this.readable(id, principal);
    return { caseId: id, events: await this.events.timeline(id) };
  }

  /** Recomputes the chain; says where it breaks. */
  @Get(':id/timeline/verify')
  @ApiOperation({ summary: 'Recompute the hash chain and say where it breaks, if it does' })
  @HttpCode(200)
  async verify(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<unknown> {
    await this.readable(id, principal);
    return this.events.verify(id);
  }

  private async readable(id: string, principal: TokenClaims): Promise<CaseEntity> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    return row;
  }

  private async view(id: string, principal: TokenClaims): Promise<CaseView> {
    const actor = await this.actors.caller(principal);
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, actor);
    return caseView(row, await this.commands.allowedFor(row, actor));
  }
}
