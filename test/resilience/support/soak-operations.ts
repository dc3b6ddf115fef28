import type { MutationExecution } from '../../../src/emulator/index.ts';
import { pick, randomInt } from './seeded-random.ts';

export type SoakReadName =
  | 'certificatesPage'
  | 'certificateDetail'
  | 'manager'
  | 'company'
  | 'packages'
  | 'companies'
  | 'cloudResources'
  | 'operationLogs';

export type SoakMutationName =
  | 'certificateAliasUpdate'
  | 'certificateProjectUpdate'
  | 'certificateExpiryNotificationUpdate';

export type SoakOperation =
  | {
      readonly kind: 'read';
      readonly name: SoakReadName;
      readonly query: string;
      readonly variables: Record<string, unknown>;
    }
  | {
      readonly kind: 'mutation';
      readonly name: SoakMutationName;
      readonly query: string;
      readonly variables: Record<string, unknown>;
      /** Identifies this intent among the upstream executions (see intentOfExecution). */
      readonly intent: string;
    };

/** Ids of the seeded account, discovered through the gateway before any fault is armed. */
export interface SoakFixtures {
  readonly certificateIds: readonly string[];
  readonly managerIds: readonly string[];
  readonly companyIds: readonly string[];
  /** ResourceType values the emulator lists without error. */
  readonly resourceTypes: readonly string[];
}

const READS: Record<SoakReadName, string> = {
  certificatesPage: `query SoakCertificates($first: Int) {
    certificates(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { node { id domain alias status expiresAt } } }
  }`,
  certificateDetail: `query SoakCertificate($id: ID!) {
    certificate(id: $id) { id domain domains alias status encryptionAlgorithm hosting { __typename } manager { id } }
  }`,
  manager: 'query SoakManager($id: ID!) { manager(id: $id) { id } }',
  company: 'query SoakCompany($id: ID!) { company(id: $id) { id name } }',
  packages: 'query SoakPackages($first: Int) { packages(first: $first) { edges { node { id } } } }',
  companies: 'query SoakCompanies($first: Int) { companies(first: $first) { edges { node { id name } } } }',
  cloudResources: `query SoakResources($type: ResourceType!, $first: Int) {
    cloudResources(type: $type, first: $first) { edges { node { id name resourceType } } }
  }`,
  operationLogs:
    'query SoakLogs($first: Int) { operationLogs(first: $first) { edges { node { __typename } } } }',
};

const MUTATIONS: Record<SoakMutationName, string> = {
  certificateAliasUpdate: `mutation SoakAlias($input: CertificateAliasUpdateInput!) {
    certificateAliasUpdate(input: $input) { certificate { id alias } userErrors { code message field } }
  }`,
  certificateProjectUpdate: `mutation SoakProject($input: CertificateProjectUpdateInput!) {
    certificateProjectUpdate(input: $input) { userErrors { code message field } }
  }`,
  certificateExpiryNotificationUpdate: `mutation SoakExpiry($input: CertificateExpiryNotificationUpdateInput!) {
    certificateExpiryNotificationUpdate(input: $input) { userErrors { code message field } }
  }`,
};

/** The discovery queries, answered before faults are armed. */
export const FIXTURE_QUERY = `query SoakFixtures {
  certificates(first: 100) { edges { node { id } } }
  companies(first: 20) { edges { node { id } } }
}`;

export const RESOURCE_PROBE_QUERY = READS.cloudResources;
export const MANAGER_PROBE_QUERY = READS.manager;

/** Project ids far from the seeded ones, one per intent, so every project update has params of its own. */
const PROJECT_ID_BASE = 3_000_000;
/** Expiry updates name a distinct subset of these many certificates per intent (2^12 - 1 subsets). */
const EXPIRY_ID_POOL = 12;

function expiryIds(certificateIds: readonly string[], ordinal: number): string[] {
  const pool = certificateIds.slice(0, EXPIRY_ID_POOL);
  const subset = (ordinal % (2 ** pool.length - 1)) + 1;
  return pool.filter((_, index) => (subset >> index) & 1);
}

function expiryIntent(ids: readonly string[]): string {
  return `expiry:${[...ids].sort().join(',')}`;
}

/**
 * Deterministic operation mix from `random`: three reads for every mutation. Every mutation intent has
 * upstream params no other intent shares, so two executions of the same params can only be a resend.
 */
export function soakOperations(count: number, fixtures: SoakFixtures, random: () => number): SoakOperation[] {
  const operations: SoakOperation[] = [];
  let mutationOrdinal = 0;
  for (let index = 0; index < count; index += 1) {
    if (random() < 0.25) {
      const ordinal = mutationOrdinal;
      mutationOrdinal += 1;
      operations.push(mutationOperation(ordinal, fixtures, random));
    } else {
      operations.push(readOperation(fixtures, random));
    }
  }
  return operations;
}

function readOperation(fixtures: SoakFixtures, random: () => number): SoakOperation {
  const readNames = (Object.keys(READS) as SoakReadName[]).filter(
    (name) =>
      (name !== 'cloudResources' || fixtures.resourceTypes.length > 0) &&
      (name !== 'manager' || fixtures.managerIds.length > 0),
  );
  const name = pick(random, readNames);
  const variables: Record<string, unknown> = {};
  switch (name) {
    case 'certificateDetail':
      variables.id = pick(random, fixtures.certificateIds);
      break;
    case 'manager':
      variables.id = pick(random, fixtures.managerIds);
      break;
    case 'company':
      variables.id = pick(random, fixtures.companyIds);
      break;
    case 'cloudResources':
      variables.type = pick(random, fixtures.resourceTypes);
      variables.first = randomInt(random, 1, 20);
      break;
    default:
      variables.first = randomInt(random, 1, 50);
  }
  return { kind: 'read', name, query: READS[name], variables };
}

function mutationOperation(ordinal: number, fixtures: SoakFixtures, random: () => number): SoakOperation {
  const name = pick(random, Object.keys(MUTATIONS) as SoakMutationName[]);
  const query = MUTATIONS[name];
  switch (name) {
    case 'certificateAliasUpdate': {
      const alias = `soak-${ordinal}`;
      const input = { id: pick(random, fixtures.certificateIds), alias };
      return { kind: 'mutation', name, query, variables: { input }, intent: `alias:${alias}` };
    }
    case 'certificateProjectUpdate': {
      const projectId = PROJECT_ID_BASE + ordinal;
      const input = { ids: [pick(random, fixtures.certificateIds)], projectId: String(projectId) };
      return { kind: 'mutation', name, query, variables: { input }, intent: `project:${projectId}` };
    }
    case 'certificateExpiryNotificationUpdate': {
      const ids = expiryIds(fixtures.certificateIds, ordinal);
      const input = { ids, enabled: random() < 0.5 };
      return { kind: 'mutation', name, query, variables: { input }, intent: expiryIntent(ids) };
    }
  }
}

/** The soak intent an upstream execution belongs to, from the params the emulator recorded. */
export function intentOfExecution(execution: MutationExecution): string | undefined {
  const params: unknown = JSON.parse(execution.params);
  if (typeof params !== 'object' || params === null) return undefined;
  const fields = params as Record<string, unknown>;
  switch (execution.action) {
    case 'ModifyCertificateAlias':
      return `alias:${String(fields.Alias)}`;
    case 'ModifyCertificateProject':
      return `project:${String(fields.ProjectId)}`;
    case 'ModifyCertificatesExpiringNotificationSwitch':
      return Array.isArray(fields.CertificateIds)
        ? expiryIntent(fields.CertificateIds.map(String))
        : undefined;
    default:
      return undefined;
  }
}
