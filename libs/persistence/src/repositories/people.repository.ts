import { DataSource, In } from 'typeorm';
import type { ActorSnapshot, Role } from '@zhifa/domain';
import { AgencyEntity, CertificateEntity, UserEntity } from '../entities';
import { isUuid } from './uuid';

/** An active user as the dev token list shows them. */
export interface UserSummary {
  id: string;
  username: string;
  name: string;
  agencyId: string;
  roles: Role[];
}

/** Users, their roles and certificates, read fresh on every request. */
export class PeopleRepository {
  constructor(private readonly ds: DataSource) {}

  /** The active users among `ids`, as actor snapshots; unknown or inactive ids are left out. */
  async activeActors(ids: string[]): Promise<ActorSnapshot[]> {
    const uuids = ids.filter(isUuid);
    if (!uuids.length) return [];
    return this.snapshots(await this.ds.getRepository(UserEntity).findBy({ id: In(uuids), active: true }));
  }

  /** Every active user of an agency, as actor snapshots, by name. */
  async agencyActors(agencyId: string): Promise<ActorSnapshot[]> {
    return this.snapshots(await this.ds.getRepository(UserEntity).find({ where: { agencyId, active: true }, order: { name: 'ASC' } }));
  }

  /** The active liaisons (police, procuratorate) of the named outside bodies, of any agency. */
  async liaisonsOf(bodies: string[]): Promise<ActorSnapshot[]> {
    if (!bodies.length) return [];
    return this.snapshots(await this.ds.getRepository(UserEntity).find({ where: { externalBody: In(bodies), active: true }, order: { name: 'ASC' } }));
  }

  private async snapshots(users: UserEntity[]): Promise<ActorSnapshot[]> {
    if (!users.length) return [];
    const certs = await this.ds.getRepository(CertificateEntity).findBy({ userId: In(users.map((u) => u.id)) });
    return users.map((u) => ({
      userId: u.id,
      name: u.name,
      agencyId: u.agencyId,
      roles: u.roles as Role[],
      certificates: certs
        .filter((c) => c.userId === u.id)
        .map((c) => ({ number: c.number, scope: c.scope, validFrom: c.validFrom, validTo: c.validTo, status: c.status })),
      ...(u.externalBody ? { body: u.externalBody } : {}),
    }));
  }

  /** The active people of one agency, by name, with their certificates: whom a form may name. */
  async agencyStaff(agencyId: string): Promise<ActorSnapshot[]> {
    if (!isUuid(agencyId)) return [];
    const users = await this.ds.getRepository(UserEntity).find({ where: { agencyId, active: true }, order: { name: 'ASC', id: 'ASC' } });
    return this.activeActors(users.map((u) => u.id)).then((actors) => {
      const byId = new Map(actors.map((a) => [a.userId, a]));
      return users.map((u) => byId.get(u.id)).filter((a): a is ActorSnapshot => a !== undefined);
    });
  }

  /** A certificate by its number, with its holder (active or not) and the holder's agency: the public lookup (执法资格). */
  async certificateHolder(number: string): Promise<{ certificate: CertificateEntity; holder: UserEntity; agency: AgencyEntity | null } | null> {
    const certificate = await this.ds.getRepository(CertificateEntity).findOneBy({ number });
    if (!certificate) return null;
    const holder = await this.ds.getRepository(UserEntity).findOneBy({ id: certificate.userId });
    if (!holder) return null;
    return { certificate, holder, agency: await this.ds.getRepository(AgencyEntity).findOneBy({ id: holder.agencyId }) };
  }

  /** Every active user, by username. */
  async activeUsers(): Promise<UserSummary[]> {
    const users = await this.ds.getRepository(UserEntity).find({ where: { active: true }, order: { username: 'ASC' } });
    return users.map((u) => ({ id: u.id, username: u.username, name: u.name, agencyId: u.agencyId, roles: u.roles as Role[] }));
  }
}
