import { Controller, Get, Inject, Param, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import { agencyDisclosure, certificateValidOn, localDate, type DocumentSection } from '@zhifa/domain';
import { AgencyRepository, DisclosureRepository, PeopleRepository, PolicyRepository, type PublicDisclosureEntity } from '@zhifa/persistence';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../common/problem';
import { ApiProblems } from '../common/problem.openapi';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import {
  ListDisclosuresQuery,
  PublicAgencyListView,
  PublicAgencyView,
  PublicCertificateLookupView,
  PublicDisclosureListView,
  PublicDisclosureSummaryView,
  PublicDisclosureView,
} from './public.views';

const LIMITED = { 429: true } as const;

/**
 * 行政执法公示 (APL 39, 48; 118号): what anyone may read without signing in —
 * an agency's powers, procedures, remedies and officers; whether a
 * certificate is valid today; and the decisions published, redacted, with the
 * withdrawn ones marked. Read-only, and rate-limited per client.
 */
@ApiTags('public')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('public')
export class PublicController {
  constructor(
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    private readonly agencies: AgencyRepository,
    private readonly policies: PolicyRepository,
    private readonly people: PeopleRepository,
    private readonly disclosures: DisclosureRepository,
  ) {}

  private today(): string {
    return localDate(new Date().toISOString(), this.cfg.timeZone);
  }

  @Get('agencies')
  @ApiOperation({ summary: 'The agencies whose information is public, by name (no sign-in)', description: '行政执法公示: the agencies whose powers, procedures and decisions are published, by name, for anyone to choose from.' })
  @ApiOkResponse({ type: PublicAgencyListView })
  @ApiProblems(LIMITED)
  async agencyList(): Promise<PublicAgencyListView> {
    return { items: (await this.agencies.all()).map((a) => ({ id: a.id, name: a.name })) };
  }

  @Get('agencies/:id')
  @ApiOperation({ summary: '事前公示: an agency, its powers and their legal bases, procedures, remedies, and officers with their certificates (no sign-in)', description: 'What the public must know before enforcement (APL 39): the agency\'s powers with their legal bases, its procedures, the remedies open to a party, and its officers with their certificate numbers.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PublicAgencyView })
  @ApiProblems(LIMITED, { 404: 'AGENCY.NOT_FOUND' })
  async agency(@Param('id') id: string): Promise<PublicAgencyView> {
    const agency = await this.agencies.byId(id);
    const policy = agency ? await this.policies.inForce(agency.jurisdiction) : null;
    if (!agency || !policy) throw new ProblemException(404, 'AGENCY.NOT_FOUND', { en: `No agency ${id}`, zh: `没有该执法机关：${id}` });
    const today = this.today();
    const staff = await this.people.agencyStaff(agency.id);
    const officers = staff
      .map((p) => ({
        name: p.name,
        certificates: p.certificates
          .filter((c) => c.scope === 'ENFORCEMENT' || c.scope.startsWith('ENFORCEMENT:'))
          .map((c) => ({ number: c.number, scope: c.scope, validFrom: c.validFrom, validTo: c.validTo, status: c.status, validToday: certificateValidOn(c, today) })),
      }))
      .filter((p) => p.certificates.length > 0);
    return { id: agency.id, name: agency.name, jurisdiction: agency.jurisdiction, policyVersion: policy.version, ...agencyDisclosure(policy, agency.powers), officers };
  }

  @Get('officers/:certificateNo')
  @ApiOperation({ summary: '执法资格: whether an enforcement certificate is valid today, its scope and agency (no sign-in)', description: 'Anyone may check the certificate an officer shows: its holder\'s name, its scope, its dates and status, and whether it is valid today in the agency\'s time zone.' })
  @ApiParam({ name: 'certificateNo', example: 'CZSJ-ZF-2024-0101' })
  @ApiOkResponse({ type: PublicCertificateLookupView })
  @ApiProblems(LIMITED, { 404: 'CERTIFICATE.NOT_FOUND' })
  async officer(@Param('certificateNo') certificateNo: string): Promise<PublicCertificateLookupView> {
    const found = certificateNo.length <= 100 ? await this.people.certificateHolder(certificateNo) : null;
    if (!found) throw new ProblemException(404, 'CERTIFICATE.NOT_FOUND', { en: `No certificate ${certificateNo}`, zh: `没有编号为${certificateNo}的执法证件` });
    const { certificate: c, holder, agency } = found;
    const today = this.today();
    return {
      number: c.number,
      scope: c.scope,
      validFrom: c.validFrom,
      validTo: c.validTo,
      status: c.status,
      // A holder no longer in service acts for nothing, whatever the card says.
      validToday: holder.active && certificateValidOn(c, today),
      holderName: holder.name,
      ...(agency ? { agencyId: agency.id, agencyName: agency.name } : {}),
      asOf: today,
    };
  }

  @Get('disclosures')
  @ApiOperation({ summary: '事后公示: the decisions published, newest first, personal information removed; withdrawn ones marked (no sign-in)', description: 'Decisions published after they were made (APL 48), with names, ID numbers, phone numbers and addresses removed; a withdrawn publication stays listed as withdrawn, with its reason.' })
  @ApiOkResponse({ type: PublicDisclosureListView })
  @ApiProblems(LIMITED, 400)
  async list(@Query() q: ListDisclosuresQuery): Promise<PublicDisclosureListView> {
    const { rows, total } = await this.disclosures.publicList(q);
    return { items: rows.map(summary), total, page: q.page, pageSize: q.pageSize };
  }

  @Get('disclosures/:id')
  @ApiOperation({ summary: 'One published decision: its redacted text, or its withdrawal with the reason (no sign-in)', description: 'The published text as redacted for the public; once withdrawn, only the withdrawal and its reason are shown.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PublicDisclosureView })
  @ApiProblems(LIMITED, { 404: 'DISCLOSURE.NOT_FOUND' })
  async one(@Param('id') id: string): Promise<PublicDisclosureView> {
    const row = await this.disclosures.publicById(id);
    if (!row) throw new ProblemException(404, 'DISCLOSURE.NOT_FOUND', { en: `No published decision ${id}`, zh: `没有该公示信息：${id}` });
    return { ...summary(row), sections: (row.sections ?? []) as DocumentSection[], removed: row.removed as Record<string, number> };
  }
}

function summary(r: PublicDisclosureEntity): PublicDisclosureSummaryView {
  return {
    id: r.id,
    status: r.status,
    title: r.title,
    agencyId: r.agencyId,
    agencyName: r.agencyName,
    documentNumber: r.documentNumber,
    decidedOn: r.decidedOn,
    partyName: r.partyName ?? '',
    legalBasis: r.legalBasis ?? '',
    penaltyLines: r.penaltyLines,
    amountDue: Number(r.amountDue ?? 0),
    publishedAt: r.publishedAt.toISOString(),
    ...(r.withdrawnAt ? { withdrawnAt: r.withdrawnAt.toISOString() } : {}),
    ...(r.withdrawalReason ? { withdrawalReason: r.withdrawalReason } : {}),
  };
}
