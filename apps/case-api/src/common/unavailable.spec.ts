import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { unavailableProblem } from './unavailable';

/** A gRPC error as @grpc/grpc-js raises it: an Error with the status code. */
function grpc(code: number): Error {
  return Object.assign(new Error(`grpc ${code}`), { code });
}

describe('unavailableProblem', () => {
  it('answers a Temporal server that is down or did not answer in time 503 TEMPORAL.UNAVAILABLE', () => {
    for (const err of [
      new ServiceError('Workflow Update failed', { cause: grpc(14) }),
      new ServiceError('Workflow Update failed', { cause: grpc(4) }),
      new WorkflowUpdateRPCTimeoutOrCancelledError('timed out', { cause: grpc(4) }),
    ]) {
      expect(unavailableProblem(err)).toMatchObject({ code: 'TEMPORAL.UNAVAILABLE' });
      expect(unavailableProblem(err)?.getStatus()).toBe(503);
    }
  });

  it('answers a database that refused, reset or ended the connection 503 DATABASE.UNAVAILABLE, also wrapped by TypeORM', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const wrapped = Object.assign(new Error('Connection terminated unexpectedly'), { driverError: new Error('Connection terminated unexpectedly') });
    const starting = { name: 'error', message: 'the database system is starting up', code: '57P03' };
    for (const err of [refused, shutdown, wrapped, starting, Object.assign(new Error('query failed'), { driverError: refused })]) {
      expect(unavailableProblem(err)).toMatchObject({ code: 'DATABASE.UNAVAILABLE' });
      expect(unavailableProblem(err)?.getStatus()).toBe(503);
    }
  });

  it('leaves every other error alone (a 500 stays a 500)', () => {
    expect(unavailableProblem(new ServiceError('bad request', { cause: grpc(3) }))).toBeNull();
    expect(unavailableProblem(Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }))).toBeNull();
    expect(unavailableProblem(new Error('boom'))).toBeNull();
    expect(unavailableProblem('not an error')).toBeNull();
  });
});
