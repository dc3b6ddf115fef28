import { describe, expect, it } from 'vitest';
import type { EmulatorState } from '../../src/emulator/state.ts';
import {
  CertificateSlot,
  type DeployTarget,
  domainsMatchCertificate,
  type ResourceType,
} from '../../src/emulator/store/resources.ts';
import { errorCode, seededEmulator } from './jobs-support.ts';

const isLegacy = (t: DeployTarget) => /legacy/i.test(`${t.instanceId} ${t.instanceName}`);

/** An issued certificate and targets of `type` in one region it may be deployed to. */
function deployPlan(state: EmulatorState, now: number, type: ResourceType, wantLegacy: boolean) {
  const issued = state.certificates
    .all()
    .filter((c) => c.status === 1 && c.certificateType === 'SVR' && c.certEndTime! > now);
  for (const certificate of issued) {
    const fits = state.resources
      .targets(type)
      .filter(
        (t) =>
          (t.domains.length > 0 || wantLegacy) &&
          domainsMatchCertificate(t.domains, certificate.subjectAltNames),
      )
      .filter((t) => t.slot.at(now) !== certificate.id);
    const legacy = fits.find(isLegacy);
    const region = (wantLegacy ? legacy : fits[0])?.region;
    if (!fits.length || (wantLegacy && !legacy)) continue;
    const inRegion = fits.filter((t) => t.region === region);
    return { certificate, targets: inRegion, region: region ?? undefined };
  }
  throw new Error(`no deploy plan for ${type}`);
}

