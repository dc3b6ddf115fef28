import type { SslActionName } from '../ssl/actions.ts';
import { SSL_SPEC } from '../ssl/spec.generated.ts';

/** What an injected fault does to the call it hits. */
export type FaultEffect =
  /** Answers a documented error in the normal envelope (HTTP 200). */
  | { readonly kind: 'error'; readonly code: string; readonly message?: string }
  /** Delays the call, then lets it go on normally. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Destroys the socket without answering. */
  | { readonly kind: 'connection-reset' }
  /** Answers an HTTP 5xx with a plain-text body, as a failing load balancer would. */
  | { readonly kind: 'http-status'; readonly status: number }
  /** Answers HTTP 200 with a body that is not JSON. */
  | { readonly kind: 'non-json' }
  /** Never answers; the socket stays open until the client gives up or the emulator closes. */
  | { readonly kind: 'hang' };

/**
 * When the fault strikes. `before-handler`: the action is NOT executed (the upstream refused or never got it).
 * `after-handler`: the action WAS executed and its state change stays; only the answer is lost or replaced,
 * which is how a mutation "executed upstream but answered with an error" is modelled.
 */
export type FaultPhase = 'before-handler' | 'after-handler';

export interface FaultRule {
  /** The action to hit, or '*' for every action. */
  readonly action: SslActionName | '*';
  readonly phase: FaultPhase;
  readonly effect: FaultEffect;
  /** Probability (0..1) that a matching call is hit; 1 when omitted. Drawn from the injector's random. */
  readonly rate?: number;
  /** Hit only this many calls, then retire; unlimited when omitted. */
  readonly times?: number;
}

export interface InjectedFault {
  readonly rule: FaultRule;
  /** How many calls this fault has hit so far. */
  readonly hits: number;
  /** True once `times` is spent or after remove(). */
  readonly retired: boolean;
  remove(): void;
}

/** The faults that hit one call at one phase: total added latency, then at most one terminal effect. */
export interface FaultDraw {
  readonly latencyMs: number;
  readonly terminal: Exclude<FaultEffect, { kind: 'latency' }> | undefined;
}

class ActiveFault implements InjectedFault {
  hits = 0;
  retired = false;
  readonly #onRemove: (fault: ActiveFault) => void;

  constructor(
    readonly rule: FaultRule,
    onRemove: (fault: ActiveFault) => void,
  ) {
    this.#onRemove = onRemove;
  }

  remove(): void {
    this.retired = true;
    this.#onRemove(this);
  }
}

function checkRule(rule: FaultRule): void {
  if (rule.action !== '*' && !Object.hasOwn(SSL_SPEC.actions, rule.action)) {
    throw new RangeError(`unknown action ${rule.action}`);
  }
  if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) {
    throw new RangeError('rate must be within 0..1');
  }
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
    throw new RangeError('times must be a positive integer');
  }
  const effect = rule.effect;
  if (effect.kind === 'error' && !Object.hasOwn(SSL_SPEC.errorCodes, effect.code)) {
    throw new RangeError(`${effect.code} is not a documented error code`);
  }
  if (effect.kind === 'latency' && !(Number.isFinite(effect.ms) && effect.ms >= 0)) {
    throw new RangeError('latency must be a non-negative number of milliseconds');
  }
  if (
    effect.kind === 'http-status' &&
    !(Number.isInteger(effect.status) && effect.status >= 500 && effect.status <= 599)
  ) {
    throw new RangeError('http-status faults answer a 5xx status');
  }
}

/**
 * Fault injection, driven only through this programmatic API (never from the environment or over HTTP, so a
 * deployed emulator cannot be made to misbehave by its callers).
 */
export class FaultInjector {
  readonly #random: () => number;
  #faults: ActiveFault[] = [];
  #latencyForEveryCallMs = 0;

  constructor(random: () => number = Math.random) {
    this.#random = random;
  }

  inject(rule: FaultRule): InjectedFault {
    checkRule(rule);
    const fault = new ActiveFault(rule, (removed) => {
      this.#faults = this.#faults.filter((candidate) => candidate !== removed);
    });
    this.#faults.push(fault);
    return fault;
  }

  /** Latency added to every call before it is processed (e.g. to model a 20 ms network). */
  setLatencyForEveryCall(ms: number): void {
    if (!(Number.isFinite(ms) && ms >= 0))
      throw new RangeError('latency must be a non-negative number of ms');
    this.#latencyForEveryCallMs = ms;
  }

  get latencyForEveryCallMs(): number {
    return this.#latencyForEveryCallMs;
  }

  /** The faults still armed, in injection order. */
  active(): readonly InjectedFault[] {
    return [...this.#faults];
  }

  /** Removes every fault and the per-call latency. */
  clear(): void {
    for (const fault of this.#faults) fault.retired = true;
    this.#faults = [];
    this.#latencyForEveryCallMs = 0;
  }

  /**
   * Decides which faults hit this call at this phase. Latency faults add up; the first terminal fault (in
   * injection order) that fires wins, and later ones are not consumed.
   */
  draw(action: SslActionName, phase: FaultPhase): FaultDraw {
    let latencyMs = 0;
    let terminal: FaultDraw['terminal'];
    for (const fault of [...this.#faults]) {
      const { rule } = fault;
      if (rule.phase !== phase || (rule.action !== '*' && rule.action !== action)) continue;
      if (terminal !== undefined && rule.effect.kind !== 'latency') continue;
      if (rule.rate !== undefined && rule.rate < 1 && !(this.#random() < rule.rate)) continue;
      fault.hits += 1;
      if (rule.times !== undefined && fault.hits >= rule.times) fault.remove();
      if (rule.effect.kind === 'latency') latencyMs += rule.effect.ms;
      else terminal = rule.effect;
    }
    return { latencyMs, terminal };
  }
}
