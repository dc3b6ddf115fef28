import type { GraphQLObjectType } from 'graphql';
import { SSL_API_REGIONS } from '../../config/upstream.ts';
import { MAX_CERTIFICATE_IDS_PER_CALL } from '../loaders/certificates.ts';
import { MAX_CERTIFICATES_PER_DEPLOYED_RESOURCES_CALL } from '../loaders/cloud-resources.ts';

/**
 * Which fields of the schema make upstream calls, and how many: what the upstream-call limit
 * (upstream-call-estimate.ts) counts. Read off the loaders (src/graphql/loaders) and the resolvers that use them;
 * test/security/upstream-call-estimate.test.ts runs representative operations against the emulator and checks
 * that the estimate is never below the calls they make, and that every field returning a loaded type (or taking
 * `first`) is listed here.
 *
 * A field not listed makes no call of its own: it reads what its parent already holds.
 */

/** The arguments of one field as the executor coerces them. */
export type FieldArguments = Readonly<Record<string, unknown>>;

/**
 * An upstream read, named by what it loads for one object (a certificate's detail, a manager's list entry).
 * Fields of one object asking for the same read share one call (the loaders cache it per key for the request).
 */
export type ReadName = string;

export type UpstreamRead =
  /**
   * Unbatched: `calls` per object (one certificate, one record), the API reading one at a time. Arguments that
   * change the call (a page window, a filter) make it another read, unless `keyedBy` names the only ones that do.
   */
  | {
      readonly kind: 'per-object';
      readonly read: ReadName;
      readonly calls?: number | ((args: FieldArguments) => number);
      readonly keyedBy?: 'read' | 'arguments';
      /** Reads that, held by the object, make this one unnecessary. */
      readonly unlessProvided?: readonly ReadName[];
      /** Reads that, made for the object in the same request, answer this one too. */
      readonly unlessMade?: readonly ReadName[];
    }
  /** Batched by a DataLoader: the objects that ask together share calls of up to `batchSize` keys each. */
  | {
      readonly kind: 'batched';
      readonly read: ReadName;
      readonly batchSize: number;
      /** Keys each object asks for: one, or a list the API does not page (UNPAGED_LIST_SIZE). */
      readonly keysPerObject?: number;
      readonly keyedBy?: 'read' | 'arguments';
    }
  /** Cached for the whole request under the arguments `keyedBy` names, however many objects ask. */
  | {
      readonly kind: 'per-operation';
      readonly read: ReadName;
      readonly keyedBy: readonly string[];
    };

export interface FieldCalls {
  /** What the resolver reads, in order: each read starts once the one before it has answered. */
  readonly reads: readonly UpstreamRead[];
  /**
   * Reads the objects the field returns come with (a listed record holds its listing entry), so their own fields
   * skip them. A field without reads passes on what its parent holds instead.
   */
  readonly provides?: readonly ReadName[] | ((args: FieldArguments) => readonly ReadName[]);
  /**
   * The field returns its parent seen another way (`purchase`, `hosting`): a read made for the parent is not made
   * again for it.
   */
  readonly sameObject?: true;
}

/**
 * How many items a list counts as when the API does not page it (a load balancer's listeners, a resource's bound
 * certificates) and so nothing bounds it in the operation: as many as a page holds by default. Lists nested in
 * such a list, within the object that came with them (a cluster's namespaces, then their secrets), share them.
 */
export const UNPAGED_LIST_SIZE = 20;

/** The reads objects come with or ask for, by what they load. */
export const READS = {
  certificatesById: 'DescribeCertificates by ID',
  certificateDetail: 'DescribeCertificateDetail',
  /** DescribeCertificate: the order data without key material (certificate-details.ts). */
  certificateOrder: 'DescribeCertificate',
  managerDetail: 'DescribeManagerDetail',
  /** A manager's entry in its company's manager list (DescribeManagers): status and counts. */
  managerSummary: 'DescribeManagers (list entry)',
  /**
   * What a job's state comes from: a record's first detail block (DescribeHost*RecordDetail), a task's result
   * (Describe*TaskResult). Snapshots (`job`, `deployRecord`, waits, `jobProgress`) carry it.
   */
  jobDetail: 'job detail',
  /** A record's listing entry (DescribeHost*Record): carried by listed records, else found by walking the listing. */
  recordSummary: 'record listing entry',
} as const;

