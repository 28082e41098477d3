import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';
import { FAILURE_HOOK } from './failure-hook';

/**
 * The browser specs' Jest environment: Node's, plus a hook when a test fails,
 * so the harness can say what the page showed at that moment (see
 * `FAILURE_HOOK` in harness.ts). A browser test that fails in CI only is
 * otherwise a timeout with no picture of the page.
 */
export default class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure') return;
    const hook = (this.global as Record<string, unknown>)[FAILURE_HOOK];
    if (typeof hook !== 'function') return;
    const names: string[] = [];
    for (let block: Circus.DescribeBlock | Circus.TestEntry | undefined = event.test; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
    try {
      await (hook as (name: string) => Promise<void>)(names.join(' › '));
    } catch (err) {
      // The page may be gone (the browser crashed): the test's own failure is what counts.
      console.error(`browser failure report: ${(err as Error).message}`);
    }
  }
}
