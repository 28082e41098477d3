import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import { ProblemException } from '../common/problem';
import type { EvidenceStore, StoredFile } from './evidence.store';

export interface MultipartEvidence {
  fields: Record<string, string | string[]>;
  file?: StoredFile & { mediaType: string; filename?: string };
}

/**
 * Parses a multipart upload, streaming the one `file` part into the
 * evidence store as it arrives (hashed on the way, never buffered whole).
 */
export function readMultipartEvidence(req: Request, store: EvidenceStore, maxBytes: number): Promise<MultipartEvidence> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 30, fieldSize: 100_000 } });
    } catch (err) {
      reject(new ProblemException(400, 'REQUEST.MALFORMED', `Not a valid multipart request: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string | string[]> = {};
    let upload: Promise<MultipartEvidence['file']> | undefined;
    let failure: unknown;

    parser.on('field', (name, value) => {
      const prev = fields[name];
      fields[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        failure = new ProblemException(400, 'VALIDATION.FAILED', 'Send exactly one file part named "file"', {
          errors: [{ field: name, message: 'unexpected file part; the file goes in the part named "file"' }],
        });
        stream.resume();
        return;
      }
      const body = new PassThrough();
      stream.on('limit', () => {
        failure = new ProblemException(413, 'EVIDENCE.TOO_LARGE', `The file exceeds the limit of ${maxBytes} bytes`);
        body.destroy(failure as Error);
      });
      stream.pipe(body);
      const stored = store.put(body).then((s) => ({ ...s, mediaType: info.mimeType, filename: info.filename }));
      stored.catch(() => undefined); // awaited on close
      upload = stored;
    });
    parser.on('error', (err) => reject(new ProblemException(400, 'REQUEST.MALFORMED', `Broken multipart body: ${(err as Error).message}`)));
    parser.on('close', () => {
      void (async () => {
        try {
          const file = upload ? await upload : undefined;
          if (failure) throw failure;
          resolve({ fields, file });
        } catch (err) {
          reject(failure ?? err);
        }
      })();
    });
    req.pipe(parser);
  });
}