// The constructors the table below is written with.

function perObject(
  read: ReadName,
  options: Omit<Extract<UpstreamRead, { kind: 'per-object' }>, 'kind' | 'read'> = {},
): UpstreamRead {
  return { kind: 'per-object', read, ...options };
}

/** A list or page whose call depends on the field's arguments (window, filter, type). */
function listing(read: ReadName): UpstreamRead {
  return perObject(read, { keyedBy: 'arguments' });
}

const certificateById: UpstreamRead = {
  kind: 'batched',
  read: READS.certificatesById,
  batchSize: MAX_CERTIFICATE_IDS_PER_CALL,
};

/** A list of certificates, each looked up by ID (loadMany). */
const certificatesById: UpstreamRead = { ...certificateById, keysPerObject: UNPAGED_LIST_SIZE };

const reads = (...list: UpstreamRead[]): FieldCalls => ({ reads: list });

/** A certificate's order data: taken from its detail when the request reads that too (certificate-details.ts). */
const certificateOrder = perObject(READS.certificateOrder, { unlessMade: [READS.certificateDetail] });

/** A record listing entry, found when the record does not hold it: its first detail block, then the listing. */
const recordSummaryReads: readonly UpstreamRead[] = [
  perObject(READS.jobDetail, { unlessProvided: [READS.recordSummary] }),
  // The walk reads the listing until it meets the record: one page for any record of the last hundred.
  perObject(READS.recordSummary),
];

/** A record or task handed back by a mutation payload: as held, or the shared poller's snapshot after `wait`. */
const heldJob: FieldCalls = {
  reads: [],
  provides: (args) => (args.wait === null || args.wait === undefined ? [] : [READS.jobDetail]),
};

/**
 * Blocks of a record's instances beyond the first (which the record's state and groups come from): a window of at
 * most MAX_PAGE_SIZE instances starting after a cursor spans at most two blocks.
 */
const laterDetailBlocks = perObject('later detail blocks', {
  keyedBy: 'arguments',
  calls: (args) => (args.after === null || args.after === undefined ? 0 : 2),
});

/** The `Manager` fields both the detail and the list entry carry: free when either is held. */
const managerSharedField = reads(perObject(READS.managerDetail, { unlessProvided: [READS.managerSummary] }));

/** The `Manager` fields only the list entry carries; its company comes from the detail when not known. */
const managerSummaryField = reads(
  perObject(READS.managerDetail, { unlessProvided: [READS.managerSummary] }),
  perObject(READS.managerSummary),
);

const PAYLOAD_CERTIFICATE_FIELDS = [
  'CertificateAliasUpdatePayload.certificate',
  'CertificateApplyPayload.certificate',
  'CertificateAuditCancelPayload.certificate',
  'CertificateCompletePayload.certificate',
  'CertificateConfirmationLetterUploadPayload.certificate',
  'CertificateContentReplacePayload.certificate',
  'CertificateDomainVerificationCheckPayload.certificate',
  'CertificateInformationCommitPayload.certificate',
  'CertificateInformationSubmitLegacyPayload.certificate',
  'CertificateInformationSubmitPayload.certificate',
  'CertificateOrderCancelPayload.certificate',
  'CertificateOrderSubmitPayload.certificate',
  'CertificateReissuePayload.certificate',
  'CertificateReissuePayload.originalCertificate',
  'CertificateResubmitPayload.certificate',
  'CertificateRevocationLetterUploadPayload.certificate',
  'CertificateRevokePayload.certificate',
  'CertificateUploadPayload.certificate',
  'CertificateUploadPayload.existingDuplicate',
] as const;

