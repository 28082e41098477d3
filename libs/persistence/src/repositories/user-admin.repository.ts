import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@zhifa/domain';
import { UserEntity } from '../entities';
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

/** The users of one agency as its administrators create and edit them (the directory reads in PeopleRepository). */
export class UserAdminRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every user of the agency, active or not, by username. */
  async agencyUsers(agencyId: string): Promise<AdminUser[]> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { agencyId }, order: { username: 'ASC' } });
    return users.map(toUser);
  }

  /** A user of the agency; null for an unknown id or another agency's user. */
  async user(agencyId: string, id: string): Promise<AdminUser | null> {
    if (!isUuid(id)) return null;
    const u = await this.ds.getRepository(UserEntity).findOneBy({ id, agencyId });
    return u ? toUser(u) : null;
  }

  /** Creates a user of the agency; null when the username is taken. */
  async create(agencyId: string, username: string, fields: UserFields): Promise<AdminUser | null> {
    const id = randomUUID();
    const inserted: { id: string }[] = await this.ds.query(
      `INSERT INTO users (id, agency_id, username, name, roles, active, external_body) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [id, agencyId, username, fields.name, fields.roles, fields.active, fields.body],
    );
    return inserted.length ? this.user(agencyId, id) : null;
  }

  async update(agencyId: string, id: string, fields: UserFields): Promise<AdminUser | null> {
    await this.ds.getRepository(UserEntity).update({ id, agencyId }, { name: fields.name, roles: fields.roles, active: fields.active, externalBody: fields.body });
    return this.user(agencyId, id);
  }
}
