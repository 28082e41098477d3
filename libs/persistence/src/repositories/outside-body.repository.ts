import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { OutsideBodyKind, RegisteredBody } from '@zhifa/domain';
import { OutsideBodyEntity } from '../entities';

/** A registered body with who registered it and, if so, who deactivated it. */
export interface OutsideBody extends RegisteredBody {
  id: string;
  region: string;
  registeredAt: string;
  registeredBy: string;
  deactivatedAt?: string;
  deactivatedBy?: string;
}

/** Who did an administrative act on the register. */
export interface RegisterActor {
  userId: string | null;
  name: string;
}

function toBody(row: OutsideBodyEntity): OutsideBody {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    region: row.region,
    active: row.active,
    registeredAt: row.registeredAt.toISOString(),
    registeredBy: row.registeredBy,
    ...(row.deactivatedAt ? { deactivatedAt: row.deactivatedAt.toISOString() } : {}),
    ...(row.deactivatedBy ? { deactivatedBy: row.deactivatedBy } : {}),
  };
}

/** The register of outside bodies (police units, procuratorates): rows are added and deactivated, never deleted or renamed. */
export class OutsideBodyRepository {
  constructor(private readonly ds: DataSource) {}

  /** Every body, active first, then by kind and name. */
  async all(): Promise<OutsideBody[]> {
    const rows = await this.ds.getRepository(OutsideBodyEntity).find({ order: { active: 'DESC', kind: 'ASC', name: 'ASC' } });
    return rows.map(toBody);
  }

  /** The register as the domain's checks read it. */
  async register(): Promise<RegisteredBody[]> {
    return (await this.all()).map(({ name, kind, active }) => ({ name, kind, active }));
  }

  /** Registers a body (inside `m`'s transaction when given); null when the name is registered already (by anyone, active or not). */
  async add(
    body: { name: string; kind: OutsideBodyKind; region: string },
    by: RegisterActor,
    at: Date = new Date(),
    m: EntityManager = this.ds.manager,
  ): Promise<OutsideBody | null> {
    const id = randomUUID();
    const inserted: { id: string }[] = await m.query(
      `INSERT INTO outside_bodies (id, name, kind, region, active, registered_at, registered_by_id, registered_by)
       VALUES ($1, $2, $3, $4, true, $5, $6, $7) ON CONFLICT (name) DO NOTHING RETURNING id`,
      [id, body.name, body.kind, body.region, at, by.userId, by.name],
    );
    if (inserted.length === 0) return null;
    return this.byId(id, m);
  }

  async byId(id: string, m: EntityManager = this.ds.manager): Promise<OutsideBody | null> {
    const row = await m.getRepository(OutsideBodyEntity).findOneBy({ id });
    return row ? toBody(row) : null;
  }

  /**
   * Deactivates a body (its name stays on the transfers that named it); a body
   * already inactive keeps its first deactivation. `changed`: whether this call deactivated it.
   */
  async deactivate(
    id: string,
    by: RegisterActor,
    at: Date = new Date(),
    m: EntityManager = this.ds.manager,
  ): Promise<{ before: OutsideBody | null; after: OutsideBody | null; changed: boolean }> {
    const before = await this.byId(id, m);
    // An UPDATE answers [rows, count].
    const [, count]: [unknown[], number] = await m.query(
      `UPDATE outside_bodies SET active = false, deactivated_at = $2, deactivated_by_id = $3, deactivated_by = $4 WHERE id = $1 AND active`,
      [id, at, by.userId, by.name],
    );
    return { before, after: await this.byId(id, m), changed: count > 0 };
  }
}
