import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { createCertificateSigningRequest, generateKeyPair } from '../../src/emulator/pki/x509.ts';
import { DELETE_TASK_DURATION_MS } from '../../src/emulator/store/delete-tasks.ts';
import { SSL_ACTION_NAMES, type SslActionName } from '../../src/ssl/actions.ts';
import { callAction, callOk, type EnvelopeResponse, startTestEmulator } from '../support/emulator.ts';
import { LEGACY_APPLICANT } from '../support/legacy-applicant.ts';
import {
  isIssued,
  type ListedCertificate,
  listedCertificates,
  records,
  validRequests,
} from './conformance-requests.ts';
import { recordObservedPaths, unobservedPaths } from './output-paths.ts';
import { conformanceProblems } from './output-schema.ts';

/**
 * Checks every answer of a sweep over the seeded emulator against the spec (all certificates, records,
 * managers, packages and resources; tasks before and after the clock finishes them; every action's valid
 * request; mutations whose answers carry lists), then that every typed output path of the spec carried a value
 * in at least one answer, so that no part of the documented shape goes unchecked.
 */

/**
 * Output paths the seeded account cannot fill, outermost first (a path listed here covers what lies below it).
 * Each needs its reason; a path listed here that an answer does fill fails the guard, so the list cannot go stale.
 */
const PATHS_THE_SEED_CANNOT_FILL: Readonly<Record<string, string>> = {
  'DescribeCertificate.VulnerabilityReport': 'vulnerability scanning is not emulated (IsVulnerability false)',
  'DescribeCertificateDetail.VulnerabilityReport': 'vulnerability scanning is not emulated',
  'DescribeCertificateDetail.RootCert.Sign': 'SM (国密) dual certificates are not emulated: no signing root',
  'DescribeCertificateDetail.RootCert.Encrypt': 'SM dual certificates are not emulated: no encryption root',
  'DescribeCertificateDetail.EncryptCert': 'SM dual certificates are not emulated: no encryption certificate',
  'DescribeCertificateDetail.EncryptPrivateKey': 'SM dual certificates are not emulated: no encryption key',
  'DescribeCertificateDetail.EncryptCertFingerprint': 'SM dual certificates are not emulated',
  'DescribeCertificates.Certificates[].BoundResource':
    'documented as not available yet (暂不可用): always empty',
  'DescribeManagers.Managers[].Tags': 'no action tags a manager, and the seed tags companies only',
  // A bind task lists what is bound; it has no candidate certificate to compare the domains with.
  'DescribeCertificateBindResourceTaskDetail.CLB[].InstanceList[].Listeners[].Rules[].NoMatchDomains':
    'no candidate certificate in a bind task: always empty',
  'DescribeCertificateBindResourceTaskDetail.CLB[].InstanceList[].Listeners[].NoMatchDomains':
    'no candidate certificate in a bind task: always empty',
  'DescribeCertificateBindResourceTaskDetail.TKE[].InstanceList[].NamespaceList[].SecretList[].NoMatchDomains':
    'no candidate certificate in a bind task: always empty',
  'DescribeCertificateBindResourceTaskDetail.TCB[].Error': "the emulator's bind-resource queries never fail",
  'DescribeCertificateBindResourceTaskResult.SyncTaskBindResourceResult[].Error':
    "the emulator's bind-resource queries never fail",
};

const INSTANCE_LISTS = [
  'DescribeHostClbInstanceList',
  'DescribeHostCdnInstanceList',
  'DescribeHostCosInstanceList',
  'DescribeHostTkeInstanceList',
  'DescribeHostTeoInstanceList',
  'DescribeHostDdosInstanceList',
  'DescribeHostApiGatewayInstanceList',
  'DescribeHostLighthouseInstanceList',
  'DescribeHostLiveInstanceList',
  'DescribeHostVodInstanceList',
  'DescribeHostWafInstanceList',
] as const satisfies readonly SslActionName[];

