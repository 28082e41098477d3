import busboy from 'busboy';
import type { Request } from 'express';
import { PassThrough } from 'node:stream';
import { fieldProblem, ProblemException } from '../common/problem';
import type { EvidenceStore, StoredFile } from './evidence.store';

export interface MultipartEvidence {
  fields: Record<string, string | string[]>;
  file?: StoredFile & { mediaType: string; filename?: string };
}

export interface MultipartLimits {
  /** The largest file accepted (EVIDENCE_MAX_BYTES). */
  maxBytes: number;
  /** How long the client may send nothing before the upload is answered 408 (UPLOAD_IDLE_TIMEOUT_MS). */
  idleMs: number;
}

/** Form fields besides the file: their number and the size of each (a value cut short would be recorded as if whole). */
export const MULTIPART_FIELD_LIMITS = { fields: 30, fieldSize: 100_000 } as const;

/**
 * Parses a multipart upload, streaming the one `file` part into the
 * evidence store as it arrives (hashed on the way, never buffered whole).
 * A file over the limit, a field over its size, too many fields, or a client
 * silent for `idleMs` is answered at once (413, 408) without reading the rest:
 * the partial file is removed and the connection closed after the answer.
 */
export function readMultipartEvidence(req: Request, store: EvidenceStore, limits: MultipartLimits): Promise<MultipartEvidence> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 1, fileSize: limits.maxBytes, ...MULTIPART_FIELD_LIMITS } });
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
    let fileBody: PassThrough | undefined;
    let failure: unknown;
    let settled = false;

    const idle = setTimeout(
      () =>
        abort(
          new ProblemException(408, 'REQUEST.TIMEOUT', {
            en: `The upload sent nothing for ${limits.idleMs} ms and was abandoned; nothing was recorded`,
            zh: `上传已有${limits.idleMs}毫秒未发送任何数据，已中止，未记录任何内容`,
          }),
        ),
      limits.idleMs,
    );
    const onData = (): void => void idle.refresh();
    req.on('data', onData);
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(idle);
      req.off('data', onData);
      return true;
    };
    /** Answers now: the rest of the request is never read, the stored part removed, the connection closed after the answer. */
    const abort = (problem: ProblemException): void => {
      if (!settle()) return;
      req.unpipe(parser);
      req.res?.setHeader('Connection', 'close');
      fileBody?.destroy(problem);
      reject(problem);
    };
    const tooLarge = (en: string, zh: string) => new ProblemException(413, 'REQUEST.TOO_LARGE', { en, zh });

    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        abort(tooLarge(`The form field "${name.slice(0, 100)}" exceeds ${MULTIPART_FIELD_LIMITS.fieldSize} bytes`, `表单字段“${name.slice(0, 100)}”超过${MULTIPART_FIELD_LIMITS.fieldSize}字节`));
        return;
      }
      const prev = fields[name];
      fields[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
    });
    parser.on('fieldsLimit', () =>
      abort(tooLarge(`More than ${MULTIPART_FIELD_LIMITS.fields} form fields`, `表单字段超过${MULTIPART_FIELD_LIMITS.fields}个`)),
    );
    const oneFile = (name: string) =>
      new ProblemException(
        400,
        'VALIDATION.FAILED',
        { en: 'Send exactly one file part named "file"', zh: '只能提交一个名为“file”的文件部分' },
        { errors: [fieldProblem(name, { en: 'unexpected file part; the file goes in the part named "file"', zh: '多余的文件部分；文件须放在名为“file”的部分中' })] },
      );
    // A second file part is never emitted (files: 1): busboy says so here instead.
    parser.on('filesLimit', () => {
      failure ??= oneFile('file');
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || upload) {
        failure ??= oneFile(name);
        stream.resume();
        return;
      }
      const body = new PassThrough();
      // Destroyed on a limit, possibly before the store has piped it (it awaits its directory first): the error is the
      // store's to report, and an 'error' with no listener yet would be thrown out of the process.
      body.on('error', () => undefined);
      fileBody = body;
      stream.on('limit', () =>
        abort(
          new ProblemException(413, 'EVIDENCE.TOO_LARGE', {
            en: `The file exceeds the limit of ${limits.maxBytes} bytes`,
            zh: `文件超过${limits.maxBytes.toLocaleString('en-US')}字节的大小限制`,
          }),
        ),
      );
      stream.pipe(body);
      const stored = store.put(body).then((s) => ({ ...s, mediaType: info.mimeType, filename: info.filename }));
      stored.catch(() => undefined); // awaited on close
      upload = stored;
    });
    parser.on('error', (err) => {
      if (!settle()) return;
      fileBody?.destroy(err as Error);
      reject(
        new ProblemException(400, 'REQUEST.MALFORMED', {
          en: `Broken multipart body: ${(err as Error).message}`,
          zh: `multipart 请求体损坏：${(err as Error).message}`,
        }),
      );
    });
    parser.on('close', () => {
      void (async () => {
        let file: MultipartEvidence['file'];
        let error: unknown;
        try {
          file = upload ? await upload : undefined;
        } catch (err) {
          error = err;
        }
        if (!settle()) return;
        if (failure ?? error) reject(failure ?? error);
        else resolve({ fields, file });
      })();
    });
    req.pipe(parser);
  });
}
