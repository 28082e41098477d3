import { request } from 'node:http';
import type { HttpResult, Stack } from '../stack';

// Multipart bodies written by hand (so they can be broken anywhere), and a
// request that sends only part of its body and waits for the answer: what a
// client over a slow or dead connection, or one sending too much, looks like.

export const BOUNDARY = 'zhifa-fuzz-boundary';

export type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

/** The parts as a multipart/form-data body, its closing delimiter included. */
export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  return Buffer.concat([...parts.map((p) => partBytes(p, boundary)), Buffer.from(`--${boundary}--\r\n`)]);
}

/** One part, its headers and its content, ending with the line break before the next delimiter. */
export function partBytes(part: Part, boundary = BOUNDARY): Buffer {
  const head =
    'bytes' in part
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), 'bytes' in part ? part.bytes : Buffer.from(part.value), Buffer.from('\r\n')]);
}

/** The opening of a file part: headers only, its content to follow. */
export function fileHead(name = 'file', boundary = BOUNDARY): Buffer {
  return Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="evidence.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
}

export interface PartialRequest {
  /** The answer, read whole; resolves even when the server closes the connection after it. */
  response: Promise<HttpResult<unknown>>;
  /** Sends more of the body (the request stays open). */
  write(chunk: Buffer): void;
  /** Ends the body. */
  end(): void;
  /** Whether the request body was ended when the answer arrived. */
  endedBeforeAnswer(): boolean;
}

/**
 * POSTs with the headers given (a Content-Length larger than what is sent
 * keeps the server waiting for the rest) and the first chunks of the body,
 * leaving the request open: the answer may come before the body is complete.
 */
export function partialPost(stack: Stack, path: string, headers: Record<string, string | number>, first: Buffer[]): PartialRequest {
  const url = new URL(path, stack.url);
  let ended = false;
  let answered = false;
  let answeredWhileOpen = false;
  const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
  const response = new Promise<HttpResult<unknown>>((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      answeredWhileOpen = !ended;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: kept as text for the report
        }
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        resolve({ status: res.statusCode ?? 0, headers: h, body });
        req.destroy();
      });
    });
    // Writing into a connection the server closed after answering is expected; an error before any answer is not.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
  });
  req.flushHeaders();
  for (const chunk of first) req.write(chunk);
  return {
    response,
    write: (chunk) => void req.write(chunk),
    end: () => {
      ended = true;
      req.end();
    },
    endedBeforeAnswer: () => !answeredWhileOpen,
  };
}
