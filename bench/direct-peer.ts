/**
 * The direct peer: the same pages fetched the way a developer without the gateway would, with the official
 * `tencentcloud-sdk-nodejs-common` CommonClient calling the emulator, independent calls in parallel.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'node:http';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';

/**
 * The SDK derives the service from the endpoint's first DNS label and signs the Host without its port, so it is
 * pointed at an `ssl.*` name that this agent resolves to the emulator on loopback.
 */
const UPSTREAM_HOSTNAME = 'ssl.tencentcloudapi.com';

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function loopbackLookup(_hostname: string, options: LookupOptions, callback: LookupCallback): void {
  if (options.all === true) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}

interface ListedCertificate {
  readonly CertificateId: string;
  readonly PreAuditInfo?: { readonly ManagerId?: string | null } | null;
}

interface CertificatesPage {
  readonly Certificates?: readonly ListedCertificate[] | null;
}

interface DeployRecordPage {
  readonly DeployRecordList?: ReadonlyArray<{ readonly Id: number }> | null;
}

interface OperationLogPage {
  readonly AllTotal: number;
  readonly OperateLogs?: ReadonlyArray<{ readonly CertId: string }> | null;
}

interface ManagerDetail {
  readonly CompanyId: number;
}

interface ManagerPage {
  readonly TotalCount: number;
  readonly Managers?: ReadonlyArray<{ readonly ManagerId: number }> | null;
}

/** The most entries DescribeCertificateOperateLogs and DescribeManagers return per call. */
const MAX_PER_CALL = 1000;

export class DirectPeer {
  readonly #agent = new Agent({ keepAlive: true, lookup: loopbackLookup });
  readonly #client: CommonClient;

  constructor(port: number, credential: { secretId: string; secretKey: string }) {
    this.#client = new CommonClient(`${UPSTREAM_HOSTNAME}:${port}`, '2019-12-05', {
      credential,
      profile: {
        httpProfile: { protocol: 'http://', reqMethod: 'POST', agent: this.#agent, reqTimeout: 30 },
      },
    });
  }

  /** The list page's data: one DescribeCertificates of 50. */
  async listPage(): Promise<void> {
    const page = (await this.#client.request('DescribeCertificates', {
      Offset: 0,
      Limit: 50,
    })) as CertificatesPage;
    if ((page.Certificates ?? []).length !== 50) throw new Error('expected a page of 50 certificates');
  }

  /**
   * The detail page's data (every field DETAIL_PAGE_QUERY selects) in three waves, each as wide as the data
   * allows. First what needs only the certificate ID: the certificate, its deploy records, and the operation log,
   * which the API cannot filter by certificate (every page is read, and the certificate's entries kept). Then
   * what needs those answers: the manager's detail (its ID is in the certificate's PreAuditInfo) and each listed
   * record's progress. Last the manager's status, which only its company's manager list holds, and the company
   * is known only from the manager's detail.
   */
  async detailPage(certificateId: string): Promise<void> {
    const [certificates, deployRecords, logs] = await Promise.all([
      this.#client.request('DescribeCertificates', {
        CertIds: [certificateId],
        Offset: 0,
        Limit: 1,
      }) as Promise<CertificatesPage>,
      this.#client.request('DescribeHostDeployRecord', {
        CertificateId: certificateId,
        Offset: 0,
        Limit: 10,
      }) as Promise<DeployRecordPage>,
      this.#operationLogsOf(certificateId),
    ]);
    const certificate = certificates.Certificates?.[0];
    if (certificate === undefined) throw new Error(`certificate ${certificateId} not found`);
    if (logs.length === 0) throw new Error(`certificate ${certificateId} has no operation log`);
    const managerId = Number(certificate.PreAuditInfo?.ManagerId);
    if (!Number.isInteger(managerId) || managerId <= 0)
      throw new Error(`certificate ${certificateId} names no manager`);
    const [manager] = await Promise.all([
      this.#client.request('DescribeManagerDetail', { ManagerId: managerId }) as Promise<ManagerDetail>,
      ...(deployRecords.DeployRecordList ?? []).map((record) =>
        this.#client.request('DescribeHostDeployRecordDetail', {
          DeployRecordId: String(record.Id),
          Offset: 0,
          Limit: 10,
        }),
      ),
    ]);
    if (!(await this.#managerIsListed(manager.CompanyId, managerId)))
      throw new Error(`manager ${managerId} is not in company ${manager.CompanyId}'s list`);
  }

  async #operationLogsOf(certificateId: string): Promise<ReadonlyArray<{ readonly CertId: string }>> {
    const kept: Array<{ readonly CertId: string }> = [];
    for (let offset = 0; ; offset += MAX_PER_CALL) {
      const page = (await this.#client.request('DescribeCertificateOperateLogs', {
        Offset: offset,
        Limit: MAX_PER_CALL,
      })) as OperationLogPage;
      const logs = page.OperateLogs ?? [];
      kept.push(...logs.filter((log) => log.CertId === certificateId));
      if (logs.length === 0 || offset + logs.length >= page.AllTotal) return kept;
    }
  }

  async #managerIsListed(companyId: number, managerId: number): Promise<boolean> {
    for (let offset = 0; ; offset += MAX_PER_CALL) {
      const page = (await this.#client.request('DescribeManagers', {
        CompanyId: companyId,
        Offset: offset,
        Limit: MAX_PER_CALL,
      })) as ManagerPage;
      const managers = page.Managers ?? [];
      if (managers.some((listed) => listed.ManagerId === managerId)) return true;
      if (managers.length === 0 || offset + managers.length >= page.TotalCount) return false;
    }
  }

  close(): void {
    this.#agent.destroy();
  }
}
