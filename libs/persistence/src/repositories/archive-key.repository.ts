import { DataSource } from 'typeorm';
import { ArchiveSigningKeyEntity } from '../entities';

/** A public archive-signing key and the interval it signs in (the private half is a file, never here). */
export interface ArchiveKeyRecord {
  keyId: string;
  agencyId: string;
  publicKeyPem: string;
  validFrom: string;
  validUntil: string | null;
}

function toRecord(row: ArchiveSigningKeyEntity): ArchiveKeyRecord {
  return {
    keyId: row.keyId,
    agencyId: row.agencyId,
    publicKeyPem: row.publicKey,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil ? row.validUntil.toISOString() : null,
  };
}

/** The agencies' public archive-signing keys: one current per agency; rotated-out keys are kept. */
export class ArchiveKeyRepository {
  constructor(private readonly ds: DataSource) {}

  async find(keyId: string): Promise<ArchiveKeyRecord | null> {
    const row = await this.ds.getRepository(ArchiveSigningKeyEntity).findOneBy({ keyId });
    return row ? toRecord(row) : null;
  }

  /** The key that signs for the agency now. */
  async current(agencyId: string): Promise<ArchiveKeyRecord | null> {
    const row = await this.ds
      .getRepository(ArchiveSigningKeyEntity)
      .createQueryBuilder('k')
      .where('k.agency_id = :agencyId AND k.valid_until IS NULL', { agencyId })
      .getOne();
    return row ? toRecord(row) : null;
  }

  async ofAgency(agencyId: string): Promise<ArchiveKeyRecord[]> {
    const rows = await this.ds.getRepository(ArchiveSigningKeyEntity).find({ where: { agencyId }, order: { validFrom: 'ASC' } });
    return rows.map(toRecord);
  }

  /** Makes `keyId` the agency's signing key from `at`: the current one, if any, stops signing then. One transaction. */
  async rotate(agencyId: string, keyId: string, publicKeyPem: string, at: Date): Promise<void> {
    await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`archive-key:${agencyId}`]);
      await m.query('UPDATE archive_signing_keys SET valid_until = $2 WHERE agency_id = $1 AND valid_until IS NULL', [agencyId, at]);
      await m.insert(ArchiveSigningKeyEntity, { keyId, agencyId, algorithm: 'Ed25519', publicKey: publicKeyPem, validFrom: at, validUntil: null });
    });
  }
}
