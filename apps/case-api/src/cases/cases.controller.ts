import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CaseEventStore, CaseEntity } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal, Roles } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { IdempotencyService } from '../common/idempotency.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseDirectoryService } from './case-directory.service';
import { caseView, CaseView } from './case-view';
import { ListCasesQuery } from './list-cases.query';
import { RegisterLeadDto } from './register-lead.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly actors: ActorService,
    private readonly commands: CaseCommandsService,
    private readonly directory: CaseDirectoryService,
    private readonly idempotency: IdempotencyService,
    private readonly events: CaseEventStore,
  ) {}

  /** 案源登记: register a lead; starts the case workflow. */
  @Post()
  @Roles('OFFICER')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async register(
    @Principal() principal: TokenClaims,
    @Body() dto: RegisterLeadDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseView> {
    const run = async (): Promise<{ status: number; body: CaseView }> => {
      const actor = await this.actors.caller(principal);
      const officers = await this.actors.named(dto.officerIds, 'officerIds');
      const result = await this.commands.register(actor, officers, dto, key);
      return { status: 201, body: await this.view(result.caseId, principal) };
    };
    const out = key
      ? await this.idempotency.run({ userId: principal.sub, key, method: 'POST', path: req.path, body: dto }, run)
      : await run();
    res.status(out.status);
    if ('replayed' in out && out.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.setHeader('Location', `${req.baseUrl}${req.path}/${(out.body as CaseView).id}`);
    return out.body as CaseView;
  }

  @Get()
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
  async get(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<CaseView> {
    return this.view(id, principal);
  }

  /** Every recorded event with its place in the hash chain. */
  @Get(':id/timeline')
  async timeline(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<{ caseId: string; events: unknown[] }> {
    await this.readable(id, principal);
    return { caseId: id, events: await this.events.timeline(id) };
  }

  /** Recomputes the chain; says where it breaks. */
  @Get(':id/timeline/verify')
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
