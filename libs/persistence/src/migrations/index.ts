import { CaseListColumns1765700000000 } from './1765700000000-case-list-columns';
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { CaseProjections1764100000000 } from './1764100000000-case-projections';
import { SameActIndexes1764950000000 } from './1764950000000-same-act-indexes';
import { HolidayCalendars1764200000000 } from './1764200000000-holiday-calendars';
import { LiaisonBodies1765000000000 } from './1765000000000-liaison-bodies';
import { AdminEvents1765500000000 } from './1765500000000-admin-events';
import { StatisticsDaily1765450000000 } from './1765450000000-statistics-daily';
import { PersonalDataSources1765460000000 } from './1765460000000-personal-data-sources';
import { PersonalDataAccess1765050000000 } from './1765050000000-personal-data-access';
import { OutsideBodies1765100000000 } from './1765100000000-outside-bodies';
import { JobDispatch1765140000000 } from './1765140000000-job-dispatch';
import { SupervisionAudit1765200000000 } from './1765200000000-supervision-audit';
import { CaseStatistics1765230000000 } from './1765230000000-case-statistics';
import { Documents1765300000000 } from './1765300000000-documents';
import { ArchiveSigningKeys1765320000000 } from './1765320000000-archive-signing-keys';
import { PublicDisclosures1765400000000 } from './1765400000000-public-disclosures';
import { NotificationsWebhooks1765410000000 } from './1765410000000-notifications-webhooks';
import { CertificateStatusChanges1765510000000 } from './1765510000000-certificate-status-changes';
import { PolicyEffectiveFrom1765520000000 } from './1765520000000-policy-effective-from';
import { AgencyPowers1765530000000 } from './1765530000000-agency-powers';
import { EventCommandId1765600000000 } from './1765600000000-event-command-id';

/** Every migration, in order. Committed migrations are never rewritten. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  CaseProjections1764100000000,
  HolidayCalendars1764200000000,
  SameActIndexes1764950000000,
  LiaisonBodies1765000000000,
  PersonalDataAccess1765050000000,
  OutsideBodies1765100000000,
  JobDispatch1765140000000,
  SupervisionAudit1765200000000,
  CaseStatistics1765230000000,
  Documents1765300000000,
  ArchiveSigningKeys1765320000000,
  PublicDisclosures1765400000000,
  NotificationsWebhooks1765410000000,
  StatisticsDaily1765450000000,
  PersonalDataSources1765460000000,
  AdminEvents1765500000000,
  CertificateStatusChanges1765510000000,
  PolicyEffectiveFrom1765520000000,
  AgencyPowers1765530000000,
  EventCommandId1765600000000,
  CaseListColumns1765700000000,
];
