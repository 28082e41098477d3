import { inspect } from 'node:util';
import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from './config';
import { nestLogLevels } from './boot';
import { redact, redactText } from './redact';

/** Where a finished line goes; the process's own streams unless a test listens. */
export type LogSink = (line: string, stream: 'stdout' | 'stderr') => void;

const processSink: LogSink = (line, stream) => {
  process[stream].write(line);
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

interface PrintOptions {
  context: string;
  logLevel: LogLevel;
  writeStreamType?: 'stdout' | 'stderr';
  errorStack?: unknown;
}

/** One JSON line: level, time (ISO), pid, context, then the message or a structured line's own fields. */
function jsonRecord(message: unknown, options: PrintOptions): Record<string, unknown> {
  const record: Record<string, unknown> = { level: options.logLevel, timestamp: new Date().toISOString(), pid: process.pid };
  if (options.context) record.context = options.context;
  if (isPlainObject(message) && typeof message.message === 'string') Object.assign(record, message);
  else record.message = message;
  if (options.errorStack) record.stack = options.errorStack;
  return record;
}

/**
 * Nest's ConsoleLogger with every message, object and stack redacted before
 * it is written. An object logged with a `message` field is a structured
 * line: in JSON its fields stand beside level, timestamp and context (not
 * nested under `message`); in text it reads `message key=value …`.
 */
export class AppLogger extends ConsoleLogger {
  constructor(
    private readonly format: AppConfig['logFormat'],
    levels: LogLevel[],
    colors: boolean,
    private readonly sink: LogSink = processSink,
  ) {
    super({ json: format === 'json', colors: format === 'text' && colors, logLevels: levels, prefix: 'zhifa' });
  }

  protected override printMessages(
    messages: unknown[],
    context = '',
    logLevel: LogLevel = 'log',
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    const stack = typeof errorStack === 'string' ? redactText(errorStack) : errorStack;
    for (const raw of messages) {
      const message = redact(raw);
      if (this.format === 'json') {
        this.printAsJson(message, { context, logLevel, writeStreamType, errorStack: stack });
        continue;
      }
      const line = this.formatMessage(
        logLevel,
        message,
        this.formatPid(process.pid),
        logLevel.toUpperCase().padStart(7, ' '),
        this.formatContext(context),
        this.updateAndGetTimestampDiff(),
      );
      this.sink(line, writeStreamType ?? 'stdout');
    }
  }

  protected override printAsJson(message: unknown, options: PrintOptions): void {
    this.sink(`${this.stringifyJsonLogObject(jsonRecord(message, options))}\n`, options.writeStreamType ?? 'stdout');
  }

  protected override printStackTrace(stack: string): void {
    if (!stack || this.format === 'json') return;
    this.sink(`${redactText(stack)}\n`, 'stderr');
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (isPlainObject(message) && typeof message.message === 'string') {
      const { message: text, ...fields } = message;
      const pairs = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : inspect(v, { breakLength: Infinity, colors: false })}`);
      return this.colorize([text, ...pairs].join(' '), logLevel);
    }
    return super.stringifyMessage(message, logLevel) as string;
  }
}

/**
 * The logger of every app (case-api, worker, jobs): JSON or text as
 * `LOG_FORMAT` says, up to `LOG_LEVEL`. Text is coloured only on a terminal,
 * so a log file or a pipe gets plain lines.
 */
export function createLogger(
  cfg: Pick<AppConfig, 'logFormat' | 'logLevel'>,
  opts: { sink?: LogSink; colors?: boolean } = {},
): AppLogger {
  return new AppLogger(cfg.logFormat, nestLogLevels(cfg.logLevel), opts.colors ?? process.stdout.isTTY === true, opts.sink);
}
