import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform, TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@zhifa/config';

export interface StoredFile {
  sha256: string;
  sizeBytes: number;
}

export class EvidenceHashMismatchError extends Error {
  readonly code = 'EVIDENCE.HASH_MISMATCH';
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Stored evidence file does not match its recorded hash (recorded ${expected}, found ${actual})`);
  }
}

export class EvidenceMissingError extends Error {
  readonly code = 'EVIDENCE.FILE_MISSING';
}

/** Passes bytes through while hashing and counting them. */
class HashingTap extends Transform {
  private readonly hash = createHash('sha256');
  size = 0;
  digest = '';
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    cb(null, chunk);
  }
  override _flush(cb: TransformCallback): void {
    this.digest = this.hash.digest('hex');
    cb();
  }
}

/**
 * Evidence files on the filesystem, content-addressed by sha256. Uploads
 * stream to a temporary file while being hashed (never held in memory), then
 * move into place; reads re-hash the file and refuse to serve a mismatch.
 * The documents a case issues are kept here too, beside the evidence.
 */
@Injectable()
export class EvidenceStore {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) cfg: AppConfig) {
    this.root = cfg.evidenceDir;
  }

  pathOf(sha256: string): string {
    return join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable): Promise<StoredFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
    const tap = new HashingTap();
    try {
      await pipeline(source, tap, createWriteStream(tmp, { flags: 'wx' }));
      const target = this.pathOf(tap.digest);
      await mkdir(join(target, '..'), { recursive: true });
      if (await exists(target)) await rm(tmp);
      else await rename(tmp, target);
      return { sha256: tap.digest, sizeBytes: tap.size };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** Bytes already in memory (a rendered document). */
  async putBytes(bytes: Buffer): Promise<StoredFile> {
    return this.put(Readable.from([bytes]));
  }

  /** Re-hashes the stored file; throws if it is missing or differs from `sha256`. */
  async verify(sha256: string): Promise<StoredFile> {
    const path = this.pathOf(sha256);
    if (!(await exists(path))) throw new EvidenceMissingError(`No stored file for sha256 ${sha256}`);
    const tap = new HashingTap();
    await pipeline(createReadStream(path), tap, new DevNull());
    if (tap.digest !== sha256) throw new EvidenceHashMismatchError(sha256, tap.digest);
    return { sha256, sizeBytes: tap.size };
  }

  /**
   * A stream of a verified file. The bytes are hashed again as they are sent,
   * so a file changed between the check and the read fails the stream.
   */
  async open(sha256: string): Promise<{ stream: Readable; sizeBytes: number }> {
    const { sizeBytes } = await this.verify(sha256);
    const tap = new HashingTap();
    const guard = new Transform({
      transform: (chunk, _enc, cb) => cb(null, chunk),
      flush: (cb) => cb(tap.digest === sha256 ? null : new EvidenceHashMismatchError(sha256, tap.digest)),
    });
    const stream = createReadStream(this.pathOf(sha256)).pipe(tap).pipe(guard);
    return { stream, sizeBytes };
  }
}

class DevNull extends Writable {
  override _write(_chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    cb();
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