/** The instance lists that take OldCertificateId (resources a replacement would update). */
const LISTS_WITH_OLD_CERTIFICATE = INSTANCE_LISTS.filter(
  (action) => action !== 'DescribeHostTeoInstanceList' && action !== 'DescribeHostLighthouseInstanceList',
);

const DAY_MS = 86_400_000;

const SERVICE_TYPES = ['nginx', 'tomcat', 'apache', 'iis', 'jks', 'other', 'root'];
const DEPLOYED_RESOURCE_TYPES = ['clb', 'cdn', 'waf', 'live', 'antiddos', 'teo'];
const MANAGER_STATUSES = ['none', 'audit', 'CAaudit', 'ok', 'invalid', 'expiring', 'expired'];
const PACKAGE_STATUSES = ['usable', 'used', 'expired', 'refund'];

let emulator: RunningEmulator;
/** Every typed path some answer filled. */
const observed = new Set<string>();
/** `Action path: problem` (list indices as []) → how many answers had it. */
const problems = new Map<string, number>();
const answered = new Set<SslActionName>();

/** Reads run a few at a time: the emulator shares the test's event loop, so calls in flight overlap. */
const READS_IN_FLIGHT = 8;

async function eachConcurrently<T>(items: readonly T[], read: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await read(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: READS_IN_FLIGHT }, worker));
}

/** Calls an action that must succeed, and checks and records its answer. */
async function sweep(action: SslActionName, params: Record<string, unknown> = {}): Promise<EnvelopeResponse> {
  const response = await callAction(emulator, action, params);
  if (response.Error !== undefined) {
    throw new Error(
      `${action} ${JSON.stringify(params)} failed: ${response.Error.Code}: ${response.Error.Message}`,
    );
  }
  for (const problem of conformanceProblems(action, response)) {
    const key = `${action}.${problem.replace(/\.\d+(?=[.:])/g, '[]')}`;
    problems.set(key, (problems.get(key) ?? 0) + 1);
  }
  recordObservedPaths(action, response, observed);
  answered.add(action);
  return response;
}

function ids<T>(
  response: EnvelopeResponse,
  list: string,
  id: (item: T) => string | number,
): Array<string | number> {
  return records<T>(response, list).map(id);
}

async function sweepCertificateReads(certificates: readonly ListedCertificate[]): Promise<void> {
  for (const params of [
    { Limit: 1000 },
    { Limit: 5, Offset: 3 },
    { FilterExpiring: 1 },
    { Upload: 1 },
    { Renew: 1 },
    { IsSM: 1 },
    { Deployable: 1 },
    { Hostable: 1 },
    { IsPendingIssue: 1 },
    { CertificateType: 'CA' },
    { ExpirationSort: 'ASC' },
    { CertificateStatus: [0, 2, 3, 4, 5, 8, 11, 12, 13] },
    { FilterSource: 'upload' },
    { SearchKey: 'example' },
  ]) {
    await sweep('DescribeCertificates', params);
  }
  await eachConcurrently(certificates, sweepCertificate);
}

/** Every read of one certificate: itself, its records and, once issued, its downloads and deploy targets. */
async function sweepCertificate(certificate: ListedCertificate, index: number): Promise<void> {
  const id = certificate.CertificateId;
  await sweep('DescribeCertificate', { CertificateId: id });
  const detail = await sweep('DescribeCertificateDetail', { CertificateId: id });
  await sweep('DescribeHostUpdateRecord', { CertificateId: id, Limit: 100 });
  await sweep('DescribeHostUpdateRecord', { OldCertificateId: id, Limit: 100 });
  await sweep('DescribeHostUploadUpdateRecord', { OldCertificateId: id, Limit: 100 });
  if (!isIssued(certificate)) return;
  await sweep('DownloadCertificate', { CertificateId: id });
  // One server type per certificate, in turn: the answer's shape does not depend on it.
  const serviceType = SERVICE_TYPES[index % SERVICE_TYPES.length];
  // An uploaded certificate's root is unknown (uploads carry no root): refused, as documented.
  if (serviceType !== 'root' || certificate.From !== 'upload') {
    await sweep('DescribeDownloadCertificateUrl', { CertificateId: id, ServiceType: serviceType });
  }
  const publicKey = detail.CertificatePublicKey;
  if (typeof publicKey === 'string') {
    await sweep('CheckCertificateExist', { CertificatePublicKey: publicKey });
    await sweep('CheckCertificateChain', { CertificateChain: publicKey });
  }
  // Client (CA) certificates are never deployed: the instance lists refuse them.
  if (certificate.CertificateType !== 'SVR') return;
  for (const action of INSTANCE_LISTS) await sweep(action, { CertificateId: id });
  for (const action of LISTS_WITH_OLD_CERTIFICATE) await sweep(action, { OldCertificateId: id });
}

