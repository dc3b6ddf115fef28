import { setImmediate as nextTurn } from 'node:timers/promises';

/** True when node runs with --expose-gc, so heap figures mean live memory rather than garbage not yet collected. */
export function canCollectGarbage(): boolean {
  return typeof globalThis.gc === 'function';
}

/**
 * Heap used after full collections. Several rounds with turns of the event loop in between, because closed
 * sockets and settled promises are only released once their callbacks have run.
 */
export async function heapUsedAfterGc(): Promise<number> {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') throw new Error('run node with --expose-gc to measure heap after GC');
  for (let round = 0; round < 4; round += 1) {
    await nextTurn();
    gc();
  }
  return process.memoryUsage().heapUsed;
}
