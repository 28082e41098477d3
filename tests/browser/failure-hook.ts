/** The global a browser harness sets to report its page when a test fails (called by environment.ts). */
export const FAILURE_HOOK = '__zhifaBrowserFailure';
