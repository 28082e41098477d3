import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhifa/config';
import type { JurisdictionPolicy } from '@zhifa/domain';
import { CaseDirectoryService } from './case-directory.service';

/** Now, and the time zone a case's deadlines were counted in. */
export interface CaseClock {
  now: string;
  timeZone: string;
}

/**
 * The clock deadlines are read on: the wall clock (the one the workflows'
 * timers run on), in the zone of the policy the case pinned, since its
 * deadlines were counted there; CASE_TIME_ZONE when that version is unreadable.
 */
@Injectable()
export class DeadlineClock {
  constructor(
    private readonly directory: CaseDirectoryService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
  ) {}

  now(): string {
    return new Date().toISOString();
  }

  /** The clock of a case under `policy` (the pinned version, if it could be read). */
  under(policy: JurisdictionPolicy | undefined, now = this.now()): CaseClock {
    return { now, timeZone: policy?.timeZone ?? this.cfg.timeZone };
  }

  /** The clock of a case pinned to `policyVersion`. */
  async of(policyVersion: string, now = this.now()): Promise<CaseClock> {
    return this.under(await this.directory.publishedPolicy(policyVersion), now);
  }
}
