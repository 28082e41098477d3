import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { policyDiff, policyProblems, type ActorSnapshot, type JurisdictionPolicy } from '@zhifa/domain';
import { PolicyRepository, type PolicyVersionEntry } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { IdempotencyService } from '../common/idempotency.service';
import { badRequest, fieldProblem, forbidden, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { PolicyDiffView, PolicyVersionListView, PublishedPolicyView, PublishPolicyDto, type PolicyVersionView } from './admin-policy.views';

/** How far before now an effective date may lie (a form filled in a minute ago, clocks apart). */
const PAST_TOLERANCE_MS = 5 * 60_000;

const notFound = (version: string) => new ProblemException(404, 'POLICY.NOT_FOUND', { en: `No policy version ${version} in your jurisdiction`, zh: `本辖区没有版本为${version}的执法政策` });

/**
 * Policy versions of the administrator's jurisdiction. A version is
 * published whole and never edited; it is in force from its effective date
 * until a later-published version's date comes. A case pins the version in
 * force when it is registered and keeps it to the end (its workflow carries it).
 */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('admin/policies')
export class AdminPoliciesController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly policies: PolicyRepository,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The policy versions of my agency's jurisdiction: published when and by whom, effective from, which is in force (ADMIN)", description: 'Every version, newest first, with who published it, when, and from which day it is in force. A version is in force from its effective date until a later-published version\'s date comes.' })
  @ApiOkResponse({ type: PolicyVersionListView })
  @ApiProblems(AUTHENTICATED, { 403: 'POLICY.ADMIN_ONLY', 404: 'AGENCY.NOT_FOUND' })
  async list(@Principal() principal: TokenClaims): Promise<PolicyVersionListView> {
    const { jurisdiction } = await this.admin(principal);
    return { items: versionViews(await this.policies.history(jurisdiction), new Date()) };
  }

  @Get(':version/diff')
  @ApiOperation({ summary: 'What a version changed, field by field, against another version (default: the one published before it) (ADMIN)', description: 'Each changed field with its value before and after. Without `against`, the comparison is with the version published just before it.' })
  @ApiQuery({ name: 'against', required: false, description: 'The version to compare with; absent: the one published before' })
  @ApiOkResponse({ type: PolicyDiffView })
  @ApiProblems(AUTHENTICATED, { 403: 'POLICY.ADMIN_ONLY', 404: 'POLICY.NOT_FOUND' })
  async diff(@Principal() principal: TokenClaims, @Param('version') version: string, @Query('against') against?: string): Promise<PolicyDiffView> {
    const { jurisdiction } = await this.admin(principal);
    const history = await this.policies.history(jurisdiction);
    const at = history.findIndex((v) => v.version === version);
    if (at < 0) throw notFound(version);
    const other = against ?? history[at + 1]?.version;
    if (other !== undefined && !history.some((v) => v.version === other)) throw notFound(other);
    const after = await this.directory.policyVersion(version);
    const before: JurisdictionPolicy | undefined = other === undefined ? undefined : await this.directory.policyVersion(other);
    // The first version: every section added.
    return { version, against: other ?? null, changes: policyDiff(before ?? {}, after) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Publish a new policy version (ADMIN): validated as a whole; never edits a published one; running cases keep theirs',
    description:
      'Every bad field is named at once, by its path in the document under `policy.` (e.g. `policy.deadlines.decision.days`, `policy.discretion[0].bands[1].levels.GENERAL` for an inverted range, `policy.criminalThresholds[2].violationCode` for a code not in the catalogue). New cases pin it from `effectiveFrom` on. Recorded as POLICY_PUBLISHED in the administration log.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key and body replays the first answer (Idempotent-Replayed: true); another body with the key is 422' })
  @ApiCreatedResponse({ type: PublishedPolicyView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: each bad field of the document named', 403: 'POLICY.ADMIN_ONLY', 409: 'POLICY.VERSION_EXISTS', 422: 'IDEMPOTENCY.KEY_REUSED' })
  async publish(
    @Principal() principal: TokenClaims,
    @Body() dto: PublishPolicyDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PublishedPolicyView> {
    const key = req.header('idempotency-key');
    const once = async () => ({ status: 201, body: await this.publishOnce(principal, dto) });
    const out = key ? await this.idempotency.run({ userId: principal.sub, key, method: 'POST', path: '/admin/policies', body: dto }, once) : await once();
    if ('replayed' in out && out.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return out.body as PublishedPolicyView;
  }

  private async publishOnce(principal: TokenClaims, dto: PublishPolicyDto): Promise<PublishedPolicyView> {
    const { actor, jurisdiction } = await this.admin(principal);
    const problems = policyProblems(dto.policy).map((p) => fieldProblem(p.field === 'policy' ? p.field : `policy.${p.field}`, p.message));
    if (typeof dto.policy.jurisdiction === 'string' && dto.policy.jurisdiction !== jurisdiction) {
      problems.push(fieldProblem('policy.jurisdiction', { en: `must be your agency's jurisdiction, ${jurisdiction}`, zh: `须为本机关所在辖区：${jurisdiction}` }));
    }
    // A date gone by would misstate the version: cases registered since then pinned the one before.
    if (dto.effectiveFrom && Date.parse(dto.effectiveFrom) < Date.now() - PAST_TOLERANCE_MS) {
      problems.push(fieldProblem('effectiveFrom', { en: 'must not be in the past: a version takes effect for cases registered from now on', zh: '不得早于当前时间：新版本只适用于此后登记的案件' }));
    }
    if (problems.length) {
      throw badRequest(problems, {
        en: `The policy cannot be published: ${problems.length} field(s) to correct`,
        zh: `执法政策不能发布：有${problems.length}处需要修改`,
      });
    }
    const publishedAt = new Date();
    const effectiveFrom = dto.effectiveFrom ? new Date(dto.effectiveFrom) : publishedAt;
    const document = dto.policy;
    const current = await this.policies.inForce(jurisdiction, publishedAt);
    const summary = {
      version: document.version,
      effectiveFrom: effectiveFrom.toISOString(),
      changedAgainstInForce: current ? { version: current.version, paths: policyDiff(current, document).map((c) => c.path) } : null,
    };
    const published = await this.policies.publish(
      { document, publishedAt, publishedBy: actor.name, effectiveFrom },
      { agencyId: actor.agencyId, actor: { id: actor.userId, name: actor.name, roles: actor.roles }, after: summary, reason: dto.reason ?? null },
    );
    if (!published) {
      throw new ProblemException(
        409,
        'POLICY.VERSION_EXISTS',
        { en: `Version ${document.version} is published already; a published version is never edited: publish under a new version`, zh: `版本${document.version}已经发布，已发布的版本不能修改，请以新的版本号发布` },
        { state: 'PUBLISHED', allowedActions: [] },
      );
    }
    const entry = { version: document.version, jurisdiction, publishedAt, publishedBy: actor.name, effectiveFrom };
    // The newest publication: in force at once unless its date is ahead.
    return { ...versionViews([entry], publishedAt)[0], previous: published.previous };
  }

  private async admin(principal: TokenClaims): Promise<{ actor: ActorSnapshot; jurisdiction: string }> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.includes('ADMIN')) {
      throw forbidden('POLICY.ADMIN_ONLY', { en: 'Only an administrator publishes and compares policy versions', zh: '只有系统管理员可以发布和比较执法政策版本' });
    }
    const agency = await this.directory.agency(actor.agencyId);
    return { actor, jurisdiction: agency.jurisdiction };
  }
}

/** The versions, newest publication first, with the one in force at `now` marked (the first whose date has come). */
function versionViews(history: readonly PolicyVersionEntry[], now: Date): PolicyVersionView[] {
  const inForce = history.find((v) => v.effectiveFrom <= now)?.version;
  return history.map((v) => ({
    version: v.version,
    jurisdiction: v.jurisdiction,
    publishedAt: v.publishedAt.toISOString(),
    publishedBy: v.publishedBy,
    effectiveFrom: v.effectiveFrom.toISOString(),
    inForce: v.version === inForce,
    pending: v.effectiveFrom > now,
  }));
}
