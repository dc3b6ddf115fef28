import { describe, expect, it } from 'vitest';
import { certificateNameCovers, RESOURCE_TYPES } from '../../src/emulator/store/resources.ts';
import { errorCode, seededEmulator } from './jobs-support.ts';

describe('seeded resources', () => {
  it('seeds every resource type deterministically, many bound to issued certificates', async () => {
    const a = await seededEmulator();
    const b = await seededEmulator();
    for (const type of RESOURCE_TYPES) {
      const targets = a.state.resources.targets(type);
      expect(targets.length, type).toBeGreaterThanOrEqual(3);
      expect(targets.map((t) => t.instanceId)).toEqual(
        b.state.resources.targets(type).map((t) => t.instanceId),
      );
    }
    const now = a.clock.now();
    const bound = a.state.resources.allTargets().filter((t) => t.slot.at(now) !== null);
    expect(bound.length).toBeGreaterThan(20);
    for (const target of bound) {
      const certificate = a.state.certificates.require(target.slot.at(now)!);
      expect(certificate.status).toBe(1);
      for (const domain of target.domains) {
        expect(certificate.subjectAltNames.some((name) => certificateNameCovers(name, domain))).toBe(true);
      }
    }
    const certId = bound[0]!.slot.at(now)!;
    expect(a.state.resources.isCertificateBound(certId)).toBe(true);
    expect(a.state.resources.instancesBoundTo(certId)).toContainEqual({
      resourceType: bound[0]!.resourceType,
      region: bound[0]!.region,
      instanceId: bound[0]!.instanceId,
    });
  });

  it('matches wildcard names one label deep only', () => {
    expect(certificateNameCovers('*.example.org', 'www.example.org')).toBe(true);
    expect(certificateNameCovers('*.example.org', 'a.b.example.org')).toBe(false);
    expect(certificateNameCovers('*.example.org', 'example.org')).toBe(false);
    expect(certificateNameCovers('Example.org', 'example.ORG')).toBe(true);
  });
});

