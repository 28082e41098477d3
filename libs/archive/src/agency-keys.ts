// An agency's signing key over its two homes: the private half in
// ARCHIVE_KEY_DIR, the public half (with its validity) in Postgres.

import type { ArchiveKeyRepository, ArchiveKeyRecord } from '@zhifa/persistence';
import { newKeyId, PrivateKeyStore, type KeyResolver } from './signing-keys';

/** Public keys as verification looks them up: by id, whatever their validity. */
export function keyResolver(keys: ArchiveKeyRepository): KeyResolver {
  return (keyId) => keys.find(keyId);
}

/** A new key for the agency from `at`: its private half written first, then the public half made current (the old one stops signing). */
export async function rotateAgencyKey(keys: ArchiveKeyRepository, store: PrivateKeyStore, agencyId: string, at: Date): Promise<ArchiveKeyRecord> {
  const keyId = newKeyId(agencyId, at);
  const publicKeyPem = await store.generate(keyId);
  await keys.rotate(agencyId, keyId, publicKeyPem, at);
  return { keyId, agencyId, publicKeyPem, validFrom: at.toISOString(), validUntil: null };
}

/**
 * The agency's current key, made when it has none, or none whose private half
 * this machine holds (setup and tests: a fresh key directory). The old key stays
 * on record, so what it signed still verifies.
 */
export async function ensureAgencyKey(keys: ArchiveKeyRepository, store: PrivateKeyStore, agencyId: string, at: Date): Promise<ArchiveKeyRecord> {
  const current = await keys.current(agencyId);
  if (current && (await store.has(current.keyId))) return current;
  return rotateAgencyKey(keys, store, agencyId, at);
}
