import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';
import type { CaseState } from '@zhifa/domain';
import { ArchiveKeyRepository } from '@zhifa/persistence';
import { keyResolver, MANIFEST_FILE, packageDir, verifyPackage, type ArchiveProblem, type ArchiveVerification } from '@zhifa/archive';

/**
 * The package a case recorded when it was archived, verified as it is on disk
 * now: the signature and its key, every file against the manifest, the
 * events' chain, and the manifest against the hash the case recorded. Read by
 * the archive's own verification and by the case-file evaluation (案卷评查).
 */
@Injectable()
export class RecordedPackageVerifier {
  constructor(
    private readonly keys: ArchiveKeyRepository,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  /** Null when the case records no package (not archived, being archived, or archived before packages). */
  async verify(caseId: string, state: CaseState): Promise<(ArchiveVerification & { problems: ArchiveProblem[] }) | null> {
    const recorded = state.archive?.package;
    if (!recorded) return null;
    const v = await verifyPackage(packageDir(this.cfg.archiveDir, caseId), keyResolver(this.keys));
    const problems = [...v.problems];
    if (v.manifestSha256 && v.manifestSha256 !== recorded.manifestSha256) {
      problems.push({
        code: 'RECORD_MISMATCH',
        path: MANIFEST_FILE,
        expected: recorded.manifestSha256,
        actual: v.manifestSha256,
        message: `${MANIFEST_FILE}: sha256 is ${v.manifestSha256}, the case recorded ${recorded.manifestSha256} when it was archived`,
      });
    }
    return { ...v, valid: problems.length === 0, problems };
  }
}
