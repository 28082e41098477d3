import { Injectable } from '@nestjs/common';
import { JOB_BINDINGS } from '../job-handlers';
import { JOB_ROUTES } from '../job-routes';
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
    expect(handlerProblems(JOB_ROUTES, JOB_BINDINGS)).toEqual([]);
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