async function sweepResources(certificates: readonly ListedCertificate[]): Promise<void> {
  for (const action of INSTANCE_LISTS) {
    if (action === 'DescribeHostTeoInstanceList') continue;
    await sweep(action, {});
    await sweep(action, { IsCache: 1 });
  }
  const server = certificates.find(
    (certificate) => isIssued(certificate) && certificate.CertificateType === 'SVR',
  );
  for (const action of [
    'DescribeHostClbInstanceList',
    'DescribeHostCdnInstanceList',
    'DescribeHostTkeInstanceList',
    'DescribeHostCosInstanceList',
  ] as const) {
    await sweep(action, { CertificateId: server?.CertificateId, AsyncCache: 1 });
  }
  for (const resourceType of DEPLOYED_RESOURCE_TYPES) {
    for (let start = 0; start < certificates.length; start += 50) {
      await sweep('DescribeDeployedResources', {
        CertificateIds: certificates.slice(start, start + 50).map((certificate) => certificate.CertificateId),
        ResourceType: resourceType,
      });
    }
  }
}

async function sweepJobRecords(certificates: readonly ListedCertificate[]): Promise<void> {
  const deployRecords = new Set<string | number>();
  await eachConcurrently(certificates, async (certificate) => {
    const list = await sweep('DescribeHostDeployRecord', {
      CertificateId: certificate.CertificateId,
      Limit: 100,
    });
    for (const id of ids<{ Id: number }>(list, 'DeployRecordList', (record) => record.Id))
      deployRecords.add(id);
  });
  for (const id of deployRecords) {
    await sweep('DescribeHostDeployRecordDetail', { DeployRecordId: String(id), Limit: 100 });
  }
  const updates = await sweep('DescribeHostUpdateRecord', { Limit: 100 });
  for (const id of ids<{ Id: number }>(updates, 'DeployRecordList', (record) => record.Id)) {
    await sweep('DescribeHostUpdateRecordDetail', { DeployRecordId: String(id), Limit: '100' });
  }
  const uploadUpdates = await sweep('DescribeHostUploadUpdateRecord', { Limit: 100 });
  for (const id of ids<{ Id: number }>(uploadUpdates, 'DeployRecordList', (record) => record.Id)) {
    await sweep('DescribeHostUploadUpdateRecordDetail', { DeployRecordId: id, Limit: 100 });
  }
}

async function sweepAccounts(): Promise<void> {
  const companies = await sweep('DescribeCompanies', { Limit: 100 });
  for (const companyId of ids<{ CompanyId: number }>(
    companies,
    'Companies',
    (company) => company.CompanyId,
  )) {
    await sweep('DescribeCompanies', { CompanyId: companyId });
    const managers = await sweep('DescribeManagers', { CompanyId: companyId, Limit: 100 });
    for (const status of MANAGER_STATUSES)
      await sweep('DescribeManagers', { CompanyId: companyId, Status: status });
    for (const managerId of ids<{ ManagerId: number }>(
      managers,
      'Managers',
      (manager) => manager.ManagerId,
    )) {
      await sweep('DescribeManagerDetail', { ManagerId: managerId });
    }
  }
  await sweep('DescribePackages', { Limit: 100 });
  for (const status of PACKAGE_STATUSES) await sweep('DescribePackages', { Status: status });
  await sweep('DescribeCertificateOperateLogs', { Limit: 1000 });
}

