import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { Client } from '../e2e/command-helpers';
import { FAILURE_HOOK } from './failure-hook';

// What every browser spec shares: the real stack with case-api serving the
// production console build (npm run build:console) at /console, Debian's
// chromium driven by playwright-core, an axe-core scan, screenshots, and the
// browser's own errors collected so a spec can assert there were none.
const ROOT = resolve(__dirname, '../..');
export const CONSOLE_DIR = join(ROOT, 'dist/console');
export const SCREENSHOTS = join(ROOT, '.data/screenshots');
const CHROMIUM = '/usr/bin/chromium';
// No sandbox as root in CI; no background networking: this machine's closed network refuses it.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export interface BrowserHarness {
  stack: Stack;
  api: Client;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Errors the browser reported (console errors, page errors, failed requests), in order. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Starts the stack and a browser page in zh-CN; call in beforeAll, close in afterAll.
 * `isolated`: a database and Redis of the spec's own (see startStack), for a change that reaches every later case.
 */
export async function openHarness(opts: { env?: Record<string, string>; jobs?: boolean; isolated?: boolean } = {}): Promise<BrowserHarness> {
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) {
    throw new Error(`No console build in ${CONSOLE_DIR}: run the browser tests through npm test (or npm run test:browser), which builds it`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run bash infra/install-browser.sh`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const stack = await startStack({ env: { CONSOLE_DIR, ...opts.env }, jobs: opts.jobs, isolated: opts.isolated });
  const api = new Client(stack);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  // The browser's zone differs from the agency's (Asia/Shanghai): dates must come out in the agency's zone regardless.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    // Chromium logs every 4xx answer as an error; a refusal is an answer the tests assert on themselves. A 5xx is still an error.
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  const answers: string[] = [];
  page.on('response', (res) => {
    if (res.status() >= 500) errors.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    if (res.url().includes('/api/')) answers.push(`${new Date().toISOString().slice(11, 23)} ${res.status()} ${res.request().method()} ${res.url().replace(stack.url, '')}`);
    if (answers.length > 20) answers.shift();
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A read still in flight when the test navigates the whole page away is aborted by the browser: not a failure.
    const error = req.failure()?.errorText ?? '';
    if (error !== 'net::ERR_ABORTED') errors.push(`request failed: ${req.url()} ${error}`);
  });
  (globalThis as Record<string, unknown>)[FAILURE_HOOK] = (test: string) => reportPage(page, test, errors, answers);
  return {
    stack,
    api,
    browser,
    context,
    page,
    errors,
    async close() {
      delete (globalThis as Record<string, unknown>)[FAILURE_HOOK];
      await browser.close();
      await stack.close();
    },
  };
}

/**
 * What the page showed when a test failed: a screenshot (failed-*.png in
 * .data/screenshots) and, in the test's output, the address, the alerts, the
 * buttons with their accessible names and states, any open list, and the
 * last answers of the API — what a timeout alone does not tell.
 */
async function reportPage(page: Page, test: string, errors: string[], answers: string[]): Promise<void> {
  const file = `failed-${test.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`;
  await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true, timeout: 5_000 }).catch(() => undefined);
  const seen = await page.evaluate(() => {
    type El = { textContent: string | null; getAttribute(n: string): string | null; className: string; matches(s: string): boolean };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document;
    const all = (s: string) => [...doc.querySelectorAll(s)];
    const text = (e: El) => (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);
    return {
      alerts: all('[role="alert"], [role="status"], .ant-message-notice, .ant-form-item-explain-error').map(text).filter(Boolean),
      buttons: all('button').map((b) => `${text(b) || b.getAttribute('aria-label') || '?'}${/ant-btn-loading/.test(b.className) ? ' (loading)' : ''}${b.matches(':disabled') ? ' (disabled)' : ''}`),
      lists: all('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').map((d) => `${d.className.replace(/\s+/g, ' ')}: ${text(d)}`),
    };
  });
  console.error(
    [
      `The page when "${test}" failed (${file}): ${page.url()}`,
      `alerts: ${seen.alerts.join(' | ') || 'none'}`,
      `buttons: ${seen.buttons.join(' | ')}`,
      `open lists: ${seen.lists.join(' | ') || 'none'}`,
      `browser errors: ${errors.join(' | ') || 'none'}`,
      'last API answers:',
      ...answers.map((a) => `  ${a}`),
    ].join('\n'),
  );
}

/** axe-core injected into the page: no serious or critical violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // A dialog fading in is checked once it has: mid-animation its text is half transparent and fails the contrast rule.
  await page.evaluate(async () => {
    type Running = { finished: Promise<unknown>; effect: { getComputedTiming(): { iterations: number } } | null };
    const doc = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document;
    await Promise.all(doc.getAnimations().filter((a) => a.effect && Number.isFinite(a.effect.getComputedTiming().iterations)).map((a) => a.finished.catch(() => undefined)));
  });
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    // Runs in the page (the test's own tsconfig has no DOM types).
    const g = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await g.axe.run(g.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: grave.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`) }).toEqual({
    page: name,
    violations: [],
  });
}

/** A full-page screenshot in .data/screenshots (kept as a CI artifact). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in as a demo user with one click on the sign-in screen (replacing any session). */
export async function signInAs(h: BrowserHarness, username: string): Promise<void> {
  const { page } = h;
  await page.goto(`${h.stack.url}/console/sign-in`);
  await page.locator(`button[data-username="${username}"]`).click();
  await page.waitForURL(/\/console\/work$/);
}

/** The command buttons the case page shows, in order. */
export async function actionButtons(page: Page): Promise<string[]> {
  const section = page.getByTestId('allowed-actions');
  await section.waitFor();
  return section.locator('button[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
}

/** PIPL: answers the dialog a download of a file carrying the party's full personal information opens first. */
export async function giveAccessReason(page: Page, reason: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('access-reason').fill(reason);
  await dialog.getByRole('button', { name: /^(下\s?载|Download)$/ }).click();
}
