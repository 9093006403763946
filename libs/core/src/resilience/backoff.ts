/** Exponential backoff: the longest wait before attempt `failures` + 1 (doubling from `minMs`, capped at `maxMs`). */
export function backoffCeiling(failures: number, minMs: number, maxMs: number): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(Math.max(failures - 1, 0), 16));
}
