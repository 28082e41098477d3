// Five projects: pure unit specs next to the code, integration / e2e /
// browser suites under tests/ that run against the real Postgres, Redis and
// Temporal, and the fault tests (reliability) on services of their own.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const moduleNameMapper = {
  '^@zhifa/(domain|contracts|persistence|config|api-client|archive|metrics|tracing)$': '<rootDir>/libs/$1/src',
  '^@zhifa/(domain|contracts|persistence|config|api-client|archive|metrics|tracing)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@zhifa/workflows$': '<rootDir>/workflows',
  '^@zhifa/workflows/(.*)$': '<rootDir>/workflows/$1',
};
// NestJS 12 ships as ES modules, and so do a few packages it loads. Node
// 20.19+ can require() them, but Jest's own module system cannot before Node
// 24.9, so these (and only these) are compiled to CommonJS like our sources.
const esmPackages = ['@nestjs', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', '@borewit'];
const esmSwc = { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } };
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.m?js$': ['@swc/jest', esmSwc] },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/dist-bench/', '<rootDir>/.data/', '<rootDir>/.tools/'],
};

module.exports = {
  // A global option: Jest ignores testTimeout inside projects. Integration and
  // e2e tests wait on real timers and servers; unit tests finish in ms anyway.
  testTimeout: 90000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/{integration,replay}/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // The console (apps/console, production build) in Debian's chromium against the same real stack.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.spec.ts'],
      // Reports the page when a test fails (tests/browser/environment.ts).
      testEnvironment: '<rootDir>/tests/browser/environment.ts',
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // Fault tests: each file starts its own Postgres, Redis and Temporal dev server on free loopback ports and
      // stops or kills them (tests/reliability/support); the global setup only bundles the workflows once.
      ...common,
      displayName: 'reliability',
      testMatch: ['<rootDir>/tests/reliability/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/reliability/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/reliability/support/global-teardown.ts',
    },
  ],
};
