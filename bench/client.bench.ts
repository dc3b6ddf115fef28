/**
 * Client benchmark: our SslClient against the official `tencentcloud-sdk-nodejs-common` CommonClient, both calling
 * the upstream double (signature verification on) running in a child process, at the same concurrency.
 * Also measures the cost of one TC3 signature. Writes bench/results/client.{json,md}.
 *
 * Run: npm run bench
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { Agent, type AgentOptions } from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { SslClient } from '../src/ssl/client.ts';
import { StaticCredentialsProvider } from '../src/ssl/credentials.ts';
import { Tc3Signer } from '../src/ssl/signer.ts';
import { UpstreamDouble } from '../test/support/upstream-double.ts';

const SECRET_ID = 'AKIDbenchmark000000000000000000000';
const SECRET_KEY = 'benchmark-secret-key-000000000000';
const ACTION = 'DescribeCertificates';
const CONCURRENCY = 32;
const WARMUP_CALLS = 1_000;
const MAX_CALLS = 30_000;
const MAX_MEASURE_MS = 12_000;
const SIGNATURES = 100_000;

interface DoubleReady {
  readonly port: number;
}

interface DoubleUsage {
  readonly requests: number;
  readonly signatureFailures: number;
  readonly cpuMicroseconds: number;
}

async function serveDouble(): Promise<void> {
  const double = await UpstreamDouble.start({
    credentials: [{ secretId: SECRET_ID, secretKey: SECRET_KEY }],
    verifySignatures: true,
    // The SDK signs `host:<hostname>` while sending `Host: <hostname>:<port>`; see the report.
    acceptPortlessHostSignature: true,
    recordRequests: false,
  });
  let cpuAtReset = process.cpuUsage();
  const certificates = Array.from({ length: 2 }, (_, index) => ({
    CertificateId: `cert-${index}`,
    Domain: `www${index}.example.com`,
    Status: 1,
    CertEndTime: '2030-01-01 00:00:00',
  }));
  double.on(ACTION, () => ({
    kind: 'ok',
    fields: { TotalCount: certificates.length, Certificates: certificates },
  }));
  process.on('message', (message) => {
    if (message === 'reset') {
      double.resetCounts();
      cpuAtReset = process.cpuUsage();
      process.send?.('reset-done');
    }
    if (message === 'usage') {
      const cpu = process.cpuUsage(cpuAtReset);
      process.send?.({
        requests: double.totalRequests,
        signatureFailures: double.signatureFailures,
        cpuMicroseconds: cpu.user + cpu.system,
      } satisfies DoubleUsage);
    }
    if (message === 'stop') {
      void double.close().then(() => process.exit(0));
    }
  });
  process.send?.({ port: double.port } satisfies DoubleReady);
}

function startDoubleProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-double'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`upstream double exited early (${code})`)));
    child.once('message', (message) => {
      const ready = message as DoubleReady;
      resolve({ child, port: ready.port });
    });
  });
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

function stopDoubleProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.send('stop');
  });
}

/** Runs a measured load and reads the double's CPU time spent on it. */
async function measured(
  child: ChildProcess,
  callOnce: (index: number) => Promise<unknown>,
): Promise<LoadResult & { upstream: DoubleUsage & { cpuMicrosecondsPerRequest: number } }> {
  await ask<string>(child, 'reset');
  const result = await runLoad(callOnce, MAX_CALLS, MAX_MEASURE_MS);
  const usage = await ask<DoubleUsage>(child, 'usage');
  return {
    ...result,
    upstream: { ...usage, cpuMicrosecondsPerRequest: usage.cpuMicroseconds / usage.requests },
  };
}

interface LoadResult {
  readonly calls: number;
  readonly failures: number;
  readonly elapsedMs: number;
  readonly callsPerSecond: number;
  /** CPU time (user + system) of this process, which runs only the client under test, per call. */
  readonly clientCpuMicrosecondsPerCall: number;
  readonly firstFailure: string | undefined;
}

