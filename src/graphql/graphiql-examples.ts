import type { GraphiQLOptions } from 'graphql-yoga';

/** One GraphiQL tab that shows a newcomer a part of the graph. */
export interface GraphiQLExample {
  readonly title: string;
  /** One or more operations; the tab runs the one the cursor is in. */
  readonly query: string;
  /** The tab's variables; IDs are placeholders that name where to find a real one. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /** Only queries: safe to run as they are (the tests execute these against the emulator). */
  readonly readOnly: boolean;
}

/** The placeholder certificate ID of the examples: certificate(id:) answers null for it, and no error. */
export const EXAMPLE_CERTIFICATE_ID = 'paste-a-certificate-id';

/**
 * A deployment the sandbox's seeded account can run as it is: an issued wildcard certificate and a CDN domain it
 * covers that serves another certificate (\`certificate(id:) { deployTargets(type: CDN) }\` lists it; a domain
 * already serving the certificate is refused). Against a real account, replace both.
 */
export const EXAMPLE_DEPLOYMENT = { certificateId: 'qubN5ZBA', cdnDomain: 'admin76.example.org' } as const;

const CERTIFICATES = `# The account's certificates, newest first (continue with after: pageInfo.endCursor), and the ones
# expiring within 30 days, soonest first. Copy an id into the next tab to open that certificate.
query Certificates {
  certificates(first: 10) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id domain status expiresAt daysUntilExpiry } }
  }
  expiringSoon: certificates(first: 10, filter: { expiringOnly: true }, orderBy: EXPIRES_AT_ASC) {
    totalCount
    edges { node { id domain expiresAt daysUntilExpiry isRenewable } }
  }
}
`;

const CERTIFICATE_OVERVIEW = `# One certificate with who ordered it, where it was deployed and what serves it now.
# A few upstream calls: the detail, the manager, the deploy records and the deployed resources.
query CertificateOverview($id: ID!) {
  certificate(id: $id) {
    id
    domain
    domains
    status
    expiresAt
    x509 { issuer validTo }
    manager { id firstName lastName email }
    company { id name }
    deployRecords(first: 5) {
      totalCount
      edges { node { id resourceType region status finishedAt } }
    }
    clb: deployedResources(type: CLB) { totalCount identifiers }
    cdn: deployedResources(type: CDN) { totalCount identifiers }
  }
}
`;

const DEPLOY_AND_WATCH = `# Deploy a certificate to CDN domains it covers, then follow the deployment until it finishes.
# The variables name a pair the sandbox's demo account has; with your own account, pick a certificate and one
# of its deployTargets(type: CDN). Run DeployCertificate first; put the returned deployRecord id into the
# variables of the other two.
mutation DeployCertificate($deploy: CertificateDeployInput!) {
  certificateDeploy(input: $deploy) {
    alreadyRunning
    deployRecord { id status }
    userErrors { code field message }
  }
}

# Waits on the server (at most 30 s) and answers once the deployment finished.
query WaitForDeployment($deployRecordId: ID!) {
  job(kind: DEPLOY_RECORD, id: $deployRecordId, wait: { timeoutSeconds: 30 }) {
    id
    status
    isFinished
    progress { total succeeded failed running pending }
    ... on DeployRecord {
      instances(first: 20) { edges { node { instanceId status errorMessage } } }
    }
  }
}

# Or watch every change as it happens (server-sent events).
subscription WatchDeployment($deployRecordId: ID!) {
  jobProgress(kind: DEPLOY_RECORD, id: $deployRecordId) {
    id
    status
    isFinished
    progress { total succeeded failed running pending }
  }
}
`;

const MANAGERS_AND_PACKAGES = `# The account's companies with their managers (who can order OV/EV certificates), and the benefit
# packages whose points pay for certificates.
query ManagersAndPackages {
  companies(first: 10) {
    totalCount
    edges {
      node {
        id
        name
        managers(first: 10) {
          totalCount
          edges { node { id firstName lastName email status expiresAt } }
        }
      }
    }
  }
  packages(first: 10, filter: { status: USABLE }, sortBy: EXPIRES_AT_ASC) {
    totalCount
    totalRemainingPoints
    edges { node { id type remainingPoints expiresAt } }
  }
}
`;

const CLOUD_RESOURCES = `# The CLB load balancers certificates can be deployed to, with the certificate each listener serves.
# Change type to CDN, COS, TKE, WAF... and the fragment to that type's fields.
query CloudResources {
  cloudResources(type: CLB, first: 10) {
    totalCount
    edges {
      node {
        id
        name
        region
        domains
        certificate { id domain expiresAt }
        ... on ClbLoadBalancer {
          kind
          listeners { id name protocol isSniEnabled certificate { id domain } }
        }
      }
    }
  }
}
`;

export const GRAPHIQL_EXAMPLES: readonly GraphiQLExample[] = [
  { title: 'Certificates, newest and expiring', query: CERTIFICATES, readOnly: true },
  {
    title: 'One certificate',
    query: CERTIFICATE_OVERVIEW,
    variables: { id: EXAMPLE_CERTIFICATE_ID },
    readOnly: true,
  },
  {
    title: 'Deploy and watch',
    query: DEPLOY_AND_WATCH,
    variables: {
      deploy: {
        certificateId: EXAMPLE_DEPLOYMENT.certificateId,
        resourceType: 'CDN',
        instanceIds: [EXAMPLE_DEPLOYMENT.cdnDomain],
      },
      deployRecordId: 'paste-the-deploy-record-id',
    },
    readOnly: false,
  },
  { title: 'Managers and packages', query: MANAGERS_AND_PACKAGES, readOnly: true },
  { title: 'Cloud resources', query: CLOUD_RESOURCES, readOnly: true },
];

type GraphiQLTab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/** GraphiQL's options for the examples: one tab each, opened when the browser has no saved tabs yet. */
export function graphiqlExampleOptions(): Pick<GraphiQLOptions, 'defaultQuery' | 'defaultTabs'> {
  const tabs: GraphiQLTab[] = GRAPHIQL_EXAMPLES.map((example) => ({
    query: example.query,
    variables: example.variables === undefined ? null : JSON.stringify(example.variables, null, 2),
  }));
  // A tab opened later with "+" starts from the first example rather than GraphiQL's own welcome text.
  return { defaultQuery: CERTIFICATES, defaultTabs: tabs };
}
