import { describe, expect, it } from 'vitest';
import { BIND_TASK_QUERY_MS } from '../../src/emulator/domains/bind-tasks.ts';
import { issueLeafCertificate } from '../../src/emulator/pki/ca.ts';
import type { EmulatorState } from '../../src/emulator/state.ts';
import { type DeployTarget, domainsMatchCertificate } from '../../src/emulator/store/resources.ts';
import type { SslActionName, SslRequest } from '../../src/ssl/actions.ts';
import { errorCode, seededEmulator } from './jobs-support.ts';

const isLegacy = (name: string) => /legacy/i.test(name);

/** Issued, unexpired server certificates. */
function issued(state: EmulatorState, now: number) {
  return state.certificates
    .all()
    .filter((c) => c.status === 1 && c.certificateType === 'SVR' && c.certEndTime! > now);
}

/**
 * An issued certificate serving a legacy COS bucket, and another issued certificate to replace it with,
 * covering every COS bucket the old one serves.
 */
function legacyCosPlan(state: EmulatorState, now: number) {
  const legacy = state.resources.targets('cos').find((t) => isLegacy(t.instanceId) && t.slot.at(now))!;
  const oldCertId = legacy.slot.at(now)!;
  const served = state.resources.boundTargets(oldCertId, now).filter((t) => t.resourceType === 'cos');
  const replacement = issued(state, now).find(
    (c) => c.id !== oldCertId && served.every((t) => domainsMatchCertificate(t.domains, c.subjectAltNames)),
  )!;
  return { legacy, oldCertId, newCertId: replacement.id };
}

/** A seeded emulator after the legacy COS update has run: its bucket failed, so the record can be retried. */
async function finishedLegacyCosUpdate() {
  const { state, clock, call } = await seededEmulator();
  const plan = legacyCosPlan(state, clock.now());
  const params = {
    OldCertificateId: plan.oldCertId,
    CertificateId: plan.newCertId,
    ResourceTypes: ['cos'],
    ResourceTypesRegions: [{ ResourceType: 'cos', Regions: [plan.legacy.region!] }],
  };
  await call('UpdateCertificateInstance', params);
  clock.advance(2_000);
  const { DeployRecordId } = await call('UpdateCertificateInstance', params);
  clock.advance(60_000);
  return { state, clock, call, ...plan, DeployRecordId };
}

