import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import { bearerToken } from '../auth/bearer';
import type { TokenClaims } from '../auth/token-verifier';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { assertMayWatch, JOB_BOARD_COOKIE, JOB_BOARD_PATH } from './job-board.service';

export class JobBoardSessionView {
  @ApiProperty({ type: String, example: '/admin/queues/', description: 'Where the job board is: open it in the same browser' })
  url!: string;
}

export class JobBoardSignedOutView {
  @ApiProperty({ type: Boolean, example: true, description: 'The cookie is cleared (also when the browser was not signed in)' })
  signedOut!: true;
}

/**
 * Signs a browser in to the job board (/admin/queues), whose pages cannot
 * send the console's bearer token: the token goes into an HttpOnly,
 * SameSite=Strict cookie sent only to the board's own path. The board judges
 * the caller's roles again on every request, and the token's expiry holds.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/job-board')
export class JobBoardController {
  constructor(private readonly actors: ActorService) {}

  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign this browser in to the job board, 任务队列看板 (SUPERVISOR, ADMIN, SYSTEM_ADMIN)',
    description:
      'Sets an HttpOnly, SameSite=Strict cookie, for the path /admin/queues only, holding the bearer token sent; the board is then opened at the returned url. The board is read-only and shows jobs by ids and event type, never their data.',
  })
  @ApiOkResponse({ type: JobBoardSessionView })
  @ApiProblems(AUTHENTICATED, { 403: 'JOBS.BOARD_ROLE_REQUIRED: the job board is for supervisors and administrators' })
  async open(@Principal() principal: TokenClaims, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<JobBoardSessionView> {
    assertMayWatch((await this.actors.caller(principal)).roles);
    // The guard admitted the request on this header's token.
    const token = bearerToken(req)!;
    res.cookie(JOB_BOARD_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: JOB_BOARD_PATH });
    return { url: `${JOB_BOARD_PATH}/` };
  }

  @Delete('session')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign this browser out of the job board (clears its cookie)', description: 'Answers the same whether or not the browser was signed in.' })
  @ApiOkResponse({ type: JobBoardSignedOutView })
  @ApiProblems(AUTHENTICATED)
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): JobBoardSignedOutView {
    res.clearCookie(JOB_BOARD_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: JOB_BOARD_PATH });
    return { signedOut: true };
  }
}
