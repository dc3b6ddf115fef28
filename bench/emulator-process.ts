/**
 * The upstream of the suite: the seeded emulator in its own process, so its work is counted neither in the
 * gateway's CPU nor in the load generator's.
 */
import type { PeakArrivals } from '../src/emulator/index.ts';
import { startEmulator } from '../src/emulator/index.ts';
import type { SslActionName } from '../src/ssl/actions.ts';
import { childConfig, serveParent } from './child-process.ts';

export interface EmulatorProcessConfig {
  readonly enforceRateLimits: boolean;
  readonly latencyMs: number;
}

export interface EmulatorReady {
  readonly url: string;
  readonly port: number;
  readonly secretId: string;
  readonly secretKey: string;
  /**
   * Issued certificates with a manager (and so a company) and an operation log: detail-page subjects, those
   * with deploy records first, so that the throughput scenarios' subject (the first) shows a whole page.
   */
  readonly detailSubjects: ReadonlyArray<{ readonly certificateId: string }>;
}

export type EmulatorRequest =
  | { readonly type: 'set-latency'; readonly ms: number }
  | { readonly type: 'reset-stats' }
  | { readonly type: 'stats' };

export interface UpstreamStats {
  /** Every call that named an action, whatever became of it. */
  readonly totalCalls: number;
  readonly callsByAction: Partial<Record<SslActionName, number>>;
  readonly errorsByCode: Record<string, number>;
  readonly peakArrivalsPerSecond: Partial<Record<SslActionName, PeakArrivals>>;
}

const ISSUED = 1;
const MAX_DETAIL_SUBJECTS = 10;

async function main(): Promise<void> {
  const config = childConfig<EmulatorProcessConfig>();
  const emulator = await startEmulator({ seed: true, enforceRateLimits: config.enforceRateLimits });
  emulator.faults.setLatencyForEveryCall(config.latencyMs);
  const deployed = new Set(emulator.state.jobs.deployRecords.map((record) => record.certId));
  const detailSubjects = emulator.state.certificates
    .all()
    .filter((certificate) => certificate.status === ISSUED && certificate.managerId !== null)
    .sort((a, b) => Number(deployed.has(b.id)) - Number(deployed.has(a.id)))
    .map((certificate) => ({ certificateId: certificate.id }));
  if (detailSubjects.length < MAX_DETAIL_SUBJECTS)
    throw new Error('the seed has too few issued certificates with a manager');

  serveParent<EmulatorRequest>(
    async (request) => {
      switch (request.type) {
        case 'set-latency':
          emulator.faults.setLatencyForEveryCall(request.ms);
          return { ok: true };
        case 'reset-stats':
          emulator.stats.reset();
          return { ok: true };
        case 'stats': {
          const callsByAction: Partial<Record<SslActionName, number>> = {};
          let totalCalls = 0;
          for (const [action, counts] of Object.entries(emulator.stats.byAction())) {
            const calls = counts.executed + counts.failed + counts.rejected;
            callsByAction[action as SslActionName] = calls;
            totalCalls += calls;
          }
          return {
            totalCalls,
            callsByAction,
            errorsByCode: emulator.stats.errorsByCode(),
            peakArrivalsPerSecond: emulator.stats.peakArrivalsPerSecond(),
          } satisfies UpstreamStats;
        }
      }
    },
    () => emulator.close(),
  );
  process.send?.({
    url: emulator.url,
    port: emulator.port,
    secretId: emulator.secretId,
    secretKey: emulator.secretKey,
    detailSubjects: detailSubjects.slice(0, MAX_DETAIL_SUBJECTS),
  } satisfies EmulatorReady);
}

await main();
