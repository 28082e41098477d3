import { rmSync } from 'node:fs';
import { dirname } from 'node:path';

/** Removes the workflow bundle the global setup wrote (each test file has stopped its own services). */
export default function globalTeardown(): void {
  const bundle = process.env.ZHIFA_RELIABILITY_BUNDLE;
  if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
}
