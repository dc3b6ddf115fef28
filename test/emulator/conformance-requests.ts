import type { RunningEmulator } from '../../src/emulator/index.ts';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import { domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import type { SslActionName } from '../../src/ssl/actions.ts';
import { callOk, type EnvelopeResponse } from '../support/emulator.ts';
import { LEGACY_APPLICANT } from '../support/legacy-applicant.ts';

// A valid request for every documented action, built from what a seeded emulator lists.

export interface ListedCertificate {
  readonly CertificateId: string;
  readonly Status: number;
  readonly From: string;
  readonly Domain: string;
  readonly CertificateType: string;
  readonly IsDv: boolean;
}

type Params = Record<string, unknown>;

/** The list `field` of an answer, which must be an array. */
export function records<T>(response: EnvelopeResponse, field: string): T[] {
  const value = response[field];
  if (!Array.isArray(value))
    throw new Error(`expected ${field} to be an array, got ${JSON.stringify(value)}`);
  return value as T[];
}

export const isIssued = (certificate: ListedCertificate): boolean => certificate.Status === 1;
const isIssuedByCa = (certificate: ListedCertificate): boolean =>
  isIssued(certificate) && certificate.From !== 'upload';

const CONFIRM_LETTER = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 0x20)]).toString(
  'base64',
);

export type ValidRequests = Record<SslActionName, () => Promise<Params>>;

/** The account's certificates, as DescribeCertificates lists them. */
export async function listedCertificates(emulator: RunningEmulator): Promise<ListedCertificate[]> {
  return records<ListedCertificate>(
    await callOk(emulator, 'DescribeCertificates', { Limit: 1000 }),
    'Certificates',
  );
}

/**
 * How to build a valid request for each action (ids picked in a suitable status from `certificates`).
 * Mutating requests claim the certificates they change, so later requests do not depend on what an earlier
 * one did.
 */
