import { performance } from 'node:perf_hooks';

/** Milliseconds on a clock that never goes back (unlike Date.now() when the system clock is set). */
export const monotonicMs = (): number => performance.now();
