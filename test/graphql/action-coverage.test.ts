import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import type { CertificateRecord } from '../../src/emulator/store/certificates.ts';
import { DELETE_TASK_DURATION_MS } from '../../src/emulator/store/delete-tasks.ts';
import type { JobItem } from '../../src/emulator/store/job-progress.ts';
import {
  type DeployTarget,
  domainsMatchCertificate,
  type ResourceType as EmulatorResourceType,
} from '../../src/emulator/store/resources.ts';
import { SSL_ACTION_NAMES } from '../../src/ssl/actions.ts';
import {
  type CertificateProduct,
  CoverageAuditCancelDocument,
  CoverageBindingsRefreshDocument,
  CoverageBindingsReplaceDocument,
  CoverageBindResourceTaskDocument,
  CoverageCertificateAliasUpdateDocument,
  CoverageCertificateApplyDocument,
  CoverageCertificateChecksDocument,
  CoverageCertificateCompleteDocument,
  CoverageCertificateDeleteDocument,
  CoverageCertificateDeployDocument,
  CoverageCertificateDetailDocument,
  CoverageCertificateExpiryNotificationUpdateDocument,
  CoverageCertificatePageDocument,
  CoverageCertificateProjectUpdateDocument,
  CoverageCertificateReissueDocument,
  CoverageCertificateRevokeDocument,
  CoverageCertificatesDeleteDocument,
  CoverageCertificateUploadDocument,
  CoverageCloudResourcesDocument,
  CoverageCompaniesWithManagersDocument,
  CoverageConfirmationLetterUploadDocument,
  CoverageContentReplaceDocument,
  CoverageDeployRecordDocument,
  CoverageDeployRecordRetryDocument,
  CoverageDeployRecordRollbackDocument,
  CoverageDomainValidationDocument,
  CoverageDomainVerificationCheckDocument,
  CoverageInformationCommitDocument,
  CoverageInformationSubmitDocument,
  CoverageInformationSubmitLegacyDocument,
  CoverageJobDocument,
  CoverageManagerAuditSubmitDocument,
  CoverageManagerDeleteDocument,
  CoverageManagerDocument,
  CoverageManagerVerifyDocument,
  CoverageOperationLogsDocument,
  CoverageOrderCancelDocument,
  CoverageOrderCreateByPackageDocument,
  CoverageOrderCreateDocument,
  CoverageOrderSubmitDocument,
  CoveragePackagesDocument,
  CoverageResubmitDocument,
  CoverageRevocationLetterUploadDocument,
  CoverageUpdateRecordDocument,
  CoverageUpdateRecordRetryDocument,
  CoverageUpdateRecordRollbackDocument,
  CoverageUploadUpdateRecordDocument,
  CoverageUploadUpdateRecordRetryDocument,
  CoverageUploadUpdateRecordRollbackDocument,
  type ResourceType,
} from '../generated/graphql.ts';
import { OV_APPLICANT, pdfLetter } from './support/applicant.ts';
import { execute } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// Every one of the 68 SSL API actions, reached through the graph alone: one gateway over one seeded emulator,
// a sequence of typed operations (test/graphql/operations/coverage/), then the emulator's own count of what it
// executed. An action missing here is either unreachable from the graph or lost its only path through it.

const DAY_MS = 24 * 60 * 60 * 1000;
/** Emulated time DV validation of a free certificate needs before the CA can issue it. */
const DOMAIN_VALIDATION_MS = 5 * 60 * 1000;
/** Emulated time the emulator takes to create an update task (DeployRecordId 0 until then). */
const UPDATE_CREATION_MS = 1500;
/** Comfortably more emulated time than any deployment, update or content replacement needs to finish. */
const JOB_SETTLE_MS = 20_000;
/** A wait that returns at once for a job that finished (the clock was stepped first), bounded otherwise. */
const FINISHED_JOB_WAIT = { timeoutSeconds: 10, pollIntervalMs: 5 } as const;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ gateway: { jobPolling: { minIntervalMs: 5, defaultIntervalMs: 20 } } });
});
afterAll(async () => {
  await stack?.close();
});

