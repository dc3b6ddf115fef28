import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmulatorClock, formatBeijingTime } from '../../src/emulator/clock.ts';
import { accountHandlers } from '../../src/emulator/domains/accounts.ts';
import { type ActionHandler, EmulatorError, type HandlerContext } from '../../src/emulator/handler.ts';
import { PACKAGE_PIDS, seedAccounts } from '../../src/emulator/seed/accounts.ts';
import { EmulatorState } from '../../src/emulator/state.ts';
import {
  MANAGER_AUDIT_MS,
  MANAGER_CA_AUDIT_MS,
  MANAGER_EXPIRING_WINDOW_MS,
  MANAGER_VERIFICATION_VALIDITY_MS,
  type ManagerInput,
} from '../../src/emulator/store/accounts.ts';
import { validateActionInput } from '../../src/emulator/validate-input.ts';
import type { SslActionName, SslRequest, SslResponse } from '../../src/ssl/actions.ts';
import { refusingAsDocumented } from './documented-refusals.ts';

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

let clock: EmulatorClock;
let state: EmulatorState;
let ctx: HandlerContext;

// The emulator clock follows Date.now(); freezing it makes every lifecycle boundary exact.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-03-10T04:00:00Z'));
  clock = new EmulatorClock();
  state = new EmulatorState(clock);
  seedAccounts(state, clock);
  ctx = {
    state,
    clock,
    requestId: 'test-request',
    region: undefined,
    secretId: 'AKIDtest',
    baseUrl: 'http://127.0.0.1:0',
  };
});

afterEach(() => {
  vi.useRealTimers();
});

async function call<A extends SslActionName>(
  action: A,
  params: SslRequest<A>,
): Promise<Omit<SslResponse<A>, 'RequestId'>> {
  const handler: ActionHandler<A> | undefined = accountHandlers[action];
  if (!handler) throw new Error(`the accounts domain does not serve ${action}`);
  return refusingAsDocumented(action, () => handler(params, ctx));
}

