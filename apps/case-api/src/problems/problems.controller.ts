import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../common/problem';
import { problemCatalog, problemTypeEntry } from '../common/problem-catalog';
import { ApiProblems, ProblemTypeDto, ProblemTypeListDto } from '../common/problem.openapi';

/**
 * What a problem's `type` resolves to: every problem body's `type` is
 * `/api/v1/problems/<code>`, answered here from the catalog (the domain's
 * REJECTION_CODES and the HTTP edge's own codes). Public: a client reads it
 * to explain a refusal without a token.
 */
@ApiTags('problems')
@Public()
@Controller('problems')
export class ProblemsController {
  @Get()
  @ApiOperation({ summary: 'Every problem code the API answers with: its status and what it means', description: 'The whole catalog: the domain\'s refusal codes and the HTTP edge\'s own, each with its one status, a description and its titles in Chinese and English. Public, no sign-in.' })
  @ApiOkResponse({ type: ProblemTypeListDto })
  @ApiProblems()
  list(): ProblemTypeListDto {
    return { items: problemCatalog() };
  }

  @Get(':code')
  @ApiOperation({ summary: "One problem type, as a problem body's `type` points to it", description: 'What a problem body\'s `type` (`/api/v1/problems/<code>`) resolves to; an unknown code is 404 PROBLEM.UNKNOWN_CODE. Public, no sign-in.' })
  @ApiParam({ name: 'code', example: 'CASE.TWO_OFFICERS_REQUIRED' })
  @ApiOkResponse({ type: ProblemTypeDto })
  @ApiProblems({ 404: 'PROBLEM.UNKNOWN_CODE' })
  one(@Param('code') code: string): ProblemTypeDto {
    const entry = problemTypeEntry(code);
    if (!entry) throw new ProblemException(404, 'PROBLEM.UNKNOWN_CODE', { en: `No problem type ${code}`, zh: `没有错误代码${code}` });
    return entry;
  }
}
