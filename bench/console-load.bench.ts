import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { DataSource } from 'typeorm';
import { loadConfig } from '@zhifa/config';
import { createApiApp } from '../apps/case-api/src/bootstrap';
import { DEMO_POLICY } from '../infra/seed/demo-policy';
import { seedDemo } from '../infra/seed/seed';

// The console's weight and first load: every built asset raw and gzipped,
// then cold loads in Debian's chromium of the sign-in screen and of My work
// after signing in, with what the browser actually fetched. Against a running
// stack when BENCH_CONSOLE_URL is set (e.g. http://127.0.0.1:3000 from npm run
// dev, which has demo cases); otherwise case-api is started here on a scratch
// database (zhifa_bench_console) seeded with the demo agency and no cases.
// Targets (issue 9): first screen under 2 s, under 1 MB gzipped.
const ROOT = resolve(__dirname, '../..');
const CONSOLE_DIR = join(ROOT, 'dist/console');
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 7);
const USER = process.env.BENCH_CONSOLE_USER ?? 'head.sun';
const DB_URL = process.env.BENCH_CONSOLE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/zhifa_bench_console';
const CHROMIUM = '/usr/bin/chromium';
const TARGET_MS = 2000;
const TARGET_GZIP = 1024 * 1024;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Asset {
  path: string;
  raw: number;
  gzip: number;
}

function assets(): Map<string, Asset> {
  const out = new Map<string, Asset>();
  const dir = join(CONSOLE_DIR, 'assets');
  for (const name of readdirSync(dir).filter((n) => /\.(js|css)$/.test(n))) {
    const body = readFileSync(join(dir, name));
    out.set(`/console/assets/${name}`, { path: `assets/${name}`, raw: statSync(join(dir, name)).size, gzip: gzipSync(body, { level: 6 }).length });
  }
  const index = readFileSync(join(CONSOLE_DIR, 'index.html'));
  out.set('/console/', { path: 'index.html', raw: index.length, gzip: gzipSync(index, { level: 6 }).length });
  return out;
}

/** What index.html itself makes the browser fetch before any route's own chunk: the entry, its preloads and styles. */
function entryFiles(): string[] {
  const html = readFileSync(join(CONSOLE_DIR, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/console\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startApi(): Promise<{ url: string; close(): Promise<void> }> {
  const admin = new URL(DB_URL);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString() });
  await pg.connect();
  await pg.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await pg.query(`CREATE DATABASE "${name}"`);
  await pg.end();
  // The app's own config module reads the environment too: the same values for both.
  Object.assign(process.env, {
    NODE_ENV: 'development',
    DATABASE_URL: DB_URL,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CONSOLE_DIR,
    PORT: '0',
    LOG_LEVEL: 'error',
  });
  const cfg = loadConfig(process.env);
  const app = await createApiApp(cfg);
  await app.listen(0, '127.0.0.1');
  await seedDemo(app.get(DataSource), DEMO_POLICY);
  return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
}

interface Load {
  dcl: number;
  load: number;
  /** From navigation start until the screen's own content shows. */
  ready: number;
  requests: string[];
  transferred: number;
}

/** Watches the requests of a page: each console asset with the bytes the network carried for it. */
function recorder(page: Page) {
  const done: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (req: Request) => {
    const url = new URL(req.url()).pathname;
    // A request that finishes as the context closes has no sizes left to ask for.
    done.push(req.sizes().then((s) => ({ url, bytes: s.responseBodySize + s.responseHeadersSize }), () => ({ url, bytes: 0 })));
  });
  return async () => {
    const all = await Promise.all(done.splice(0));
    const ours = all.filter((r) => r.url.startsWith('/console'));
    return { requests: ours.map((r) => r.url), transferred: ours.reduce((s, r) => s + r.bytes, 0) };
  };
}

// Run in the page (the bench's own tsconfig has no DOM types): shown, and not behind a spinner.
const shown = (selector: string) =>
  `(() => { const el = document.querySelector(${JSON.stringify(selector)}); return el !== null && el.querySelector('.ant-spin-spinning') === null; })()`;
const NAVIGATION = `(() => { const n = performance.getEntriesByType('navigation')[0]; return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()`;

async function navTimes(page: Page, readySelector: string): Promise<Pick<Load, 'dcl' | 'load' | 'ready'>> {
  await page.waitForFunction(shown(readySelector));
  const ready = await page.evaluate(() => performance.now());
  await page.waitForLoadState('load');
  const nav = (await page.evaluate(NAVIGATION)) as { dcl: number; load: number };
  return { ...nav, ready };
}

const SESSION_KEY = 'zhifa.console.session';

/**
 * Cold loads, each in a fresh browser context (empty HTTP cache, new renderer):
 * the sign-in screen, then a click on a demo user until My work's table
 * shows; then My work opened directly with that session in the tab.
 */