describe('deploy records', () => {
  it('deploys, progresses per instance over time and rebinds on success', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets } = deployPlan(state, clock.now(), 'cdn', false);
    const target = targets[0]!;
    const oldCertId = target.slot.at(clock.now());
    const { DeployRecordId, DeployStatus } = await call('DeployCertificateInstance', {
      CertificateId: certificate.id,
      InstanceIdList: [`${target.instanceId}|on`],
      ResourceType: 'cdn',
    });
    expect(DeployStatus).toBe(1);
    const detail = () => call('DescribeHostDeployRecordDetail', { DeployRecordId: String(DeployRecordId) });
    expect((await detail()).DeployRecordDetailList[0]!.Status).toBe(0);
    expect((await detail()).RunningTotalCount).toBe(1);
    clock.advance(1_000);
    expect((await detail()).DeployRecordDetailList[0]!.Status).toBe(3);
    expect(target.slot.at(clock.now())).toBe(oldCertId);
    clock.advance(2_000);
    const done = await detail();
    expect(done.DeployRecordDetailList[0]).toMatchObject({
      Status: 1,
      CertId: certificate.id,
      OldCertId: oldCertId ?? '',
    });
    expect(done.SuccessTotalCount).toBe(1);
    expect(target.slot.at(clock.now())).toBe(certificate.id);
    const list = await call('DescribeHostDeployRecord', {
      CertificateId: certificate.id,
      ResourceType: 'cdn',
    });
    expect(list.DeployRecordList[0]).toMatchObject({ Id: DeployRecordId, Status: 1, ResourceType: 'cdn' });
    const logs = state.operationLogs as unknown as { all?: () => Array<{ certId: string; type: string }> };
    if (logs.all)
      expect(logs.all().some((l) => l.certId === certificate.id && l.type === 'deploy')).toBe(true);
  });

  it('requires a region for regional types and keeps one running task per certificate and type', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets, region } = deployPlan(state, clock.now(), 'clb', false);
    const params = {
      CertificateId: certificate.id,
      InstanceIdList: [targets[0]!.instanceId],
      ResourceType: 'clb',
    };
    expect(await errorCode(call('DeployCertificateInstance', params))).toBe(
      'InvalidParameter.RegionNotEmpty',
    );
    const first = await call('DeployCertificateInstance', params, region);
    const again = await call('DeployCertificateInstance', params, region);
    expect(again).toEqual({ DeployRecordId: first.DeployRecordId, DeployStatus: 0 });
    expect(
      await errorCode(call('DeployCertificateInstance', { ...params, InstanceIdList: ['lb-only'] }, region)),
    ).toBe('FailedOperation.CertificateDeployInstanceFormatError');
    clock.advance(10_000);
    // Finished: the instance now serves the certificate, so deploying it there again creates nothing.
    expect(await errorCode(call('DeployCertificateInstance', params, region))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    // Another listener (a layer-4 one accepts any certificate) gets a new task.
    const other = state.resources
      .targets('clb')
      .find((t) => t.domains.length === 0 && t.slot.at(clock.now()) !== certificate.id)!;
    const third = await call(
      'DeployCertificateInstance',
      { ...params, InstanceIdList: [other.instanceId] },
      other.region ?? region,
    );
    expect(third.DeployStatus).toBe(1);
    expect(third.DeployRecordId).not.toBe(first.DeployRecordId);
    expect(await errorCode(call('DescribeHostDeployRecordDetail', { DeployRecordId: '999999' }))).toBe(
      'FailedOperation.CertificateDeployNotExist',
    );
  });

  it('fails legacy instances on the first attempt, retries only failed items, then rolls back successes', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets, region } = deployPlan(state, clock.now(), 'clb', true);
    const before = new Map(targets.map((t) => [t.instanceId, t.slot.at(clock.now())]));
    const { DeployRecordId } = await call(
      'DeployCertificateInstance',
      { CertificateId: certificate.id, InstanceIdList: targets.map((t) => t.instanceId) },
      region,
    );
    expect(await errorCode(call('DeployCertificateRecordRetry', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateDeployHasPendingRecord',
    );
    clock.advance(60_000);
    const detail = await call('DescribeHostDeployRecordDetail', {
      DeployRecordId: String(DeployRecordId),
      Limit: 200,
    });
    const failed = detail.DeployRecordDetailList.filter((d) => d.Status === 2);
    expect(failed.length).toBe(targets.filter(isLegacy).length);
    expect(failed.every((d) => d.ErrorMsg !== '')).toBe(true);
    expect(detail.FailedTotalCount).toBe(failed.length);
    for (const t of targets)
      expect(t.slot.at(clock.now())).toBe(isLegacy(t) ? before.get(t.instanceId) : certificate.id);

    await call('DeployCertificateRecordRetry', { DeployRecordDetailId: failed[0]!.Id });
    clock.advance(60_000);
    const retried = await call('DescribeHostDeployRecordDetail', {
      DeployRecordId: String(DeployRecordId),
      Limit: 200,
    });
    expect(retried.DeployRecordDetailList.find((d) => d.Id === failed[0]!.Id)!.Status).toBe(1);
    if (failed.length === 1) {
      expect(await errorCode(call('DeployCertificateRecordRetry', { DeployRecordId }))).toBe(
        'FailedOperation.CertificateDeployRetryStatusInvalid',
      );
    }

    const { DeployRecordId: rollbackId } = await call('DeployCertificateRecordRollback', { DeployRecordId });
    expect(rollbackId).toBeGreaterThan(DeployRecordId);
    expect(await errorCode(call('DeployCertificateRecordRollback', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateDeployRollbackStatusInvalid',
    );
    clock.advance(60_000);
    const rolledBack = await call('DescribeHostDeployRecordDetail', {
      DeployRecordId: String(rollbackId),
      Limit: 200,
    });
    expect(rolledBack.SuccessTotalCount).toBe(rolledBack.TotalCount);
    for (const t of targets) expect(t.slot.at(clock.now())).toBe(before.get(t.instanceId));
  });

  it('refuses to deploy a certificate to an instance that already serves it', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const target = state.resources.targets('cdn').find((t) => t.slot.at(now) !== null)!;
    const certId = target.slot.at(now)!;
    const records = state.jobs.deployRecords.length;
    expect(
      await errorCode(
        call('DeployCertificateInstance', {
          CertificateId: certId,
          InstanceIdList: [`${target.instanceId}|on`],
          ResourceType: 'cdn',
        }),
      ),
    ).toBe('FailedOperation.CertificateNotDeployInstance');
    expect(state.jobs.deployRecords.length).toBe(records);
  });

  it('refuses a layer-7 CLB listener without rules, and deploys any certificate to a layer-4 one', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate } = deployPlan(state, clock.now(), 'cdn', false);
    const listener = (listenerId: string, protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'TCP_SSL') => ({
      listenerId,
      name: listenerId,
      protocol,
      port: 443,
      sniSwitch: 0 as const,
      slot: new CertificateSlot(null),
      rules: [],
    });
    state.resources.add('clb', {
      region: 'ap-guangzhou',
      loadBalancerId: 'lb-test0001',
      name: 'layers',
      forward: 1,
      listeners: [listener('lbl-https', 'HTTPS'), listener('lbl-http', 'HTTP'), listener('lbl-tcp', 'TCP')],
    });
    const deploy = (listenerId: string) =>
      call(
        'DeployCertificateInstance',
        { CertificateId: certificate.id, InstanceIdList: [`lb-test0001|${listenerId}`], ResourceType: 'clb' },
        'ap-guangzhou',
      );
    expect(await errorCode(deploy('lbl-https'))).toBe('FailedOperation.CertificateNotDeployInstance');
    expect(await errorCode(deploy('lbl-http'))).toBe('FailedOperation.CertificateNotDeployInstance');
    expect((await deploy('lbl-tcp')).DeployStatus).toBe(1);
  });

  it('refuses a retry while another task installs the same certificate on the same type', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets, region } = deployPlan(state, clock.now(), 'clb', true);
    const legacy = targets.find(isLegacy)!;
    const { DeployRecordId } = await call(
      'DeployCertificateInstance',
      { CertificateId: certificate.id, InstanceIdList: targets.map((t) => t.instanceId) },
      region,
    );
    clock.advance(60_000);
    const other = await call(
      'DeployCertificateInstance',
      { CertificateId: certificate.id, InstanceIdList: [legacy.instanceId] },
      region,
    );
    expect(other.DeployStatus).toBe(1);
    expect(other.DeployRecordId).not.toBe(DeployRecordId);
    expect(await errorCode(call('DeployCertificateRecordRetry', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateDeployHasPendingRecord',
    );
    clock.advance(60_000);
    expect(await call('DeployCertificateRecordRetry', { DeployRecordId })).toEqual({});
  });

  it('refuses rollback while running and for certificates that are not deployable', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets, region } = deployPlan(state, clock.now(), 'clb', false);
    const { DeployRecordId } = await call(
      'DeployCertificateInstance',
      { CertificateId: certificate.id, InstanceIdList: [targets[0]!.instanceId] },
      region,
    );
    expect(await errorCode(call('DeployCertificateRecordRollback', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateDeployDetailRollbackStatusInvalid',
    );
    const unissued = state.certificates.all().find((c) => c.status !== 1)!;
    expect(
      await errorCode(
        call('DeployCertificateInstance', { CertificateId: unissued.id, InstanceIdList: ['x'] }, region),
      ),
    ).toMatch(/^FailedOperation\.Certificate(NotAvailable|HostDeployCanNotAllow)$/);
  });

  it('shows cached instance lists as of the cache time until refreshed', async () => {
    const { state, clock, call } = await seededEmulator();
    const { certificate, targets } = deployPlan(state, clock.now(), 'vod', false);
    const target = targets[0]!;
    await call('DescribeHostVodInstanceList', {});
    await call('DeployCertificateInstance', {
      CertificateId: certificate.id,
      InstanceIdList: [target.instanceId],
      ResourceType: 'vod',
    });
    clock.advance(10_000);
    const cached = await call('DescribeHostVodInstanceList', {});
    expect(cached.InstanceList.find((d) => d.Domain === target.domains[0])!.CertId).not.toBe(certificate.id);
    const fresh = await call('DescribeHostVodInstanceList', { IsCache: 0 });
    expect(fresh.InstanceList.find((d) => d.Domain === target.domains[0])!.CertId).toBe(certificate.id);
  });
});

