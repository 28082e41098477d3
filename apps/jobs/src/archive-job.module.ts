import { Module } from '@nestjs/common';
import { AppConfigModule } from '@zhifa/config';
import { PersistenceModule } from '@zhifa/persistence';
import { ArchiveJob } from './archive.job';
import { CaseReporter } from './case-reporter.service';

/** The archive job and what it needs, on its own: the jobs app runs it; tests call it directly. */
@Module({
  imports: [AppConfigModule, PersistenceModule],
  providers: [ArchiveJob, CaseReporter],
  exports: [ArchiveJob],
})
export class ArchiveJobModule {}
