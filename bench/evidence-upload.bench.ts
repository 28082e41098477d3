import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import type { Request } from 'express';
import type { AppConfig } from '@zhifa/config';
import { EvidenceStore } from '../apps/case-api/src/evidence/evidence.store';
import { readMultipartEvidence } from '../apps/case-api/src/evidence/multipart';

// A multi-GB audio-video upload goes through the same multipart parser and
// content-addressed store as the API, from a generated request stream.
// Peak RSS must stay flat however large the file: it is streamed, never held.
const SIZE = Number(process.env.BENCH_UPLOAD_BYTES ?? 2 * 1024 ** 3);
const CHUNK = 1024 * 1024;
const boundary = 'zhifa-bench-boundary';

function multipartBody(): Readable {
  const chunk = Buffer.alloc(CHUNK, 7);
  let sent = 0;
  let phase = 0;
  return new Readable({
    read() {
      if (phase === 0) {
        phase = 1;
        this.push(
          `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n执法记录仪视频\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="video.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
        );
      } else if (sent < SIZE) {
        const n = Math.min(CHUNK, SIZE - sent);
        sent += n;
        this.push(n === CHUNK ? chunk : chunk.subarray(0, n));
      } else if (phase === 1) {
        phase = 2;
        this.push(`\r\n--${boundary}--\r\n`);
      } else {
        this.push(null);
      }
    },
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'zhifa-bench-evidence-'));
  const store = new EvidenceStore({ evidenceDir: dir } as AppConfig);
  const req = Object.assign(multipartBody(), { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }) as unknown as Request;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const baseline = process.memoryUsage().rss;
  try {
    const { file } = await readMultipartEvidence(req, store, { maxBytes: SIZE + 1, idleMs: 30_000 });
    const ms = performance.now() - start;
    console.log(
      `evidence upload: ${(SIZE / 1024 ** 3).toFixed(2)} GiB streamed and hashed in ${(ms / 1000).toFixed(1)} s ` +
        `(${((SIZE / 1024 ** 2) / (ms / 1000)).toFixed(0)} MiB/s); RSS baseline ${(baseline / 1024 ** 2).toFixed(0)} MiB, ` +
        `peak ${(peak / 1024 ** 2).toFixed(0)} MiB; sha256 ${file?.sha256.slice(0, 16)}…`,
    );
    const verifyStart = performance.now();
    await store.verify(file!.sha256);
    console.log(`evidence re-hash on read: ${((performance.now() - verifyStart) / 1000).toFixed(1)} s`);
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