/** Bind-resource tasks while they query and once the clock has finished them. */
async function sweepBindTasks(certificates: readonly ListedCertificate[]): Promise<void> {
  const issued = certificates.filter(isIssued).map((certificate) => certificate.CertificateId);
  const created = await sweep('CreateCertificateBindResourceSyncTask', {
    CertificateIds: issued.slice(0, 100),
    IsCache: 0,
  });
  const taskIds = ids<{ TaskId: string }>(created, 'CertTaskIds', (task) => task.TaskId);
  await sweep('DescribeCertificateBindResourceTaskResult', { TaskIds: taskIds });
  emulator.clock.advance(BIND_TASK_QUERY_MS);
  await sweep('DescribeCertificateBindResourceTaskResult', { TaskIds: taskIds });
  for (const taskId of taskIds)
    await sweep('DescribeCertificateBindResourceTaskDetail', { TaskId: taskId, Limit: '100' });
}

/** Mutations whose answers carry lists or structures the valid requests leave empty. */
async function sweepMutationsWithLists(certificates: readonly ListedCertificate[]): Promise<void> {
  const uploaded = certificates.filter(
    (certificate) => certificate.From === 'upload' && isIssued(certificate),
  );
  const unboundDv = certificates.filter(
    (certificate) =>
      isIssued(certificate) &&
      certificate.IsDv &&
      certificate.From !== 'upload' &&
      !emulator.state.resources.isCertificateBound(certificate.CertificateId),
  );
  for (const certificate of unboundDv.slice(0, 3)) {
    await sweep('RevokeCertificate', {
      CertificateId: certificate.CertificateId,
      Reason: 'conformance sweep',
    });
  }
  const [first, second, third, fourth, fifth, sixth] = uploaded.map(
    (certificate) => certificate.CertificateId,
  );
  await sweep('DeleteCertificates', { CertificateIds: [first, 'nosuchcert'] });
  const deleting = await sweep('DeleteCertificates', { CertificateIds: [second, third], IsSync: true });
  const deleteTasks = ids<{ TaskId: string }>(deleting, 'CertTaskIds', (task) => task.TaskId);
  await sweep('DescribeDeleteCertificatesTaskResult', { TaskIds: deleteTasks });
  await sweep('DeleteCertificate', { CertificateId: fourth, IsCheckResource: true });
  await sweep('ModifyCertificateProject', { CertificateIdList: [fifth, 'nosuchcert'], ProjectId: 0 });
  await sweep('ModifyCertificatesExpiringNotificationSwitch', { CertificateIds: [sixth], SwitchStatus: 1 });
  for (const certificate of certificates) {
    if ([0, 4, 13].includes(certificate.Status)) {
      await sweep('CheckCertificateDomainVerification', { CertificateId: certificate.CertificateId });
    }
  }
  emulator.clock.advance(DELETE_TASK_DURATION_MS);
  await sweep('DescribeDeleteCertificatesTaskResult', { TaskIds: deleteTasks });
  for (const certificate of unboundDv.slice(0, 3)) {
    await sweep('DescribeCertificateDetail', { CertificateId: certificate.CertificateId });
    await sweep('DescribeCertificate', { CertificateId: certificate.CertificateId });
  }
}

/** A free certificate validated by file: its DvAuthDetail names the file's path. */
async function sweepFileValidation(): Promise<void> {
  const applied = await sweep('ApplyCertificate', {
    DvAuthMethod: 'FILE',
    DomainName: 'file-validated.conformance.example.com',
  });
  await sweep('DescribeCertificate', { CertificateId: applied.CertificateId });
  await sweep('DescribeCertificateDetail', { CertificateId: applied.CertificateId });
}