describe('seeded job history', () => {
  it('holds finished deploy and update records, one of each partly failed', async () => {
    const { state, call } = await seededEmulator();
    const [clean, partial] = state.jobs.deployRecords;
    const cleanDetail = await call('DescribeHostDeployRecordDetail', { DeployRecordId: String(clean!.id) });
    expect(cleanDetail.FailedTotalCount).toBe(0);
    expect(cleanDetail.RunningTotalCount).toBe(0);
    const partialDetail = await call('DescribeHostDeployRecordDetail', {
      DeployRecordId: String(partial!.id),
    });
    expect(partialDetail.FailedTotalCount).toBe(1);
    const updates = await call('DescribeHostUpdateRecord', {});
    expect(updates.TotalCount).toBe(2);
    expect(updates.DeployRecordList.map((r) => r.Status).sort()).toEqual([1, 2]);
  });

  it('pairs certificates only with instances they cover, and updates with what the instances served', async () => {
    const { state, clock } = await seededEmulator();
    const now = clock.now();
    const names = (certId: string | null) => state.certificates.get(certId ?? '')?.subjectAltNames ?? [];
    const jobs = state.jobs;
    const allItems = [
      ...jobs.deployRecords.flatMap((r) => r.items),
      ...jobs.updateRecords.flatMap((r) => r.items),
      ...jobs.uploadUpdateRecords.flatMap((r) => r.phases.flatMap((p) => p.items)),
    ];
    expect(allItems.length).toBeGreaterThan(0);
    for (const item of allItems) {
      expect(domainsMatchCertificate(item.target.domains, names(item.certId)), item.target.instanceId).toBe(
        true,
      );
      // What the instance serves now: the new certificate if the item succeeded, the old one otherwise.
      const succeeded = item.phaseAt(now) === 'succeeded';
      expect(item.target.slot.at(now)).toBe(succeeded ? item.certId : item.oldCertId);
    }
    for (const record of jobs.updateRecords) {
      for (const item of record.items) {
        expect(item.oldCertId).toBe(record.oldCertId);
        expect(domainsMatchCertificate(item.target.domains, names(record.oldCertId))).toBe(true);
      }
    }
  });
});
