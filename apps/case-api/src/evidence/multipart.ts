import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import { fieldProblem, ProblemException } from '../common/problem';
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
      reject(
        new ProblemException(400, 'REQUEST.MALFORMED', {
          en: `Not a valid multipart request: ${(err as Error).message}`,
          zh: `不是有效的 multipart 请求：${(err as Error).message}`,
        }),
      );
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
        failure = new ProblemException(
          400,
          'VALIDATION.FAILED',
          { en: 'Send exactly one file part named "file"', zh: '只能提交一个名为“file”的文件部分' },
          { errors: [fieldProblem(name, { en: 'unexpected file part; the file goes in the part named "file"', zh: '多余的文件部分；文件须放在名为“file”的部分中' })] },
        );
        stream.resume();
        return;
      }
      const body = new PassThrough();
      stream.on('limit', () => {
        failure = new ProblemException(413, 'EVIDENCE.TOO_LARGE', {
          en: `The file exceeds the limit of ${maxBytes} bytes`,
          zh: `文件超过${maxBytes.toLocaleString('en-US')}字节的大小限制`,
        });
        body.destroy(failure as Error);
      });
      stream.pipe(body);
      const stored = store.put(body).then((s) => ({ ...s, mediaType: info.mimeType, filename: info.filename }));
      stored.catch(() => undefined); // awaited on close
      upload = stored;
    });
    parser.on('error', (err) =>
      reject(
        new ProblemException(400, 'REQUEST.MALFORMED', {
          en: `Broken multipart body: ${(err as Error).message}`,
          zh: `multipart 请求体损坏：${(err as Error).message}`,
        }),
      ),
    );
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
