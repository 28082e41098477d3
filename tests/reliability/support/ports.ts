import { connect } from 'node:net';
import { eventually } from '../../support/eventually';

export { freePort } from '../../support/free-port';

/** True when something accepts a TCP connection on 127.0.0.1:`port` right now. */
export function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Waits until nothing listens on `port` any more (a stopped server has let go of it). */
export async function closed(port: number, timeoutMs = 15_000): Promise<void> {
  await eventually(async () => !(await accepting(port)), timeoutMs);
}