/** Information submitted the legacy way with the applicant's own CSR: SubmittedData carries all of it. */
async function sweepSubmittedCsr(): Promise<void> {
  const created = await sweep('CreateCertificate', { ProductId: 14, DomainNum: 1, TimeSpan: 1 });
  const [certificateId] = records<string>(created, 'CertificateIds');
  const domain = 'own-csr.conformance.example.com';
  await sweep('SubmitCertificateInformation', {
    ...LEGACY_APPLICANT,
    CertificateId: certificateId,
    CsrType: 'parse',
    CsrContent: createCertificateSigningRequest({ commonName: domain }, generateKeyPair('RSA', '2048')),
    CertificateDomain: domain,
    KeyPassword: 'conformance',
  });
  await sweep('DescribeCertificateDetail', { CertificateId: certificateId });
  await sweep('DescribeCertificate', { CertificateId: certificateId });
}

/** A one-click update of Kubernetes secrets with uploaded content: its record details name namespace and secret. */
async function sweepSecretUpdate(certificates: readonly ListedCertificate[]): Promise<void> {
  const { state, clock } = emulator;
  const secretOf = (certificate: ListedCertificate) =>
    state.resources
      .boundTargets(certificate.CertificateId, clock.now())
      .find((target) => target.resourceType === 'tke');
  const old = certificates.find(
    (certificate) => isIssued(certificate) && secretOf(certificate) !== undefined,
  );
  const secret = old && secretOf(old);
  if (old === undefined || secret === undefined)
    throw new Error('no seeded certificate is bound to a TKE secret');
  const names = state.certificates.get(old.CertificateId)?.subjectAltNames ?? [];
  const replacement = issueLeafCertificate({
    domain: names[0] ?? old.Domain,
    subjectAltNames: names,
    notBefore: clock.now() - DAY_MS,
    notAfter: clock.now() + 90 * DAY_MS,
  });
  const request = {
    OldCertificateId: old.CertificateId,
    ResourceTypes: ['tke'],
    ResourceTypesRegions: [{ ResourceType: 'tke', Regions: [secret.region] }],
    CertificatePublicKey: replacement.certificatePem,
    CertificatePrivateKey: replacement.privateKeyPem,
  };
  // The update is created asynchronously: the caller repeats the request until it names the record.
  let recordId = 0;
  for (let attempt = 0; attempt < 10 && recordId === 0; attempt += 1) {
    recordId = Number((await sweep('UpdateCertificateInstance', request)).DeployRecordId);
    clock.advance(10_000);
  }
  await sweep('DescribeHostUpdateRecordDetail', { DeployRecordId: String(recordId), Limit: '100' });
}

/** One valid request of every action (each claims what it changes), then the records its jobs left. */
async function sweepEveryAction(): Promise<void> {
  const requests = validRequests(emulator, await listedCertificates(emulator));
  for (const action of SSL_ACTION_NAMES) await sweep(action, await requests[action]());
}

beforeAll(async () => {
  emulator = await startTestEmulator();
  const certificates = await listedCertificates(emulator);
  await sweepCertificateReads(certificates);
  await sweepResources(certificates);
  await sweepJobRecords(certificates);
  await sweepAccounts();
  await sweepBindTasks(certificates);
  await sweepFileValidation();
  await sweepSubmittedCsr();
  await sweepSecretUpdate(certificates);
  await sweepEveryAction();
  await sweepMutationsWithLists(await listedCertificates(emulator));
  // What the mutations left: finished jobs, submitted information, revocations.
  emulator.clock.advance(60_000);
  const afterwards = await listedCertificates(emulator);
  await sweepJobRecords(afterwards);
  await eachConcurrently(afterwards, async (certificate) => {
    await sweep('DescribeCertificateDetail', { CertificateId: certificate.CertificateId });
  });
}, 180_000);
afterAll(async () => {
  await emulator?.close();
});

describe('a sweep over the seeded emulator', () => {
  it('answers every action', () => {
    expect([...answered].sort()).toEqual([...SSL_ACTION_NAMES].sort());
  });

  it('answers nothing the spec does not document (type, null, field or value)', () => {
    const found = [...problems].map(([problem, count]) => `${problem} [×${count}]`).sort();
    expect(found).toEqual([]);
  });

  it('fills every typed output path of the spec, but those the seed cannot', () => {
    const unfilled = SSL_ACTION_NAMES.flatMap((action) => unobservedPaths(action, observed));
    expect(unfilled.filter((path) => PATHS_THE_SEED_CANNOT_FILL[path] === undefined)).toEqual([]);
    const filledAfterAll = Object.keys(PATHS_THE_SEED_CANNOT_FILL).filter((path) => !unfilled.includes(path));
    expect(filledAfterAll, 'filled now: remove them from PATHS_THE_SEED_CANNOT_FILL').toEqual([]);
  });
});