function operationName(document: TypedDocumentNode<unknown, unknown>): string {
  return getOperationAST(document)?.name?.value ?? 'anonymous operation';
}

/** Runs one typed operation and fails on any GraphQL error, naming the operation. */
async function run<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const result = await execute(stack.gateway, document, variables);
  const name = operationName(document as TypedDocumentNode<unknown, unknown>);
  expect(result.errors, `${name} answered GraphQL errors`).toBeUndefined();
  if (result.data === null || result.data === undefined) throw new Error(`${name} answered no data`);
  return result.data;
}

interface PayloadWithUserErrors {
  readonly userErrors: ReadonlyArray<{ readonly code: string; readonly message: string }>;
}

/** A mutation payload the upstream accepted: present (the mutation raised no error), with no userErrors. */
function accepted<Payload extends PayloadWithUserErrors>(payload: Payload | null): Payload {
  if (payload === null) throw new Error('the mutation answered null: it failed with an error');
  expect(payload.userErrors).toEqual([]);
  return payload;
}

function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

// --- Picking seeded data -----------------------------------------------------------------------------------

/** Certificates an earlier step claimed (changed, deleted, deployed...), so later steps pick others. */
const claimed = new Set<string>();

function claim(what: string, matches: (record: CertificateRecord) => boolean): CertificateRecord {
  const record = stack.emulator.state.certificates
    .all()
    .find((candidate) => !claimed.has(candidate.id) && matches(candidate));
  if (record === undefined) throw new Error(`the seed has no certificate left that is ${what}`);
  claimed.add(record.id);
  return record;
}

function isIssuedServerCertificate(record: CertificateRecord): boolean {
  const now = stack.emulator.clock.now();
  return (
    record.status === 1 &&
    record.certificateType === 'SVR' &&
    record.certificatePem !== null &&
    !record.isSm &&
    record.certEndTime !== null &&
    record.certEndTime > now
  );
}

function isBound(record: CertificateRecord): boolean {
  return stack.emulator.state.resources.isCertificateBound(record.id);
}

function boundTo(record: CertificateRecord, type: EmulatorResourceType, legacy: boolean): boolean {
  return stack.emulator.state.resources
    .boundTargets(record.id, stack.emulator.clock.now())
    .some((target) => target.resourceType === type && isLegacy(target) === legacy);
}

/** The emulator fails the first deployment attempt on instances named "legacy" (see job-progress.ts). */
function isLegacy(target: DeployTarget): boolean {
  return /legacy/i.test(`${target.instanceId} ${target.instanceName}`);
}

function hasLegacyItem(items: readonly JobItem[]): boolean {
  return items.some((item) => isLegacy(item.target));
}

/** A fresh certificate for `domain` with its key, from the emulator's own CA. */
function leafFor(domain: string): { certificatePem: string; privateKeyPem: string } {
  const now = stack.emulator.clock.now();
  const issued = issueLeafCertificate({
    domain,
    subjectAltNames: [],
    notBefore: now - DAY_MS,
    notAfter: now + 90 * DAY_MS,
  });
  return {
    certificatePem: issued.certificatePem,
    privateKeyPem: required(issued.privateKeyPem, 'the generated private key'),
  };
}

const GRAPH_RESOURCE_TYPE: Readonly<Record<EmulatorResourceType, ResourceType>> = {
  clb: 'CLB',
  cdn: 'CDN',
  waf: 'WAF',
  live: 'LIVE',
  ddos: 'DDOS',
  vod: 'VOD',
  tke: 'TKE',
  apigateway: 'APIGATEWAY',
  tcb: 'TCB',
  teo: 'TEO',
  cos: 'COS',
  lighthouse: 'LIGHTHOUSE',
  tse: 'TSE',
};

/** Every type Query.cloudResources can list (TSE and TCB have no list action upstream). */
const LISTABLE_RESOURCE_TYPES: readonly ResourceType[] = [
  'CLB',
  'CDN',
  'COS',
  'TKE',
  'TEO',
  'DDOS',
  'APIGATEWAY',
  'LIGHTHOUSE',
  'LIVE',
  'VOD',
  'WAF',
];

