/** Layering rules checked in CI (`npm run boundaries`). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain is plain TypeScript: no framework, I/O, Temporal or Node import',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: {
        pathNot: ['^libs/domain'],
      },
    },
    {
      name: 'domain-no-node-builtins',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'workflows-deterministic',
      comment: 'workflows import only @temporalio/workflow, libs/domain and libs/contracts',
      severity: 'error',
      from: { path: '^workflows' },
      to: {
        pathNot: ['^workflows', '^libs/domain', '^libs/contracts', '(^|/)node_modules/@temporalio/(workflow|common)/'],
      },
    },
    {
      name: 'contracts-no-nest-or-io',
      severity: 'error',
      from: { path: '^libs/contracts' },
      to: { path: ['(^|/)node_modules/(@nestjs|typeorm|pg|bullmq|ioredis)/', '^libs/persistence', '^apps'] },
    },
    {
      name: 'apps-no-typeorm',
      comment:
        'apps reach the database through the repositories of libs/persistence (whose module also wires TypeORM); they never import TypeORM or the pg driver',
      severity: 'error',
      from: { path: '^apps' },
      to: { path: '(^|/)node_modules/(typeorm|@nestjs/typeorm|pg)(/|$)' },
    },
    {
      name: 'libs-not-apps',
      severity: 'error',
      from: { path: '^libs' },
      to: { path: '^apps' },
    },
    {
      name: 'api-client-stands-alone',
      comment:
        'libs/api-client is what the e2e tests, the console or another service import: its generated types and openapi-fetch, nothing of the server',
      severity: 'error',
      from: { path: '^libs/api-client' },
      to: { pathNot: ['^libs/api-client', '(^|/)node_modules/openapi-fetch/', '(^|/)node_modules/openapi-typescript/'] },
    },
    {
      name: 'api-client-generator-build-time-only',
      comment: 'openapi-typescript generates the types (npm run openapi); the client itself never loads it',
      severity: 'error',
      from: { path: '^libs/api-client/src', pathNot: 'generate\\.ts$' },
      to: { path: '(^|/)node_modules/openapi-typescript/' },
    },
    {
      name: 'console-through-api-client',
      comment: 'apps/console is a browser app: it reaches the API only through the generated client, never server code',
      severity: 'error',
      from: { path: '^apps/console' },
      to: { path: ['^apps/(?!console/)', '^libs/(?!api-client/)', '^workflows'] },
    },
    {
      name: 'metrics-lib-stands-apart',
      comment: 'libs/metrics is prom-client, a Nest module and a plain HTTP listener: it knows no app, repository or queue (the apps feed it)',
      severity: 'error',
      from: { path: '^libs/metrics' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^libs/(metrics|config)/', '(^|/)node_modules/(prom-client|@nestjs/common)/'] },
    },
    {
      name: 'tracing-lib-stands-apart',
      comment: 'libs/tracing is the OpenTelemetry SDK set up for one app and a Nest module: it knows no app, repository or queue (the apps and the Temporal interceptors use its tracer)',
      severity: 'error',
      from: { path: '^libs/tracing' },
      to: { dependencyTypesNot: ['core'], pathNot: ['^libs/(tracing|config)/', '(^|/)node_modules/(@opentelemetry/[^/]+|@nestjs/common)/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.spec\\.ts$', '^dist'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
