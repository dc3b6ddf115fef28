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
  readonly OwnerUin?: string;
}

interface DeployRecordPage {
  readonly DeployRecordList?: ReadonlyArray<{ readonly Id: number }> | null;
}

interface CertificatesPage {
  readonly Certificates?: readonly ListedCertificate[] | null;
}

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
   * The detail page's data in two waves: the certificate, its deploy records and the operation log together;
   * then what needs their answers (the manager with its company, the latest deploy record's progress).
   */
  async detailPage(certificateId: string, managerId: number): Promise<void> {
    const [certificates, deployRecords] = await Promise.all([
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
      this.#client.request('DescribeCertificateOperateLogs', { Offset: 0, Limit: 10 }),
    ]);
    if ((certificates.Certificates ?? []).length !== 1)
      throw new Error(`certificate ${certificateId} not found`);
    const latestRecord = deployRecords.DeployRecordList?.[0];
    await Promise.all([
      this.#client.request('DescribeManagerDetail', { ManagerId: managerId }),
      latestRecord === undefined
        ? Promise.resolve()
        : this.#client.request('DescribeHostDeployRecordDetail', {
            DeployRecordId: String(latestRecord.Id),
            Offset: 0,
            Limit: 10,
          }),
    ]);
  }

  close(): void {
    this.#agent.destroy();
  }
}