async function errorOf(answer: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await answer();
  } catch (error) {
    if (error instanceof EmulatorError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an EmulatorError');
}

async function managerIds(params: SslRequest<'DescribeManagers'>): Promise<number[]> {
  return (await call('DescribeManagers', params)).Managers.map((manager) => manager.ManagerId);
}

async function statusOf(managerId: number): Promise<string | undefined> {
  const manager = state.accounts.getManager(managerId);
  return manager?.status;
}

function extraManager(id: number, companyId: number, overrides: Partial<ManagerInput> = {}): ManagerInput {
  return {
    id,
    companyId,
    firstName: `First${id}`,
    lastName: `Last${id}`,
    position: 'Engineer',
    phone: '+1-555-0100',
    mail: `m${id}@example.com`,
    department: 'Ops',
    contact: { firstName: 'C', lastName: 'D', position: 'Boss', phone: '+1-555-0101', mail: 'c@example.com' },
    validationTypes: ['ov'],
    preAuditDomains: [],
    tags: [],
    createdAt: clock.now(),
    review: null,
    ...overrides,
  };
}

describe('DescribeCompanies', () => {
  it('returns every company when Limit is absent or 0 (the documented default), in id order', async () => {
    const all = await call('DescribeCompanies', {});
    expect(all.TotalCount).toBe(5);
    expect(all.Companies.map((company) => company.CompanyId)).toEqual([2001, 2002, 2003, 2004, 2005]);
    const zero = await call('DescribeCompanies', { Limit: 0 });
    expect(zero.Companies).toHaveLength(5);
  });

  it('pages with Offset/Limit and keeps TotalCount as the number of matches', async () => {
    const page = await call('DescribeCompanies', { Offset: 1, Limit: 2 });
    expect(page.Companies.map((company) => company.CompanyId)).toEqual([2002, 2003]);
    expect(page.TotalCount).toBe(5);
    const beyond = await call('DescribeCompanies', { Offset: 10 });
    expect(beyond).toEqual({ Companies: [], TotalCount: 5 });
  });

  it('filters by CompanyId and returns every CompanyInfo field', async () => {
    const one = await call('DescribeCompanies', { CompanyId: 2001 });
    expect(one.TotalCount).toBe(1);
    expect(one.Companies[0]).toEqual({
      CompanyName: '深圳星河云科技有限公司',
      CompanyId: 2001,
      CompanyCountry: '中国',
      CompanyProvince: '广东',
      CompanyCity: '深圳',
      CompanyAddress: '南山区科技园科苑路 15 号星河大厦 12 楼',
      CompanyPhone: '0755-86001234',
      IdType: 'TYDMZ',
      IdNumber: '91440300MA5F8XK21Q',
      Tags: [{ TagKey: 'env', TagValue: 'production' }],
    });
    expect(await call('DescribeCompanies', { CompanyId: 9999 })).toEqual({ Companies: [], TotalCount: 0 });
  });

  it('refuses a Limit above the documented 1000 at the protocol layer', () => {
    expect(() => validateActionInput('DescribeCompanies', { Limit: 1001 })).toThrow(EmulatorError);
  });
});

describe('DescribeManagers', () => {
  it('requires CompanyId', async () => {
    const error = await errorOf(() => validateActionInput('DescribeManagers', {}));
    expect(error.code).toBe('MissingParameter');
  });

  it('lists only the given company managers', async () => {
    expect(await managerIds({ CompanyId: 2002 })).toEqual([1003, 1004, 1010]);
    expect(await managerIds({ CompanyId: 9999 })).toEqual([]);
  });

  it('pages 10 by default, honours Offset/Limit', async () => {
    state.accounts.addCompany({
      id: 2999,
      name: 'Paging Co.',
      country: 'China',
      province: 'Beijing',
      city: 'Beijing',
      address: '1 Test Road',
      phone: '010-1',
      idType: 'OTHERS',
      idNumber: 'X1',
      tags: [],
    });
    for (let id = 5001; id <= 5015; id += 1) state.accounts.addManager(extraManager(id, 2999));
    const first = await call('DescribeManagers', { CompanyId: 2999 });
    expect(first.Managers).toHaveLength(10);
    expect(first.TotalCount).toBe(15);
    expect(await managerIds({ CompanyId: 2999, Offset: 10 })).toEqual([5011, 5012, 5013, 5014, 5015]);
    expect(await managerIds({ CompanyId: 2999, Offset: 3, Limit: 2 })).toEqual([5004, 5005]);
  });

  it('filters by every documented status', async () => {
    const expected: Record<string, number[]> = {
      none: [1008],
      audit: [1003],
      CAaudit: [1004],
      ok: [1001, 1002, 1009, 1010],
      invalid: [1005],
      expiring: [1006],
      expired: [1007],
    };
    for (const [status, ids] of Object.entries(expected)) {
      const found: number[] = [];
      for (const companyId of [2001, 2002, 2003, 2004, 2005]) {
        found.push(...(await managerIds({ CompanyId: companyId, Status: status })));
      }
      expect(found.sort(), status).toEqual(ids);
    }
  });

  it('rejects an undocumented status', async () => {
    const error = await errorOf(() => call('DescribeManagers', { CompanyId: 2001, Status: 'approved' }));
    expect(error.code).toBe('FailedOperation.InvalidParam');
  });

  it('still honours the deprecated ManagerName and ManagerMail (fuzzy)', async () => {
    expect(await managerIds({ CompanyId: 2002, ManagerName: 'emily' })).toEqual([1003]);
    expect(await managerIds({ CompanyId: 2001, ManagerName: '李明' })).toEqual([1001]);
    expect(await managerIds({ CompanyId: 2002, ManagerMail: 'PATEL@' })).toEqual([1004]);
    expect(await managerIds({ CompanyId: 2002, ManagerMail: 'nobody@' })).toEqual([]);
  });

  it('matches SearchKey exactly, positionally as lastName|firstName|email|department', async () => {
    const full = 'Carter|Emily|emily.carter@northwind-analytics.co.uk|IT Operations';
    expect(await managerIds({ CompanyId: 2002, SearchKey: full })).toEqual([1003]);
    expect(await managerIds({ CompanyId: 2002, SearchKey: 'Brown|||' })).toEqual([1010]);
    expect(await managerIds({ CompanyId: 2002, SearchKey: 'Carter|James||' })).toEqual([]);
    expect(await managerIds({ CompanyId: 2002, SearchKey: 'Olivia' })).toEqual([1010]);
    expect(await managerIds({ CompanyId: 2002, SearchKey: 'Oliv' })).toEqual([]);
  });

  it('describes a verified manager with its verification and per-type status info', async () => {
    const [manager] = (await call('DescribeManagers', { CompanyId: 2001, SearchKey: '李|明华||' })).Managers;
    const record = state.accounts.getManager(1001);
    const verification = record?.verification;
    if (!manager || !record?.review || !verification) throw new Error('seed manager 1001 is missing');
    expect(manager).toEqual({
      Status: 'ok',
      ManagerFirstName: '明华',
      ManagerLastName: '李',
      ManagerPosition: '运维总监',
      ManagerPhone: '13800138001',
      ManagerMail: 'liminghua@starriver-cloud.cn',
      ManagerDepartment: '基础架构部',
      CreateTime: formatBeijingTime(record.createdAt),
      DomainCount: 2,
      CertCount: 0,
      ManagerId: 1001,
      ExpireTime: formatBeijingTime(verification.expiresAt),
      SubmitAuditTime: formatBeijingTime(record.review.submittedAt),
      VerifyTime: formatBeijingTime(verification.verifiedAt),
      StatusInfo: ['ov', 'ev'].map((type) => ({
        Type: type,
        Status: 'completed',
        CreateTime: formatBeijingTime(record.review?.submittedAt ?? 0),
        ExpireTime: formatBeijingTime(verification.expiresAt),
        ManagerPreAuditDomains: ['starriver-cloud.cn', 'starriver.com.cn'].map((domain) => ({
          Domain: domain,
          CreateTime: formatBeijingTime(verification.verifiedAt),
          ExpireTime: formatBeijingTime(verification.expiresAt),
        })),
      })),
      Tags: [],
    });
    expect(verification.verifiedAt - record.review.submittedAt).toBe(MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS);
  });

  it('answers null for what a never-submitted manager does not have yet', async () => {
    const [manager] = (await call('DescribeManagers', { CompanyId: 2004, Status: 'none' })).Managers;
    expect(manager).toMatchObject({
      ManagerId: 1008,
      Status: 'none',
      ExpireTime: null,
      SubmitAuditTime: null,
      VerifyTime: null,
      StatusInfo: null,
      DomainCount: 0,
    });
  });

  it('counts linked certificates and their domains', async () => {
    state.accounts.linkCertificate(1002, 'CertA001', ['starriver-cloud.cn', 'pay.starriver-cloud.cn']);
    const [manager] = (await call('DescribeManagers', { CompanyId: 2001, SearchKey: '王|||' })).Managers;
    expect(manager).toMatchObject({ ManagerId: 1002, CertCount: 1, DomainCount: 2 });
  });
});

describe('DescribeManagerDetail', () => {
  it('returns the manager, its contact, its company and the deprecated Status', async () => {
    const detail = await call('DescribeManagerDetail', { ManagerId: 1004 });
    const record = state.accounts.getManager(1004);
    expect(detail).toMatchObject({
      Status: 'CAaudit',
      ManagerFirstName: 'James',
      ManagerLastName: 'Patel',
      ContactFirstName: 'James',
      ContactLastName: 'Patel',
      ContactPosition: 'Security Architect',
      ContactPhone: '+44-7700-900456',
      ContactMail: 'james.patel@northwind-analytics.co.uk',
      ManagerDepartment: 'Information Security',
      VerifyTime: null,
      ExpireTime: null,
      CreateTime: formatBeijingTime(record?.createdAt ?? 0),
      CompanyId: 2002,
      ManagerId: 1004,
    });
    expect(detail.CompanyInfo.CompanyName).toBe('Northwind Analytics Ltd.');
    expect(detail.StatusInfo.map((info) => [info.Type, info.Status, info.ExpireTime])).toEqual([
      ['ov', 'submitted', ''],
      ['ev', 'submitted', ''],
    ]);
    expect(detail.StatusInfo.every((info) => info.ManagerPreAuditDomains.length === 0)).toBe(true);
  });

  it('accepts and ignores the deprecated Limit/Offset inputs', async () => {
    const params = validateActionInput('DescribeManagerDetail', { ManagerId: 1001, Limit: 1, Offset: 5 });
    const withDeprecated = { ManagerId: 1001, Limit: 1, Offset: 5 };
    expect(params).toEqual(withDeprecated);
    expect(await call('DescribeManagerDetail', withDeprecated)).toEqual(
      await call('DescribeManagerDetail', { ManagerId: 1001 }),
    );
  });

  it('returns an empty StatusInfo for a never-submitted manager', async () => {
    expect((await call('DescribeManagerDetail', { ManagerId: 1008 })).StatusInfo).toEqual([]);
  });

  it('answers ResourceNotFound.Manager for an unknown manager', async () => {
    const error = await errorOf(() => call('DescribeManagerDetail', { ManagerId: 4242 }));
    expect(error.code).toBe('ResourceNotFound.Manager');
  });
});

describe('manager lifecycle over time', () => {
  it('moves audit → CAaudit → ok → expiring → expired as the clock advances', async () => {
    expect(await statusOf(1003)).toBe('audit');
    clock.advance(MANAGER_AUDIT_MS - 30 * MINUTE_MS);
    expect(await statusOf(1003)).toBe('CAaudit');
    clock.advance(MANAGER_CA_AUDIT_MS);
    expect(await statusOf(1003)).toBe('ok');
    const verification = state.accounts.getManager(1003)?.verification;
    if (!verification) throw new Error('an approved manager has a verification');
    expect(verification.expiresAt - verification.verifiedAt).toBe(MANAGER_VERIFICATION_VALIDITY_MS);
    clock.advance(verification.expiresAt - MANAGER_EXPIRING_WINDOW_MS - clock.now() - 1);
    expect(await statusOf(1003)).toBe('ok');
    clock.advance(1);
    expect(await statusOf(1003)).toBe('expiring');
    clock.advance(MANAGER_EXPIRING_WINDOW_MS);
    expect(await statusOf(1003)).toBe('expired');
  });

  it('turns a rejected review invalid when TrustAsia review ends', async () => {
    state.accounts.addManager(
      extraManager(5100, 2001, { review: { submittedAt: clock.now(), verdict: 'reject' } }),
    );
    expect(await statusOf(5100)).toBe('audit');
    clock.advance(MANAGER_AUDIT_MS);
    expect(await statusOf(5100)).toBe('invalid');
    clock.advance(10 * DAY_MS);
    expect(await statusOf(5100)).toBe('invalid');
  });

  it('SubmitAuditManager re-submits a never-submitted or invalid manager for review', async () => {
    expect(await call('SubmitAuditManager', { ManagerId: 1008 })).toEqual({ ManagerId: 1008 });
    expect(await call('SubmitAuditManager', { ManagerId: 1005 })).toEqual({ ManagerId: 1005 });
    const [submitted] = (await call('DescribeManagers', { CompanyId: 2004, Status: 'audit' })).Managers;
    expect(submitted).toMatchObject({ ManagerId: 1008, SubmitAuditTime: formatBeijingTime(clock.now()) });
    expect(submitted?.StatusInfo?.map((info) => info.Status)).toEqual(['pending']);
    expect(await statusOf(1005)).toBe('audit');
    clock.advance(MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS);
    expect(await statusOf(1008)).toBe('ok');
    expect(await statusOf(1005)).toBe('ok');
  });

  it('SubmitAuditManager refuses managers that are under review or verified', async () => {
    for (const id of [1001, 1003, 1004, 1006, 1007]) {
      const error = await errorOf(() => call('SubmitAuditManager', { ManagerId: id }));
      expect(error.code, String(id)).toBe('FailedOperation.IllegalManagerStatus');
    }
    const missing = await errorOf(() => call('SubmitAuditManager', { ManagerId: 4242 }));
    expect(missing.code).toBe('ResourceNotFound.Manager');
  });

  it('VerifyManager re-verifies an expiring manager, keeping the old verification until approved', async () => {
    const before = state.accounts.getManager(1006)?.verification;
    expect(await call('VerifyManager', { ManagerId: 1006 })).toEqual({ ManagerId: 1006 });
    const during = await call('DescribeManagerDetail', { ManagerId: 1006 });
    expect(during).toMatchObject({ Status: 'audit' });
    expect(during.ExpireTime).toBe(formatBeijingTime(before?.expiresAt ?? 0));
    clock.advance(MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS);
    const after = state.accounts.getManager(1006);
    expect(after?.status).toBe('ok');
    expect(after?.verification?.verifiedAt).toBe(clock.now());
  });

  it('VerifyManager re-verifies an expired manager and refuses any other status', async () => {
    await call('VerifyManager', { ManagerId: 1007 });
    expect(await statusOf(1007)).toBe('audit');
    for (const id of [1001, 1004, 1005, 1008]) {
      const error = await errorOf(() => call('VerifyManager', { ManagerId: id }));
      expect(error.code, String(id)).toBe('InvalidParameterValue');
    }
    expect((await errorOf(() => call('VerifyManager', { ManagerId: 4242 }))).code).toBe(
      'ResourceNotFound.Manager',
    );
  });
});

describe('DeleteManager', () => {
  it('deletes a manager that is neither under review nor linked to certificates', async () => {
    expect(await call('DeleteManager', { ManagerId: 1008 })).toEqual({ ManagerId: 1008 });
    expect(state.accounts.getManager(1008)).toBeUndefined();
    expect(await managerIds({ CompanyId: 2004 })).toEqual([1007]);
    expect((await errorOf(() => call('DescribeManagerDetail', { ManagerId: 1008 }))).code).toBe(
      'ResourceNotFound.Manager',
    );
  });

  it('refuses a manager under TrustAsia or CA review', async () => {
    for (const id of [1003, 1004]) {
      const error = await errorOf(() => call('DeleteManager', { ManagerId: id }));
      expect(error.code, String(id)).toBe('FailedOperation.ManagerCanNotDeleteCa');
    }
    clock.advance(MANAGER_AUDIT_MS + MANAGER_CA_AUDIT_MS);
    expect(await call('DeleteManager', { ManagerId: 1004 })).toEqual({ ManagerId: 1004 });
  });

  it('refuses a manager linked to a certificate', async () => {
    state.accounts.linkCertificate(1009, 'CertB002', ['mingyuan-med.cn']);
    const error = await errorOf(() => call('DeleteManager', { ManagerId: 1009 }));
    expect(error.code).toBe('FailedOperation.ManagerCanNotDeleteCert');
    expect(state.accounts.getManager(1009)).toBeDefined();
  });

  it('answers ResourceNotFound.Manager for an unknown manager', async () => {
    expect((await errorOf(() => call('DeleteManager', { ManagerId: 4242 }))).code).toBe(
      'ResourceNotFound.Manager',
    );
  });
});

describe('DescribePackages', () => {
  const packageIds = async (params: SslRequest<'DescribePackages'>) =>
    (await call('DescribePackages', params)).Packages.map((info) => info.PackageId);

  it('lists newest first, 20 per page by default, with TotalCount and TotalBalance', async () => {
    const all = await call('DescribePackages', {});
    expect(all.Packages.map((info) => info.PackageId)).toEqual([
      'T24112008000006',
      'P24090516450005',
      'P24061809150002',
      'P24031510300001',
      'P23110214200003',
      'P23052011000004',
    ]);
    expect(all.TotalCount).toBe(6);
    expect(all.TotalBalance).toBe(100 + 100 + 120 + 1460 + 0 + 300);
    expect(await packageIds({ Offset: 1, Limit: 2 })).toEqual(['P24090516450005', 'P24061809150002']);
  });

  it('pages 20 by default', async () => {
    for (let index = 0; index < 20; index += 1) {
      state.accounts.addPackage({
        id: `Z${String(index).padStart(4, '0')}`,
        type: 'ssl_100',
        pid: PACKAGE_PIDS.ssl_100,
        total: 100,
        balance: 100,
        sourceType: 'buy',
        sourceUin: null,
        createdAt: clock.now() - index,
        expiresAt: clock.now() + DAY_MS,
        refunded: false,
        transferOuts: [],
      });
    }
    const page = await call('DescribePackages', {});
    expect(page.Packages).toHaveLength(20);
    expect(page.TotalCount).toBe(26);
  });

  it('filters by status, type, id and Pid; TotalBalance follows the filter', async () => {
    expect(await packageIds({ Status: 'usable' })).toEqual([
      'T24112008000006',
      'P24061809150002',
      'P24031510300001',
    ]);
    expect(await packageIds({ Status: 'used' })).toEqual(['P23110214200003']);
    expect(await packageIds({ Status: 'expired' })).toEqual(['P23052011000004']);
    expect(await packageIds({ Status: 'refund' })).toEqual(['P24090516450005']);
    expect(await packageIds({ Type: 'ssl_500' })).toEqual(['P24061809150002', 'P23052011000004']);
    expect(await packageIds({ PackageId: 'P24031510300001' })).toEqual(['P24031510300001']);
    expect(await packageIds({ Pid: PACKAGE_PIDS.ssl_2000 })).toEqual(['P24031510300001']);
    expect((await call('DescribePackages', { Type: 'ssl_500' })).TotalBalance).toBe(420);
  });

  it('sorts by expiry when ExpireTime is asc or desc', async () => {
    const ascending = await packageIds({ ExpireTime: 'asc' });
    expect(ascending[0]).toBe('P23052011000004');
    expect(ascending.at(-1)).toBe('P24090516450005');
    expect(await packageIds({ ExpireTime: 'desc' })).toEqual([...ascending].reverse());
  });

  it('rejects undocumented filter values', async () => {
    for (const params of [{ Status: 'active' }, { Type: 'ssl_50' }, { ExpireTime: 'up' }]) {
      expect((await errorOf(() => call('DescribePackages', params))).code).toBe('FailedOperation');
    }
  });

  it('describes every PackageInfo field with date-only times, transfers out and transfers in', async () => {
    const [transferredOut] = (await call('DescribePackages', { PackageId: 'P24061809150002' })).Packages;
    const record = state.accounts.getPackage('P24061809150002');
    expect(transferredOut).toMatchObject({
      Total: 500,
      Balance: 120,
      Type: 'ssl_500',
      SourceUin: null,
      Status: 'usable',
      SourceType: 'buy',
      CreateTime: formatBeijingTime(record?.createdAt ?? 0).slice(0, 10),
    });
    expect(transferredOut?.ExpireTime).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(transferredOut?.TransferOutInfos).toEqual([
      expect.objectContaining({
        PackageId: 'P24061809150002',
        TransferCount: 100,
        ReceivePackageId: 'T24070110000091',
        ReceiverUin: 100098765432,
      }),
    ]);
    const [transferredIn] = (await call('DescribePackages', { PackageId: 'T24112008000006' })).Packages;
    expect(transferredIn).toMatchObject({
      SourceType: 'transferIn',
      SourceUin: 100012345678,
      TransferOutInfos: null,
    });
  });

  it('expires a package when its expiry passes', async () => {
    clock.advance(61 * DAY_MS);
    expect(await packageIds({ Status: 'expired' })).toEqual(['P24061809150002', 'P23052011000004']);
  });
});

describe('AccountStore contract', () => {
  it('getManager/getCompany expose status and company for the certificates domain', () => {
    expect(state.accounts.getManager(1001)).toMatchObject({ id: 1001, companyId: 2001, status: 'ok' });
    expect(state.accounts.getCompany(2003)).toMatchObject({ id: 2003, name: '杭州青禾数据服务有限公司' });
    expect(state.accounts.getManager(4242)).toBeUndefined();
    expect(state.accounts.getCompany(4242)).toBeUndefined();
    const byCompany = new Map<number, number[]>();
    for (let id = 1001; id <= 1010; id += 1) {
      const manager = state.accounts.getManager(id);
      if (!manager) throw new Error(`seed manager ${id} is missing`);
      byCompany.set(manager.companyId, [...(byCompany.get(manager.companyId) ?? []), id]);
    }
    expect([...byCompany.keys()].sort()).toEqual([2001, 2002, 2003, 2004, 2005]);
  });

  it('usePackages drains the packages in the order given and records the use', () => {
    clock.advance(DAY_MS);
    state.accounts.usePackages(['P24061809150002', 'T24112008000006'], 150, 'CertC003');
    const drained = state.accounts.getPackage('P24061809150002');
    const tapped = state.accounts.getPackage('T24112008000006');
    expect(drained).toMatchObject({ balance: 0, status: 'used' });
    expect(drained?.usages).toEqual([{ certId: 'CertC003', points: 120, at: clock.now() }]);
    expect(drained?.updatedAt).toBe(clock.now());
    expect(tapped).toMatchObject({ balance: 70, status: 'usable' });
    expect(tapped?.usages).toEqual([{ certId: 'CertC003', points: 30, at: clock.now() }]);
  });

  it('usePackages passes over a used-up package to the next one', () => {
    state.accounts.usePackages(['P23110214200003', 'P24031510300001'], 10, 'CertF006');
    expect(state.accounts.getPackage('P23110214200003')?.usages).toEqual([]);
    expect(state.accounts.getPackage('P24031510300001')).toMatchObject({
      balance: 1450,
      usages: [{ certId: 'CertF006', points: 10, at: clock.now() }],
    });
  });

  it('usePackages refuses without deducting anything', async () => {
    const balances = () => state.accounts.listPackages().map((record) => record.balance);
    const untouched = balances();
    const cases: Array<[string[], number, string]> = [
      [['P24061809150002', 'T24112008000006'], 221, 'FailedOperation.TradeError'],
      [['P23110214200003'], 1, 'FailedOperation.TradeError'],
      [['P24031510300001', 'P23052011000004'], 10, 'InvalidParameter.PackageIdsInvalid'],
      [['P24090516450005'], 10, 'InvalidParameter.PackageIdsInvalid'],
      [['P24031510300001', 'NOPE'], 10, 'InvalidParameter.PackageIdsInvalid'],
      [[], 10, 'InvalidParameter.PackageIdsInvalid'],
      [['P24031510300001', 'P24031510300001'], 10, 'InvalidParameter.PackageIdsInvalid'],
    ];
    for (const [ids, points, code] of cases) {
      const error = await errorOf(() => state.accounts.usePackages(ids, points, 'CertD004'));
      expect(error.code, `${ids.join(',')} × ${points}`).toBe(code);
    }
    expect(balances()).toEqual(untouched);
  });

  it('usePackages refuses a package once it has expired', async () => {
    clock.advance(61 * DAY_MS);
    const error = await errorOf(() => state.accounts.usePackages(['P24061809150002'], 10, 'CertE005'));
    expect(error.code).toBe('InvalidParameter.PackageIdsInvalid');
    expect(error.message).toContain('权益包已过期');
  });
});
