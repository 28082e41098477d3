import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { tasksFor, type CaseState } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';

export interface TaskView {
  caseId: string;
  caseNumber: string;
  status: string;
  action: string;
  deadline?: string;
  dueAt?: string;
  source?: string;
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
  ) {}

  @Get('tasks')
  @ApiOperation({
    summary: 'What is waiting for me: every step I may take now across the cases I can read, most urgent first',
    description: 'Judged by the domain from my roles, assignments and certificates read now; each task names the deadline it answers to.',
  })
  @ApiOkResponse({ description: '{ items: [{ caseId, caseNumber, status, action, deadline?, dueAt?, source? }], total }' })
  async tasks(@Principal() principal: TokenClaims): Promise<{ items: TaskView[]; total: number }> {
    const actor = await this.actors.caller(principal);
    const now = new Date().toISOString();
    const items: TaskView[] = [];
    for (let page = 1; (page - 1) * PAGE < MAX_CASES; page++) {
      const { rows, total } = await this.directory.readableCases(actor, { page, pageSize: PAGE });
      for (const row of rows) {
        // One case's policy that cannot be read must not hide every other task: that case is judged without certificate dates.
        const policy = await this.directory.publishedPolicy(row.policyVersion);
        for (const task of tasksFor(row.state as unknown as CaseState, actor, policy ? { now, policy } : {})) {
          items.push({ caseId: row.id, caseNumber: row.caseNumber, status: row.status, ...task });
        }
      }
      if (page * PAGE >= total) break;
    }
    // Soonest due first; steps with no running deadline after them, oldest case first.
    items.sort((a, b) => (a.dueAt ?? '\uffff').localeCompare(b.dueAt ?? '\uffff') || a.caseNumber.localeCompare(b.caseNumber));
    return { items, total: items.length };
  }
}
