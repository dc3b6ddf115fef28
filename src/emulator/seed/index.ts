import type { EmulatorClock } from '../clock.ts';
import type { EmulatorState } from '../state.ts';
import { seedAccounts } from './accounts.ts';
import { seedCertificates } from './certificates.ts';
import { seedJobs } from './jobs.ts';
import { seedResources } from './resources.ts';

/**
 * Fills a fresh state with the deterministic demo account. Order matters: certificates reference managers,
 * resources are bound to certificates, past jobs reference both.
 */
export async function seedDemoAccount(state: EmulatorState, clock: EmulatorClock): Promise<void> {
  seedAccounts(state, clock);
  await seedCertificates(state, clock);
  seedResources(state, clock);
  seedJobs(state, clock);
}
