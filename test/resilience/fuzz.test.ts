import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzViolations } from './support/fuzz-oracle.ts';
import { type FuzzReport, runFuzz } from './support/fuzz-runner.ts';
import { type FuzzTarget, startFuzzTarget } from './support/fuzz-target.ts';

// 300 seeded fast-check cases against the gateway listening on loopback (over the seeded emulator, without the
// ssl:secrets scope): schema-driven documents, hostile documents, hostile upload inputs and broken HTTP requests.
// Any violation fails at once and fast-check shrinks it to a minimal request.
const SEED = 42;
const RUNS = 300;

let target: FuzzTarget;
let report: FuzzReport;

beforeAll(async () => {
  target = await startFuzzTarget();
  const ids = target.stack.emulator.state.certificates.all().map((record) => record.id);
  report = await runFuzz(target, ids.slice(0, 20), {
    seed: SEED,
    runs: RUNS,
    mode: 'assert',
  });
}, 240_000);

afterAll(async () => {
  await target?.close();
});

describe('gateway fuzzing (CI size)', () => {
  it('answers every case with a documented status, no secret and a clear error', () => {
    expect(report.runs).toBe(RUNS);
    expect(report.violationCount).toBe(0);
  });

  it('exercises every family of cases and several transport outcomes', () => {
    expect(Object.keys(report.familyMix).sort()).toEqual([
      'hostile-document',
      'malformed-body',
      'malformed-get-parameters',
      'schema-document',
      'upload-input',
    ]);
    expect(Object.keys(report.statusMix).length).toBeGreaterThanOrEqual(4);
  });

  it('never crashes: no uncaught error, and the gateway keeps serving', () => {
    expect(report.processErrors).toBe(0);
    expect(report.servingAfterwards).toBe(true);
  });
});

describe('malformed JSON in GET variables (once a masked 500, found by this fuzzer)', () => {
  it('answers GET /graphql?variables={ with a clear 400', async () => {
    const exchange = await target.send({
      family: 'malformed-get-parameters',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables=%7B`,
      headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(fuzzViolations(exchange, target.secrets())).toEqual([]);
    expect(exchange.status).toBe(400);
  });
});

describe('malformed entity representations (once a masked "Unexpected error.", found by this fuzzer)', () => {
  it.each([
    '{ _entities(representations: "wrong") { __typename } }',
    '{ _entities(representations: [42, "scalar", { __typename: "Nope" }, {}]) { __typename } }',
    '{ _entities(representations: [{ __typename: "Certificate" }, { __typename: "Query" }]) { __typename } }',
  ])('answers %s with BAD_USER_INPUT, which the oracle accepts', async (query) => {
    const exchange = await target.send({
      family: 'schema-document',
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query }),
    });
    expect(fuzzViolations(exchange, target.secrets())).toEqual([]);
    expect(exchange.status).toBe(200);
    expect(exchange.body).toContain('"BAD_USER_INPUT"');
  });

  it('would fail the run on a masked error: the oracle counts it as a violation', () => {
    const masked = {
      request: { family: 'schema-document', method: 'POST', path: '/graphql', headers: {} },
      status: 200,
      contentType: 'application/graphql-response+json',
      body: JSON.stringify({
        data: null,
        errors: [
          {
            message: 'Unexpected error.',
            extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: '00000000-0000-0000-0000-000000000000' },
          },
        ],
      }),
    };
    expect(fuzzViolations(masked, target.secrets())).toEqual([
      'a masked "Unexpected error." instead of naming the client\'s mistake',
    ]);
  });
});
