import { DataSource } from 'typeorm';
import type { JurisdictionPolicy } from '@zhifa/domain';
import { PolicyEntity } from '../entities';

/** Published jurisdiction policies; a version is never edited once published. */
export class PolicyRepository {
  constructor(private readonly ds: DataSource) {}

  /** The newest published policy of a jurisdiction. */
  async newest(jurisdiction: string): Promise<JurisdictionPolicy | null> {
    const row = await this.ds.getRepository(PolicyEntity).findOne({ where: { jurisdiction }, order: { publishedAt: 'DESC' } });
    return row?.document ?? null;
  }

  async version(version: string): Promise<JurisdictionPolicy | null> {
    const row = await this.ds.getRepository(PolicyEntity).findOneBy({ version });
    return row?.document ?? null;
  }
}
