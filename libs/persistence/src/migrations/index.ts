import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { CaseProjections1764100000000 } from './1764100000000-case-projections';

/** Every migration, in order. Committed migrations are never rewritten. */
export const MIGRATIONS = [InitialSchema1764000000000, CaseProjections1764100000000];