describe('UpdateCertificateInstance', () => {
  it('answers DeployRecordId 0 until the identical request is repeated after creation, then progresses', async () => {
    const { state, clock, call } = await seededEmulator();
    const { legacy, oldCertId, newCertId } = legacyCosPlan(state, clock.now());
    const bound = state.resources
      .boundTargets(oldCertId, clock.now())
      .filter((t) => t.resourceType === 'cos');
    const params = {
      OldCertificateId: oldCertId,
      CertificateId: newCertId,
      ResourceTypes: ['cos'],
      ResourceTypesRegions: [{ ResourceType: 'cos', Regions: [legacy.region!] }],
    };
    const first = await call('UpdateCertificateInstance', params);
    expect(first.DeployRecordId).toBe(0);
    expect(first.UpdateSyncProgress![0]!.UpdateSyncProgressRegions![0]).toMatchObject({
      Region: legacy.region,
      OffsetCount: 0,
      Status: 0,
    });
    clock.advance(500);
    expect((await call('UpdateCertificateInstance', params)).DeployRecordId).toBe(0);
    clock.advance(1_000);
    const created = await call('UpdateCertificateInstance', params);
    expect(created.DeployRecordId).toBeGreaterThan(0);
    expect(created.DeployStatus).toBe(1);
    const repeat = await call('UpdateCertificateInstance', params);
    expect(repeat).toEqual({
      DeployRecordId: created.DeployRecordId,
      DeployStatus: 0,
      UpdateSyncProgress: null,
    });

    clock.advance(60_000);
    const detail = await call('DescribeHostUpdateRecordDetail', {
      DeployRecordId: String(created.DeployRecordId),
    });
    expect(detail.TotalCount).toBe(bound.filter((t) => t.region === legacy.region).length);
    expect(detail.RecordDetailList[0]!.ResourceType).toBe('cos');
    expect(detail.FailedTotalCount).toBe(1);
    const failed = detail.RecordDetailList[0]!.List.find((d) => d.Status === 2)!;
    expect(failed.InstanceId).toBe(legacy.primaryId);
    expect(legacy.slot.at(clock.now())).toBe(oldCertId);

    await call('UpdateCertificateRecordRetry', { DeployRecordId: created.DeployRecordId });
    clock.advance(60_000);
    expect(legacy.slot.at(clock.now())).toBe(newCertId);
    const records = await call('DescribeHostUpdateRecord', { OldCertificateId: oldCertId });
    expect(records.DeployRecordList[0]).toMatchObject({
      Id: created.DeployRecordId,
      Status: 1,
      CertId: newCertId,
    });

    const rollback = await call('UpdateCertificateRecordRollback', {
      DeployRecordId: created.DeployRecordId,
    });
    clock.advance(60_000);
    const rolledBack = await call('DescribeHostUpdateRecordDetail', {
      DeployRecordId: String(rollback.DeployRecordId),
    });
    expect(rolledBack.RecordDetailList[0]!.List.every((d) => d.Status === 4)).toBe(true);
    expect(legacy.slot.at(clock.now())).toBe(oldCertId);
  });

  it('refuses a new certificate that does not cover the bound instances in scope', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const target = state.resources.targets('cdn').find((t) => t.slot.at(now) !== null)!;
    const oldCertId = target.slot.at(now)!;
    const foreign = issued(state, now).find(
      (c) => c.id !== oldCertId && !domainsMatchCertificate(target.domains, c.subjectAltNames),
    )!;
    const params = { OldCertificateId: oldCertId, CertificateId: foreign.id, ResourceTypes: ['cdn'] };
    expect(await errorCode(call('UpdateCertificateInstance', params))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    clock.advance(2_000);
    expect(await errorCode(call('UpdateCertificateInstance', params))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    expect(state.jobs.updateRecords.some((r) => r.certId === foreign.id)).toBe(false);
    expect(target.slot.at(clock.now() + 60_000)).toBe(oldCertId);
  });

  it('refuses a retry while another task installs the new certificate on the same type', async () => {
    const { clock, call, legacy, oldCertId, newCertId, DeployRecordId } = await finishedLegacyCosUpdate();
    expect(legacy.slot.at(clock.now())).toBe(oldCertId);
    const deploy = await call(
      'DeployCertificateInstance',
      { CertificateId: newCertId, InstanceIdList: [legacy.instanceId], ResourceType: 'cos' },
      legacy.region!,
    );
    expect(deploy.DeployStatus).toBe(1);
    expect(await errorCode(call('UpdateCertificateRecordRetry', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateDeployHasPendingRecord',
    );
  });

  it('refuses to retry or roll back onto an instance the certificate to install does not cover', async () => {
    const { state, clock, call, legacy, oldCertId, newCertId, DeployRecordId } =
      await finishedLegacyCosUpdate();
    // The bucket now also serves a domain the new certificate does not cover: the retry is refused.
    legacy.domains.push('elsewhere.not-covered.invalid');
    expect(await errorCode(call('UpdateCertificateRecordRetry', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    legacy.domains.pop();
    await call('UpdateCertificateRecordRetry', { DeployRecordId });
    clock.advance(60_000);
    expect(legacy.slot.at(clock.now())).toBe(newCertId);
    // A domain only the new certificate covers: rolling back to the old one is refused.
    const newNames = state.certificates.require(newCertId).subjectAltNames;
    const oldNames = state.certificates.require(oldCertId).subjectAltNames;
    const onlyNew = newNames
      .map((name) => (name.startsWith('*.') ? `other-host${name.slice(1)}` : name))
      .find((host) => !domainsMatchCertificate([host], oldNames))!;
    expect(onlyNew).toBeDefined();
    legacy.domains.push(onlyNew);
    expect(await errorCode(call('UpdateCertificateRecordRollback', { DeployRecordId }))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    legacy.domains.pop();
    expect(
      (await call('UpdateCertificateRecordRollback', { DeployRecordId })).DeployRecordId,
    ).toBeGreaterThan(DeployRecordId);
  });

  it('validates types, regions and emptiness, and pages per type with String Limit/Offset', async () => {
    const { state, clock, call } = await seededEmulator();
    const { oldCertId, newCertId } = legacyCosPlan(state, clock.now());
    const base = { OldCertificateId: oldCertId, CertificateId: newCertId };
    expect(
      await errorCode(call('UpdateCertificateInstance', { ...base, ResourceTypes: ['lighthouse'] })),
    ).toBe('FailedOperation.CertificateHostResourceTypeInvalid');
    const allRegions = await call('UpdateCertificateInstance', { ...base, ResourceTypes: ['cos'] });
    expect(allRegions.UpdateSyncProgress![0]!.UpdateSyncProgressRegions!.map((r) => r.Region)).toEqual(
      state.resources.regionsOf('cos'),
    );
    const unboundOld = state.certificates
      .all()
      .find((c) => c.id !== newCertId && !state.resources.isCertificateBound(c.id))!;
    expect(
      await errorCode(
        call('UpdateCertificateInstance', {
          ...base,
          OldCertificateId: unboundOld.id,
          ResourceTypes: ['cdn'],
        }),
      ),
    ).toBe('FailedOperation.CertificateDeployInstanceEmpty');
    const seeded = state.jobs.updateRecords[0]!;
    const page = await call('DescribeHostUpdateRecordDetail', {
      DeployRecordId: String(seeded.id),
      Limit: '1',
      Offset: '0',
    });
    for (const group of page.RecordDetailList) expect(group.List.length).toBeLessThanOrEqual(1);
    expect(page.TotalCount).toBe(seeded.items.length);
  });
});

describe('UploadUpdateCertificateInstance', () => {
  it('replaces the content keeping the id, on clb only, with rollback as a Type 1 record', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const target = state.resources.targets('clb').find((t) => t.slot.at(now) && t.domains.length > 0)!;
    const certificate = state.certificates.require(target.slot.at(now)!);
    const originalPem = certificate.certificatePem;
    const issued = issueLeafCertificate({
      domain: certificate.domain,
      subjectAltNames: certificate.subjectAltNames,
      notBefore: now - 60_000,
      notAfter: now + 200 * 24 * 3600_000,
    });
    const params = {
      OldCertificateId: certificate.id,
      ResourceTypes: ['clb'],
      CertificatePublicKey: issued.certificatePem,
      CertificatePrivateKey: issued.privateKeyPem!,
      ResourceTypesRegions: [{ ResourceType: 'clb', Regions: [target.region!] }],
    };
    expect(
      await errorCode(call('UploadUpdateCertificateInstance', { ...params, ResourceTypes: ['cdn'] })),
    ).toBe('FailedOperation.CertificateHostResourceTypeInvalid');
    expect((await call('UploadUpdateCertificateInstance', params)).DeployRecordId).toBe(0);
    clock.advance(2_000);
    const { DeployRecordId } = await call('UploadUpdateCertificateInstance', params);
    expect(DeployRecordId).toBeGreaterThan(0);
    expect(state.certificates.require(certificate.id).certificatePem).not.toBe(originalPem);
    clock.advance(60_000);
    const detail = await call('DescribeHostUploadUpdateRecordDetail', { DeployRecordId, Limit: 500 });
    expect(detail.DeployRecordDetail).toHaveLength(1);
    expect(detail.DeployRecordDetail[0]).toMatchObject({ Type: 0, RunningTotalCount: 0 });
    expect(detail.DeployRecordDetail[0]!.RecordDetailList[0]!.ResourceType).toBe('clb');

    expect(await call('UploadUpdateCertificateRecordRollback', { DeployRecordId })).toEqual({});
    expect(state.certificates.require(certificate.id).certificatePem).toBe(originalPem);
    clock.advance(60_000);
    const after = await call('DescribeHostUploadUpdateRecordDetail', { DeployRecordId });
    expect(after.DeployRecordDetail.map((r) => r.Type)).toEqual([0, 1]);
    expect(after.DeployRecordDetail[1]!.Status).toBe(4);
    const list = await call('DescribeHostUploadUpdateRecord', { OldCertificateId: certificate.id });
    expect(list.DeployRecordList[0]).toMatchObject({ Id: DeployRecordId, Status: 4 });
  });
});

describe('UploadUpdateCertificateInstance coverage', () => {
  it('refuses content that does not cover the bound instances, keeping the certificate as it was', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const target = state.resources.targets('clb').find((t) => t.slot.at(now) && t.domains.length > 0)!;
    const certificate = state.certificates.require(target.slot.at(now)!);
    const before = { domain: certificate.domain, pem: certificate.certificatePem };
    const unrelated = issueLeafCertificate({
      domain: 'unrelated.invalid-example.org',
      subjectAltNames: ['unrelated.invalid-example.org'],
      notBefore: now - 60_000,
      notAfter: now + 200 * 24 * 3600_000,
    });
    const params = {
      OldCertificateId: certificate.id,
      ResourceTypes: ['clb'],
      CertificatePublicKey: unrelated.certificatePem,
      CertificatePrivateKey: unrelated.privateKeyPem!,
      ResourceTypesRegions: [{ ResourceType: 'clb', Regions: [target.region!] }],
    };
    expect(await errorCode(call('UploadUpdateCertificateInstance', params))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    clock.advance(2_000);
    expect(await errorCode(call('UploadUpdateCertificateInstance', params))).toBe(
      'FailedOperation.CertificateNotDeployInstance',
    );
    const after = state.certificates.require(certificate.id);
    expect({ domain: after.domain, pem: after.certificatePem }).toEqual(before);
  });
});

describe('documented error codes', () => {
  it('answers an unknown record id with a code each action documents', async () => {
    const { call } = await seededEmulator();
    const unknown = 999_999;
    const invalidParam = 'FailedOperation.InvalidParam';
    // The last three document CertificateDeployNotExist; the others do not.
    const notExist = 'FailedOperation.CertificateDeployNotExist';
    const cases: ReadonlyArray<readonly [SslActionName, Record<string, unknown>, string]> = [
      ['DeployCertificateRecordRetry', { DeployRecordId: unknown }, invalidParam],
      ['DeployCertificateRecordRetry', { DeployRecordDetailId: unknown }, invalidParam],
      ['UpdateCertificateRecordRetry', { DeployRecordId: unknown }, invalidParam],
      ['UploadUpdateCertificateRecordRetry', { DeployRecordId: unknown }, invalidParam],
      ['UpdateCertificateRecordRollback', { DeployRecordId: unknown }, invalidParam],
      ['UploadUpdateCertificateRecordRollback', { DeployRecordId: unknown }, invalidParam],
      ['DescribeHostUploadUpdateRecordDetail', { DeployRecordId: unknown }, invalidParam],
      ['DeployCertificateRecordRollback', { DeployRecordId: unknown }, notExist],
      ['DescribeHostDeployRecordDetail', { DeployRecordId: String(unknown) }, notExist],
      ['DescribeHostUpdateRecordDetail', { DeployRecordId: String(unknown) }, notExist],
    ];
    for (const [action, params, code] of cases) {
      expect(await errorCode(call(action, params as SslRequest<typeof action>)), action).toBe(code);
    }
  });

  it('answers a key that does not match the certificate with CertificateMatchError on the update actions', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const target = state.resources.targets('clb').find((t) => t.slot.at(now) && t.domains.length > 0)!;
    const certificate = state.certificates.require(target.slot.at(now)!);
    const issue = () =>
      issueLeafCertificate({
        domain: certificate.domain,
        subjectAltNames: certificate.subjectAltNames,
        notBefore: now - 60_000,
        notAfter: now + 200 * 24 * 3600_000,
      });
    const [one, other] = [issue(), issue()];
    const mismatched = {
      CertificatePublicKey: one.certificatePem,
      CertificatePrivateKey: other.privateKeyPem!,
    };
    expect(
      await errorCode(
        call('UpdateCertificateInstance', {
          OldCertificateId: certificate.id,
          ResourceTypes: ['clb'],
          ...mismatched,
        }),
      ),
    ).toBe('FailedOperation.CertificateMatchError');
    expect(
      await errorCode(
        call('UploadUpdateCertificateInstance', {
          OldCertificateId: certificate.id,
          ResourceTypes: ['clb'],
          ...mismatched,
        }),
      ),
    ).toBe('FailedOperation.CertificateMatchError');
  });
});

describe('bind-resource tasks', () => {
  it('queries for a few seconds, reuses recent tasks with IsCache=1 and pages per type and region', async () => {
    const { state, clock, call } = await seededEmulator();
    const target = state.resources.targets('clb').find((t) => t.slot.at(clock.now()))!;
    const certId = target.slot.at(clock.now())!;
    const { CertTaskIds } = await call('CreateCertificateBindResourceSyncTask', {
      CertificateIds: [certId],
      IsCache: 1,
    });
    const taskId = CertTaskIds[0]!.TaskId;
    const pending = await call('DescribeCertificateBindResourceTaskResult', { TaskIds: [taskId] });
    expect(pending.SyncTaskBindResourceResult[0]).toMatchObject({ Status: 0, BindResourceResult: [] });
    clock.advance(3_000);
    const done = await call('DescribeCertificateBindResourceTaskResult', { TaskIds: [taskId] });
    const clb = done.SyncTaskBindResourceResult[0]!.BindResourceResult.find((r) => r.ResourceType === 'clb')!;
    const total = clb.BindResourceRegionResult.reduce((sum, r) => sum + r.TotalCount, 0);
    // One per load balancer serving the certificate, whichever of its listeners or rules do.
    const loadBalancers = new Set(
      state.resources
        .boundTargets(certId, clock.now())
        .flatMap((t) => (t.resourceType === 'clb' ? [t.primaryId] : [])),
    );
    expect(total).toBe(loadBalancers.size);

    const reused = await call('CreateCertificateBindResourceSyncTask', {
      CertificateIds: [certId],
      IsCache: 1,
    });
    expect(reused.CertTaskIds[0]!.TaskId).toBe(taskId);
    const fresh = await call('CreateCertificateBindResourceSyncTask', {
      CertificateIds: [certId],
      IsCache: 0,
    });
    expect(fresh.CertTaskIds[0]!.TaskId).not.toBe(taskId);
    clock.advance(31 * 60_000);
    const expired = await call('CreateCertificateBindResourceSyncTask', {
      CertificateIds: [certId],
      IsCache: 1,
    });
    expect([taskId, fresh.CertTaskIds[0]!.TaskId]).not.toContain(expired.CertTaskIds[0]!.TaskId);

    const detail = await call('DescribeCertificateBindResourceTaskDetail', {
      TaskId: taskId,
      ResourceTypes: ['clb'],
      Regions: [target.region!],
      Limit: '1',
    });
    expect(detail.Status).toBe(1);
    expect(detail.CDN).toEqual([]);
    expect(detail.CLB).toHaveLength(1);
    expect(detail.CLB[0]!.InstanceList.length).toBe(1);
    expect(detail.CLB[0]!.InstanceList[0]!.LoadBalancerId).toBe(target.primaryId);
    expect(await errorCode(call('DescribeCertificateBindResourceTaskDetail', { TaskId: 'nope' }))).toBe(
      'FailedOperation.CertificateSyncTaskIdInvalid',
    );
  });

  it('counts in the result what the detail lists: instances, not their bound listeners, secrets or domains', async () => {
    const { state, clock, call } = await seededEmulator();
    const now = clock.now();
    const certId = state.certificates.all().find((c) => !state.resources.isCertificateBound(c.id))!.id;
    // Two parts of one instance each: listeners or rules of a load balancer, secrets of a TKE cluster,
    // certificates of a TSE gateway, domains of a TCB environment.
    const typesWithParts = ['clb', 'tke', 'tse', 'tcb'] as const;
    for (const type of typesWithParts) {
      const targets = state.resources.targets(type);
      const sameInstance = (a: DeployTarget, b: DeployTarget) =>
        a.primaryId === b.primaryId && a.region === b.region;
      const withSibling = targets.find((t) => targets.some((o) => o !== t && sameInstance(o, t)))!;
      const [part, sibling] = targets.filter((t) => sameInstance(t, withSibling));
      part!.slot.schedule(certId, now);
      sibling!.slot.schedule(certId, now);
    }
    const { CertTaskIds } = await call('CreateCertificateBindResourceSyncTask', {
      CertificateIds: [certId],
      IsCache: 0,
    });
    const TaskId = CertTaskIds[0]!.TaskId;
    clock.advance(BIND_TASK_QUERY_MS);
    const result = (await call('DescribeCertificateBindResourceTaskResult', { TaskIds: [TaskId] }))
      .SyncTaskBindResourceResult[0]!;
    const detail = await call('DescribeCertificateBindResourceTaskDetail', { TaskId, Limit: '100' });

    // "type region" → the detail's TotalCount (TCB lists carry none: their environments, all on one page).
    const detailTotals = new Map<string, number>();
    const regionalLists = {
      clb: detail.CLB,
      waf: detail.WAF,
      tke: detail.TKE,
      apigateway: detail.APIGATEWAY,
      tse: detail.TSE,
      cos: detail.COS,
    };
    for (const [type, lists] of Object.entries(regionalLists))
      for (const list of lists) detailTotals.set(`${type} ${list.Region}`, list.TotalCount);
    const globalLists = {
      cdn: detail.CDN,
      ddos: detail.DDOS,
      live: detail.LIVE,
      vod: detail.VOD,
      teo: detail.TEO,
    };
    for (const [type, lists] of Object.entries(globalLists))
      for (const list of lists) detailTotals.set(`${type} `, list.TotalCount);
    for (const list of detail.TCB) detailTotals.set(`tcb ${list.Region}`, list.Environments?.length ?? 0);

    const resultTotals = new Map(
      result.BindResourceResult.flatMap((type) =>
        type.BindResourceRegionResult.map(
          (region) => [`${type.ResourceType} ${region.Region}`, region.TotalCount] as const,
        ),
      ),
    );
    expect(resultTotals).toEqual(detailTotals);
    for (const type of typesWithParts) {
      const total = result.BindResourceResult.find(
        (r) => r.ResourceType === type,
      )!.BindResourceRegionResult.reduce((sum, region) => sum + region.TotalCount, 0);
      expect({ type, total }).toEqual({ type, total: 1 });
    }
  });

  it('enforces the certificate-id limits', async () => {
    const { state, call } = await seededEmulator();
    const ids = Array.from({ length: 101 }, () => state.certificates.all()[0]!.id);
    expect(
      await errorCode(call('CreateCertificateBindResourceSyncTask', { CertificateIds: ids, IsCache: 1 })),
    ).toBe('InvalidParameterValue');
    expect(
      await errorCode(
        call('DescribeDeployedResources', { CertificateIds: ids.slice(0, 51), ResourceType: 'clb' }),
      ),
    ).toBe('InvalidParameter.CertificateIdNumberLimit');
  });

  it('lists deployed resources with the legacy "antiddos" spelling', async () => {
    const { state, clock, call } = await seededEmulator();
    const target = state.resources.targets('ddos').find((t) => t.slot.at(clock.now()))!;
    const certId = target.slot.at(clock.now())!;
    const result = await call('DescribeDeployedResources', {
      CertificateIds: [certId],
      ResourceType: 'antiddos',
    });
    expect(result.DeployedResources[0]).toMatchObject({ CertificateId: certId, Type: 'antiddos' });
    expect(result.DeployedResources[0]!.ResourceIds).toEqual(result.DeployedResources[0]!.Resources);
    expect(result.DeployedResources[0]!.Resources).toContain(target.primaryId);
    expect(
      await errorCode(call('DescribeDeployedResources', { CertificateIds: [certId], ResourceType: 'ddos' })),
    ).toBe('InvalidParameter.WithDetailReason');
  });
});
