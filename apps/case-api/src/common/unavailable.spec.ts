import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { toProblem } from './problem.filter';
import { caseBusy, unavailableProblem } from './unavailable';

/** A gRPC error as @grpc/grpc-js raises it: an Error with the status code and the server's message as details. */
function grpc(code: number, details = `grpc ${code}`): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

// The messages of Temporal Server 1.29.1 (service/history/workflow/update/registry.go).
const IN_FLIGHT = 'limit on number of concurrent in-flight updates has been reached (10)';
const TOTAL =
  'The limit on the total number of distinct updates in this workflow has been reached (2000). Make sure any duplicate updates share an Update ID so the server can deduplicate them, and consider rejecting updates that you aren\'t going to process. You can also Continue-as-New to avoid this; we recommend you check Continue-as-New Suggested in your Workflow.';

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

describe('caseBusy', () => {
  it("answers the server's limits on a workflow's Updates 429 CASE.BUSY with Retry-After, whether the client wraps the error or not", () => {
    for (const cause of [grpc(8, IN_FLIGHT), grpc(9, TOTAL)]) {
      for (const err of [cause, new ServiceError('Workflow Update failed', { cause })]) {
        const problem = caseBusy(err);
        expect(problem?.getStatus()).toBe(429);
        expect(problem?.code).toBe('CASE.BUSY');
        expect(problem?.retryAfter).toBe(1);
      }
    }
  });

  it('leaves every other failure alone: another FAILED_PRECONDITION, the server down, a message alone', () => {
    expect(caseBusy(new ServiceError('Workflow Update failed', { cause: grpc(9, 'workflow is not running') }))).toBeNull();
    expect(caseBusy(grpc(14))).toBeNull();
    expect(caseBusy(new Error('RESOURCE_EXHAUSTED'))).toBeNull();
    expect(caseBusy(new Error(TOTAL))).toBeNull();
  });

  it('is how the exception filter answers them: never a 500', () => {
    expect(toProblem(new ServiceError('Workflow Update failed', { cause: grpc(8, IN_FLIGHT) }))).toMatchObject({ code: 'CASE.BUSY', retryAfter: 1 });
    expect(toProblem(new ServiceError('Workflow Update failed', { cause: grpc(9, TOTAL) })).getStatus()).toBe(429);
    expect(toProblem(new ServiceError('Workflow Update failed', { cause: grpc(9, 'workflow is not running') })).getStatus()).toBe(500);
  });
});