describe('the checker', () => {
  /** A fresh answer of `action` for the first certificate whose answer fills `list`. */
  async function answerListing(action: SslActionName, list: string): Promise<EnvelopeResponse> {
    for (const certificate of await listedCertificates(emulator)) {
      if (!isIssued(certificate) || certificate.CertificateType !== 'SVR') continue;
      const response = await callOk(emulator, action, { CertificateId: certificate.CertificateId });
      if (records(response, list).length > 0) return response;
    }
    throw new Error(`no certificate fills ${action}.${list}`);
  }

  function doctorFirst(
    response: EnvelopeResponse,
    list: string,
    change: (item: Record<string, unknown>) => void,
  ): EnvelopeResponse {
    const copy = structuredClone(response);
    const [first] = records<Record<string, unknown>>(copy, list);
    if (first === undefined) throw new Error(`${list} is empty`);
    change(first);
    return copy;
  }

  it('finds a String sent as a boolean, an undocumented field and an undocumented value', async () => {
    const cdn = await answerListing('DescribeHostCdnInstanceList', 'InstanceList');
    expect(conformanceProblems('DescribeHostCdnInstanceList', cdn)).toEqual([]);
    const booleanSwitch = doctorFirst(cdn, 'InstanceList', (domain) => {
      domain.HttpsBillingSwitch = domain.HttpsBillingSwitch === 'on';
    });
    expect(conformanceProblems('DescribeHostCdnInstanceList', booleanSwitch)).toEqual([
      expect.stringMatching(/^InstanceList\.0\.HttpsBillingSwitch: .*expected string/),
    ]);
    const extraField = doctorFirst(cdn, 'InstanceList', (domain) => {
      domain.UndocumentedExtra = 1;
    });
    expect(conformanceProblems('DescribeHostCdnInstanceList', extraField)).toEqual([
      expect.stringMatching(/^InstanceList\.0: .*UndocumentedExtra/),
    ]);
    const unlistedStatus = doctorFirst(cdn, 'InstanceList', (domain) => {
      domain.Status = 'paused';
    });
    expect(conformanceProblems('DescribeHostCdnInstanceList', unlistedStatus)).toEqual([
      'InstanceList.0.Status: "paused" is not a documented value of CdnInstanceDetail.Status',
    ]);

    const [record] = emulator.state.jobs.deployRecords;
    if (record === undefined) throw new Error('the seed has no deploy record');
    const deployRecords = await callOk(emulator, 'DescribeHostDeployRecord', {
      CertificateId: record.certId,
    });
    const withUnixTime = doctorFirst(deployRecords, 'DeployRecordList', (item) => {
      item.CreateTimeUnix = 1_700_000_000;
    });
    expect(conformanceProblems('DescribeHostDeployRecord', withUnixTime)).toEqual([
      expect.stringMatching(/^DeployRecordList\.0: .*CreateTimeUnix/),
    ]);
  });

  it('tells an empty list from a checked one', async () => {
    const cdn = await answerListing('DescribeHostCdnInstanceList', 'InstanceList');
    const seen = new Set<string>();
    recordObservedPaths('DescribeHostCdnInstanceList', { ...cdn, InstanceList: [] }, seen);
    expect(unobservedPaths('DescribeHostCdnInstanceList', seen)).toEqual([
      'DescribeHostCdnInstanceList.InstanceList',
    ]);
    recordObservedPaths('DescribeHostCdnInstanceList', cdn, seen);
    expect(unobservedPaths('DescribeHostCdnInstanceList', seen)).toEqual([]);
  });
});