async function orderCreate(product: CertificateProduct): Promise<string> {
  const { certificateOrderCreate } = await run(CoverageOrderCreateDocument, {
    input: { product, domainCount: 1, years: 1 },
  });
  const [certificate] = required(accepted(certificateOrderCreate).certificates, 'ordered certificates');
  return required(certificate, 'the ordered certificate').id;
}

// --- The sequence ------------------------------------------------------------------------------------------

describe('every SSL API action through the graph', () => {
  it('reads certificates: list, detail page, validation records, checks and the account log', async () => {
    // 40 rows: each row's manager status may cost two calls, and 50 would be over the upstream-call limit.
    const { certificates } = await run(CoverageCertificatePageDocument, { first: 40 });
    expect(certificates.edges.length).toBeGreaterThan(0);
    expect(certificates.edges.some((edge) => edge.node.manager !== null)).toBe(true);

    const issued = claim('issued with a PEM', isIssuedServerCertificate);
    const { certificate } = await run(CoverageCertificateDetailDocument, { id: issued.id });
    expect(certificate?.certificatePem).toBe(issued.certificatePem);
    expect(certificate?.archive?.contentType).toMatch(/zip/);
    expect(certificate?.downloadLink?.url).toMatch(/^https?:\/\//);

    const pending = stack.emulator.state.certificates
      .all()
      .find((record) => record.dvAuths.length > 0 && record.from !== 'upload');
    const validation = await run(CoverageDomainValidationDocument, {
      id: required(pending, 'a certificate awaiting validation').id,
    });
    expect(validation.certificate?.domainValidation?.records.length).toBeGreaterThan(0);

    const checks = await run(CoverageCertificateChecksDocument, {
      pem: required(issued.certificatePem, 'PEM'),
    });
    expect(checks.certificateExists.exists).toBe(true);
    expect(checks.certificateChainCheck.commonNames.length).toBeGreaterThan(0);

    const { operationLogs } = await run(CoverageOperationLogsDocument, { first: 10 });
    expect(operationLogs.totalCount).toBeGreaterThan(0);
  });

  it('reads companies, managers and packages, and changes managers', async () => {
    const { companies } = await run(CoverageCompaniesWithManagersDocument, { first: 5 });
    expect(companies.edges.flatMap((edge) => edge.node.managers.edges).length).toBeGreaterThan(0);
    const { manager } = await run(CoverageManagerDocument, { id: '1001' });
    expect(manager?.company.id).toBe('2001');
    const { packages } = await run(CoveragePackagesDocument, { filter: { status: 'USABLE' } });
    expect(packages.totalCount).toBeGreaterThan(0);

    // Seeded managers in the states each mutation accepts: never submitted, rejected, expired.
    const deleted = await run(CoverageManagerDeleteDocument, { input: { id: '1008' } });
    expect(accepted(deleted.managerDelete).deletedManagerId).toBe('1008');
    const submitted = await run(CoverageManagerAuditSubmitDocument, { input: { id: '1005' } });
    expect(accepted(submitted.managerAuditSubmit).manager?.status).toBe('REVIEWING');
    const verified = await run(CoverageManagerVerifyDocument, { input: { id: '1007' } });
    expect(accepted(verified.managerVerify).manager?.status).toBe('REVIEWING');
  });

  it('lists the cloud resources of every listable type', async () => {
    // EdgeOne lists only against the certificate to deploy, and only the domains that certificate covers.
    const { state } = stack.emulator;
    const edgeOneDomains = state.resources.targets('teo').map((target) => target.domains);
    const coversEdgeOne = required(
      state.certificates
        .all()
        .find(
          (record) =>
            isIssuedServerCertificate(record) &&
            edgeOneDomains.some((domains) => domainsMatchCertificate(domains, record.subjectAltNames)),
        ),
      'an issued certificate covering an EdgeOne domain',
    );
    const emptyTypes: ResourceType[] = [];
    for (const type of LISTABLE_RESOURCE_TYPES) {
      const { cloudResources } = await run(CoverageCloudResourcesDocument, {
        type,
        deployableFor: type === 'TEO' ? coversEdgeOne.id : null,
      });
      if (cloudResources.edges.length === 0) emptyTypes.push(type);
    }
    expect(emptyTypes, 'resource types that listed no instance').toEqual([]);
  });

  it('uploads a certificate, renames it, moves it, switches its notifications and deletes it', async () => {
    const leaf = leafFor('coverage-upload.example.com');
    const uploaded = await run(CoverageCertificateUploadDocument, {
      input: { certificatePem: leaf.certificatePem, privateKeyPem: leaf.privateKeyPem, alias: 'coverage' },
    });
    const id = required(accepted(uploaded.certificateUpload).certificate, 'the uploaded certificate').id;
    claimed.add(id);

    const renamed = await run(CoverageCertificateAliasUpdateDocument, {
      input: { id, alias: 'coverage renamed' },
    });
    expect(accepted(renamed.certificateAliasUpdate).certificate?.alias).toBe('coverage renamed');
    const moved = await run(CoverageCertificateProjectUpdateDocument, {
      input: { ids: [id], projectId: '7' },
    });
    expect(accepted(moved.certificateProjectUpdate).certificates).toEqual([{ id, projectId: '7' }]);
    const silenced = await run(CoverageCertificateExpiryNotificationUpdateDocument, {
      input: { ids: [id], enabled: false },
    });
    expect(accepted(silenced.certificateExpiryNotificationUpdate).certificates).toEqual([
      { id, isExpiringNotificationEnabled: false },
    ]);

    const deleted = await run(CoverageCertificateDeleteDocument, { input: { id } });
    expect(accepted(deleted.certificateDelete).deleted).toBe(true);
  });

  it('deletes a certificate after checking its bindings, following the task as a job', async () => {
    const unbound = claim('uploaded and unbound', (record) => record.from === 'upload' && !isBound(record));
    const started = await run(CoverageCertificatesDeleteDocument, {
      input: { ids: [unbound.id], async: true },
    });
    const [task] = required(accepted(started.certificatesDelete).tasks, 'delete tasks');
    stack.emulator.clock.advance(DELETE_TASK_DURATION_MS + 100);
    const { job } = await run(CoverageJobDocument, {
      kind: 'CERTIFICATE_DELETE_TASK',
      id: required(task, 'the delete task').id,
      wait: FINISHED_JOB_WAIT,
    });
    expect(job).toMatchObject({ __typename: 'CertificateDeleteTask', status: 'SUCCEEDED', isFinished: true });
  });

  it('takes a free certificate through validation, issue, reissue and revocation', async () => {
    const dns = await run(CoverageCertificateApplyDocument, {
      input: { domain: 'coverage-dns.example.com', validationMethod: 'DNS' },
    });
    const dnsId = required(accepted(dns.certificateApply).certificate, 'the DNS application').id;
    const file = await run(CoverageCertificateApplyDocument, {
      input: { domain: 'coverage-file.example.com', validationMethod: 'FILE' },
    });
    const fileId = required(accepted(file.certificateApply).certificate, 'the file application').id;
    stack.emulator.clock.advance(DOMAIN_VALIDATION_MS);

    const checked = await run(CoverageDomainVerificationCheckDocument, { input: { id: dnsId } });
    expect(accepted(checked.certificateDomainVerificationCheck).certificate?.status).toBe('ISSUED');
    const completed = await run(CoverageCertificateCompleteDocument, { input: { id: fileId } });
    expect(accepted(completed.certificateComplete).certificate?.status).toBe('ISSUED');

    const reissued = await run(CoverageCertificateReissueDocument, {
      input: { id: dnsId, validationMethod: 'DNS', reason: 'key rotation' },
    });
    expect(accepted(reissued.certificateReissue).certificate?.status).toBe('REISSUING');
    const revoked = await run(CoverageCertificateRevokeDocument, { input: { id: dnsId, reason: 'retired' } });
    expect(accepted(revoked.certificateRevoke).certificate?.status).toBe('REVOKING');
  });

  it('revokes an OV certificate once its revocation letter is uploaded', async () => {
    const issuedOv = claim(
      'an issued, unbound OV/EV certificate',
      (record) =>
        record.status === 1 && record.certType !== 'DV' && record.from !== 'upload' && !isBound(record),
    );
    const revoked = await run(CoverageCertificateRevokeDocument, { input: { id: issuedOv.id } });
    expect(accepted(revoked.certificateRevoke).certificate?.status).toBe('REVOCATION_LETTER_REQUIRED');
    const uploaded = await run(CoverageRevocationLetterUploadDocument, {
      input: { id: issuedOv.id, letter: pdfLetter(2048) },
    });
    expect(accepted(uploaded.certificateRevocationLetterUpload).certificate?.status).toBe('REVOKING');
  });

  it('orders paid certificates and takes them through the CA review', async () => {
    const manager = required(
      stack.emulator.state.accounts.listManagers().find((candidate) => candidate.status === 'ok'),
      'an approved manager',
    );
    const preAudited = await orderCreate('GEOTRUST_OV');
    const filledIn = await run(CoverageInformationSubmitDocument, {
      input: {
        id: preAudited,
        commonName: 'coverage-shop.example.com',
        csr: { generatedKey: { keyType: 'RSA_2048' } },
        applicantType: 'COMPANY',
        managerId: String(manager.id),
        validationMethod: 'DNS',
      },
    });
    accepted(filledIn.certificateInformationSubmit);
    const sent = await run(CoverageOrderSubmitDocument, {
      input: { id: preAudited, validationMethod: 'DNS' },
    });
    expect(accepted(sent.certificateOrderSubmit).certificate?.status).toBe('REVIEWING');

    // Without a manager the CA waits for a confirmation letter.
    const withLetters = await orderCreate('TRUSTASIA_OV_D3');
    accepted(
      (
        await run(CoverageInformationSubmitDocument, {
          input: {
            id: withLetters,
            commonName: 'coverage-letters.example.com',
            csr: { generatedKey: {} },
            ...OV_APPLICANT,
          },
        })
      ).certificateInformationSubmit,
    );
    const waiting = await run(CoverageOrderSubmitDocument, {
      input: { id: withLetters, validationMethod: 'DNS' },
    });
    expect(accepted(waiting.certificateOrderSubmit).certificate?.status).toBe('CONFIRMATION_LETTER_REQUIRED');
    const letter = await run(CoverageConfirmationLetterUploadDocument, {
      input: { id: withLetters, letter: pdfLetter(4096) },
    });
    expect(accepted(letter.certificateConfirmationLetterUpload).certificate?.status).toBe('REVIEWING');
    const cancelled = await run(CoverageAuditCancelDocument, { input: { id: withLetters } });
    expect(accepted(cancelled.certificateAuditCancel).certificate?.status).toBe('CANCELLED');
    const resubmitted = await run(CoverageResubmitDocument, { input: { id: withLetters } });
    accepted(resubmitted.certificateResubmit);

    const abandoned = await orderCreate('GEOTRUST_OV');
    const orderCancelled = await run(CoverageOrderCancelDocument, { input: { id: abandoned } });
    expect(accepted(orderCancelled.certificateOrderCancel).certificate?.status).toBe('CANCELLING');
  });

  it('orders from package points and through the legacy submit and commit actions', async () => {
    const usable = required(
      stack.emulator.state.accounts
        .listPackages()
        .find((candidate) => candidate.status === 'usable' && candidate.balance >= 1),
      'a package with points',
    );
    const byPackage = await run(CoverageOrderCreateByPackageDocument, {
      input: {
        packageIds: [usable.id],
        product: 'WOTRUS_DV',
        domainCount: 1,
        years: 1,
        domains: ['coverage-package.example.com'],
        validationMethod: 'DNS',
      },
    });
    expect(accepted(byPackage.certificateOrderCreateByPackage).certificates).toHaveLength(1);

    const legacy = await orderCreate('DNSPOD_DV');
    const submitted = await run(CoverageInformationSubmitLegacyDocument, {
      input: {
        id: legacy,
        commonName: 'coverage-legacy.example.com',
        csr: { generatedKey: {} },
        organization: OV_APPLICANT.organization,
        administrator: OV_APPLICANT.administrator,
        technicalContact: OV_APPLICANT.technicalContact,
        isDomainValidated: true,
      },
    });
    accepted(submitted.certificateInformationSubmitLegacy);
    const committed = await run(CoverageInformationCommitDocument, {
      input: { id: legacy, validationMethod: 'DNS' },
    });
    expect(accepted(committed.certificateInformationCommit).certificate?.status).toBe('REVIEWING');
  });

  it('finds the resources a certificate is bound to', async () => {
    const onClb = claim('bound to a CLB', (record) => boundTo(record, 'clb', false));
    const started = await run(CoverageBindingsRefreshDocument, {
      input: { certificateIds: [onClb.id], useCache: false },
    });
    const [task] = required(accepted(started.certificateBindingsRefresh).tasks, 'bind resource tasks');
    stack.emulator.clock.advance(BIND_TASK_QUERY_MS + 100);
    const { bindResourceTask } = await run(CoverageBindResourceTaskDocument, {
      id: required(task, 'the bind resource task').id,
      wait: FINISHED_JOB_WAIT,
    });
    expect(bindResourceTask).toMatchObject({ status: 'SUCCEEDED', isFinished: true });
    expect(bindResourceTask?.resources.totalCount).toBeGreaterThan(0);
  });

  it('deploys a certificate, waits for it, retries a failed deployment and rolls it back', async () => {
    const { state } = stack.emulator;
    const seededFailure = required(
      state.jobs.deployRecords.find((record) => hasLegacyItem(record.items)),
      'a seeded deployment with a failed instance',
    );
    const nonRegional = ['cdn', 'vod', 'live', 'teo'] as const;
    const pair = nonRegional
      .flatMap((type) => state.resources.targets(type))
      .filter((target) => !isLegacy(target) && target.domains.length > 0)
      .flatMap((target) => {
        const certificate = state.certificates.all().find(
          (record) =>
            !claimed.has(record.id) &&
            isIssuedServerCertificate(record) &&
            domainsMatchCertificate(target.domains, record.subjectAltNames) &&
            // An instance already serving the certificate refuses it (nothing to deploy).
            target.slot.at(stack.emulator.clock.now()) !== record.id,
        );
        return certificate === undefined ? [] : [{ target, certificate }];
      })[0];
    const { target, certificate } = required(pair, 'a deployable certificate and instance');
    claimed.add(certificate.id);

    const deployed = await run(CoverageCertificateDeployDocument, {
      input: {
        certificateId: certificate.id,
        resourceType: GRAPH_RESOURCE_TYPE[target.resourceType],
        instanceIds: [target.instanceId],
      },
    });
    const recordId = required(accepted(deployed.certificateDeploy).deployRecord, 'the deploy record').id;
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const { job } = await run(CoverageJobDocument, {
      kind: 'DEPLOY_RECORD',
      id: recordId,
      wait: FINISHED_JOB_WAIT,
    });
    expect(job).toMatchObject({ __typename: 'DeployRecord', status: 'SUCCEEDED' });
    const { deployRecord } = await run(CoverageDeployRecordDocument, { id: recordId });
    expect(deployRecord?.instances.edges.map((edge) => edge.node.instanceId)).toEqual([target.instanceId]);

    const failedId = String(seededFailure.id);
    const retried = await run(CoverageDeployRecordRetryDocument, { input: { deployRecordId: failedId } });
    accepted(retried.deployRecordRetry);
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const rolledBack = await run(CoverageDeployRecordRollbackDocument, {
      input: { deployRecordId: failedId },
    });
    expect(accepted(rolledBack.deployRecordRollback).rolledBackRecord?.id).toBe(failedId);
  });

  it('replaces a certificate on the resources serving it, retries a failed update and rolls it back', async () => {
    const { state } = stack.emulator;
    const seededFailure = required(
      state.jobs.updateRecords.find((record) => hasLegacyItem(record.items)),
      'a seeded update with a failed instance',
    );
    const onCdn = claim(
      'issued and serving a CDN domain',
      (record) => isIssuedServerCertificate(record) && boundTo(record, 'cdn', false),
    );
    const replacement = leafFor(onCdn.domain);
    const input = {
      oldCertificateId: onCdn.id,
      newCertificate: {
        certificatePem: replacement.certificatePem,
        privateKeyPem: replacement.privateKeyPem,
      },
      resourceTypes: ['CDN'] satisfies ResourceType[],
      creationWaitSeconds: 0,
    };
    // The upstream first scans the resources (no record yet); the identical request repeated creates it.
    const pending = await run(CoverageBindingsReplaceDocument, { input });
    expect(accepted(pending.certificateBindingsReplace).isCreationPending).toBe(true);
    stack.emulator.clock.advance(UPDATE_CREATION_MS);
    const created = await run(CoverageBindingsReplaceDocument, { input });
    const recordId = required(
      accepted(created.certificateBindingsReplace).updateRecord,
      'the update record',
    ).id;
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const { updateRecord } = await run(CoverageUpdateRecordDocument, { id: recordId });
    expect(updateRecord).toMatchObject({ isFinished: true, oldCertificate: { id: onCdn.id } });

    const failedId = String(seededFailure.id);
    accepted((await run(CoverageUpdateRecordRetryDocument, { input: { id: failedId } })).updateRecordRetry);
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const rolledBack = await run(CoverageUpdateRecordRollbackDocument, { input: { id: failedId } });
    expect(accepted(rolledBack.updateRecordRollback).updateRecord?.id).toBe(failedId);
  });

  it('replaces a certificate content keeping its ID, retries a failed replacement and rolls it back', async () => {
    const { state } = stack.emulator;
    const seededFailure = required(
      state.jobs.uploadUpdateRecords.find((record) =>
        record.phases.some((phase) => hasLegacyItem(phase.items)),
      ),
      'a seeded content replacement with a failed instance',
    );
    claimed.add(seededFailure.certId);
    const onClb = claim('serving a CLB', (record) => boundTo(record, 'clb', false));
    const content = leafFor(onClb.domain);
    const input = {
      certificateId: onClb.id,
      certificatePem: content.certificatePem,
      privateKeyPem: content.privateKeyPem,
      creationWaitSeconds: 0,
    };
    const pending = await run(CoverageContentReplaceDocument, { input });
    expect(accepted(pending.certificateContentReplace).isCreationPending).toBe(true);
    stack.emulator.clock.advance(UPDATE_CREATION_MS);
    const created = await run(CoverageContentReplaceDocument, { input });
    const recordId = required(
      accepted(created.certificateContentReplace).uploadUpdateRecord,
      'the content replacement record',
    ).id;
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const { uploadUpdateRecord } = await run(CoverageUploadUpdateRecordDocument, { id: recordId });
    expect(uploadUpdateRecord).toMatchObject({ isFinished: true, certificate: { id: onClb.id } });

    const failedId = String(seededFailure.id);
    accepted(
      (await run(CoverageUploadUpdateRecordRetryDocument, { input: { id: failedId } }))
        .uploadUpdateRecordRetry,
    );
    stack.emulator.clock.advance(JOB_SETTLE_MS);
    const rolledBack = await run(CoverageUploadUpdateRecordRollbackDocument, { input: { id: failedId } });
    expect(accepted(rolledBack.uploadUpdateRecordRollback).uploadUpdateRecord).toEqual({
      id: failedId,
      isRolledBack: true,
    });
  });

  it('has executed each of the 68 actions at least once', () => {
    expect(SSL_ACTION_NAMES).toHaveLength(68);
    const missing = SSL_ACTION_NAMES.filter((action) => stack.emulator.stats.countsOf(action).executed === 0);
    expect(missing, `actions the emulator never executed: ${missing.join(', ')}`).toEqual([]);
  });
});
