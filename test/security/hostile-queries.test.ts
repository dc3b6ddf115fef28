import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_LIMITS } from '../../src/config/security.ts';
import { MAX_PAGE_SIZE } from '../../src/graphql/schema/pagination.ts';
import { createGateway, type Gateway } from '../../src/graphql/yoga.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { GatewayTelemetry } from '../../src/observability/telemetry.ts';
import type { SslCaller } from '../../src/ssl/actions.ts';
import { readEvents, subscribeOverSse } from '../graphql/support/sse.ts';
import { startTestStack, type TestStack } from '../graphql/support/stack.ts';
import { postOperation, type RawGraphQLResponse } from './support/requests.ts';
import { totalUpstreamCalls } from './support/upstream-calls.ts';

// Hostile operations against the default limits: each is refused with a clear 4xx before any upstream call,
// never with a crash or a 5xx.

let stack: TestStack;

async function sendHostile(
  gateway: Gateway,
  query: string,
  variables?: Record<string, unknown>,
): Promise<RawGraphQLResponse> {
  stack.emulator.stats.reset();
  const response = await postOperation(gateway, { query, variables });
  expect(totalUpstreamCalls(stack)).toBe(0);
  return response;
}

function expectRefusedWith(response: RawGraphQLResponse, message: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors?.map((error) => error.message)).toEqual(
    expect.arrayContaining([expect.stringMatching(message)]),
  );
}

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.close());

/** A seeded deploy record (a finished job). */
function deployRecordId(): string {
  const record = stack.emulator.state.jobs.deployRecords[0];
  if (record === undefined) throw new Error('the seed has no deploy record');
  return String(record.id);
}

