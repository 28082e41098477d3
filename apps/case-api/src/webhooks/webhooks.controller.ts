import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ActorSnapshot } from '@zhifa/domain';
import { AdminEventRepository, WebhookRepository, type NewAdminEvent } from '@zhifa/persistence';
import { adminActor } from '../users/agency-admin';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { badRequest, fieldProblem, forbidden } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { ListDeliveriesQuery, SetWebhookDto, WebhookDeliveryListView, WebhookSettingsView } from './webhook.views';

const SIGNING = 'x-zhifa-signature: sha256=<hex HMAC-SHA256 with the secret over `${x-zhifa-timestamp}.${raw body}`>; x-zhifa-timestamp: Unix seconds; x-zhifa-event-id: the event id (one per event, whatever the attempt)';

/** The caller's agency's webhook (ADMIN of that agency): every case event POSTed, signed, retried, each attempt logged. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/webhooks')
export class WebhooksController {
  constructor(
    private readonly actors: ActorService,
    private readonly webhooks: WebhookRepository,
    private readonly log: AdminEventRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: "My agency's webhook, without its secret (ADMIN)", description: 'Whether the agency has a webhook, its URL, whether it is active, whether a signing secret is stored, and who changed it last and when. The secret itself is never returned.' })
  @ApiOkResponse({ type: WebhookSettingsView })
  @ApiProblems(AUTHENTICATED, { 403: 'WEBHOOK.ADMIN_ONLY' })
  async get(@Principal() principal: TokenClaims): Promise<WebhookSettingsView> {
    const actor = await this.admin(principal);
    return this.settings(actor.agencyId);
  }

  @Put()
  @ApiOperation({
    summary: "Set my agency's webhook URL and secret (ADMIN)",
    description: 'The secret is stored to sign each delivery and never returned; omit it to keep the stored one.',
  })
  @ApiOkResponse({ type: WebhookSettingsView })
  @ApiProblems(AUTHENTICATED, { 400: 'VALIDATION.FAILED: the URL, or a missing secret for a new webhook', 403: 'WEBHOOK.ADMIN_ONLY' })
  async set(@Principal() principal: TokenClaims, @Body() dto: SetWebhookDto): Promise<WebhookSettingsView> {
    const actor = await this.admin(principal);
    if (!dto.secret && !(await this.webhooks.hasSecret(actor.agencyId))) {
      throw badRequest([fieldProblem('secret', { en: 'is required for a new webhook', zh: '首次设置时必须填写' })]);
    }
    // The log never holds the secret: only whether this change replaced it.
    await this.log.changing(
      async (m) => ({
        before: await this.webhooks.view(actor.agencyId, m),
        after: await this.webhooks.set(actor.agencyId, { url: dto.url, secret: dto.secret, active: dto.active ?? true }, actor.userId, m),
      }),
      ({ before, after }) => entry(actor, before ? 'WEBHOOK_UPDATED' : 'WEBHOOK_SET', before, { ...after, secretReplaced: dto.secret !== undefined }),
    );
    return this.settings(actor.agencyId);
  }

  @Delete()
  @HttpCode(200)
  @ApiOperation({ summary: "Remove my agency's webhook and its secret (ADMIN); the delivery log stays", description: 'Answers the settings as they are now: none.' })
  @ApiOkResponse({ type: WebhookSettingsView })
  @ApiProblems(AUTHENTICATED, { 403: 'WEBHOOK.ADMIN_ONLY' })
  async remove(@Principal() principal: TokenClaims): Promise<WebhookSettingsView> {
    const actor = await this.admin(principal);
    await this.log.changing(
      async (m) => {
        const before = await this.webhooks.view(actor.agencyId, m);
        return (await this.webhooks.remove(actor.agencyId, m)) ? before : null;
      },
      (before) => (before ? entry(actor, 'WEBHOOK_REMOVED', before, null) : null),
    );
    return this.settings(actor.agencyId);
  }

  @Get('deliveries')
  @ApiOperation({ summary: "Every attempt to deliver to my agency's webhook, newest first (ADMIN)", description: 'Each attempt is kept: the event, the HTTP status or error, the attempt number and when. Failed deliveries are retried by the jobs app with backoff; every attempt appears here.' })
  @ApiOkResponse({ type: WebhookDeliveryListView })
  @ApiProblems(AUTHENTICATED, { 400: true, 403: 'WEBHOOK.ADMIN_ONLY' })
  async deliveries(@Principal() principal: TokenClaims, @Query() q: ListDeliveriesQuery): Promise<WebhookDeliveryListView> {
    const actor = await this.admin(principal);
    return this.webhooks.deliveries(actor.agencyId, { page: q.page, pageSize: q.pageSize, eventId: q.eventId });
  }

  private async admin(principal: TokenClaims): Promise<ActorSnapshot> {
    const actor = await this.actors.caller(principal);
    if (!actor.roles.includes('ADMIN')) {
      throw forbidden('WEBHOOK.ADMIN_ONLY', { en: "Only an administrator manages the agency's webhook", zh: '只有系统管理员可以管理本机关的事件推送地址' });
    }
    return actor;
  }

  private async settings(agencyId: string): Promise<WebhookSettingsView> {
    const w = await this.webhooks.view(agencyId);
    if (!w) return { configured: false, secretSet: false, signing: SIGNING };
    return { configured: true, url: w.url, active: w.active, secretSet: true, updatedAt: w.updatedAt, updatedBy: w.updatedBy, signing: SIGNING };
  }
}

/** A change to the agency's webhook as the administration log records it: the settings without the secret. */
function entry(actor: ActorSnapshot, action: string, before: unknown, after: unknown): NewAdminEvent {
  return { agencyId: actor.agencyId, actor: adminActor(actor), action, subjectType: 'WEBHOOK', subjectId: actor.agencyId, before, after };
}
