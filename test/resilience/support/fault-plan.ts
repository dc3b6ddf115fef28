import type { FaultInjector, FaultRule, InjectedFault } from '../../../src/emulator/index.ts';

/** One rule of a fault plan, with the label the reports group its hits under. */
export interface LabelledFault {
  readonly label: string;
  readonly rule: FaultRule;
}

export interface FaultPlanOptions {
  /** Total probability (about) that an upstream call is hit by some fault; split across kinds below. */
  readonly totalRate: number;
  /** Added by latency spikes; keep it under the client's header timeout, or spikes become timeouts. */
  readonly latencySpikeMs: number;
}

/**
 * Share of the total rate per fault kind and phase. Throttling is only injected before the handler: the API
 * counts its window on arrival and refuses before executing, which is exactly why the client may resend a
 * throttled mutation; a "throttled after executing" answer does not exist upstream.
 */
const PLAN_SHARES: ReadonlyArray<{
  readonly label: string;
  readonly share: number;
  readonly rule: Omit<FaultRule, 'rate'>;
}> = [
  {
    label: 'before:RequestLimitExceeded',
    share: 0.2,
    rule: { action: '*', phase: 'before-handler', effect: { kind: 'error', code: 'RequestLimitExceeded' } },
  },
  {
    label: 'before:InternalError',
    share: 0.1,
    rule: { action: '*', phase: 'before-handler', effect: { kind: 'error', code: 'InternalError' } },
  },
  {
    label: 'before:http-503',
    share: 0.1,
    rule: { action: '*', phase: 'before-handler', effect: { kind: 'http-status', status: 503 } },
  },
  {
    label: 'before:connection-reset',
    share: 0.1,
    rule: { action: '*', phase: 'before-handler', effect: { kind: 'connection-reset' } },
  },
  {
    label: 'before:hang',
    share: 0.05,
    rule: { action: '*', phase: 'before-handler', effect: { kind: 'hang' } },
  },
  {
    label: 'after:InternalError',
    share: 0.1,
    rule: { action: '*', phase: 'after-handler', effect: { kind: 'error', code: 'InternalError' } },
  },
  {
    label: 'after:FailedOperation.NetworkError',
    share: 0.05,
    rule: {
      action: '*',
      phase: 'after-handler',
      effect: { kind: 'error', code: 'FailedOperation.NetworkError' },
    },
  },
  {
    label: 'after:http-502',
    share: 0.05,
    rule: { action: '*', phase: 'after-handler', effect: { kind: 'http-status', status: 502 } },
  },
  {
    label: 'after:connection-reset',
    share: 0.1,
    rule: { action: '*', phase: 'after-handler', effect: { kind: 'connection-reset' } },
  },
  {
    label: 'after:non-json',
    share: 0.05,
    rule: { action: '*', phase: 'after-handler', effect: { kind: 'non-json' } },
  },
  {
    label: 'after:hang',
    share: 0.05,
    rule: { action: '*', phase: 'after-handler', effect: { kind: 'hang' } },
  },
];

/** Latency spikes are not failures, so they come on top of the total rather than out of it. */
const LATENCY_SPIKE_SHARE = 0.1;

export function transientFaultPlan(options: FaultPlanOptions): LabelledFault[] {
  const faults = PLAN_SHARES.map(({ label, share, rule }) => ({
    label,
    rule: { ...rule, rate: options.totalRate * share },
  }));
  faults.push({
    label: 'before:latency-spike',
    rule: {
      action: '*',
      phase: 'before-handler',
      effect: { kind: 'latency', ms: options.latencySpikeMs },
      rate: options.totalRate * LATENCY_SPIKE_SHARE,
    },
  });
  return faults;
}

export interface ArmedFaultPlan {
  /** Calls hit so far, per label. */
  hitsByLabel(): Record<string, number>;
  disarm(): void;
}

export function armFaultPlan(injector: FaultInjector, plan: readonly LabelledFault[]): ArmedFaultPlan {
  const armed: Array<{ readonly label: string; readonly fault: InjectedFault }> = plan.map(
    ({ label, rule }) => ({
      label,
      fault: injector.inject(rule),
    }),
  );
  return {
    hitsByLabel() {
      return Object.fromEntries(armed.map(({ label, fault }) => [label, fault.hits]));
    },
    disarm() {
      for (const { fault } of armed) fault.remove();
    },
  };
}
