import type { ActorSnapshot } from '@zhifa/domain';
import type { NewAdminEvent } from '@zhifa/persistence';

/** Who made an administrative change, as the administration log records them. */
export const logActor = (a: ActorSnapshot): NewAdminEvent['actor'] => ({ id: a.userId, name: a.name, roles: a.roles });