async function coldRun(browser: Browser, url: string): Promise<{ signIn: Load; toWork: { ms: number; requests: string[]; transferred: number }; work: Load }> {
  const first = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await first.newPage();
  const take = recorder(page);
  await page.goto(`${url}/console/sign-in`);
  const signIn = { ...(await navTimes(page, `button[data-username="${USER}"]`)), ...(await take()) };
  const t0 = await page.evaluate(() => performance.now());
  await page.locator(`button[data-username="${USER}"]`).click();
  await page.waitForURL(/\/console\/work$/);
  await page.waitForFunction(shown('[data-testid="tasks"]'));
  const t1 = await page.evaluate(() => performance.now());
  const toWork = { ms: t1 - t0, ...(await take()) };
  const session = (await page.evaluate(`sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})`)) as string;
  await first.close();

  const second = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await second.addInitScript(([key, value]) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(key, value), [
    SESSION_KEY,
    session,
  ]);
  const again = await second.newPage();
  const takeAgain = recorder(again);
  await again.goto(`${url}/console/work`);
  const work = { ...(await navTimes(again, '[data-testid="tasks"]')), ...(await takeAgain()) };
  await second.close();
  return { signIn, toWork, work };
}

async function main(): Promise<void> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`no console build in ${CONSOLE_DIR}: npm run build:console`);
  if (!existsSync(CHROMIUM)) {
    console.log(`console load: skipped, ${CHROMIUM} is missing (bash infra/install-browser.sh)`);
    return;
  }
  const files = assets();
  console.log(`console assets (${CONSOLE_DIR}), gzip level 6:`);
  for (const a of [...files.values()].sort((x, y) => y.raw - x.raw)) console.log(`  ${a.path.padEnd(44)} ${kb(a.raw).padStart(11)} raw ${kb(a.gzip).padStart(10)} gzip`);
  const entry = entryFiles().map((p) => files.get(p)!);
  console.log(`index.html loads before any route: ${entry.map((a) => a.path).join(', ')}: ${kb(entry.reduce((s, a) => s + a.raw, 0))} raw, ${kb(entry.reduce((s, a) => s + a.gzip, 0))} gzip`);

  const external = process.env.BENCH_CONSOLE_URL;
  const api = external ? { url: external, close: async () => undefined } : await startApi();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    await coldRun(browser, api.url); // warm-up: the server's first requests, the browser's first start
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldRun(browser, api.url));
    const sizeOf = (requests: string[]) => {
      const unique = [...new Set(requests.map((r) => (r.startsWith('/console/assets/') ? r : '/console/')))];
      const known = unique.map((r) => files.get(r)).filter((a): a is Asset => a !== undefined);
      return { raw: known.reduce((s, a) => s + a.raw, 0), gzip: known.reduce((s, a) => s + a.gzip, 0), n: unique.length };
    };
    const last = runs[runs.length - 1];
    const signInSize = sizeOf(last.signIn.requests);
    const workSize = sizeOf([...last.signIn.requests, ...last.toWork.requests]);
    const workColdSize = sizeOf(last.work.requests);
    const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms`;
    console.log(`cold loads: median of ${RUNS} (${external ? external : 'case-api started here, demo seed, no cases'}; user ${USER})`);
    console.log(
      `  sign-in screen: DOMContentLoaded ${ms(runs.map((r) => r.signIn.dcl))}, load ${ms(runs.map((r) => r.signIn.load))}, ` +
        `user list shown ${ms(runs.map((r) => r.signIn.ready))}; ${signInSize.n} files, ${kb(signInSize.raw)} raw (${kb(last.signIn.transferred)} on the wire), ${kb(signInSize.gzip)} gzip`,
    );
    console.log(`  sign-in click → My work table shown: ${ms(runs.map((r) => r.toWork.ms))}; sign-in + My work together ${workSize.n} files, ${kb(workSize.raw)} raw, ${kb(workSize.gzip)} gzip`);
    console.log(
      `  My work opened signed in: DOMContentLoaded ${ms(runs.map((r) => r.work.dcl))}, load ${ms(runs.map((r) => r.work.load))}, ` +
        `table shown ${ms(runs.map((r) => r.work.ready))}; ${workColdSize.n} files, ${kb(workColdSize.raw)} raw, ${kb(workColdSize.gzip)} gzip`,
    );
    const slowest = Math.max(median(runs.map((r) => r.signIn.ready)), median(runs.map((r) => r.work.ready)));
    const heaviest = Math.max(workSize.gzip, workColdSize.gzip);
    console.log(
      `  targets: first screen ${slowest.toFixed(0)} ms (< ${TARGET_MS}: ${slowest < TARGET_MS ? 'met' : 'MISSED'}), ` +
        `${kb(heaviest)} gzip (< 1 MiB: ${heaviest < TARGET_GZIP ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString()}`,
    );
  } finally {
    await browser.close();
    await api.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