describe('DescribeHost*InstanceList', () => {
  it('lists CDN domains matching the certificate, or the others with domainMatch "0", with paging', async () => {
    const { state, clock, call } = await seededEmulator();
    const target = state.resources.targets('cdn').find((t) => t.slot.at(clock.now()) !== null)!;
    const certId = target.slot.at(clock.now())!;
    const names = state.certificates.require(certId).subjectAltNames;
    const matching = await call('DescribeHostCdnInstanceList', { CertificateId: certId });
    expect(matching.InstanceList.map((d) => d.Domain)).toContain(target.domains[0]);
    for (const item of matching.InstanceList) {
      expect(names.some((n) => certificateNameCovers(n, item.Domain))).toBe(true);
    }
    const others = await call('DescribeHostCdnInstanceList', {
      CertificateId: certId,
      Filters: [{ FilterKey: 'domainMatch', FilterValue: '0' }],
    });
    expect(others.TotalCount + matching.TotalCount).toBe(state.resources.targets('cdn').length);
    const all = await call('DescribeHostCdnInstanceList', { Limit: 200 });
    expect(all.TotalCount).toBe(state.resources.targets('cdn').length);
    const secondPage = await call('DescribeHostCdnInstanceList', { Offset: 3, Limit: 2 });
    expect(secondPage.InstanceList).toEqual(all.InstanceList.slice(3, 5));
    expect(secondPage.TotalCount).toBe(all.TotalCount);
    const defaultPage = await call('DescribeHostCdnInstanceList', {});
    expect(defaultPage.InstanceList.length).toBe(Math.min(10, all.TotalCount));
  });

  it('restricts to instances serving OldCertificateId and flags CLB rules against the certificate', async () => {
    const { state, clock, call } = await seededEmulator();
    const target = state.resources
      .targets('clb')
      .find((t) => t.details.sniSwitch === 1 && t.slot.at(clock.now()))!;
    const certId = target.slot.at(clock.now())!;
    const result = await call('DescribeHostClbInstanceList', {
      CertificateId: certId,
      OldCertificateId: certId,
    });
    const lb = result.InstanceList.find((i) => i.LoadBalancerId === target.primaryId)!;
    expect(lb).toBeDefined();
    const rule = lb.Listeners.flatMap((l) => l.Rules).find((r) => r.Domain === target.domains[0])!;
    expect(rule.IsMatch).toBe(true);
    expect(rule.Certificate.CertId).toBe(certId);
    expect(rule.NoMatchDomains).toEqual([]);
    for (const instance of result.InstanceList) {
      const serves = instance.Listeners.some(
        (l) => l.Certificate.CertId === certId || l.Rules.some((r) => r.Certificate.CertId === certId),
      );
      expect(serves).toBe(true);
    }
    expect(result).toHaveProperty('AsyncCacheTime');
  });

  it('serves every list action, with the documented output fields only', async () => {
    const { call } = await seededEmulator();
    expect(Object.keys(await call('DescribeHostLiveInstanceList', {})).sort()).toEqual(['InstanceList']);
    expect(Object.keys(await call('DescribeHostWafInstanceList', {})).sort()).toEqual(['InstanceList']);
    expect(Object.keys(await call('DescribeHostVodInstanceList', {})).sort()).toEqual([
      'InstanceList',
      'TotalCount',
    ]);
    expect(Object.keys(await call('DescribeHostDdosInstanceList', {})).sort()).toEqual([
      'InstanceList',
      'TotalCount',
    ]);
    const lighthouse = await call('DescribeHostLighthouseInstanceList', {});
    expect(lighthouse.InstanceList.length).toBe(lighthouse.TotalCount);
    const tke = await call('DescribeHostTkeInstanceList', {});
    expect(tke.InstanceList[0]!.NamespaceList[0]!.SecretList[0]!.IngressList.length).toBeGreaterThan(0);
    const cos = await call('DescribeHostCosInstanceList', {});
    expect(cos.InstanceList[0]!.Region).toMatch(/^ap-/);
    const api = await call('DescribeHostApiGatewayInstanceList', { Offset: '1', Limit: 2 });
    expect(api.InstanceList.length).toBe(2);
    expect(await errorCode(call('DescribeHostApiGatewayInstanceList', { Offset: 'x' }))).toBe(
      'FailedOperation.InvalidParam',
    );
    expect(await errorCode(call('DescribeHostCdnInstanceList', { CertificateId: 'missing1' }))).toBe(
      'FailedOperation.CertificateNotFound',
    );
  });

  it('refreshes the cache asynchronously with AsyncCache=1, progress advancing with the clock', async () => {
    const { state, clock, call } = await seededEmulator();
    const total = state.resources.targets('clb').length;
    const first = await call('DescribeHostClbInstanceList', { IsCache: 1 });
    const cachedAt = first.AsyncCacheTime;
    clock.advance(5_000);
    const cached = await call('DescribeHostClbInstanceList', {});
    expect(cached.AsyncCacheTime).toBe(cachedAt);
    const started = await call('DescribeHostClbInstanceList', { AsyncCache: 1 });
    expect(started.AsyncTotalNum).toBe(total);
    expect(started.AsyncOffset).toBe(0);
    expect(started.AsyncCacheTime).toBe(cachedAt);
    clock.advance(1_000);
    const halfway = await call('DescribeHostClbInstanceList', { AsyncCache: 1 });
    expect(halfway.AsyncOffset).toBe(Math.min(total, 5));
    clock.advance(total * 200);
    const done = await call('DescribeHostClbInstanceList', {});
    expect(done.AsyncOffset).toBe(total);
    expect(done.AsyncCacheTime > cachedAt).toBe(true);
    const fresh = await call('DescribeHostClbInstanceList', { IsCache: 0 });
    expect(fresh.AsyncCacheTime >= done.AsyncCacheTime).toBe(true);
  });
});