/** `certificate(id: "x") { renewal { renewal { … id } } }`: every level is a real field. */
function nestedRenewals(levels: number): string {
  return `{ certificate(id: "x") { ${'renewal { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
}

describe('the default limits', () => {
  it('let an ordinary page of certificates through', async () => {
    const response = await postOperation(stack.gateway, {
      query: '{ certificates(first: 5) { totalCount edges { node { id domain status expiresAt } } } }',
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it(`refuse nesting deeper than ${DEFAULT_QUERY_LIMITS.maxDepth}`, async () => {
    const allowed = await postOperation(stack.gateway, {
      query: nestedRenewals(DEFAULT_QUERY_LIMITS.maxDepth - 2),
    });
    expect(allowed.status).toBe(200);
    const response = await sendHostile(stack.gateway, nestedRenewals(40));
    expectRefusedWith(response, /^Query depth limit of 10 exceeded/);
  });

  it('refuse more aliases than the limit', async () => {
    const aliases = Array.from(
      { length: DEFAULT_QUERY_LIMITS.maxAliases + 1 },
      (_, index) => `a${index}: certificates(first: 100) { totalCount }`,
    );
    const response = await sendHostile(stack.gateway, `{ ${aliases.join(' ')} }`);
    expectRefusedWith(response, /^Aliases limit of 50 exceeded, found 51/);
  });

  it('refuse a document of a huge token count, without parsing all of it', async () => {
    const response = await sendHostile(stack.gateway, `{ ${'__typename '.repeat(50_000)}}`);
    expectRefusedWith(response, /Token limit of 2000 exceeded/);
    expect(response.body.errors).toHaveLength(1);
  });

  it('refuse more than 50 directives', async () => {
    const response = await sendHostile(stack.gateway, `{ ${'__typename @include(if: true) '.repeat(60)}}`);
    expectRefusedWith(response, /^Directives limit of 50 exceeded, found 60/);
  });

  it('let a full page of 100 certificates with many fields through the cost limit', async () => {
    const fields =
      'id domain domains alias status statusMessage expiresAt beginsAt createdAt daysUntilExpiry packageType ' +
      'productName certificateType encryptionAlgorithm projectId isDv isExpiring isWildcard isSm isVip isRenewable';
    const response = await postOperation(stack.gateway, {
      query: `{ certificates(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`,
    });
    expect(response.body.errors).toBeUndefined();
    // The same fields in a fragment (as generated clients send them) cost the same.
    const withFragment = await postOperation(stack.gateway, {
      query: `query ($n: Int) { certificates(first: $n) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...Row } } } }
        fragment Row on Certificate { ${fields} }`,
      variables: { n: 100 },
    });
    expect(withFragment.body.errors).toBeUndefined();
  });

  it('refuse nested fan-out over the cost limit', async () => {
    // 100 certificates × 100 deploy records each: within the depth, alias and token limits.
    const response = await sendHostile(
      stack.gateway,
      '{ certificates(first: 100) { edges { node { id deployRecords(first: 100) { edges { node { id status } } } } } } }',
    );
    expectRefusedWith(response, /^Query Cost limit of 20000 exceeded/);
  });

  it('cost page sizes passed as variables with the values they run with', async () => {
    const fanOut = `query Fanout($certificates: Int, $records: Int = 100) {
      certificates(first: $certificates) { edges { node { id deployRecords(first: $records) { totalCount } } } }
    }`;
    const literal = await sendHostile(
      stack.gateway,
      '{ certificates(first: 100) { edges { node { id deployRecords(first: 100) { totalCount } } } } }',
    );
    expectRefusedWith(literal, /^Query Cost limit of 20000 exceeded/);
    const variables = await sendHostile(stack.gateway, fanOut, { certificates: 100, records: 100 });
    expect(variables.status).toBe(400);
    expect(variables.body).toEqual({ errors: literal.body.errors });
    // The default of an unsent variable counts as it runs.
    expectRefusedWith(
      await sendHostile(stack.gateway, fanOut, { certificates: 100 }),
      /^Query Cost limit of 20000 exceeded/,
    );

    const small = await postOperation(stack.gateway, {
      query: fanOut,
      variables: { certificates: 2, records: 5 },
    });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    // Only the operation that runs is costed, not another of the same document.
    const twoOperations = await postOperation(stack.gateway, {
      query: `${fanOut} query Small($n: Int) { certificates(first: $n) { totalCount } }`,
      variables: { n: 1 },
      operationName: 'Small',
    });
    expect(twoOperations.status).toBe(200);
    expect(twoOperations.body.errors).toBeUndefined();
  });

  /** A certificate's list fields: a page of 20 of them with a log page of 20 each is over the cost limit. */
  const LIST_FIELDS =
    'id alias domain domains status certificateType productName beginsAt expiresAt daysUntilExpiry isExpiring ' +
    'isDeployable tags { key value }';

  it('cost an omitted first as the page of 20 it runs, not as one item', async () => {
    const written = await sendHostile(
      stack.gateway,
      `{ certificates(first: 20) { edges { node { ${LIST_FIELDS}
          operationLogs(first: 20) { edges { node { certificate { ${LIST_FIELDS} } } } } } } } }`,
    );
    expectRefusedWith(written, /^Query Cost limit of 20000 exceeded/);
    const omitted = await sendHostile(
      stack.gateway,
      `{ certificates { edges { node { ${LIST_FIELDS}
          operationLogs { edges { node { certificate { ${LIST_FIELDS} } } } } } } } }`,
    );
    expect(omitted.body).toEqual(written.body);
  });

  it('cost a page-size variable sent as null, or not sent, as the page of 20 it runs', async () => {
    const query = `query Pages($n: Int) { certificates(first: $n) { edges { node { ${LIST_FIELDS}
        operationLogs(first: $n) { edges { node { certificate { ${LIST_FIELDS} } } } } } } } }`;
    const twenty = await sendHostile(stack.gateway, query, { n: 20 });
    expectRefusedWith(twenty, /^Query Cost limit of 20000 exceeded/);
    expect((await sendHostile(stack.gateway, query, { n: null })).body).toEqual(twenty.body);
    expect((await sendHostile(stack.gateway, query, {})).body).toEqual(twenty.body);
  });

  it(`cost a literal first above ${MAX_PAGE_SIZE} as the ${MAX_PAGE_SIZE} items it runs`, async () => {
    const response = await postOperation(stack.gateway, {
      query: '{ certificates(first: 2147483647) { totalCount edges { node { id domain status } } } }',
    });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const page = (response.body.data as { certificates: { edges: unknown[] } }).certificates;
    expect(page.edges).toHaveLength(MAX_PAGE_SIZE);
  });

  it("cost a subscription's page-size variables before it starts", async () => {
    const fanOut = `subscription Fanout($n: Int) { jobProgress(kind: DEPLOY_RECORD, id: "${deployRecordId()}") {
      ... on DeployRecord { certificate {
        operationLogs(first: $n) { edges { node { __typename } } }
        deployRecords(first: $n) { edges { node { certificate {
          operationLogs(first: $n) { edges { node { __typename } } } } } } } } } } }`;
    stack.emulator.stats.reset();
    const events: unknown[] = [];
    await readEvents(await subscribeOverSse(stack.gateway, fanOut, { n: 100 }), (event) =>
      events.push(event),
    );
    expect(events).toEqual([
      {
        errors: [
          {
            message: expect.stringMatching(/^Query Cost limit of 20000 exceeded/),
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
    ]);
    expect(totalUpstreamCalls(stack)).toBe(0);
    // A client that also accepts a single JSON answer gets the 400 a query would.
    const json = await postOperation(
      stack.gateway,
      { query: fanOut, variables: { n: 100 } },
      { accept: 'application/graphql-response+json, text/event-stream' },
    );
    expectRefusedWith(json, /^Query Cost limit of 20000 exceeded/);
    expect(totalUpstreamCalls(stack)).toBe(0);
  });

  /** Representations of seeded certificates, `count` of them (the seed's repeated past its end). */
  function certificateReferences(count: number): { __typename: 'Certificate'; id: string }[] {
    const seeded = stack.emulator.state.certificates.all();
    return Array.from({ length: count }, (_, index) => ({
      __typename: 'Certificate',
      id: (seeded[index % seeded.length] ?? seeded[0])?.id ?? '',
    }));
  }

  it(`refuse more than ${DEFAULT_QUERY_LIMITS.maxEntityRepresentations} entity representations in one operation`, async () => {
    const managers = (count: number, from: number) =>
      Array.from({ length: count }, (_, index) => ({ __typename: 'Manager', id: String(from + index) }));
    const byVariable = await sendHostile(
      stack.gateway,
      'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { r: certificateReferences(1001) },
    );
    expectRefusedWith(byVariable, /^Entity representations limit of 1000 exceeded, found 1001\.$/);
    // Aliases add up.
    const split = await sendHostile(
      stack.gateway,
      'query ($a: [_Any!]!, $b: [_Any!]!) { a: _entities(representations: $a) { __typename } b: _entities(representations: $b) { __typename } }',
      { a: certificateReferences(600), b: certificateReferences(401) },
    );
    expectRefusedWith(split, /^Entity representations limit of 1000 exceeded, found 1001\.$/);

    // Under a lower ceiling, a variable's default and literal lists count as values sent.
    const strict = createGateway({
      ssl: stack.client,
      logging: false,
      security: { limits: { ...DEFAULT_QUERY_LIMITS, maxEntityRepresentations: 100 } },
    });
    const literal = (count: number, from: number) =>
      managers(count, from)
        .map(({ id }) => `{ __typename: "Manager", id: "${id}" }`)
        .join(' ');
    try {
      const byDefault = await sendHostile(
        strict,
        `query ($r: [_Any!]! = [${literal(101, 8000)}]) { _entities(representations: $r) { __typename } }`,
      );
      expectRefusedWith(byDefault, /^Entity representations limit of 100 exceeded, found 101\.$/);
      const literals = await sendHostile(
        strict,
        `{ a: _entities(representations: [${literal(60, 6000)}]) { __typename }
           b: _entities(representations: [${literal(41, 7000)}]) { __typename } }`,
      );
      expectRefusedWith(literals, /^Entity representations limit of 100 exceeded, found 101\.$/);
    } finally {
      await strict.dispose();
    }
  });

  it('let a router resolve a few hundred certificate references, which take a few batched calls', async () => {
    stack.emulator.stats.reset();
    const references = certificateReferences(300);
    const page = await postOperation(stack.gateway, {
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { id domain } } }',
      variables: { r: references },
    });
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
    const resolved = page.body.data?._entities as { id: string }[];
    expect(resolved.map(({ id }) => id)).toEqual(references.map(({ id }) => id));
    expect(stack.upstreamCalls('DescribeCertificates')).toBeLessThanOrEqual(6);
    // Manager references are one call each: over the upstream-call limit long before the ceiling.
    const managers = await sendHostile(
      stack.gateway,
      'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      { r: managers101() },
    );
    expectRefusedWith(managers, /^Upstream call limit of 100 exceeded, found 101: /);
  });

  function managers101(): { __typename: 'Manager'; id: string }[] {
    return Array.from({ length: 101 }, (_, index) => ({ __typename: 'Manager', id: String(5000 + index) }));
  }

  it('cost each _entities selection once per representation, as a page of as many items', async () => {
    // The QA report's selection: cheap in upstream calls (a few batched lookups), large in what it answers.
    const leaf = `id alias domain domains status statusMessage createdAt expiresAt beginsAt isDv isSm isVip
      isWildcard isExpiring isRenewable isDeployable tags { key value } projectId productName packageType
      daysUntilExpiry hasPrivateKeyPassword`;
    const selection = `${leaf} renewal { ${leaf} renewedFrom { ${leaf} } } replacedBy { ${leaf} replaces { ${leaf} } }
      renewedFrom { ${leaf} } replaces { ${leaf} }`;
    const page = await sendHostile(
      stack.gateway,
      `{ certificates(first: 100) { edges { node { ${selection} } } } }`,
    );
    expectRefusedWith(page, /^Query Cost limit of 20000 exceeded/);

    const entities = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { ${selection} } } }`;
    const hundred = await sendHostile(stack.gateway, entities, { r: certificateReferences(100) });
    expectRefusedWith(hundred, /^Query Cost limit of 20000 exceeded, found 47350\./);
    // Written as a literal list, the count is known at validation.
    const literalList = certificateReferences(100)
      .map(({ id }) => `{ __typename: "Certificate", id: "${id}" }`)
      .join(' ');
    const literal = await sendHostile(
      stack.gateway,
      `{ _entities(representations: [${literalList}]) { ... on Certificate { ${selection} } } }`,
    );
    expectRefusedWith(literal, /^Query Cost limit of 20000 exceeded, found 47350\./);

    // A few references with the same selection cost a few times one, and run.
    const few = await postOperation(stack.gateway, {
      query: entities,
      variables: { r: certificateReferences(5) },
    });
    expect(few.status).toBe(200);
    expect(few.body.errors).toBeUndefined();
    expect(few.body.data?._entities).toHaveLength(5);
  });

  it(`refuse an operation that could make more than ${DEFAULT_QUERY_LIMITS.maxUpstreamCalls} upstream calls`, async () => {
    // The security report's page: each certificate's relations are read one certificate at a time.
    const perCertificate = `{ certificates(first: 100) { edges { node { id certificatePem application { commonName }
      deployRecords(first: 1) { totalCount } operationLogs(first: 1) { totalCount }
      installationRecords(first: 1) { totalCount } replacementRecords(first: 1) { totalCount }
      contentReplacementRecords(first: 1) { totalCount } } } } }`;
    const refusal = {
      errors: [
        {
          message: expect.stringMatching(/^Upstream call limit of 100 exceeded, found 502: /),
          extensions: { code: 'UPSTREAM_CALL_LIMIT_EXCEEDED' },
        },
      ],
    };
    const response = await sendHostile(stack.gateway, perCertificate);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refusal);
    // A client accepting only application/json gets the same answer with 200, as the GraphQL-over-HTTP spec has it.
    stack.emulator.stats.reset();
    const legacy = await postOperation(
      stack.gateway,
      { query: perCertificate },
      { accept: 'application/json' },
    );
    expect(legacy.status).toBe(200);
    expect(legacy.body).toEqual(refusal);
    expect(totalUpstreamCalls(stack)).toBe(0);
  });

  it('count _entities against the upstream-call limit once per representation', async () => {
    const representations = stack.emulator.state.certificates
      .all()
      .slice(0, 100)
      .map(({ id }) => ({ __typename: 'Certificate', id }));
    const response = await sendHostile(
      stack.gateway,
      `query ($r: [_Any!]!) { _entities(representations: $r) {
        ... on Certificate { id certificatePem deployRecords(first: 1) { totalCount } } } }`,
      { r: representations },
    );
    expectRefusedWith(response, /^Upstream call limit of 100 exceeded, found 202: /);
  });

  it('refuse a subscription over the upstream-call limit before it starts', async () => {
    stack.emulator.stats.reset();
    const events: unknown[] = [];
    const watch = `subscription { jobProgress(kind: DEPLOY_RECORD, id: "${deployRecordId()}") {
      ... on DeployRecord { certificate { deployRecords(first: 100) { edges { node {
        certificate { certificatePem } } } } } } } }`;
    await readEvents(await subscribeOverSse(stack.gateway, watch, {}), (event) => events.push(event));
    expect(events).toEqual([
      {
        errors: [
          {
            message: expect.stringMatching(/^Upstream call limit of 100 exceeded/),
            extensions: { code: 'UPSTREAM_CALL_LIMIT_EXCEEDED' },
          },
        ],
      },
    ]);
    expect(totalUpstreamCalls(stack)).toBe(0);
  });

  it('refuse a request body over 1 MB with 413', async () => {
    stack.emulator.stats.reset();
    const padding = ' '.repeat(2 * 1024 * 1024);
    const response = await postOperation(stack.gateway, { query: `{ __typename ${padding}}` });
    expect(response.status).toBe(413);
    expect(response.body.errors?.[0]?.message).toBe('Request body too large');
    expect(totalUpstreamCalls(stack)).toBe(0);
  });

  it('refuse a streamed body over 1 MB that announces no length', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }", "padding": "'));
      },
      pull(controller) {
        if (sent >= 2 * 1024 * 1024) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.byteLength;
      },
    });
    const response = await stack.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it(`cap a page at ${MAX_PAGE_SIZE} items whatever first asks for`, async () => {
    // Through a variable, which the cost limit counts as the page it runs (a literal one it counts as written).
    const response = await postOperation(stack.gateway, {
      query:
        'query Page($first: Int) { certificates(first: $first) { totalCount pageInfo { hasNextPage } edges { node { id } } } }',
      variables: { first: 100_000 },
    });
    expect(response.body.errors).toBeUndefined();
    const page = (
      response.body.data as {
        certificates: { totalCount: number; pageInfo: { hasNextPage: boolean }; edges: unknown[] };
      }
    ).certificates;
    expect(page.totalCount).toBeGreaterThan(MAX_PAGE_SIZE);
    expect(page.edges).toHaveLength(MAX_PAGE_SIZE);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('refuse batched operations: batching is off', async () => {
    stack.emulator.stats.reset();
    const response = await stack.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(
        Array.from({ length: 50 }, () => ({ query: '{ certificates(first: 100) { totalCount } }' })),
      ),
    });
    expect(response.status).toBe(400);
    expect(totalUpstreamCalls(stack)).toBe(0);
  });
});

