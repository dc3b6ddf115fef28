import type { TestStack } from '../../graphql/support/stack.ts';

/** Every request the emulator received since its stats were reset, those refused before naming an action included. */
export function totalUpstreamCalls(stack: TestStack): number {
  let total = stack.emulator.stats.protocolErrors;
  for (const counts of Object.values(stack.emulator.stats.byAction())) {
    total += counts.executed + counts.failed + counts.rejected;
  }
  return total;
}
