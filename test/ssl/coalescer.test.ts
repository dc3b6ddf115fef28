import { describe, expect, it } from 'vitest';
import { canonicalJson, InFlightCoalescer } from '../../src/ssl/coalescer.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ list: [1, 2] })).not.toBe(canonicalJson({ list: [2, 1] }));
  });
});

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('InFlightCoalescer', () => {
  it('runs one execution per key while it is in flight', async () => {
    const coalescer = new InFlightCoalescer<number>();
    const gate = deferred<number>();
    let executions = 0;
    const execute = (): Promise<number> => {
      executions += 1;
      return gate.promise;
    };
    const abortError = (): Error => new Error('aborted');
    const first = coalescer.run('k', undefined, execute, abortError);
    const second = coalescer.run('k', undefined, execute, abortError);
    const other = coalescer.run('other', undefined, () => Promise.resolve(7), abortError);
    gate.resolve(42);
    expect(await first).toEqual({ value: 42, joined: false });
    expect(await second).toEqual({ value: 42, joined: true });
    expect(await other).toEqual({ value: 7, joined: false });
    expect(executions).toBe(1);
    expect(coalescer.size).toBe(0);
    await coalescer.run('k', undefined, () => Promise.resolve(1), abortError);
  });

  it('cancels the shared execution only when every caller has aborted', async () => {
    const coalescer = new InFlightCoalescer<string>();
    let sharedSignal: AbortSignal | undefined;
    const execute = (signal: AbortSignal): Promise<string> => {
      sharedSignal = signal;
      return new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('cancelled'))),
      );
    };
    const abortError = (): Error => new Error('caller aborted');
    const one = new AbortController();
    const two = new AbortController();
    const first = coalescer.run('k', one.signal, execute, abortError);
    const second = coalescer.run('k', two.signal, execute, abortError);
    await Promise.resolve();
    one.abort();
    await expect(first).rejects.toThrow('caller aborted');
    expect(sharedSignal?.aborted).toBe(false);
    two.abort();
    await expect(second).rejects.toThrow('caller aborted');
    expect(sharedSignal?.aborted).toBe(true);
    expect(coalescer.size).toBe(0);
  });

  it('shares failures with every caller', async () => {
    const coalescer = new InFlightCoalescer<string>();
    const gate = deferred<string>();
    const execute = (): Promise<string> =>
      gate.promise.then(() => Promise.reject(new Error('upstream down')));
    const calls = [1, 2, 3].map(() => coalescer.run('k', undefined, execute, () => new Error('aborted')));
    gate.resolve('go');
    for (const call of calls) await expect(call).rejects.toThrow('upstream down');
  });
});
