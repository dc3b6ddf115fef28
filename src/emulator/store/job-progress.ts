import type { DeployTarget } from './resources.ts';

/** How long an instance waits in a job before the upstream starts on it, plus a per-position stagger. */
export const ITEM_PENDING_MS = 1000;
export const ITEM_STAGGER_MS = 500;
/** How long deploying one instance takes once started. */
export const ITEM_DEPLOYING_MS = 2000;

export type ItemPhase = 'pending' | 'deploying' | 'succeeded' | 'failed';

export interface JobAttempt {
  startedAt: number;
  deployingFrom: number;
  finishesAt: number;
  succeeds: boolean;
}

/** Why an attempt failed, as the upstream's ErrorMsg would say it. */
export const LEGACY_FAILURE_MESSAGE =
  'The instance did not accept the certificate in time (legacy configuration); retry.';

/** A "legacy" target: its instance id or name contains "legacy". Seeds name a few instances "legacy-*". */
export function isLegacyTarget(target: DeployTarget): boolean {
  return /legacy/i.test(`${target.instanceId} ${target.instanceName}`);
}

/**
 * The deterministic failure rule: a legacy target fails its FIRST deployment attempt (an old listener /
 * cluster / bucket the upstream cannot reconfigure on the first try); any retry of it succeeds, and
 * rollbacks always succeed.
 */
export function attemptSucceeds(
  target: DeployTarget,
  attemptNumber: number,
  purpose: JobItem['purpose'],
): boolean {
  if (purpose === 'rollback' || attemptNumber > 1) return true;
  return !isLegacyTarget(target);
}

/**
 * One instance of a deploy / update / upload-update job. Its phase is computed from the clock (pending →
 * deploying → succeeded | failed); a successful attempt schedules the binding change on the target's
 * slot at the moment it finishes, so every reader sees the same outcome without timers.
 */
export class JobItem {
  readonly attempts: JobAttempt[] = [];

  constructor(
    readonly id: number,
    readonly target: DeployTarget,
    /** The certificate the target serves once this item succeeds (null: unbound, e.g. a rollback). */
    readonly certId: string | null,
    /** The certificate the target served before. */
    readonly oldCertId: string | null,
    readonly createdAt: number,
    readonly purpose: 'deploy' | 'rollback',
  ) {}

  /** Starts (or restarts) the item at `now`; `position` staggers items of one job. */
  start(now: number, position: number): void {
    const deployingFrom = now + ITEM_PENDING_MS + position * ITEM_STAGGER_MS;
    const finishesAt = deployingFrom + ITEM_DEPLOYING_MS;
    const succeeds = attemptSucceeds(this.target, this.attempts.length + 1, this.purpose);
    this.attempts.push({ startedAt: now, deployingFrom, finishesAt, succeeds });
    if (succeeds) this.target.slot.schedule(this.certId, finishesAt);
  }

  #last(): JobAttempt {
    const attempt = this.attempts.at(-1);
    if (!attempt) throw new Error(`job item ${this.id} was never started`);
    return attempt;
  }

  phaseAt(now: number): ItemPhase {
    const attempt = this.#last();
    if (now < attempt.deployingFrom) return 'pending';
    if (now < attempt.finishesAt) return 'deploying';
    return attempt.succeeds ? 'succeeded' : 'failed';
  }

  isRunning(now: number): boolean {
    const phase = this.phaseAt(now);
    return phase === 'pending' || phase === 'deploying';
  }

  /** When the item last changed phase, as of `now`. */
  updatedAt(now: number): number {
    const attempt = this.#last();
    if (now >= attempt.finishesAt) return attempt.finishesAt;
    if (now >= attempt.deployingFrom) return attempt.deployingFrom;
    return attempt.startedAt;
  }

  errorMessageAt(now: number): string | null {
    return this.phaseAt(now) === 'failed' ? LEGACY_FAILURE_MESSAGE : null;
  }
}

export interface PhaseCounts {
  total: number;
  succeeded: number;
  failed: number;
  running: number;
}

export function countPhases(items: readonly JobItem[], now: number): PhaseCounts {
  const counts: PhaseCounts = { total: items.length, succeeded: 0, failed: 0, running: 0 };
  for (const item of items) {
    const phase = item.phaseAt(now);
    if (phase === 'succeeded') counts.succeeded++;
    else if (phase === 'failed') counts.failed++;
    else counts.running++;
  }
  return counts;
}

/** When a job last changed: the latest change of its items, or `createdAt` before any. */
export function lastUpdate(items: readonly JobItem[], createdAt: number, now: number): number {
  return items.reduce((latest, item) => Math.max(latest, item.updatedAt(now)), createdAt);
}

/** Starts every item of a new job, staggered in order. */
export function startAll(items: readonly JobItem[], now: number): void {
  for (const [position, item] of items.entries()) item.start(now, position);
}

/**
 * The DeployRecordDetail / UpdateRecordDetail status: 0 pending, 3 deploying, 1 success, 2 failed; a
 * rollback's items end in 4 (rollback success) / 5 (rollback failed).
 */
export function itemStatusCode(item: JobItem, now: number): number {
  switch (item.phaseAt(now)) {
    case 'pending':
      return 0;
    case 'deploying':
      return 3;
    case 'succeeded':
      return item.purpose === 'rollback' ? 4 : 1;
    case 'failed':
      return item.purpose === 'rollback' ? 5 : 2;
  }
}

/** The same status scale for a whole job: running while any item runs, failed when any item failed. */
export function jobStatusCode(items: readonly JobItem[], now: number, rollback: boolean): number {
  const counts = countPhases(items, now);
  if (counts.running > 0) return items.every((item) => item.phaseAt(now) === 'pending') ? 0 : 3;
  if (counts.failed > 0) return rollback ? 5 : 2;
  return rollback ? 4 : 1;
}
