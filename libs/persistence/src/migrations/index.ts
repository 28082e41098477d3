import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { CaseProjections1764100000000 } from './1764100000000-case-projections';
import { SameActIndexes1764950000000 } from './1764950000000-same-act-indexes';
import { HolidayCalendars1764200000000 } from './1764200000000-holiday-calendars';
import { LiaisonBodies1765000000000 } from './1765000000000-liaison-bodies';
import { PublicDisclosures1765400000000 } from './1765400000000-public-disclosures';

/** Every migration, in order. Committed migrations are never rewritten. */
export const MIGRATIONS = [InitialSchema1764000000000, CaseProjections1764100000000, HolidayCalendars1764200000000, SameActIndexes1764950000000, LiaisonBodies1765000000000, PublicDisclosures1765400000000];