describe('configured limits', () => {
  it('replace the defaults', async () => {
    const strict = createGateway({
      ssl: stack.client,
      logging: false,
      security: { limits: { ...DEFAULT_QUERY_LIMITS, maxAliases: 2, maxDepth: 3, maxBodyBytes: 200 } },
    });
    try {
      const aliases = await sendHostile(strict, '{ a: __typename b: __typename c: __typename }');
      expectRefusedWith(aliases, /^Aliases limit of 2 exceeded, found 3/);
      const deep = await sendHostile(strict, nestedRenewals(3));
      expectRefusedWith(deep, /^Query depth limit of 3 exceeded/);
      const large = await postOperation(strict, { query: `{ __typename ${' '.repeat(300)}}` });
      expect(large.status).toBe(413);
    } finally {
      await strict.dispose();
    }
  });
});

describe('a configured upstream-call limit', () => {
  it('lets an operation through up to the limit, and refuses the next call', async () => {
    const limited = createGateway({
      ssl: stack.client,
      logging: false,
      security: { limits: { ...DEFAULT_QUERY_LIMITS, maxUpstreamCalls: 10 } },
    });
    const page = (first: number) =>
      `{ certificates(first: ${first}) { edges { node { id deployRecords(first: 1) { totalCount } } } } }`;
    try {
      // The listing, then one deploy record listing per certificate.
      stack.emulator.stats.reset();
      const nine = await postOperation(limited, { query: page(9) });
      expect(nine.status).toBe(200);
      expect(nine.body.errors).toBeUndefined();
      expect(totalUpstreamCalls(stack)).toBe(10);
      const ten = await sendHostile(limited, page(10));
      expectRefusedWith(ten, /^Upstream call limit of 10 exceeded, found 11: /);
    } finally {
      await limited.dispose();
    }
  });
});

describe('an unexpected failure', () => {
  it('reaches the client as "Unexpected error." with an id that is in the server log, and nothing else', async () => {
    const logLines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => logLines.push(line) },
    });
    const broken: SslCaller = {
      call: async () => {
        throw new TypeError('socket hang up talking to 10.20.30.40:8443 (internal-upstream.corp)');
      },
    };
    const gateway = createGateway({ ssl: broken, telemetry: new GatewayTelemetry({ logger }) });
    try {
      const response = await postOperation(gateway, { query: '{ certificates(first: 1) { totalCount } }' });
      expect(response.status).toBeLessThan(500);
      expect(response.text).not.toMatch(/10\.20\.30\.40|internal-upstream|socket hang up/);
      const error = response.body.errors?.[0];
      expect(error?.message).toBe('Unexpected error.');
      const errorId = error?.extensions?.errorId;
      expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
      const logged = logLines.filter((line) => line.includes(errorId as string));
      // The line with the cause (the operation summary may repeat the id).
      expect(logged.filter((line) => line.includes('socket hang up'))).toHaveLength(1);
    } finally {
      await gateway.dispose();
    }
  });
});
