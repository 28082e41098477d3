import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { powersProblems, withLegalBases, type ActorSnapshot, type JurisdictionPolicy } from '@zhifa/domain';
import { AdminEventRepository, AgencyRepository, PolicyRepository, type AgencyChange, type AgencyRecord } from '@zhifa/persistence';
import { adminActor } from '../users/agency-admin';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { badRequest, fieldProblem, forbidden, notFound } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { AgencyListView, AgencyView, CreateAgencyDto, SetAgencyPowersDto, UpdateAgencyDto } from './agency.views';

const SYSTEM_ADMIN_ONLY = { 403: 'AGENCY.SYSTEM_ADMIN_ONLY' } as const;

/**
 * The agencies and their lists of enforcement matters (权责清单), kept by a
 * system administrator across agencies; an agency's administrator reads its
 * own list. An agency penalises only within its statutory powers (APL 17,
 * 18): registration refuses a lead outside the list. Every change is
 * recorded in the administration log in the same transaction.
 */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('admin/agencies')
export class AgenciesController {
  constructor(
    private readonly actors: ActorService,
    private readonly agencies: AgencyRepository,
    private readonly directory: CaseDirectoryService,
    private readonly policies: PolicyRepository,
    private readonly log: AdminEventRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every agency with its list of powers (SYSTEM_ADMIN)', description: 'Each agency with its list of enforcement matters (权责清单): the violation codes it may penalise. An agency with no list configured registers every code of its policy.' })
  @ApiOkResponse({ type: AgencyListView })
  @ApiProblems(AUTHENTICATED, SYSTEM_ADMIN_ONLY)
  async list(@Principal() principal: TokenClaims): Promise<AgencyListView> {
    await this.systemAdmin(principal);
    const records = await this.agencies.records();
    return { items: await Promise.all(records.map((a) => this.view(a))) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agency with its list of powers (SYSTEM_ADMIN; an ADMIN: their own agency)', description: 'An agency\'s administrator reads their own agency only: another agency\'s id answers 403 AGENCY.OWN_ONLY.' })
  @ApiOkResponse({ type: AgencyView })
  @ApiProblems(AUTHENTICATED, { 403: 'AGENCY.OWN_ONLY', 404: 'AGENCY.NOT_FOUND' })
  async one(@Principal() principal: TokenClaims, @Param('id', new ParseUUIDPipe()) id: string): Promise<AgencyView> {
    const actor = await this.actors.caller(principal);
    const own = actor.roles.includes('ADMIN') && actor.agencyId === id;
    if (!actor.roles.includes('SYSTEM_ADMIN') && !own) {
      throw forbidden('AGENCY.OWN_ONLY', { en: "An administrator reads their own agency's list of powers only", zh: '系统管理员只能查看本机关的权责清单' });
    }
    return this.view(await this.existing(id));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an agency (SYSTEM_ADMIN); its code is unique', description: 'Starts with no list of powers (every code of its policy). Recorded as AGENCY_CREATED.' })
  @ApiCreatedResponse({ type: AgencyView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: a field missing or bad; the code taken', ...SYSTEM_ADMIN_ONLY })
  async create(@Principal() principal: TokenClaims, @Body() dto: CreateAgencyDto): Promise<AgencyView> {
    const actor = await this.systemAdmin(principal);
    const fields = { code: dto.code, name: dto.name.trim(), jurisdiction: dto.jurisdiction.trim() };
    const { after } = await this.log.changing((m) => this.agencies.create(m, fields), (c) => this.entry(actor, 'AGENCY_CREATED', c, dto.reason));
    if (!after) throw badRequest([fieldProblem('code', { en: `${dto.code} is taken`, zh: `机关代码${dto.code}已被使用` })]);
    return this.view(after);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change an agency's name or jurisdiction (SYSTEM_ADMIN)", description: 'Its code stays (case numbers carry it). Recorded as AGENCY_UPDATED.' })
  @ApiOkResponse({ type: AgencyView })
  @ApiProblems(AUTHENTICATED, { 400: true, ...SYSTEM_ADMIN_ONLY, 404: 'AGENCY.NOT_FOUND' })
  async update(@Principal() principal: TokenClaims, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: UpdateAgencyDto): Promise<AgencyView> {
    const actor = await this.systemAdmin(principal);
    const current = await this.existing(id);
    const fields = { name: dto.name?.trim() ?? current.name, jurisdiction: dto.jurisdiction?.trim() ?? current.jurisdiction };
    const { after } = await this.log.changing((m) => this.agencies.update(m, id, fields), (c) => this.entry(actor, 'AGENCY_UPDATED', c, dto.reason));
    if (!after) throw notFound('agency', id);
    return this.view(after);
  }

  @Put(':id/powers')
  @ApiOperation({
    summary: "Set an agency's list of enforcement matters (权责清单) (SYSTEM_ADMIN)",
    description: "Replaces the whole list. Each code must be in the current policy of the agency's jurisdiction; a missing legal basis is the provision's. From now on a lead of a code outside the list is refused (CASE.OUTSIDE_AGENCY_POWERS, 422). Recorded as AGENCY_POWERS_CHANGED.",
  })
  @ApiOkResponse({ type: AgencyView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: a code not in the policy, listed twice, an empty legal basis', ...SYSTEM_ADMIN_ONLY, 404: 'AGENCY.NOT_FOUND', 409: 'POLICY.NONE_PUBLISHED' })
  async setPowers(@Principal() principal: TokenClaims, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: SetAgencyPowersDto): Promise<AgencyView> {
    const actor = await this.systemAdmin(principal);
    const agency = await this.existing(id);
    const policy = await this.directory.currentPolicy(agency.jurisdiction);
    const powers = withLegalBases(dto.powers, policy);
    const problems = powersProblems(powers, policy);
    if (problems.length) throw badRequest(problems.map((p) => fieldProblem(p.field, p)));
    const { after } = await this.log.changing((m) => this.agencies.setPowers(m, id, powers), (c) => this.entry(actor, 'AGENCY_POWERS_CHANGED', c, dto.reason));
    if (!after) throw notFound('agency', id);
    return this.view(after, policy);
  }

  private entry(actor: ActorSnapshot, action: string, c: AgencyChange, reason: string | undefined) {
    if (!c.after) return null;
    return { agencyId: c.after.id, actor: adminActor(actor), action, subjectType: 'AGENCY' as const, subjectId: c.after.id, before: c.before, after: c.after, reason };
  }

  private async existing(id: string): Promise<AgencyRecord> {
    const agency = await this.agencies.record(id);
    if (!agency) throw notFound('agency', id);
    return agency;
  }

  /** The agency with each power's provision title from the current policy of its jurisdiction (none published: no titles). */
  private async view(a: AgencyRecord, policy?: JurisdictionPolicy): Promise<AgencyView> {
    if (a.powers === null) return { ...a, powers: null };
    const p = policy ?? (await this.policies.inForce(a.jurisdiction));
    const title = (code: string) => p?.violations.find((v) => v.code === code)?.title;
    return { ...a, powers: a.powers.map((x) => ({ ...x, ...(title(x.violationCode) ? { title: title(x.violationCode) } : {}) })) };
  }

  private async systemAdmin(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.includes('SYSTEM_ADMIN')) {
      throw forbidden('AGENCY.SYSTEM_ADMIN_ONLY', { en: 'Only a system administrator manages agencies and their powers', zh: '只有平台管理员可以管理执法机关及其权责清单' });
    }
    return actor;
  }
}