const PAYLOAD_CERTIFICATE_LIST_FIELDS = [
  'CertificateExpiryNotificationUpdatePayload.certificates',
  'CertificateOrderCreateByPackagePayload.certificates',
  'CertificateOrderCreatePayload.certificates',
  'CertificateProjectUpdatePayload.certificates',
] as const;

const PAYLOAD_JOB_FIELDS = [
  'CertificateBindingsRefreshPayload.tasks',
  'CertificateBindingsReplacePayload.updateRecord',
  'CertificateContentReplacePayload.uploadUpdateRecord',
  'CertificateDeletePayload.task',
  'CertificateDeployPayload.deployRecord',
  'CertificatesDeletePayload.tasks',
  'DeployRecordRetryPayload.deployRecord',
  'DeployRecordRollbackPayload.rollbackRecord',
  'DeployRecordRollbackPayload.rolledBackRecord',
  'UpdateRecordRetryPayload.updateRecord',
  'UpdateRecordRollbackPayload.rollbackRecord',
  'UpdateRecordRollbackPayload.updateRecord',
  'UploadUpdateRecordRetryPayload.uploadUpdateRecord',
  'UploadUpdateRecordRollbackPayload.uploadUpdateRecord',
] as const;

/**
 * The fields that make calls, as `Type.field` (an interface's entry covers every type implementing it). Root
 * fields not listed count as one call each (see upstream-call-estimate.ts).
 */