export function validRequests(
  emulator: RunningEmulator,
  certificates: readonly ListedCertificate[],
): ValidRequests {
  /** Certificates a mutating case already changed, so later cases do not depend on what it did. */
  const claimed = new Set<string>();

  function pick(description: string, predicate: (certificate: ListedCertificate) => boolean): string {
    const found = certificates.find(
      (certificate) => !claimed.has(certificate.CertificateId) && predicate(certificate),
    );
    if (found === undefined)
      throw new Error(`the seeded account has no unclaimed certificate that is ${description}`);
    return found.CertificateId;
  }

  function claim(description: string, predicate: (certificate: ListedCertificate) => boolean): string {
    const id = pick(description, predicate);
    claimed.add(id);
    return id;
  }

  async function detailOf(certificateId: string): Promise<EnvelopeResponse> {
    return callOk(emulator, 'DescribeCertificateDetail', { CertificateId: certificateId });
  }

  let domainCounter = 0;
  function freshDomain(): string {
    domainCounter += 1;
    return `conformance-${domainCounter}.example.com`;
  }

  function freshKeyPair(domain: string): { CertificatePublicKey: string; CertificatePrivateKey: string } {
    const now = emulator.clock.now();
    const issued = issueLeafCertificate({
      domain,
      subjectAltNames: [domain],
      notBefore: now - 86_400_000,
      notAfter: now + 90 * 86_400_000,
    });
    if (issued.privateKeyPem === null) throw new Error('the PKI did not return a private key');
    return { CertificatePublicKey: issued.certificatePem, CertificatePrivateKey: issued.privateKeyPem };
  }

  async function uploadFresh(): Promise<string> {
    const response = await callOk(emulator, 'UploadCertificate', freshKeyPair(freshDomain()));
    return String(response.CertificateId);
  }

  async function applyFresh(): Promise<string> {
    const response = await callOk(emulator, 'ApplyCertificate', {
      DvAuthMethod: 'DNS',
      DomainName: freshDomain(),
    });
    return String(response.CertificateId);
  }

  async function createPaid(): Promise<string> {
    const response = await callOk(emulator, 'CreateCertificate', {
      ProductId: 14,
      DomainNum: 1,
      TimeSpan: 1,
    });
    const id = records<string>(response, 'CertificateIds')[0];
    if (id === undefined) throw new Error('CreateCertificate returned no certificate id');
    return id;
  }

  async function firstCompanyId(): Promise<number> {
    const companies = records<{ CompanyId: number }>(
      await callOk(emulator, 'DescribeCompanies', { Limit: 10 }),
      'Companies',
    );
    const company = companies[0];
    if (company === undefined) throw new Error('the seeded account has no company');
    return company.CompanyId;
  }

  async function managers(): Promise<Array<{ ManagerId: number; Status: string; CertCount: number }>> {
    const companies = records<{ CompanyId: number }>(
      await callOk(emulator, 'DescribeCompanies', { Limit: 100 }),
      'Companies',
    );
    const all: Array<{ ManagerId: number; Status: string; CertCount: number }> = [];
    for (const company of companies) {
      const response = await callOk(emulator, 'DescribeManagers', {
        CompanyId: company.CompanyId,
        Limit: 100,
      });
      all.push(...records<{ ManagerId: number; Status: string; CertCount: number }>(response, 'Managers'));
    }
    return all;
  }

  async function managerWith(
    description: string,
    predicate: (status: string, certCount: number) => boolean,
  ): Promise<number> {
    const manager = (await managers()).find((candidate) => predicate(candidate.Status, candidate.CertCount));
    if (manager === undefined) throw new Error(`the seeded account has no manager that is ${description}`);
    return manager.ManagerId;
  }

  /** A CertificateInfoSubmit request for the certificate `certificateId` gives: the seeded company, an approved manager. */
  async function infoSubmitRequest(certificateId: () => Promise<string>): Promise<Params> {
    const companyId = await firstCompanyId();
    const managerId = await managerWith('approved', (status) => status === 'ok');
    return {
      CertId: await certificateId(),
      GenCsrType: 'online',
      CertCommonName: freshDomain(),
      CompanyType: 2,
      CompanyId: String(companyId),
      ManagerId: String(managerId),
      VerifyType: 'DNS',
      ContactEmail: 'ops@example.com',
      CsrEncryptAlgo: 'RSA',
      CsrKeyParameter: '2048',
    };
  }

  /** A new paid certificate whose information is submitted, ready to be sent to the CA. */
  async function paidWithInformation(): Promise<string> {
    const certificateId = await createPaid();
    await callOk(emulator, 'CertificateInfoSubmit', await infoSubmitRequest(async () => certificateId));
    return certificateId;
  }

  type Records = 'DescribeHostDeployRecord' | 'DescribeHostUpdateRecord' | 'DescribeHostUploadUpdateRecord';

  /** The first seeded job record of a kind whose Status satisfies the predicate, across issued certificates. */
  async function findRecord(action: Records, predicate: (status: number) => boolean): Promise<number> {
    const candidates =
      action === 'DescribeHostDeployRecord'
        ? certificates.filter(isIssued).map((certificate) => ({ CertificateId: certificate.CertificateId }))
        : [{}];
    for (const params of candidates) {
      const list = records<{ Id: number; Status: number }>(
        await callOk(emulator, action, { ...params, Limit: 100 }),
        'DeployRecordList',
      );
      const found = list.find((record) => predicate(record.Status));
      if (found !== undefined) return found.Id;
    }
    throw new Error(`no seeded ${action} record has a suitable status`);
  }

  /**
   * Requests naming a record `list` lists: for its detail (any record, its Id passed through `detailId`), a retry
   * (a failed one, Status 2) and a rollback (a finished one, Status 1).
   */
  function recordRequests(list: Records, detailId: (id: number) => number | string = (id) => id) {
    return {
      detail: async () => ({ DeployRecordId: detailId(await findRecord(list, () => true)) }),
      retry: async () => ({ DeployRecordId: await findRecord(list, (status) => status === 2) }),
      rollback: async () => ({ DeployRecordId: await findRecord(list, (status) => status === 1) }),
    };
  }

  const DEPLOY_RECORD = recordRequests('DescribeHostDeployRecord', String);
  const UPDATE_RECORD = recordRequests('DescribeHostUpdateRecord', String);
  const UPLOAD_UPDATE_RECORD = recordRequests('DescribeHostUploadUpdateRecord');

  async function cdnInstance(): Promise<{ certificateId: string; domain: string }> {
    for (const certificate of certificates.filter(isIssued)) {
      const list = records<{ Domain: string; CertId: string }>(
        await callOk(emulator, 'DescribeHostCdnInstanceList', { CertificateId: certificate.CertificateId }),
        'InstanceList',
      );
      const bound = list.find(
        (instance) => instance.CertId !== '' && instance.CertId !== certificate.CertificateId,
      );
      const any = bound ?? list[0];
      if (any !== undefined) return { certificateId: certificate.CertificateId, domain: any.Domain };
    }
    throw new Error('the seeded account has no CDN instance');
  }

  async function boundCertificate(resourceType: string): Promise<string> {
    const listAction = resourceType === 'clb' ? 'DescribeHostClbInstanceList' : 'DescribeHostCdnInstanceList';
    // Certificates claimed by earlier actions may no longer be issued (revoked, reissuing...).
    for (const certificate of certificates.filter((c) => isIssued(c) && !claimed.has(c.CertificateId))) {
      const response = await callOk(emulator, listAction, { CertificateId: certificate.CertificateId });
      const text = JSON.stringify(response.InstanceList);
      const match = /"CertId":"([^"]+)"/.exec(text);
      if (match?.[1] !== undefined && match[1] !== '') return match[1];
    }
    throw new Error(`no seeded ${resourceType} instance is bound to a certificate`);
  }

  /** How to build a valid request for each action; `satisfies` makes a missing or misspelt action a type error. */
  const requests = {
    // Certificate: apply / order / CA lifecycle
    ApplyCertificate: async () => ({ DvAuthMethod: 'DNS', DomainName: freshDomain(), Alias: 'conformance' }),
    CreateCertificate: async () => ({ ProductId: 14, DomainNum: 1, TimeSpan: 1 }),
    CreateCertificateByPackage: async () => {
      const packages = records<{ PackageId: string; Status: string; Balance: number }>(
        await callOk(emulator, 'DescribePackages', { Limit: 100 }),
        'Packages',
      );
      const usable = packages.find((candidate) => candidate.Status === 'usable' && candidate.Balance > 0);
      if (usable === undefined) throw new Error('the seeded account has no usable package');
      return { ProductPid: 1013949, PackageIds: [usable.PackageId], DomainCount: '1', Period: 1 };
    },
    CertificateInfoSubmit: () => infoSubmitRequest(createPaid),
    CertificateOrderSubmit: async () => ({ CertId: await paidWithInformation(), VerifyType: 'DNS' }),
    SubmitCertificateInformation: async () => ({
      CertificateId: await createPaid(),
      CsrType: 'online',
      CertificateDomain: freshDomain(),
      ...LEGACY_APPLICANT,
    }),
    CommitCertificateInformation: async () => ({
      CertificateId: await paidWithInformation(),
      VerifyType: 'DNS',
    }),
    CheckCertificateDomainVerification: async () => ({ CertificateId: await applyFresh() }),
    CompleteCertificate: async () => ({ CertificateId: await applyFresh() }),
    CancelAuditCertificate: async () => ({ CertificateId: await applyFresh() }),
    CancelCertificateOrder: async () => ({ CertificateId: await applyFresh() }),
    ModifyCertificateResubmit: async () => ({
      CertificateId: claim('refused by review (status 2)', (certificate) => certificate.Status === 2),
    }),
    ReplaceCertificate: async () => ({
      CertificateId: claim('issued by a CA', isIssuedByCa),
      ValidType: 'DNS',
      CsrType: 'online',
      Reason: 'key rotation',
    }),
    RevokeCertificate: async () => ({
      // A certificate still bound to cloud resources cannot be revoked (FailedOperation.RevokeResourceFailed).
      CertificateId: claim(
        'issued by a CA and bound to no resource',
        (certificate) =>
          isIssuedByCa(certificate) &&
          !emulator.state.resources.isCertificateBound(certificate.CertificateId),
      ),
      Reason: 'key compromise',
    }),
    UploadConfirmLetter: async () => ({
      CertificateId: claim(
        'waiting for a confirmation letter (status 8)',
        (certificate) => certificate.Status === 8,
      ),
      ConfirmLetter: CONFIRM_LETTER,
    }),
    UploadRevokeLetter: async () => ({
      CertificateId: claim(
        'waiting for a revocation letter (status 12)',
        (certificate) => certificate.Status === 12,
      ),
      RevokeLetter: CONFIRM_LETTER,
    }),

    // Certificate: read / manage / upload / download / delete
    DescribeCertificates: async () => ({ Limit: 20, Offset: 0 }),
    DescribeCertificate: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeCertificateDetail: async () => ({ CertificateId: pick('issued', isIssued) }),
    UploadCertificate: async () => ({ ...freshKeyPair(freshDomain()), Alias: 'conformance upload' }),
    CheckCertificateExist: async () => ({
      CertificatePublicKey: String((await detailOf(pick('issued', isIssued))).CertificatePublicKey),
    }),
    CheckCertificateChain: async () => ({
      CertificateChain: String((await detailOf(pick('issued', isIssued))).CertificatePublicKey),
    }),
    DownloadCertificate: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeDownloadCertificateUrl: async () => ({
      CertificateId: pick('issued', isIssued),
      ServiceType: 'nginx',
    }),
    ModifyCertificateAlias: async () => ({
      CertificateId: pick('issued', isIssued),
      Alias: 'renamed by conformance',
    }),
    ModifyCertificateProject: async () => ({ CertificateIdList: [pick('issued', isIssued)], ProjectId: 0 }),
    ModifyCertificatesExpiringNotificationSwitch: async () => ({
      CertificateIds: [pick('issued', isIssued)],
      SwitchStatus: 1,
    }),
    DeleteCertificate: async () => ({ CertificateId: await uploadFresh() }),
    DeleteCertificates: async () => ({ CertificateIds: [await uploadFresh()] }),
    DescribeDeleteCertificatesTaskResult: async () => {
      const response = await callOk(emulator, 'DeleteCertificates', {
        CertificateIds: [await uploadFresh()],
        IsSync: true,
      });
      const tasks = records<{ TaskId: string }>(response, 'CertTaskIds');
      return { TaskIds: tasks.map((task) => task.TaskId) };
    },
    DescribeCertificateOperateLogs: async () => ({ Limit: 50 }),

    // Bound cloud resources
    CreateCertificateBindResourceSyncTask: async () => ({
      CertificateIds: [pick('issued', isIssued)],
      IsCache: 0,
    }),
    DescribeCertificateBindResourceTaskResult: async () => ({ TaskIds: [await bindTaskId()] }),
    DescribeCertificateBindResourceTaskDetail: async () => ({
      TaskId: await bindTaskId(),
      Limit: '10',
      Offset: '0',
    }),
    DescribeDeployedResources: async () => ({
      CertificateIds: [pick('issued', isIssued)],
      ResourceType: 'clb',
    }),

    // Deploy targets
    DescribeHostClbInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostCdnInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostCosInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostTkeInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostTeoInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostDdosInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostApiGatewayInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostLighthouseInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostLiveInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostVodInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostWafInstanceList: async () => ({ CertificateId: pick('issued', isIssued) }),

    // Deploy records
    DeployCertificateInstance: async () => {
      const instance = await cdnInstance();
      return {
        CertificateId: instance.certificateId,
        InstanceIdList: [instance.domain],
        ResourceType: 'cdn',
      };
    },
    DescribeHostDeployRecord: async () => ({ CertificateId: pick('issued', isIssued) }),
    DescribeHostDeployRecordDetail: DEPLOY_RECORD.detail,
    DeployCertificateRecordRetry: DEPLOY_RECORD.retry,
    DeployCertificateRecordRollback: DEPLOY_RECORD.rollback,

    // Update records (one-click replace)
    UpdateCertificateInstance: async () => {
      // The replacement must cover every CDN domain the old certificate serves.
      const { state, clock } = emulator;
      const cdnOf = (certId: string) =>
        state.resources.boundTargets(certId, clock.now()).filter((t) => t.resourceType === 'cdn');
      const covers = (certId: string, oldId: string) =>
        cdnOf(oldId).every((t) =>
          domainsMatchCertificate(t.domains, state.certificates.get(certId)?.subjectAltNames ?? []),
        );
      const oldCertificateId = pick(
        'serving CDN domains another issued certificate covers',
        (old) =>
          cdnOf(old.CertificateId).length > 0 &&
          certificates.some(
            (c) =>
              c.CertificateId !== old.CertificateId &&
              !claimed.has(c.CertificateId) &&
              isIssued(c) &&
              covers(c.CertificateId, old.CertificateId),
          ),
      );
      claimed.add(oldCertificateId);
      return {
        OldCertificateId: oldCertificateId,
        CertificateId: claim(
          'issued, covering the domains of the one it replaces',
          (c) => isIssued(c) && covers(c.CertificateId, oldCertificateId),
        ),
        ResourceTypes: ['cdn'],
      };
    },
    DescribeHostUpdateRecord: async () => ({ Limit: 10 }),
    DescribeHostUpdateRecordDetail: UPDATE_RECORD.detail,
    UpdateCertificateRecordRetry: UPDATE_RECORD.retry,
    UpdateCertificateRecordRollback: UPDATE_RECORD.rollback,

    // Upload-update records (replace content, keep the id)
    UploadUpdateCertificateInstance: async () => {
      const oldCertificateId = await boundCertificate('clb');
      claimed.add(oldCertificateId);
      const detail = await detailOf(oldCertificateId);
      return {
        OldCertificateId: oldCertificateId,
        ResourceTypes: ['clb'],
        ...freshKeyPair(String(detail.Domain)),
      };
    },
    DescribeHostUploadUpdateRecord: async () => ({ Limit: 10 }),
    DescribeHostUploadUpdateRecordDetail: UPLOAD_UPDATE_RECORD.detail,
    UploadUpdateCertificateRecordRetry: UPLOAD_UPDATE_RECORD.retry,
    UploadUpdateCertificateRecordRollback: UPLOAD_UPDATE_RECORD.rollback,

    // Manager / company / package
    DescribeCompanies: async () => ({ Limit: 10 }),
    DescribeManagers: async () => ({ CompanyId: await firstCompanyId(), Limit: 10 }),
    DescribeManagerDetail: async () => ({ ManagerId: await managerWith('any', () => true) }),
    DeleteManager: async () => ({
      ManagerId: await managerWith(
        'unsubmitted and without certificates',
        (status, certCount) => status === 'none' && certCount === 0,
      ),
    }),
    SubmitAuditManager: async () => ({
      ManagerId: await managerWith(
        'not yet submitted or refused',
        (status) => status === 'none' || status === 'invalid',
      ),
    }),
    VerifyManager: async () => ({
      ManagerId: await managerWith(
        'expiring or expired',
        (status) => status === 'expiring' || status === 'expired',
      ),
    }),
    DescribePackages: async () => ({ Limit: 20 }),
  } satisfies Record<SslActionName, () => Promise<Params>>;

  async function bindTaskId(): Promise<string> {
    const response = await callOk(emulator, 'CreateCertificateBindResourceSyncTask', {
      CertificateIds: [pick('issued', isIssued)],
      IsCache: 0,
    });
    const task = records<{ TaskId: string }>(response, 'CertTaskIds')[0];
    if (task === undefined) throw new Error('CreateCertificateBindResourceSyncTask returned no task');
    return task.TaskId;
  }
  return requests;
}