/** Runs `callOnce` from CONCURRENCY workers until maxCalls or maxMs, whichever comes first. */
async function runLoad(
  callOnce: (index: number) => Promise<unknown>,
  maxCalls: number,
  maxMs: number,
): Promise<LoadResult> {
  let issued = 0;
  let completed = 0;
  let failures = 0;
  let firstFailure: string | undefined;
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = startedAt + maxMs;
  const worker = async (): Promise<void> => {
    while (issued < maxCalls && performance.now() < deadline) {
      const index = issued;
      issued += 1;
      try {
        await callOnce(index);
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    calls: completed,
    failures,
    elapsedMs,
    callsPerSecond: (completed / elapsedMs) * 1000,
    clientCpuMicrosecondsPerCall: (cpu.user + cpu.system) / completed,
    firstFailure,
  };
}

function measureSigning(): { microsecondsPerSignature: number; signatures: number } {
  const signer = new Tc3Signer();
  const body = JSON.stringify({ Limit: 20, Offset: 0, SearchKey: 'example.com', ExpirationSort: 'ASC' });
  const timestamp = Math.floor(Date.now() / 1000);
  const sign = (index: number): string =>
    signer.sign({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      service: 'ssl',
      timestamp: timestamp + (index % 60),
      payload: body,
      headers: { 'content-type': 'application/json', host: 'ssl.tencentcloudapi.com', 'x-tc-action': ACTION },
    });
  let sink = 0;
  for (let index = 0; index < 10_000; index += 1) sink += sign(index).length;
  const startedAt = performance.now();
  for (let index = 0; index < SIGNATURES; index += 1) sink += sign(index).length;
  const elapsedMs = performance.now() - startedAt;
  if (sink === 0) throw new Error('unreachable: signatures are never empty');
  return { microsecondsPerSignature: (elapsedMs * 1000) / SIGNATURES, signatures: SIGNATURES };
}

function loopbackAgent(): Agent {
  // Resolves the SDK's `ssl.tencentcloudapi.com` to the double, so the SDK derives service `ssl` from the host
  // prefix as it does in production.
  const lookup: AgentOptions['lookup'] = (_hostname, options, callback) => {
    if (options.all === true) {
      (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [
        { address: '127.0.0.1', family: 4 },
      ]);
    } else {
      callback(null, '127.0.0.1', 4);
    }
  };
  return new Agent({ keepAlive: true, lookup });
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? 'unknown'}`);
  const signing = measureSigning();
  console.log(
    `signing: ${signing.microsecondsPerSignature.toFixed(2)} µs per signature (${signing.signatures} signatures)`,
  );

  const { child, port } = await startDoubleProcess();
  console.log(`upstream double (TC3 verification on) in child process on 127.0.0.1:${port}`);

  // BENCH_CONNECTIONS overrides the client's default pool size (8) to compare at equal socket counts.
  const ourConnections = Number(process.env.BENCH_CONNECTIONS ?? 8);
  const ours = new SslClient({
    endpoint: `http://127.0.0.1:${port}`,
    credentials: new StaticCredentialsProvider({ secretId: SECRET_ID, secretKey: SECRET_KEY }),
    // The double does not enforce quotas; with limiting on, the run would measure the 8 req/s bucket.
    rateLimit: { enabled: false },
    coalesceReads: false,
    retry: { maxRetries: 0 },
    connections: ourConnections,
  });
  const agent = loopbackAgent();
  const official = new CommonClient('ssl.tencentcloudapi.com', '2019-12-05', {
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    profile: {
      httpProfile: {
        endpoint: `ssl.tencentcloudapi.com:${port}`,
        protocol: 'http://',
        reqMethod: 'POST',
        agent,
      },
    },
  });
  const params = (index: number): { Limit: number; Offset: number } => ({ Limit: 20, Offset: index });

  await runLoad((index) => ours.call(ACTION, params(index)), WARMUP_CALLS, MAX_MEASURE_MS);
  await runLoad((index) => official.request(ACTION, params(index)), WARMUP_CALLS, MAX_MEASURE_MS);
  const oursResult = await measured(child, (index) => ours.call(ACTION, params(index)));
  console.log(
    `ours:     ${oursResult.callsPerSecond.toFixed(0)} calls/s, ${oursResult.clientCpuMicrosecondsPerCall.toFixed(0)} µs client CPU per call (${oursResult.calls} calls, ${oursResult.failures} failed)`,
  );
  const officialResult = await measured(child, (index) => official.request(ACTION, params(index)));
  console.log(
    `official: ${officialResult.callsPerSecond.toFixed(0)} calls/s, ${officialResult.clientCpuMicrosecondsPerCall.toFixed(0)} µs client CPU per call (${officialResult.calls} calls, ${officialResult.failures} failed)`,
  );

  await ours.close();
  agent.destroy();
  await stopDoubleProcess(child);
  const upstream = {
    requests: oursResult.upstream.requests + officialResult.upstream.requests,
    signatureFailures: oursResult.upstream.signatureFailures + officialResult.upstream.signatureFailures,
  };
  const ratio = oursResult.callsPerSecond / officialResult.callsPerSecond;
  const cpuRatio = officialResult.clientCpuMicrosecondsPerCall / oursResult.clientCpuMicrosecondsPerCall;
  console.log(
    `ratio ours/official: ${ratio.toFixed(2)}x calls/s (target >= 3x), ${cpuRatio.toFixed(2)}x less client CPU per call`,
  );
  console.log(
    `upstream double saw ${upstream.requests} measured requests, ${upstream.signatureFailures} signature failures`,
  );
  console.log(
    `double CPU per request: ${oursResult.upstream.cpuMicrosecondsPerRequest.toFixed(0)} µs (ours run), ${officialResult.upstream.cpuMicrosecondsPerRequest.toFixed(0)} µs (official run)`,
  );
  console.log(
    'note: our client ran with rate limiting and coalescing disabled (the double enforces no quota).',
  );
  for (const [name, result] of [
    ['ours', oursResult],
    ['official', officialResult],
  ] as const) {
    if (result.firstFailure !== undefined) console.log(`first ${name} failure: ${result.firstFailure}`);
  }

  const results = {
    measuredAt: new Date().toISOString(),
    environment: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
    },
    setup: {
      action: ACTION,
      concurrency: CONCURRENCY,
      warmupCalls: WARMUP_CALLS,
      maxCalls: MAX_CALLS,
      maxMeasureMs: MAX_MEASURE_MS,
      upstream:
        'test/support/upstream-double.ts in a child process, TC3 verification on (port-less Host accepted for the SDK)',
      ours: `SslClient, undici Pool (${ourConnections} connections, keep-alive), rate limiting and coalescing disabled, no retries`,
      official:
        'tencentcloud-sdk-nodejs-common 4.1.220 CommonClient, POST, node-fetch with a keep-alive http.Agent',
    },
    signing: signing,
    ours: oursResult,
    official: officialResult,
    ratioOursToOfficial: ratio,
    clientCpuRatioOfficialToOurs: cpuRatio,
    loadAverageAtEnd: os.loadavg(),
    upstream,
  };
  const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
  await mkdir(resultsDir, { recursive: true });
  await writeFile(join(resultsDir, 'client.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = [
    '# SSL client benchmark',
    '',
    `Measured ${results.measuredAt} on Node ${process.version}, ${results.environment.cpus} CPU(s) (${results.environment.cpuModel}).`,
    `Action ${ACTION}, concurrency ${CONCURRENCY}, up to ${MAX_CALLS} calls or ${MAX_MEASURE_MS / 1000} s per client after ${WARMUP_CALLS} warm-up calls.`,
    'Upstream: the test double in a child process with TC3 signature verification on.',
    'Our client ran with rate limiting and coalescing disabled (the double enforces no quota) and no retries.',
    '',
    '| Client | calls/s | client CPU µs/call | double CPU µs/request | calls | failures |',
    '|---|---|---|---|---|---|',
    ...(
      [
        ['ours (SslClient)', oursResult],
        ['official (CommonClient)', officialResult],
      ] as const
    ).map(
      ([name, result]) =>
        `| ${name} | ${result.callsPerSecond.toFixed(0)} | ${result.clientCpuMicrosecondsPerCall.toFixed(0)} | ${result.upstream.cpuMicrosecondsPerRequest.toFixed(0)} | ${result.calls} | ${result.failures} |`,
    ),
    '',
    `Ratio ours/official: **${ratio.toFixed(2)}x** in calls/s (target >= 3x); **${cpuRatio.toFixed(2)}x** less client CPU per call.`,
    'Both clients and the double share the same vCPUs, so calls/s is bounded by the double and by anything else running on the host; client CPU per call is the steadier comparison.',
    '',
    `Signing: **${signing.microsecondsPerSignature.toFixed(2)} µs** per TC3 signature over ${signing.signatures} signatures (target < 10 µs).`,
    '',
    `Upstream double: ${upstream.requests} requests, ${upstream.signatureFailures} signature failures.`,
    '',
  ].join('\n');
  await writeFile(join(resultsDir, 'client.md'), markdown);
}

if (process.argv.includes('--serve-double')) {
  await serveDouble();
} else {
  await main();
}
