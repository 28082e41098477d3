import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@zhifa/domain';
import { UserEntity } from '../entities';
import { AdminEventRepository, type NewAdminEvent } from './admin-event.repository';
import { isUuid } from './uuid';

/** A user of an agency as an administrator keeps them. */
export interface AdminUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  /** The outside body a police or procuratorate liaison belongs to. */
  body?: string;
  active: boolean;
}

export interface UserFields {
  name: string;
  roles: Role[];
  body: string | null;
  active: boolean;
}

function toUser(u: UserEntity): AdminUser {
  return { id: u.id, username: u.username, name: u.name, roles: u.roles as Role[], ...(u.externalBody ? { body: u.externalBody } : {}), active: u.active };
}

/**
 * The users of one agency as its administrators create and edit them (the
 * directory reads in PeopleRepository); each change recorded in the
 * administration log in its transaction.
 */
export class UserAdminRepository {
  private readonly log: AdminEventRepository;

  constructor(private readonly ds: DataSource) {
    this.log = new AdminEventRepository(ds);
  }

  /** Every user of the agency, active or not, by username. */
  async agencyUsers(agencyId: string): Promise<AdminUser[]> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { agencyId }, order: { username: 'ASC' } });
    return users.map(toUser);
  }

  /** The agency a user belongs to; null for an unknown id. */
  async agencyOf(id: string): Promise<string | null> {
    if (!isUuid(id)) return null;
    return (await this.ds.getRepository(UserEntity).findOne({ where: { id }, select: { agencyId: true } }))?.agencyId ?? null;
  }

  /** A user of the agency; null for an unknown id or another agency's user. */
  async user(agencyId: string, id: string, m: EntityManager = this.ds.manager): Promise<AdminUser | null> {
    if (!isUuid(id)) return null;
    const u = await m.getRepository(UserEntity).findOneBy({ id, agencyId });
    return u ? toUser(u) : null;
  }

  /** Creates a user of the agency (USER_CREATED in the log); null when the username is taken. */
  async create(agencyId: string, username: string, fields: UserFields, by: NewAdminEvent['actor']): Promise<AdminUser | null> {
    return this.ds.transaction(async (m) => {
      const id = randomUUID();
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO users (id, agency_id, username, name, roles, active, external_body) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [id, agencyId, username, fields.name, fields.roles, fields.active, fields.body],
      );
      if (!inserted.length) return null;
      const after = (await this.user(agencyId, id, m))!;
      await this.log.record(m, { agencyId, actor: by, action: 'USER_CREATED', subjectType: 'USER', subjectId: id, before: null, after });
      return after;
    });
  }

  /** Edits a user of the agency (USER_UPDATED in the log, with the user before and after); null for an unknown user. */
  async update(agencyId: string, id: string, fields: UserFields, by: NewAdminEvent['actor']): Promise<AdminUser | null> {
    return this.ds.transaction(async (m) => {
      const before = await this.user(agencyId, id, m);
      if (!before) return null;
      await m.getRepository(UserEntity).update({ id, agencyId }, { name: fields.name, roles: fields.roles, active: fields.active, externalBody: fields.body });
      const after = (await this.user(agencyId, id, m))!;
      await this.log.record(m, { agencyId, actor: by, action: 'USER_UPDATED', subjectType: 'USER', subjectId: id, before, after });
      return after;
    });
  }
}
