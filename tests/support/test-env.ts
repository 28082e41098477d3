// Test-side knobs. The apps read config only through libs/config; the test
// harness prepares the environment those apps will read.

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!name.includes('test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
  }
}

/** Environment for an app started inside a test: same shape the real apps read. */
export function appEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: TEST_REDIS_URL,
    TEMPORAL_ADDRESS: process.env.ZHIFA_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    TEMPORAL_NAMESPACE: 'default',
    JWT_SECRET: TEST_JWT_SECRET,
    EVIDENCE_DIR: process.env.ZHIFA_TEST_EVIDENCE_DIR ?? '.data/test-evidence',
    ARCHIVE_DIR: process.env.ZHIFA_TEST_ARCHIVE_DIR ?? '.data/test-archives',
    ARCHIVE_KEY_DIR: process.env.ZHIFA_TEST_ARCHIVE_KEY_DIR ?? '.data/test-archive-keys',
    LOG_LEVEL: 'warn',
    // No metrics listener on the fixed ports: suites and stacks run side by side (a test that scrapes names free ports).
    WORKER_METRICS_PORT: '0',
    JOBS_METRICS_PORT: '0',
    ...overrides,
  };
}

/** History events after which the test Temporal server suggests continue-as-new. */
export const CONTINUE_AS_NEW_AFTER = 120;
