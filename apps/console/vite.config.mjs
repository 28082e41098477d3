// The console's production build: served by case-api at /console from
// dist/console (see apps/case-api/src/console/serve-console.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { defineConfig } from 'vite';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes a .gz and a .br beside every script, style and page of the build, so
 * case-api sends them compressed without compressing on each request
 * (serve-console.ts picks by Accept-Encoding). Node's own zlib: no plugin needed.
 */
function precompress() {
  let outDir = '';
  return {
    name: 'zhifa-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      const files = [...Object.keys(bundle), 'index.html'].filter((f) => /\.(js|css|html)$/.test(f));
      for (const file of new Set(files)) {
        const path = join(outDir, file);
        const raw = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: '/console/',
  publicDir: false,
  resolve: {
    alias: { '@zhifa/api-client': here('../../libs/api-client/src/index.ts') },
  },
  // Vite 8 transforms TSX with oxc; the automatic runtime needs no React import.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // Maps for debugging a production report, not referenced by the bundles.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // React changes rarely: its own long-cached chunk. Ant Design is left to the
        // bundler, so each area's bundle carries the components it uses and the
        // sign-in screen does not wait for the tables, pickers and drawers of the others.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
  logLevel: 'warn',
});
