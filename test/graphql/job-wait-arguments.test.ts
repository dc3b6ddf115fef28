import { createRequire } from 'node:module';
import type { GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_WAIT_SECONDS } from '../../src/graphql/jobs/job-wait.ts';
import { schema } from '../../src/graphql/schema/index.ts';
import { totalUpstreamCalls } from '../security/support/upstream-calls.ts';
import { execute } from './support/execute.ts';
import { callOf } from './support/sample-operations.ts';
import { useTestStack } from './support/stack.ts';

// A `wait` out of range refuses the whole operation before any of it runs: a mutation whose payload was asked to
// wait too long must not start a job it then could not return. Mutations are found in the schema, so a payload
// field taking `wait` added later is covered too.

/** The schema was built by the CommonJS build of graphql: use its own predicates (see sample-operations.ts). */
const { getNamedType, isObjectType } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const stack = useTestStack();

/** The mutations whose payload has fields taking a `wait` (JobWaitInput), with those fields' names. */
function mutationsWithWaitingPayloads(): { mutation: GraphQLField<unknown, unknown>; fields: string[] }[] {
  return Object.values(schema.getMutationType()?.getFields() ?? {}).flatMap((mutation) => {
    const payload = getNamedType(mutation.type);
    if (!isObjectType(payload)) return [];
    const fields = Object.values(payload.getFields())
      .filter((field) => field.args.some((argument) => getNamedType(argument.type).name === 'JobWaitInput'))
      .map((field) => field.name);
    return fields.length === 0 ? [] : [{ mutation, fields }];
  });
}

const waitingMutations = mutationsWithWaitingPayloads();

describe('an out-of-range wait on a mutation payload', () => {
  it('is found on every job-starting mutation', () => {
    expect(waitingMutations.map(({ mutation }) => mutation.name)).toEqual(
      expect.arrayContaining([
        'certificateDeploy',
        'deployRecordRetry',
        'deployRecordRollback',
        'certificateBindingsReplace',
        'updateRecordRetry',
        'updateRecordRollback',
        'certificateContentReplace',
        'uploadUpdateRecordRetry',
        'uploadUpdateRecordRollback',
        'certificateBindingsRefresh',
        'certificateDelete',
        'certificatesDelete',
      ]),
    );
  });

  it.each(waitingMutations.map(({ mutation, fields }) => [mutation.name, mutation, fields] as const))(
    '%s is refused as a whole before any upstream call',
    async (_name, mutation, fields) => {
      const selection = fields
        .map((field) => `${field}(wait: { timeoutSeconds: ${MAX_WAIT_SECONDS + 1} }) { __typename }`)
        .join(' ');
      const call = callOf(mutation, selection);
      const definitions = call.definitions.length === 0 ? '' : `(${call.definitions.join(', ')})`;
      stack.emulator.stats.reset();
      const response = await execute(
        stack.gateway,
        `mutation Attempt${definitions} { ${call.call} }`,
        call.variables,
      );
      expect(response.status).toBe(400);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(totalUpstreamCalls(stack)).toBe(0);
    },
  );
});
