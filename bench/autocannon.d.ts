/** The part of autocannon 9's programmatic API the suite uses (the package ships no type declarations). */
declare module 'autocannon' {
  interface AutocannonOptions {
    readonly url: string;
    readonly method?: 'GET' | 'POST';
    readonly headers?: Record<string, string>;
    readonly body?: string;
    readonly connections?: number;
    readonly pipelining?: number;
    /** Seconds. */
    readonly duration?: number;
    /** Total requests; overrides duration. */
    readonly amount?: number;
    /** Seconds a request may take before it counts as a timeout. */
    readonly timeout?: number;
  }

  interface Percentiles {
    readonly average: number;
    readonly mean: number;
    readonly stddev: number;
    readonly min: number;
    readonly max: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
  }

  interface AutocannonResult {
    readonly requests: Percentiles & { readonly total: number; readonly sent: number };
    readonly latency: Percentiles;
    readonly throughput: Percentiles & { readonly total: number };
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    /** Seconds. */
    readonly duration: number;
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
  export type { AutocannonOptions, AutocannonResult };
}
