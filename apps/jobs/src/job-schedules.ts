import type { JobSchedule } from './dispatch/job-handler';

/** The jobs the clock makes (times from the config: CHAIN_VERIFICATION_SCHEDULE, RECONCILIATION_SCHEDULE). */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { queue: 'audit', name: 'CHAIN_VERIFICATION', pattern: (cfg) => cfg.audit.chainVerification },
  { queue: 'audit', name: 'CASE_RECONCILIATION', pattern: (cfg) => cfg.audit.reconciliation },
];
