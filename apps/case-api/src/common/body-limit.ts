import type { NextFunction, Request, Response } from 'express';
import { ProblemException } from './problem';
import { sendProblem } from './problem.filter';

/** The largest JSON body (bytes): long texts and minutes fit; files go through the multipart evidence upload. */
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * A JSON body whose Content-Length passes `limit` is answered 413 before a
 * byte of it is read, and the connection closed after the answer: the body
 * parser would first read the whole body (however large, however slow) and
 * answer only then.
 */
export function refuseDeclaredOversize(limit: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length']);
    if (!req.is('application/json') || !(declared > limit)) return next();
    res.setHeader('Connection', 'close');
    sendProblem(
      req,
      res,
      new ProblemException(413, 'REQUEST.TOO_LARGE', {
        en: `The JSON body of ${declared} bytes exceeds the limit of ${limit} bytes; files go through the multipart evidence upload`,
        zh: `JSON 请求内容（${declared}字节）超过${limit}字节的限制，文件请通过证据上传接口提交`,
      }),
    );
  };
}
