import { Logger } from '@nestjs/common';
import { createLogger } from './logger';

function capture(format: 'json' | 'text', colors = false) {
  const lines: { line: string; stream: string }[] = [];
  const logger = createLogger({ logFormat: format, logLevel: 'debug' }, { colors, sink: (line, stream) => lines.push({ line, stream }) });
  return { logger, lines };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);

describe('createLogger', () => {
  it('writes one JSON object a line, a structured line with its fields at the top level', () => {
    const { logger, lines } = capture('json');
    logger.log({ message: 'POST /cases 201', method: 'POST', status: 201, requestId: 'r-1' }, 'Http');
    logger.warn('plain text', 'Jobs');
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((l) => JSON.parse(l.line) as Record<string, unknown>);
    expect(first).toMatchObject({ level: 'log', context: 'Http', message: 'POST /cases 201', method: 'POST', status: 201, requestId: 'r-1' });
    expect(new Date(first.timestamp as string).toISOString()).toBe(first.timestamp);
    expect(second).toMatchObject({ level: 'warn', context: 'Jobs', message: 'plain text' });
    expect(lines.every((l) => l.line.endsWith('}\n') && !l.line.slice(0, -1).includes('\n'))).toBe(true);
  });

  it('redacts messages, objects and stacks before writing, in either format', () => {
    for (const format of ['json', 'text'] as const) {
      const { logger, lines } = capture(format);
      const err = new Error('lookup of 110105199003071234 failed');
      logger.log({ message: 'request', headers: { authorization: 'Bearer abc.def.ghi' }, phone: '13812345678' });
      logger.error(`failed for 13812345678`, err.stack, 'Api');
      logger.debug('Authorization: Bearer sometoken');
      const all = lines.map((l) => l.line).join('');
      expect(all).not.toMatch(/13812345678|110105199003071234|abc\.def\.ghi|sometoken/);
      expect(all).toContain('138****5678');
      expect(all).toContain('[REDACTED]');
      expect(lines.some((l) => l.stream === 'stderr')).toBe(true);
    }
  });

  it('writes readable text without colour codes unless asked for colours', () => {
    const { logger, lines } = capture('text');
    logger.log({ message: 'GET /api/v1/cases 200', status: 200, route: '/api/v1/cases' }, 'Http');
    expect(lines[0].line).toMatch(/ LOG \[Http\] GET \/api\/v1\/cases 200 status=200 route=\/api\/v1\/cases\n$/);
    expect(lines[0].line).not.toMatch(ANSI);
    const coloured = capture('text', true);
    coloured.logger.log('hello', 'X');
    expect(coloured.lines[0].line).toMatch(ANSI);
    // JSON is never coloured.
    const json = capture('json', true);
    json.logger.log('hello', 'X');
    expect(json.lines[0].line).not.toMatch(ANSI);
  });

  it('serves as the static Nest logger, honouring the level', () => {
    const lines: string[] = [];
    const logger = createLogger({ logFormat: 'json', logLevel: 'warn' }, { sink: (line) => lines.push(line) });
    Logger.overrideLogger(logger);
    try {
      new Logger('Worker').log('not shown');
      new Logger('Worker').warn('shown');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(lines.map((l) => JSON.parse(l) as { message: string })).toEqual([expect.objectContaining({ message: 'shown', context: 'Worker' })]);
  });
});
