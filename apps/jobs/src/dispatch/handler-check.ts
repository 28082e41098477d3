import type { JobQueue } from '@zhifa/contracts';
import type { JobBinding, JobRoutes, JobSchedule } from './job-handler';

/** The start-up check: what is wrong with a set of routes and handlers, one line each. */
export function handlerProblems(routes: JobRoutes, bindings: readonly JobBinding[], schedules: readonly JobSchedule[] = []): string[] {
  const problems: string[] = [];
  const handlers = new Map<string, string[]>();
  for (const b of bindings) {
    const method = b.method ?? 'handle';
    if (typeof (b.use.prototype as Record<string, unknown>)[method] !== 'function') {
      problems.push(`${b.use.name}.${method} is not a method (bound for ${b.queue}: ${b.names.join(', ')})`);
    }
    for (const name of b.names) {
      const key = `${b.queue}/${name}`;
      handlers.set(key, [...(handlers.get(key) ?? []), `${b.use.name}.${b.method ?? 'handle'}`]);
    }
  }
  const routed = new Set<string>();
  for (const [queue, names] of Object.entries(routes) as [JobQueue, readonly string[]][]) {
    for (const name of names) {
      const key = `${queue}/${name}`;
      if (routed.has(key)) problems.push(`${key} is routed twice`);
      routed.add(key);
      const found = handlers.get(key) ?? [];
      if (found.length === 0) problems.push(`${key} is routed but has no handler`);
      if (found.length > 1) problems.push(`${key} has ${found.length} handlers: ${found.join(', ')}`);
    }
  }
  for (const { queue, name } of schedules) {
    const key = `${queue}/${name}`;
    if (routed.has(key)) problems.push(`${key} is both routed and scheduled`);
    routed.add(key);
    const found = handlers.get(key) ?? [];
    if (found.length === 0) problems.push(`${key} is scheduled but has no handler`);
    if (found.length > 1) problems.push(`${key} has ${found.length} handlers: ${found.join(', ')}`);
  }
  for (const [key, found] of handlers) {
    if (!routed.has(key)) problems.push(`${key} has a handler (${found.join(', ')}) but no route sends it jobs`);
  }
  return problems;
}

export class HandlerCheckError extends Error {
  constructor(readonly problems: string[]) {
    super(`job handlers do not match the routes:\n  - ${problems.join('\n  - ')}`);
    this.name = 'HandlerCheckError';
  }
}

/** Throws, naming every problem, unless each routed (queue, name) has exactly one handler, each handler a route, and each bound method exists. */
export function checkHandlers(routes: JobRoutes, bindings: readonly JobBinding[], schedules: readonly JobSchedule[] = []): void {
  const problems = handlerProblems(routes, bindings, schedules);
  if (problems.length) throw new HandlerCheckError(problems);
}

/** Event type → the queues it feeds, from the per-queue routes. */
export function queuesByType(routes: JobRoutes): Map<string, JobQueue[]> {
  const out = new Map<string, JobQueue[]>();
  for (const [queue, names] of Object.entries(routes) as [JobQueue, readonly string[]][]) {
    for (const name of names) out.set(name, [...(out.get(name) ?? []), queue]);
  }
  return out;
}
