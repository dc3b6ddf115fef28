import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorClock } from '../../src/emulator/clock.ts';
import { isDocumentedErrorCode } from '../../src/emulator/error-codes.ts';
import { FaultInjector } from '../../src/emulator/faults.ts';
import { EmulatorError, type HandlerTable } from '../../src/emulator/handler.ts';
import type { RunningEmulator, UndocumentedRefusal } from '../../src/emulator/index.ts';
import { createEmulatorServer } from '../../src/emulator/server.ts';
import { EmulatorState } from '../../src/emulator/state.ts';
import { EmulatorStats } from '../../src/emulator/stats.ts';
import { callAction, callOk, startTestEmulator, UndocumentedRefusals } from '../support/emulator.ts';
import { refusingAsDocumented } from './documented-refusals.ts';

/**
 * Each action answers only the error codes it documents, the API's common codes, or a decision CONTRACTS.md
 * records; the test harnesses fail on any other.
 */

describe('the codes an action may answer', () => {
  it('are its own, the common ones and the recorded decisions, nothing else', () => {
    expect(isDocumentedErrorCode('CreateCertificateByPackage', 'InvalidParameter.PackageIdsInvalid')).toBe(
      true,
    );
    expect(isDocumentedErrorCode('CreateCertificateByPackage', 'InvalidParameterValue')).toBe(true);
    expect(isDocumentedErrorCode('CreateCertificateByPackage', 'FailedOperation')).toBe(true);
    // ApplyCertificate's, not CreateCertificateByPackage's.
    expect(isDocumentedErrorCode('CreateCertificateByPackage', 'FailedOperation.PackageNotFound')).toBe(
      false,
    );
    expect(isDocumentedErrorCode('ApplyCertificate', 'FailedOperation.PackageNotFound')).toBe(true);
    // DescribeDownloadCertificateUrl's, used by DownloadCertificate for the same refusal (CONTRACTS.md).
    expect(isDocumentedErrorCode('DownloadCertificate', 'FailedOperation.CertificateNotAllowDownload')).toBe(
      true,
    );
    expect(
      isDocumentedErrorCode(
        'DescribeHostTeoInstanceList',
        'FailedOperation.CertificateHostDeployCanNotAllow',
      ),
    ).toBe(false);
  });
});

describe('the harnesses', () => {
  it('fail a direct handler call refused with a code its action does not document', async () => {
    const refuse = (code: string) => () => {
      throw new EmulatorError(code, 'refused');
    };
    await expect(
      refusingAsDocumented('DescribeHostTeoInstanceList', refuse('FailedOperation.CertificateNotAvailable')),
    ).rejects.toBeInstanceOf(EmulatorError);
    await expect(
      refusingAsDocumented(
        'DescribeHostTeoInstanceList',
        refuse('FailedOperation.CertificateHostDeployCanNotAllow'),
      ),
    ).rejects.toThrow(
      /DescribeHostTeoInstanceList answered FailedOperation.CertificateHostDeployCanNotAllow/,
    );
  });

  it('hear of each refusal over HTTP with a code its action does not document, and fail on it', async () => {
    const clock = new EmulatorClock();
    const heard: UndocumentedRefusal[] = [];
    const handlers: HandlerTable = {
      DescribePackages: () => {
        throw new EmulatorError('FailedOperation.PackageNotFound', 'not one of its codes');
      },
      DescribeCompanies: () => {
        throw new EmulatorError('InvalidParameterValue', 'a common code');
      },
    };
    const server = createEmulatorServer({
      state: new EmulatorState(clock),
      clock,
      credentials: { secretId: 'AKIDcodes', secretKey: 'codes-secret' },
      handlers,
      faults: new FaultInjector(),
      stats: new EmulatorStats(),
      rateLimiter: undefined,
      baseUrl: () => '',
      refuseNamedHosts: false,
      onUndocumentedRefusal: (refusal) => heard.push(refusal),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const emulator = {
        port: (server.address() as AddressInfo).port,
        secretId: 'AKIDcodes',
        secretKey: 'codes-secret',
        clock,
      } as RunningEmulator;
      expect((await callAction(emulator, 'DescribePackages')).Error?.Code).toBe(
        'FailedOperation.PackageNotFound',
      );
      expect((await callAction(emulator, 'DescribeCompanies')).Error?.Code).toBe('InvalidParameterValue');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(heard).toEqual([
      {
        action: 'DescribePackages',
        code: 'FailedOperation.PackageNotFound',
        message: 'not one of its codes',
      },
    ]);
    const refusals = new UndocumentedRefusals();
    for (const refusal of heard) refusals.record(refusal);
    expect(() => refusals.assertNone()).toThrow(/DescribePackages → FailedOperation.PackageNotFound/);
  });
});

describe('refusals the emulator answers with the action’s own codes', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function codeOf(action: string, params: Record<string, unknown>): Promise<string | undefined> {
    return (await callAction(emulator, action, params)).Error?.Code;
  }

  it('CreateCertificateByPackage refuses unknown and expired packages as an invalid package list', async () => {
    const order = { ProductPid: 1013949, DomainCount: '1', Period: 1 };
    expect(await codeOf('CreateCertificateByPackage', { ...order, PackageIds: ['no-such-package'] })).toBe(
      'InvalidParameter.PackageIdsInvalid',
    );
    const expired = emulator.state.accounts.listPackages().find((found) => found.status === 'expired');
    expect(expired).toBeDefined();
    expect(await codeOf('CreateCertificateByPackage', { ...order, PackageIds: [expired?.id] })).toBe(
      'InvalidParameter.PackageIdsInvalid',
    );
  });

  it('the EdgeOne instance list refuses a client certificate as unavailable', async () => {
    const client = emulator.state.certificates
      .all()
      .find((record) => record.certificateType === 'CA' && record.status === 1);
    expect(client).toBeDefined();
    expect(await codeOf('DescribeHostTeoInstanceList', { CertificateId: client?.id })).toBe(
      'FailedOperation.CertificateNotAvailable',
    );
    // The other lists document the "not eligible" code and keep it.
    expect(await codeOf('DescribeHostCdnInstanceList', { CertificateId: client?.id })).toBe(
      'FailedOperation.CertificateHostDeployCanNotAllow',
    );
  });

  it('a bind-resource task refuses more than 100 certificates as a value out of range', async () => {
    const ids = emulator.state.certificates
      .all()
      .slice(0, 101)
      .map((record) => record.id);
    expect(ids).toHaveLength(101);
    expect(await codeOf('CreateCertificateBindResourceSyncTask', { CertificateIds: ids, IsCache: 0 })).toBe(
      'InvalidParameterValue',
    );
    await callOk(emulator, 'CreateCertificateBindResourceSyncTask', {
      CertificateIds: ids.slice(0, 100),
      IsCache: 0,
    });
  });
});