export const FIELD_CALLS: Readonly<Record<string, FieldCalls>> = {
  // Federation: `_entities` costs what its representations' references do (ENTITY_REFERENCE_CALLS).
  'Query._entities': { reads: [] },
  'Query._service': { reads: [] },
  // Query. Listings are cached per request under their arguments; `certificate(id:)` lookups are batched
  // together, up to 50 IDs per DescribeCertificates call (certificates.ts).
  'Query.certificates': reads(listing('DescribeCertificates')),
  'Query.certificate': reads(certificateById),
  'Query.operationLogs': reads(listing('DescribeCertificateOperateLogs')),
  'Query.cloudResources': reads(listing('Describe*Instances')),
  'Query.companies': reads(listing('DescribeCompanies')),
  // A batch of company IDs first reads the company list, then each company it lacked (accounts.ts).
  'Query.company': reads(perObject('DescribeCompanies by ID', { keyedBy: 'arguments', calls: 2 })),
  'Query.manager': {
    reads: [perObject(READS.managerDetail, { keyedBy: 'arguments' })],
    provides: [READS.managerDetail],
  },
  'Query.packages': reads(listing('DescribePackages')),
  'Query.package': reads(perObject('DescribePackages by ID', { keyedBy: 'arguments' })),
  'Query.certificateExists': reads(listing('CheckCertificateExist')),
  'Query.certificateChainCheck': reads(listing('CheckCertificateChain')),
  'Query.job': { reads: [perObject(READS.jobDetail, { keyedBy: 'arguments' })], provides: [READS.jobDetail] },
  'Query.deployRecord': {
    reads: [perObject(READS.jobDetail, { keyedBy: 'arguments' })],
    provides: [READS.jobDetail],
  },
  'Query.bindResourceTask': {
    reads: [perObject(READS.jobDetail, { keyedBy: 'arguments' })],
    provides: [READS.jobDetail],
  },
  // Without `wait`, the record is found as its listing entry: its first detail block, then the listing walk.
  'Query.updateRecord': {
    reads: [perObject(READS.jobDetail, { keyedBy: 'arguments', calls: (args) => (args.wait ? 1 : 2) })],
    provides: (args) => (args.wait ? [READS.jobDetail] : [READS.jobDetail, READS.recordSummary]),
  },
  'Query.uploadUpdateRecord': {
    reads: [perObject(READS.jobDetail, { keyedBy: 'arguments', calls: (args) => (args.wait ? 1 : 2) })],
    provides: (args) => (args.wait ? [READS.jobDetail] : [READS.jobDetail, READS.recordSummary]),
  },
  'Subscription.jobProgress': {
    reads: [perObject(READS.jobDetail, { keyedBy: 'arguments' })],
    provides: [READS.jobDetail],
  },

  // Certificate: one DescribeCertificateDetail per certificate for every detail field (certificate-details.ts).
  'Certificate.certificatePem': reads(perObject(READS.certificateDetail)),
  'Certificate.privateKeyPem': reads(perObject(READS.certificateDetail)),
  'Certificate.fingerprintSha1': reads(perObject(READS.certificateDetail)),
  'Certificate.rootCertificates': reads(perObject(READS.certificateDetail)),
  'Certificate.smEncryptionCertificate': reads(perObject(READS.certificateDetail)),
  'Certificate.x509': reads(perObject(READS.certificateDetail)),
  'Certificate.application': reads(certificateOrder),
  'Certificate.purchase': { reads: [], sameObject: true },
  'Certificate.hosting': { reads: [], sameObject: true },
  'Certificate.domainValidation': { reads: [], sameObject: true },
  'CertificatePurchase.orderId': reads(certificateOrder),
  'CertificatePurchase.validationLevel': reads(perObject(READS.certificateDetail)),
  'CertificatePurchase.domainCoverage': reads(perObject(READS.certificateDetail)),
  'CertificateDomainValidation.records': reads(certificateOrder),
  'CertificateDomainValidation.revocationRecords': reads(certificateOrder),
  'Certificate.archive': reads(perObject('DownloadCertificate')),
  'Certificate.downloadLink': reads(listing('DescribeDownloadCertificateUrl')),
  // The manager ID is on the list entry; the manager detail, one call per manager, also carries the company.
  'Certificate.manager': { reads: [perObject(READS.managerDetail)], provides: [READS.managerDetail] },
  'Certificate.company': reads(perObject(READS.managerDetail)),
  'Certificate.renewedFrom': reads(certificateById),
  'Certificate.renewal': reads(certificateById),
  'Certificate.replaces': reads(certificateById),
  'Certificate.replacedBy': reads(certificateById),
  'CertificateHosting.renewal': reads(certificateById),
  // Relations: the API reads them for one certificate per call, so a page of N certificates costs N calls each.
  'Certificate.deployRecords': {
    reads: [listing('DescribeHostDeployRecord')],
    provides: [READS.recordSummary],
  },
  'Certificate.installationRecords': {
    reads: [listing('DescribeHostUpdateRecord')],
    provides: [READS.recordSummary],
  },
  'Certificate.replacementRecords': {
    reads: [listing('DescribeHostUpdateRecord')],
    provides: [READS.recordSummary],
  },
  'Certificate.contentReplacementRecords': {
    reads: [listing('DescribeHostUploadUpdateRecord')],
    provides: [READS.recordSummary],
  },
  'Certificate.deployTargets': reads(listing('Describe*Instances')),
  // The account's whole log window, read once per request and window, whatever the page: the upstream cannot
  // filter it by certificate (operation-logs.ts). Windows of more than 100 entries take one call per 100.
  'Certificate.operationLogs': reads({
    kind: 'per-operation',
    read: 'DescribeCertificateOperateLogs (window)',
    keyedBy: ['since', 'until'],
  }),
  // Up to 50 certificates per call, one call per resource type asked for (cloud-resources.ts).
  'Certificate.deployedResources': reads({
    kind: 'batched',
    read: 'DescribeDeployedResources',
    batchSize: MAX_CERTIFICATES_PER_DEPLOYED_RESOURCES_CALL,
    keyedBy: 'arguments',
  }),
  'CertificateExistence.certificate': reads(certificateById),
  'OperationLog.certificate': reads(certificateById),

  // Managers: the detail and the list entry each hold some fields (manager.ts); a manager reached through a
  // certificate holds the detail, one reached through its company the list entry.
  'Manager.firstName': managerSharedField,
  'Manager.lastName': managerSharedField,
  'Manager.email': managerSharedField,
  'Manager.phone': managerSharedField,
  'Manager.position': managerSharedField,
  'Manager.department': managerSharedField,
  'Manager.createdAt': managerSharedField,
  'Manager.expiresAt': managerSharedField,
  'Manager.verifiedAt': managerSharedField,
  'Manager.verifications': managerSharedField,
  'Manager.company': reads(perObject(READS.managerDetail)),
  'Manager.contact': reads(perObject(READS.managerDetail)),
  'Manager.status': managerSummaryField,
  'Manager.certificateCount': managerSummaryField,
  'Manager.domainCount': managerSummaryField,
  'Manager.submittedForReviewAt': managerSummaryField,
  'Company.managers': { reads: [listing('DescribeManagers')], provides: [READS.managerSummary] },
  'ManagerAuditSubmitPayload.manager': {
    reads: [perObject(READS.managerDetail)],
    provides: [READS.managerDetail],
  },
  'ManagerVerifyPayload.manager': {
    reads: [perObject(READS.managerDetail)],
    provides: [READS.managerDetail],
  },

  // Jobs: a value from a listing loads its state (one call per record: the detail action reads one record, and
  // one unknown task ID makes the batched task read fall back to one call per task).
  'Job.status': reads(perObject(READS.jobDetail)),
  'Job.isFinished': reads(perObject(READS.jobDetail)),
  'Job.progress': reads(perObject(READS.jobDetail)),
  'Job.startedAt': reads(perObject(READS.jobDetail)),
  'Job.finishedAt': reads(perObject(READS.jobDetail)),
  'DeployRecord.instances': reads(perObject(READS.jobDetail), laterDetailBlocks),
  'DeployRecord.resourceType': reads(...recordSummaryReads),
  'DeployRecord.region': reads(...recordSummaryReads),
  'DeployRecord.certificate': reads(...recordSummaryReads, certificateById),
  'DeployRecordInstance.certificate': reads(certificateById),
  'DeployRecordInstance.oldCertificate': reads(certificateById),
  'UpdateRecord.resourceGroups': { reads: [perObject(READS.jobDetail)], provides: [READS.jobDetail] },
  'UpdateRecord.certificate': reads(...recordSummaryReads, certificateById),
  'UpdateRecord.oldCertificate': reads(...recordSummaryReads, certificateById),
  'UpdateRecord.updateStatus': reads(...recordSummaryReads),
  'UpdateRecord.resourceTypes': reads(...recordSummaryReads),
  'UpdateRecord.regions': reads(...recordSummaryReads),
  'UpdateRecord.createdAt': reads(...recordSummaryReads),
  'UpdateRecord.updatedAt': reads(...recordSummaryReads),
  'UpdateRecordResourceGroup.instances': reads(laterDetailBlocks),
  'UploadUpdateRecord.phases': { reads: [perObject(READS.jobDetail)], provides: [READS.jobDetail] },
  'UploadUpdateRecord.isRolledBack': reads(perObject(READS.jobDetail)),
  'UploadUpdateRecord.certificate': reads(...recordSummaryReads, certificateById),
  'UploadUpdateRecord.updateStatus': reads(...recordSummaryReads),
  'UploadUpdateRecord.resourceTypes': reads(...recordSummaryReads),
  'UploadUpdateRecord.createdAt': reads(...recordSummaryReads),
  'UploadUpdateRecord.updatedAt': reads(...recordSummaryReads),
  'UploadUpdateResourceGroup.instances': reads(laterDetailBlocks),
  'BindResourceTask.queryStatus': reads(perObject(READS.jobDetail)),
  'BindResourceTask.cachedAt': reads(perObject(READS.jobDetail)),
  'BindResourceTask.error': reads(perObject(READS.jobDetail)),
  'BindResourceTask.results': reads(perObject(READS.jobDetail)),
  'BindResourceTask.certificate': reads(certificateById),
  // One call for a region (or a type that is not regional); a later window over every region of a regional type
  // asks each region for what it still needs (bind-resource-task-resources.ts). TCB first reads the task result.
  'BindResourceTask.resources': reads(
    perObject(READS.jobDetail, { calls: (args) => (args.resourceType === 'tcb' ? 1 : 0) }),
    perObject('DescribeCertificateBindResourceTaskDetail', {
      keyedBy: 'arguments',
      calls: (args) =>
        (args.region === null || args.region === undefined) && args.after !== null && args.after !== undefined
          ? 1 + SSL_API_REGIONS.length
          : 1,
    }),
  ),
  'CertificateDeleteTask.certificateId': reads(perObject(READS.jobDetail)),
  'CertificateDeleteTask.certificate': reads(perObject(READS.jobDetail), certificateById),
  'CertificateDeleteTask.outcome': reads(perObject(READS.jobDetail)),
  'CertificateDeleteTask.error': reads(perObject(READS.jobDetail)),
  'CertificateDeleteTask.domains': reads(perObject(READS.jobDetail)),

  // Cloud resources name the certificates they serve; those are looked up by ID, batched.
  'CloudResource.certificate': reads(certificateById),
  'CloudResource.boundCertificates': reads(certificatesById),
  'ClbListener.certificate': reads(certificateById),
  'ClbListener.clientCaCertificate': reads(certificateById),
  'ClbListenerRule.certificate': reads(certificateById),
  'ClbListenerRule.clientCaCertificate': reads(certificateById),
  'TkeSecret.certificate': reads(certificateById),
  'TcbAccessDomain.certificate': reads(certificateById),
  'TcbHostingDomain.certificate': reads(certificateById),
  'TseGatewayCertificate.certificate': reads(certificateById),

  // Mutation payloads: the changed certificates by ID, the records and tasks as the mutation returned them.
  ...Object.fromEntries(PAYLOAD_CERTIFICATE_FIELDS.map((field) => [field, reads(certificateById)])),
  ...Object.fromEntries(PAYLOAD_CERTIFICATE_LIST_FIELDS.map((field) => [field, reads(certificatesById)])),
  ...Object.fromEntries(PAYLOAD_JOB_FIELDS.map((field) => [field, heldJob])),
};

