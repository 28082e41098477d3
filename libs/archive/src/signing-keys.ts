// Ed25519 keys of the agencies. The private half is a PEM file in
// ARCHIVE_KEY_DIR named by its key id (never in the database); the public
// half, with the interval it signs in, is kept in Postgres and named in each
// manifest, so a package signed before a rotation still verifies.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A public key as verification needs it. */
export interface PublicSigningKey {
  keyId: string;
  agencyId: string;
  /** SPKI PEM. */
  publicKeyPem: string;
  validFrom: string;
  /** Set when the key was rotated out: it signs nothing after this instant, and still verifies what it signed before. */
  validUntil: string | null;
}

/** Finds a public key by id (any validity): the database in the apps, anything in tests. */
export type KeyResolver = (keyId: string) => Promise<PublicSigningKey | null>;

const KEY_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function assertKeyId(keyId: string): void {
  if (!KEY_ID_RE.test(keyId)) throw new Error(`not a key id: ${JSON.stringify(keyId)}`);
}

/** A fresh key id for an agency: the agency, the instant, a random tail. */
export function newKeyId(agencyId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${agencyId.slice(0, 8)}-${stamp}-${Math.random().toString(36).slice(2, 6)}`;
}

export function signBytes(data: Buffer, privateKey: KeyObject): string {
  return sign(null, data, privateKey).toString('base64');
}

/** Whether `signature` (base64) is `publicKeyPem`'s Ed25519 signature of `data`; false for anything malformed. */
export function signatureValid(data: Buffer, signature: string, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signature.trim(), 'base64'));
  } catch {
    return false;
  }
}

/** The private keys on the filesystem. */
export class PrivateKeyStore {
  constructor(private readonly dir: string) {}

  private pathOf(keyId: string): string {
    assertKeyId(keyId);
    return join(this.dir, `${keyId}.pem`);
  }

  /** Generates a key pair, writes the private half (0600), returns the public half's PEM. */
  async generate(keyId: string): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await writeFile(this.pathOf(keyId), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    return publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** The private key of `keyId`; throws naming the file when it is missing. */
  async load(keyId: string): Promise<KeyObject> {
    const path = this.pathOf(keyId);
    let pem: string;
    try {
      pem = await readFile(path, 'utf8');
    } catch {
      throw new Error(`archive signing key ${keyId}: no private key at ${path}`);
    }
    return createPrivateKey(pem);
  }

  async has(keyId: string): Promise<boolean> {
    return this.load(keyId).then(
      () => true,
      () => false,
    );
  }
}
