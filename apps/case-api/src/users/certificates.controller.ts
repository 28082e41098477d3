import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@zhifa/config';
import {
  allowedCertificateActions,
  decideCertificateChange,
  issueProblems,
  localDate,
  type CertificateChangeRequest,
  type CertificateRefusal,
  type FieldMessage,
} from '@zhifa/domain';
import { CertificateAdminRepository, UserAdminRepository, type AdminCertificate } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { badRequest, fieldProblem, ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { adminActor, agencyAdmin } from './agency-admin';
import { CertificateListView, CertificateStatusDto, CertificateView, IssueCertificateDto, RenewCertificateDto } from './certificate.views';

const CHANGE_PROBLEMS = {
  400: 'VALIDATION.FAILED: a reason missing, an effective day after today or before the last change, a renewal not past the present last day',
  403: 'USER.ADMIN_ONLY',
  404: 'CERTIFICATE.NOT_FOUND',
  409: 'CERTIFICATE.TRANSITION_NOT_ALLOWED: not from its status (a revoked certificate is final); `state` and `allowedActions` say which',
} as const;

const view = (c: AdminCertificate): CertificateView => ({ ...c, allowedActions: allowedCertificateActions(c.status) });
const problems = (errors: FieldMessage[]) => errors.map((e) => fieldProblem(e.field, e.message));

/**
 * The enforcement certificates (执法证) of my agency's users, as its
 * administrator issues, suspends (暂扣), reinstates, revokes (吊销) and renews
 * them. Each change is dated and kept in the certificate's history and the
 * administration log; the holder's next request is judged on it (the caller's
 * certificates are read fresh on every command).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('admin')
export class CertificatesController {
  constructor(
    private readonly actors: ActorService,
    private readonly users: UserAdminRepository,
    private readonly certificates: CertificateAdminRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  @Get('users/:id/certificates')
  @ApiOperation({ summary: "A user's certificates with their dated histories (ADMIN of the user's agency)", description: 'Each certificate with its number, scope, first and last day, and every dated change (issued, suspended, reinstated, revoked, renewed) with who made it and why.' })
  @ApiOkResponse({ type: CertificateListView })
  @ApiProblems(AUTHENTICATED, { 403: 'USER.ADMIN_ONLY', 404: 'USER.NOT_FOUND' })
  async list(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<CertificateListView> {
    const admin = await agencyAdmin(this.actors, principal);
    await this.holder(admin.agencyId, id);
    return { items: (await this.certificates.ofUser(id)).map(view) };
  }

  @Post('users/:id/certificates')
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a certificate to a user of my agency (ADMIN): a unique number, a scope, first and last day', description: 'The certificate counts from the next request: an officer acts on a case only while holding a certificate valid on that day. The number must be unique across the system.' })
  @ApiCreatedResponse({ type: CertificateView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED (a number taken; validTo not after validFrom; a scope of another form)', 403: 'USER.ADMIN_ONLY', 404: 'USER.NOT_FOUND' })
  async issue(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: IssueCertificateDto): Promise<CertificateView> {
    const admin = await agencyAdmin(this.actors, principal);
    await this.holder(admin.agencyId, id);
    const issue = { number: dto.number, scope: dto.scope, validFrom: dto.validFrom, validTo: dto.validTo };
    const wrong = issueProblems(issue);
    if (wrong.length) throw badRequest(problems(wrong));
    const issued = await this.certificates.issue(admin.agencyId, id, issue, adminActor(admin));
    if (!issued) throw badRequest([fieldProblem('number', { en: `certificate number ${dto.number} is taken`, zh: `证件编号${dto.number}已被使用` })]);
    return view(issued);
  }

  @Post('certificates/:id/suspension')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend a certificate (暂扣) from a day, with the reason (ADMIN); its holder acts for nothing from the next request', description: 'From that day the holder acts for nothing that needs a certificate, until it is reinstated. The suspension is kept in the certificate\'s history.' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(AUTHENTICATED, CHANGE_PROBLEMS)
  suspend(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: CertificateStatusDto): Promise<CertificateView> {
    return this.change(principal, id, { action: 'SUSPEND', effectiveFrom: dto.effectiveFrom, reason: dto.reason });
  }

  @Post('certificates/:id/reinstatement')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reinstate a suspended certificate from a day, with the reason (ADMIN)', description: 'Only a suspended certificate is reinstated; from that day it is valid again until its last day.' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(AUTHENTICATED, CHANGE_PROBLEMS)
  reinstate(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: CertificateStatusDto): Promise<CertificateView> {
    return this.change(principal, id, { action: 'REINSTATE', effectiveFrom: dto.effectiveFrom, reason: dto.reason });
  }

  @Post('certificates/:id/revocation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate (吊销) from a day, with the reason (ADMIN): final, it is never reinstated or renewed', description: 'A revoked certificate is never reinstated or renewed; the holder needs a new certificate to act again.' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(AUTHENTICATED, CHANGE_PROBLEMS)
  revoke(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: CertificateStatusDto): Promise<CertificateView> {
    return this.change(principal, id, { action: 'REVOKE', effectiveFrom: dto.effectiveFrom, reason: dto.reason });
  }

  @Post('certificates/:id/renewal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Renew a certificate (延续) to a new last day, keeping its number (ADMIN)', description: 'The new last day must be past the present one; the renewal is kept in the certificate\'s history.' })
  @ApiOkResponse({ type: CertificateView })
  @ApiProblems(AUTHENTICATED, CHANGE_PROBLEMS)
  renew(@Principal() principal: TokenClaims, @Param('id') id: string, @Body() dto: RenewCertificateDto): Promise<CertificateView> {
    return this.change(principal, id, { action: 'RENEW', effectiveFrom: dto.effectiveFrom ?? this.today(), validTo: dto.validTo, ...(dto.reason ? { reason: dto.reason } : {}) });
  }

  private async change(principal: TokenClaims, id: string, req: CertificateChangeRequest): Promise<CertificateView> {
    const admin = await agencyAdmin(this.actors, principal);
    const today = this.today();
    const out = await this.certificates.change(admin.agencyId, id, adminActor(admin), (c) => decideCertificateChange(c, req, today));
    if (!out) throw new ProblemException(404, 'CERTIFICATE.NOT_FOUND', { en: `No certificate with id ${id} in your agency`, zh: `本机关没有编号为${id}的执法证件` });
    if ('refusal' in out) throw refused(out.refusal);
    return view(out.certificate);
  }

  /** Today in the agency's zone: a change takes effect on a local day. */
  private today(): string {
    return localDate(new Date().toISOString(), this.cfg.timeZone);
  }

  private async holder(agencyId: string, id: string): Promise<void> {
    if (!(await this.users.user(agencyId, id))) {
      throw new ProblemException(404, 'USER.NOT_FOUND', { en: `No user with id ${id} in your agency`, zh: `本机关没有编号为${id}的用户` });
    }
  }
}

function refused(r: CertificateRefusal): ProblemException {
  if (r.status === 400) return badRequest(problems(r.errors), r.detail);
  return new ProblemException(409, r.code, r.detail, { state: r.state, allowedActions: r.allowedActions });
}
