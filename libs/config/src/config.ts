// The one place that reads the environment. Every value is parsed and
// checked once at boot; a bad value stops the process with a single line
// naming the variable, instead of failing later in some connection pool.

export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
  jwt: { secret: string; issuer: string; audience: string; ttlSeconds: number };
  evidenceDir: string;
  /** Signed archive packages (归档), one directory per case. */
  archiveDir: string;
  /** The agencies' private archive-signing keys (Ed25519, PEM, one file per key id); never in the database. */
  archiveKeyDir: string;
  /** Largest evidence upload accepted, in bytes (audio-video can be several GB). */
  evidenceMaxBytes: number;
  /** A multipart evidence upload that sends no byte for this long is answered 408 and nothing is recorded. */
  uploadIdleTimeoutMs: number;
  timeZone: string;
  /** The console's production build (Vite); case-api serves it at /console when it exists. */
  consoleDir: string;
  /** The worker's prebuilt workflow bundle (`npm run build:workflows`); unset: bundle the workflows at start. */
  workflowBundle?: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Requests per minute one client may make to the public pages (/public/*), which need no sign-in. */
  publicRateLimit: number;
  /** When the jobs app audits the record (cron patterns in `timeZone`). */
  audit: { chainVerification: string; reconciliation: string };
  /** One JSON object a line (production's default), or readable text without colours unless on a terminal. */
  logFormat: 'json' | 'text';
  /**
   * Prometheus metrics: case-api serves /metrics on its own port; the worker and
   * the jobs app each listen on a port of their own (0: no listener). With a
   * token set, a scrape must send `Authorization: Bearer <token>`.
   */
  metrics: { token?: string; workerPort: number; jobsPort: number; temporalAddress?: string };
  /**
   * OpenTelemetry tracing (libs/tracing), off unless asked for: `otlp` sends
   * spans over OTLP/HTTP to `endpoint` (the collector's base URL, as
   * OTEL_EXPORTER_OTLP_ENDPOINT means it; `/v1/traces` is added).
   */
  tracing: { exporter: 'off' } | { exporter: 'otlp'; endpoint: string };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string, fallback?: string): string {
  const raw = env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : raw.trim();
  if (value === undefined) throw new ConfigError(name, 'is required but not set');
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function url(env: Env, name: string, protocols: string[], fallback: string): string {
  const value = read(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name, String(fallback));
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max} (got "${value}")`);
  }
  return Number(value);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name, fallback);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function hostPort(env: Env, name: string, fallback: string): string {
  const value = read(env, name, fallback);
  if (!/^[A-Za-z0-9.\-_]+:\d{1,5}$/.test(value)) {
    throw new ConfigError(name, `must be host:port (got "${value}")`);
  }
  return value;
}

/** A cron pattern of five fields (minute hour day month weekday), or six with seconds first. */
function cron(env: Env, name: string, fallback: string): string {
  const value = read(env, name, fallback);
  const fields = value.split(/\s+/);
  if ((fields.length !== 5 && fields.length !== 6) || !fields.every((f) => /^[\d*,\-/?LW#A-Za-z]+$/.test(f))) {
    throw new ConfigError(name, `must be a cron pattern of 5 or 6 fields (got "${value}")`);
  }
  return fields.join(' ');
}

function timeZone(env: Env, name: string, fallback: string): string {
  const value = read(env, name, fallback);
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new ConfigError(name, `is not a known IANA time zone (got "${value}")`);
  }
  return value;
}

/** What the archive tools (verify-archive, archive-key) read: the database and the key directory, no secrets. */
export interface ArchiveToolConfig {
  databaseUrl: string;
  archiveDir: string;
  archiveKeyDir: string;
}

export function loadArchiveToolConfig(env: Env): ArchiveToolConfig {
  return {
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/zhifa'),
    archiveDir: read(env, 'ARCHIVE_DIR', '.data/archives'),
    archiveKeyDir: read(env, 'ARCHIVE_KEY_DIR', '.data/archive-keys'),
  };
}

export function loadConfig(env: Env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const secret = read(env, 'JWT_SECRET');
  if (secret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], 'postgres://postgres@127.0.0.1:5432/zhifa'),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    temporal: {
      address: hostPort(env, 'TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: read(env, 'TEMPORAL_NAMESPACE', 'default'),
      taskQueue: read(env, 'TEMPORAL_TASK_QUEUE', 'zhifa-cases'),
    },
    jwt: {
      secret,
      issuer: read(env, 'JWT_ISSUER', 'zhifa'),
      audience: read(env, 'JWT_AUDIENCE', 'zhifa-api'),
      ttlSeconds: int(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    },
    evidenceDir: read(env, 'EVIDENCE_DIR', '.data/evidence'),
    archiveDir: read(env, 'ARCHIVE_DIR', '.data/archives'),
    archiveKeyDir: read(env, 'ARCHIVE_KEY_DIR', '.data/archive-keys'),
    evidenceMaxBytes: int(env, 'EVIDENCE_MAX_BYTES', 8 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    uploadIdleTimeoutMs: int(env, 'UPLOAD_IDLE_TIMEOUT_MS', 30_000, 100, 3_600_000),
    timeZone: timeZone(env, 'CASE_TIME_ZONE', 'Asia/Shanghai'),
    consoleDir: read(env, 'CONSOLE_DIR', 'dist/console'),
    workflowBundle: optional(env, 'WORKFLOW_BUNDLE'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'log'),
    publicRateLimit: int(env, 'PUBLIC_RATE_LIMIT', 120, 1, 1_000_000),
    audit: {
      chainVerification: cron(env, 'CHAIN_VERIFICATION_SCHEDULE', '0 2 * * *'),
      reconciliation: cron(env, 'RECONCILIATION_SCHEDULE', '30 2 * * *'),
    },
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'text'] as const, nodeEnv === 'production' ? 'json' : 'text'),
    metrics: metrics(env),
    tracing: tracing(env),
  };
}

/**
 * TRACING=off|otlp; unset, it is `otlp` exactly when OTEL_EXPORTER_OTLP_ENDPOINT
 * is set (the standard variable switches it on), so an explicit `off` wins over
 * an endpoint left in the environment.
 */
function tracing(env: Env): AppConfig['tracing'] {
  const endpoint = optional(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const exporter = oneOf(env, 'TRACING', ['off', 'otlp'] as const, endpoint ? 'otlp' : 'off');
  if (exporter === 'off') return { exporter };
  if (!endpoint) throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', 'is required when TRACING=otlp (the collector, e.g. http://otel-collector:4318)');
  return { exporter, endpoint: url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], endpoint) };
}

function metrics(env: Env): AppConfig['metrics'] {
  const token = env.METRICS_TOKEN?.trim();
  if (token && token.length < 16) throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters when set');
  const temporal = env.TEMPORAL_METRICS_ADDRESS?.trim();
  return {
    ...(token ? { token } : {}),
    workerPort: int(env, 'WORKER_METRICS_PORT', 9464, 0, 65535),
    jobsPort: int(env, 'JOBS_METRICS_PORT', 9465, 0, 65535),
    ...(temporal ? { temporalAddress: hostPort(env, 'TEMPORAL_METRICS_ADDRESS', temporal) } : {}),
  };
}
