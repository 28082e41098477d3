// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'http', 'http2', 'https',
  'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];
const banned = (names, message) => names.flatMap((n) => [{ name: n, message }, { name: `node:${n}`, message }]);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'node_modules/**', '.data/**', '.tools/**', 'coverage/**', 'libs/api-client/src/schema.gen.ts', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Configuration is read and validated in one place (libs/config).
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through @zhifa/config' }],
    },
  },
  {
    files: ['libs/config/**', 'tests/**', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Workflow code is replayed in Temporal's sandbox: deterministic, no I/O.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...banned(nodeBuiltins, 'Workflows run in a deterministic sandbox: no Node built-ins'),
            { name: 'typeorm', message: 'No database access in workflows: use an activity' },
            { name: 'bullmq', message: 'No queues in workflows: use an activity' },
            { name: 'ioredis', message: 'No Redis in workflows: use an activity' },
            { name: '@temporalio/activity', message: 'Workflows import activity types only' },
            { name: '@temporalio/client', message: 'Workflows do not use the client' },
          ],
          patterns: [
            { group: ['@nestjs/*'], message: 'No Nest in workflows' },
            { group: ['@zhifa/persistence', '@zhifa/persistence/*', '@zhifa/config', '@zhifa/config/*'], message: 'Workflows import only @temporalio/workflow, @zhifa/domain and contracts' },
          ],
        },
      ],
    },
  },
);
