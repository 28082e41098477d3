import { Controller, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseState } from '@zhifa/domain';
import { ActorService } from '../auth/actor.service';
import { Principal } from '../auth/auth.decorators';
import type { TokenClaims } from '../auth/token-verifier';
import { CaseDirectoryService } from '../cases/case-directory.service';
import { ProblemException } from '../common/problem';
import { ApiProblems, AUTHENTICATED } from '../common/problem.openapi';
import { ArchiveVerificationView } from './archive.views';
import { RecordedPackageVerifier } from './recorded-package.service';

/** GET /cases/{id}/archive/verify: the case's signed archive package checked, with the hash the case recorded for it. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class ArchiveController {
  constructor(
    private readonly actors: ActorService,
    private readonly directory: CaseDirectoryService,
    private readonly packages: RecordedPackageVerifier,
  ) {}

  @Get(':id/archive/verify')
  @HttpCode(200)
  @ApiOperation({
    summary: "Verify the case's archive package (归档): the signature and its key, every file against the manifest, the events' chain, and the manifest against the hash the case recorded",
    description: 'Names each failure: the file, the sha256 expected and found, a bad signature, an unknown or retired key. Readable by whoever may read the case.',
  })
  @ApiOkResponse({ type: ArchiveVerificationView })
  @ApiProblems(AUTHENTICATED, { 403: 'CASE.NOT_ASSIGNED', 404: 'CASE.NOT_FOUND', 409: 'ARCHIVE.NOT_BUILT: the case has no signed package (not archived, being archived, or archived before packages)' })
  async verify(@Principal() principal: TokenClaims, @Param('id') id: string): Promise<ArchiveVerificationView> {
    const row = await this.directory.caseRow(id);
    this.directory.assertCanRead(row, await this.actors.caller(principal));
    const state = row.state as unknown as CaseState;
    const recorded = state.archive?.package;
    if (!recorded) {
      throw new ProblemException(409, 'ARCHIVE.NOT_BUILT', {
        en:
          state.status === 'ARCHIVING'
            ? `Case ${state.caseNumber} is being archived: its package is not recorded yet`
            : `Case ${state.caseNumber} has no signed archive package (${state.status === 'ARCHIVED' ? 'archived before packages were built' : 'not archived'})`,
        zh:
          state.status === 'ARCHIVING'
            ? `案件${state.caseNumber}正在归档，归档包尚未登记`
            : `案件${state.caseNumber}没有签名的归档包（${state.status === 'ARCHIVED' ? '在启用归档包之前归档' : '尚未归档'}）`,
      });
    }
    const v = (await this.packages.verify(id, state))!;
    return {
      caseId: id,
      status: state.status,
      valid: v.valid,
      recorded: { manifestSha256: recorded.manifestSha256, keyId: recorded.keyId, throughSeq: recorded.throughSeq, files: recorded.files, at: recorded.at },
      ...(v.manifestSha256 ? { manifestSha256: v.manifestSha256 } : {}),
      ...(v.keyId ? { keyId: v.keyId } : {}),
      ...(v.signedAt ? { signedAt: v.signedAt } : {}),
      filesChecked: v.filesChecked,
      problems: v.problems,
    };
  }
}
