import { ConfigError, loadConfig } from './config';

const secret = 'x'.repeat(32);

describe('loadConfig', () => {
  it('fills local defaults', () => {
    const cfg = loadConfig({ JWT_SECRET: secret });
    expect(cfg.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/zhifa');
    expect(cfg.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'zhifa-cases' });
    expect(cfg.timeZone).toBe('Asia/Shanghai');
    expect(cfg.audit).toEqual({ chainVerification: '0 2 * * *', reconciliation: '30 2 * * *' });
    expect(cfg.logFormat).toBe('text');
    expect(loadConfig({ JWT_SECRET: secret, NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadConfig({ JWT_SECRET: secret, NODE_ENV: 'production', LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(loadConfig({ JWT_SECRET: secret, CHAIN_VERIFICATION_SCHEDULE: ' 15  3 * * 1 ' }).audit.chainVerification).toBe('15 3 * * 1');
    expect(cfg.metrics).toEqual({ workerPort: 9464, jobsPort: 9465 });
    expect(cfg.uploadIdleTimeoutMs).toBe(30_000);
    expect(loadConfig({ JWT_SECRET: secret, UPLOAD_IDLE_TIMEOUT_MS: '1500' }).uploadIdleTimeoutMs).toBe(1500);
  });

  it('reads the metrics settings: 0 turns a listener off, the Temporal exporter is opt-in', () => {
    const cfg = loadConfig({ JWT_SECRET: secret, WORKER_METRICS_PORT: '0', JOBS_METRICS_PORT: '19465', METRICS_TOKEN: 't'.repeat(16), TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9466' });
    expect(cfg.metrics).toEqual({ workerPort: 0, jobsPort: 19465, token: 't'.repeat(16), temporalAddress: '0.0.0.0:9466' });
  });

  it('leaves tracing off unless TRACING=otlp or an OTLP endpoint asks for it; an explicit off wins', () => {
    const endpoint = 'http://otel-collector:4318';
    expect(loadConfig({ JWT_SECRET: secret }).tracing).toEqual({ exporter: 'off' });
    expect(loadConfig({ JWT_SECRET: secret, OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }).tracing).toEqual({ exporter: 'off' });
    expect(loadConfig({ JWT_SECRET: secret, OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).tracing).toEqual({ exporter: 'otlp', endpoint });
    expect(loadConfig({ JWT_SECRET: secret, TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).tracing).toEqual({ exporter: 'otlp', endpoint });
    expect(loadConfig({ JWT_SECRET: secret, TRACING: 'off', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).tracing).toEqual({ exporter: 'off' });
  });

  it.each([
    [{ TRACING: 'jaeger' }, 'TRACING must be one of off, otlp (got "jaeger")'],
    [{ TRACING: 'otlp' }, 'OTEL_EXPORTER_OTLP_ENDPOINT is required when TRACING=otlp'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'otel-collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must use http: or https:'],
    [{ TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_ENDPOINT is not a valid URL'],
  ])('refuses a bad tracing setting %j', (env, message) => {
    expect(() => loadConfig({ JWT_SECRET: secret, ...env })).toThrow(message);
  });

  it('takes a prebuilt workflow bundle only when WORKFLOW_BUNDLE is set', () => {
    expect(loadConfig({ JWT_SECRET: secret }).workflowBundle).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: secret, WORKFLOW_BUNDLE: '  ' }).workflowBundle).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: secret, WORKFLOW_BUNDLE: ' /app/dist/workflow-bundle.js ' }).workflowBundle).toBe(
      '/app/dist/workflow-bundle.js',
    );
  });

  it.each([
    [{}, 'JWT_SECRET is required but not set'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ JWT_SECRET: secret, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must use postgres: or postgresql:'],
    [{ JWT_SECRET: secret, REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    [{ JWT_SECRET: secret, TEMPORAL_ADDRESS: 'localhost' }, 'TEMPORAL_ADDRESS must be host:port'],
    [{ JWT_SECRET: secret, PORT: 'eighty' }, 'PORT must be an integer'],
    [{ JWT_SECRET: secret, CASE_TIME_ZONE: 'Mars/Olympus' }, 'CASE_TIME_ZONE is not a known IANA time zone'],
    [{ JWT_SECRET: secret, NODE_ENV: 'staging' }, 'NODE_ENV must be one of'],
    [{ JWT_SECRET: secret, CHAIN_VERIFICATION_SCHEDULE: 'nightly' }, 'CHAIN_VERIFICATION_SCHEDULE must be a cron pattern of 5 or 6 fields'],
    [{ JWT_SECRET: secret, RECONCILIATION_SCHEDULE: '0 2 * *' }, 'RECONCILIATION_SCHEDULE must be a cron pattern'],
    [{ JWT_SECRET: secret, LOG_FORMAT: 'pretty' }, 'LOG_FORMAT must be one of json, text'],
    [{ JWT_SECRET: secret, WORKER_METRICS_PORT: '70000' }, 'WORKER_METRICS_PORT must be an integer between 0 and 65535'],
    [{ JWT_SECRET: secret, METRICS_TOKEN: 'short' }, 'METRICS_TOKEN must be at least 16 characters'],
    [{ JWT_SECRET: secret, UPLOAD_IDLE_TIMEOUT_MS: '0' }, 'UPLOAD_IDLE_TIMEOUT_MS must be an integer between 100 and 3600000'],
    [{ JWT_SECRET: secret, TEMPORAL_METRICS_ADDRESS: '9466' }, 'TEMPORAL_METRICS_ADDRESS must be host:port'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