/**
 * How federation's `_entities` resolves a representation of each entity type (federation.ts): certificates through
 * the batched by-ID loader; companies through one listing of the account's companies for the batch, then, at
 * worst (a listing that cannot hold them all), one filtered call each (accounts.ts `companyById`); the others one
 * call each. Packages are not batched: DescribePackages filters by one PackageId and documents no maximum Limit,
 * and an account's packages grow with every purchase, so no listing call is sure to hold the ones asked for.
 */
export const ENTITY_REFERENCE_CALLS: Readonly<Record<string, FieldCalls>> = {
  Certificate: reads(certificateById),
  Manager: { reads: [perObject(READS.managerDetail)], provides: [READS.managerDetail] },
  Company: reads(
    { kind: 'per-operation', read: 'DescribeCompanies (listing for a batch by ID)', keyedBy: [] },
    perObject('DescribeCompanies by ID'),
  ),
  Package: reads(perObject('DescribePackages by ID')),
  DeployRecord: { reads: [perObject(READS.jobDetail)], provides: [READS.jobDetail] },
};

/** The entry of `type.field`, or of the interface of `type` that declares the field. */
export function fieldCallsOf(type: GraphQLObjectType, fieldName: string): FieldCalls | undefined {
  const own = FIELD_CALLS[`${type.name}.${fieldName}`];
  if (own !== undefined) return own;
  for (const implemented of type.getInterfaces()) {
    const inherited = FIELD_CALLS[`${implemented.name}.${fieldName}`];
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}
