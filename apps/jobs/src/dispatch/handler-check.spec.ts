import { Injectable } from '@nestjs/common';
import { JOB_BINDINGS } from '../job-handlers';
import { JOB_ROUTES } from '../job-routes';
import { JOB_SCHEDULES } from '../job-schedules';
import { DispatchModule } from './dispatch.module';
import { checkHandlers, handlerProblems, queuesByType } from './handler-check';
import type { JobBinding } from './job-handler';

@Injectable()
class RenderDecision {
  async handle(): Promise<void> {}
  async render(): Promise<void> {}
}
@Injectable()
class RenderEverything {
  async handle(): Promise<void> {}
}

describe('the start-up check of job handlers', () => {
  it('passes the routes and handlers the jobs app ships with', () => {
    expect(handlerProblems(JOB_ROUTES, JOB_BINDINGS, JOB_SCHEDULES)).toEqual([]);
  });

  it('refuses a routed job name without a handler, naming it', () => {
    expect(() => checkHandlers({ documents: ['DECISION_MADE', 'NOTICE_SERVED'] }, [{ queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision }])).toThrow(
      'job handlers do not match the routes:\n  - documents/NOTICE_SERVED is routed but has no handler',
    );
  });

  it('refuses two handlers of one job name, naming both', () => {
    const bindings: JobBinding[] = [
      { queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision, method: 'render' },
      { queue: 'documents', names: ['DECISION_MADE', 'NOTICE_SERVED'], use: RenderEverything },
    ];
    expect(handlerProblems({ documents: ['DECISION_MADE', 'NOTICE_SERVED'] }, bindings)).toEqual([
      'documents/DECISION_MADE has 2 handlers: RenderDecision.render, RenderEverything.handle',
    ]);
  });

  it('refuses a handler no route sends jobs to, and a name routed twice', () => {
    expect(
      handlerProblems({ disclosure: ['DECISION_MADE', 'DECISION_MADE'] }, [
        { queue: 'disclosure', names: ['DECISION_MADE'], use: RenderDecision },
        { queue: 'archive', names: ['CASE_ARCHIVED'], use: RenderEverything },
      ]),
    ).toEqual(['disclosure/DECISION_MADE is routed twice', 'archive/CASE_ARCHIVED has a handler (RenderEverything.handle) but no route sends it jobs']);
  });

  it('takes a scheduled job as routed, and refuses one scheduled without a handler or both scheduled and routed', () => {
    const bindings: JobBinding[] = [{ queue: 'audit', names: ['CHAIN_VERIFICATION'], use: RenderDecision }];
    expect(handlerProblems({}, bindings, [{ queue: 'audit', name: 'CHAIN_VERIFICATION', pattern: () => '0 2 * * *' }])).toEqual([]);
    expect(handlerProblems({}, bindings)).toEqual(['audit/CHAIN_VERIFICATION has a handler (RenderDecision.handle) but no route sends it jobs']);
    expect(
      handlerProblems({ audit: ['CHAIN_VERIFICATION'] }, bindings, [
        { queue: 'audit', name: 'CHAIN_VERIFICATION', pattern: () => '0 2 * * *' },
        { queue: 'audit', name: 'CASE_RECONCILIATION', pattern: () => '30 2 * * *' },
      ]),
    ).toEqual(['audit/CHAIN_VERIFICATION is both routed and scheduled', 'audit/CASE_RECONCILIATION is scheduled but has no handler']);
  });

  it('judges a name per queue: one event may feed several queues, each with its own handler', () => {
    const routes = { documents: ['DECISION_MADE'], disclosure: ['DECISION_MADE'] };
    expect(
      handlerProblems(routes, [
        { queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision },
        { queue: 'disclosure', names: ['DECISION_MADE'], use: RenderEverything },
      ]),
    ).toEqual([]);
    expect(queuesByType(routes).get('DECISION_MADE')).toEqual(['documents', 'disclosure']);
  });
});

describe('the jobs dispatch module', () => {
  const routes = { documents: ['DECISION_MADE'], archive: ['CASE_ARCHIVED'] };
  const register = (bindings: JobBinding[]) => () => DispatchModule.register({ routes, bindings, handlers: [RenderDecision, RenderEverything] });

  it('is not built when a routed job name has no handler, or two, or a bound method is missing', () => {
    expect(register([{ queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision }])).toThrow(
      'job handlers do not match the routes:\n  - archive/CASE_ARCHIVED is routed but has no handler',
    );
    expect(
      register([
        { queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision },
        { queue: 'documents', names: ['DECISION_MADE'], use: RenderEverything },
        { queue: 'archive', names: ['CASE_ARCHIVED'], use: RenderEverything },
      ]),
    ).toThrow('documents/DECISION_MADE has 2 handlers: RenderDecision.handle, RenderEverything.handle');
    expect(
      register([
        { queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision },
        { queue: 'archive', names: ['CASE_ARCHIVED'], use: RenderEverything, method: 'build' },
      ]),
    ).toThrow('RenderEverything.build is not a method (bound for archive: CASE_ARCHIVED)');
    expect(
      register([
        { queue: 'documents', names: ['DECISION_MADE'], use: RenderDecision },
        { queue: 'archive', names: ['CASE_ARCHIVED'], use: RenderEverything },
      ])().module,
    ).toBe(DispatchModule);
  });
});
