import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationRepository, type NotificationRow } from '@zhifa/persistence';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { ListNotificationsQuery, NotificationListView, NotificationView, ReadAllView } from './notification.views';

/** My notifications: what happened on the cases I may read that concerns me (written by apps/jobs), and my read marks. */
@ApiTags('me')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(
    private readonly actors: ActorService,
    private readonly notifications: NotificationRepository,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with my unread count', description: '`unread=true` lists only the unread ones.' })
  @ApiOkResponse({ type: NotificationListView })
  @ApiProblems(AUTHENTICATED, 400)
  async list(@Principal() principal: TokenClaims, @Query() q: ListNotificationsQuery): Promise<NotificationListView> {
    const actor = await this.actors.caller(principal);
    const page = await this.notifications.page(actor.userId, { unread: q.unread, page: q.page, pageSize: q.pageSize });
    return { items: page.items.map(view), total: page.total, unread: page.unread, page: q.page, pageSize: q.pageSize };
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read', description: 'Marks every unread notification of the caller as read at once and answers how many were marked. Other users\' notifications are untouched.' })
  @ApiOkResponse({ type: ReadAllView })
  @ApiProblems(AUTHENTICATED)
  async readAll(@Principal() principal: TokenClaims): Promise<ReadAllView> {
    const actor = await this.actors.caller(principal);
    return { marked: await this.notifications.markAllRead(actor.userId), unread: 0 };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read (again: keeps the first mark)', description: "Another person's notification answers 404, as one that does not exist." })
  @ApiOkResponse({ type: NotificationView })
  @ApiProblems(AUTHENTICATED, { 404: 'NOTIFICATION.NOT_FOUND' })
  async read(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<NotificationView> {
    const actor = await this.actors.caller(principal);
    const row = await this.notifications.markRead(actor.userId, id);
    if (!row) throw new ProblemException(404, 'NOTIFICATION.NOT_FOUND', { en: `You have no notification ${id}`, zh: `您没有编号为${id}的通知` });
    return view(row);
  }
}

function view(r: NotificationRow): NotificationView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    eventId: r.eventId,
    eventType: r.eventType,
    seq: r.seq,
    message: r.message,
    link: { caseId: r.caseId, section: r.section },
    reason: r.reason,
    createdAt: r.createdAt,
    readAt: r.readAt,
  };
}
