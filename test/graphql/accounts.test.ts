import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execute, type GraphQLResponse } from './support/execute.ts';
import { startTestStack, type TestStack } from './support/stack.ts';

// Companies, managers and packages read through the gateway from the seeded emulator (companies 2001-2005,
// managers 1001-1010 in every status, six packages).

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(() => {
  stack.emulator.stats.reset();
});

async function query<TData>(document: string, variables?: Record<string, unknown>): Promise<TData> {
  const result: GraphQLResponse<TData> = await execute<TData, Record<string, unknown>>(
    stack.gateway,
    document,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return result.data as TData;
}

interface ManagerNode {
  id: string;
  status: string;
}

describe('companies', () => {
  it('lists the companies page by page with their total, stating the page size upstream', async () => {
    const first = await query<{
      companies: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; name: string } }[];
      };
    }>(
      '{ companies(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }',
    );
    expect(first.companies.totalCount).toBe(5);
    expect(first.companies.edges.map((edge) => edge.node.id)).toEqual(['2001', '2002']);
    expect(first.companies.pageInfo.hasNextPage).toBe(true);

    const rest = await query<{
      companies: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(
      'query ($after: String) { companies(first: 10, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }',
      { after: first.companies.pageInfo.endCursor },
    );
    expect(rest.companies.edges.map((edge) => edge.node.id)).toEqual(['2003', '2004', '2005']);
    expect(rest.companies.pageInfo.hasNextPage).toBe(false);
    expect(stack.upstreamCalls('DescribeCompanies')).toBe(2);
  });

  it('reads one company with its identification, and null for an unknown one', async () => {
    const data = await query<{
      company: {
        name: string;
        city: string;
        identificationType: string | null;
        identificationNumber: string | null;
      };
      unidentified: { identificationType: string | null; identificationNumber: string | null };
      missing: null;
    }>(`{
      company(id: "2001") { name city identificationType identificationNumber }
      unidentified: company(id: "2004") { identificationType identificationNumber }
      missing: company(id: "2999") { id }
    }`);
    expect(data.company).toEqual({
      name: '深圳星河云科技有限公司',
      city: '深圳',
      identificationType: 'UNIFIED_SOCIAL_CREDIT_CODE',
      identificationNumber: '91440300MA5F8XK21Q',
    });
    expect(data.unidentified).toEqual({ identificationType: null, identificationNumber: null });
    expect(data.missing).toBeNull();
  });

  it("lists a company's managers, filtered by status and by exact search", async () => {
    const data = await query<{
      company: {
        all: { totalCount: number; edges: { node: ManagerNode }[] };
        approved: { totalCount: number; edges: { node: ManagerNode }[] };
        byEmail: { edges: { node: { id: string; lastName: string } }[] };
      };
    }>(`{
      company(id: "2002") {
        all: managers { totalCount edges { node { id status } } }
        approved: managers(status: APPROVED) { totalCount edges { node { id status } } }
        byEmail: managers(search: { email: "james.patel@northwind-analytics.co.uk" }) {
          edges { node { id lastName } }
        }
      }
    }`);
    expect(data.company.all.totalCount).toBe(3);
    expect(data.company.all.edges.map((edge) => edge.node)).toEqual([
      { id: '1003', status: 'REVIEWING' },
      { id: '1004', status: 'CA_REVIEWING' },
      { id: '1010', status: 'APPROVED' },
    ]);
    expect(data.company.approved.edges.map((edge) => edge.node.id)).toEqual(['1010']);
    expect(data.company.byEmail.edges.map((edge) => edge.node)).toEqual([{ id: '1004', lastName: 'Patel' }]);
    // Managers reached through their company need no detail call for their list fields.
    expect(stack.upstreamCalls('DescribeManagerDetail')).toBe(0);
  });
});

describe('managers', () => {
  it('map every seeded status onto the enum', async () => {
    const ids = ['1001', '1003', '1004', '1005', '1006', '1007', '1008'];
    const selections = ids.map((id) => `m${id}: manager(id: "${id}") { status }`).join('\n');
    const data = await query<Record<string, { status: string }>>(`{ ${selections} }`);
    expect(Object.fromEntries(ids.map((id) => [id, data[`m${id}`]?.status]))).toEqual({
      '1001': 'APPROVED',
      '1003': 'REVIEWING',
      '1004': 'CA_REVIEWING',
      '1005': 'REJECTED',
      '1006': 'EXPIRING',
      '1007': 'EXPIRED',
      '1008': 'NOT_SUBMITTED',
    });
  });

  it('reach their company, contact and verifications from the detail', async () => {
    const data = await query<{
      manager: {
        firstName: string;
        lastName: string;
        email: string;
        certificateCount: number;
        company: { id: string; name: string };
        contact: { email: string };
        verifications: {
          type: string;
          status: string;
          expiresAt: string | null;
          preAuditedDomains: { domain: string }[];
        }[];
        verifiedAt: string | null;
        expiresAt: string | null;
      };
    }>(`{
      manager(id: "1001") {
        firstName lastName email certificateCount verifiedAt expiresAt
        company { id name }
        contact { email }
        verifications { type status expiresAt preAuditedDomains { domain } }
      }
    }`);
    const { manager } = data;
    expect(manager).toMatchObject({
      firstName: '明华',
      lastName: '李',
      email: 'liminghua@starriver-cloud.cn',
      company: { id: '2001', name: '深圳星河云科技有限公司' },
      contact: { email: 'liminghua@starriver-cloud.cn' },
    });
    expect(manager.certificateCount).toBeGreaterThan(0);
    expect(new Date(manager.expiresAt!).getTime()).toBeGreaterThan(new Date(manager.verifiedAt!).getTime());
    expect(manager.verifications.map((verification) => [verification.type, verification.status])).toEqual([
      ['OV', 'COMPLETED'],
      ['EV', 'COMPLETED'],
    ]);
    expect(manager.verifications[0]!.preAuditedDomains.map((entry) => entry.domain)).toEqual([
      'starriver-cloud.cn',
      'starriver.com.cn',
    ]);
    // One detail for the manager (company included), one company manager list for the count.
    expect(stack.upstreamCalls('DescribeManagerDetail')).toBe(1);
    expect(stack.upstreamCalls('DescribeManagers')).toBe(1);
    expect(stack.upstreamCalls('DescribeCompanies')).toBe(0);
  });

  it('are null when they do not exist', async () => {
    const data = await query<{ missing: null; malformed: null }>(
      '{ missing: manager(id: "1999") { id } malformed: manager(id: "abc") { id } }',
    );
    expect(data).toEqual({ missing: null, malformed: null });
  });
});

describe('certificate → manager', () => {
  it('costs one DescribeManagerDetail per distinct manager on a page of certificates, not one per certificate', async () => {
    const data = await query<{
      certificates: {
        edges: {
          node: {
            id: string;
            manager: { id: string; lastName: string } | null;
            company: { id: string } | null;
          };
        }[];
      };
    }>('{ certificates(first: 50) { edges { node { id manager { id lastName } company { id } } } } }');
    const withManager = data.certificates.edges.filter((edge) => edge.node.manager !== null);
    const distinctManagers = new Set(withManager.map((edge) => edge.node.manager!.id));
    expect(withManager.length).toBeGreaterThan(distinctManagers.size);
    expect(stack.upstreamCalls('DescribeCertificates')).toBe(1);
    expect(stack.upstreamCalls('DescribeManagerDetail')).toBe(distinctManagers.size);
    // The manager ID is on the list entry; no certificate detail (and no private key) is read for it.
    expect(stack.upstreamCalls('DescribeCertificateDetail')).toBe(0);
    // The company comes with the manager detail.
    expect(stack.upstreamCalls('DescribeCompanies')).toBe(0);
    const companyOf1001 = withManager.find((edge) => edge.node.manager!.id === '1001');
    expect(companyOf1001?.node.company).toEqual({ id: '2001' });
    const withoutManager = data.certificates.edges.find((edge) => edge.node.manager === null);
    expect(withoutManager?.node.company).toBeNull();
  });
});

describe('packages', () => {
  interface PackageNode {
    id: string;
    type: string;
    status: string;
    totalPoints: number;
    remainingPoints: number;
    expiresAt: string;
  }

  it('lists every package with the total of remaining points', async () => {
    const data = await query<{
      packages: { totalCount: number; totalRemainingPoints: number; edges: { node: PackageNode }[] };
    }>(
      '{ packages(first: 50) { totalCount totalRemainingPoints edges { node { id type status totalPoints remainingPoints expiresAt } } } }',
    );
    const nodes = data.packages.edges.map((edge) => edge.node);
    expect(data.packages.totalCount).toBe(6);
    expect(data.packages.totalRemainingPoints).toBe(
      nodes.reduce((sum, node) => sum + node.remainingPoints, 0),
    );
    expect(new Set(nodes.map((node) => node.status))).toEqual(
      new Set(['USABLE', 'USED', 'EXPIRED', 'REFUNDED']),
    );
    expect(nodes.find((node) => node.id === 'P24031510300001')).toMatchObject({
      type: 'POINTS_2000',
      totalPoints: 2000,
      remainingPoints: 1460,
      status: 'USABLE',
    });
    // Date-only upstream times are the start of the day in Beijing: 16:00 UTC the day before.
    for (const node of nodes) expect(node.expiresAt).toMatch(/T16:00:00\.000Z$/);
  });

  it('filters by status and type and sorts by expiry', async () => {
    const data = await query<{
      usable: { totalCount: number; edges: { node: PackageNode }[] };
      small: { edges: { node: PackageNode }[] };
    }>(`{
      usable: packages(filter: { status: USABLE }, sortBy: EXPIRES_AT_ASC) {
        totalCount edges { node { id status expiresAt } }
      }
      small: packages(filter: { type: POINTS_100 }) { edges { node { id type } } }
    }`);
    expect(data.usable.edges.every((edge) => edge.node.status === 'USABLE')).toBe(true);
    expect(data.usable.totalCount).toBe(3);
    const expiries = data.usable.edges.map((edge) => edge.node.expiresAt);
    expect(expiries).toEqual([...expiries].sort());
    expect(data.small.edges.map((edge) => edge.node.type)).toEqual([
      'POINTS_100',
      'POINTS_100',
      'POINTS_100',
    ]);
  });

  it('reads one package with its transfers out, and null for an unknown one', async () => {
    const data = await query<{
      package: {
        id: string;
        isTransferredIn: boolean;
        transfersOut: {
          points: number;
          receivingPackageId: string;
          transferCode: string;
          receivedAt: string;
        }[];
      };
      transferredIn: { isTransferredIn: boolean; sourceAccountId: string };
      missing: null;
    }>(`{
      package(id: "P24061809150002") {
        id isTransferredIn transfersOut { points receivingPackageId transferCode receivedAt }
      }
      transferredIn: package(id: "T24112008000006") { isTransferredIn sourceAccountId }
      missing: package(id: "P0") { id }
    }`);
    expect(data.package.isTransferredIn).toBe(false);
    expect(data.package.transfersOut).toEqual([
      expect.objectContaining({
        points: 100,
        receivingPackageId: 'T24070110000091',
        transferCode: 'tr8Kq2Zp',
      }),
    ]);
    expect(data.transferredIn).toEqual({ isTransferredIn: true, sourceAccountId: '100012345678' });
    expect(data.missing).toBeNull();
    expect(stack.upstreamCalls('DescribePackages')).toBe(3);
  });
});

/** A Beijing-time upstream timestamp ("YYYY-MM-DD hh:mm:ss", or a date) as epoch ms; null for none. */
function beijing(text: string | null | undefined): number | null {
  if (text === null || text === undefined || text === '') return null;
  const dateTime = text.length === 10 ? `${text} 00:00:00` : text;
  return Date.parse(`${dateTime.replace(' ', 'T')}+08:00`);
}

const epoch = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

describe('fields mapped from the upstream accounts', () => {
  it("map a company's tags and a page of its managers with their contacts and review times", async () => {
    const [upstreamCompany] = (await stack.client.call('DescribeCompanies', { CompanyId: 2001 })).Companies;
    const upstreamManagers = (await stack.client.call('DescribeManagers', { CompanyId: 2001, Limit: 100 }))
      .Managers;
    const data = await query<{
      company: {
        tags: { key: string; value: string }[];
        managers: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { cursor: string; node: { id: string; submittedForReviewAt: string | null } }[];
        };
      };
    }>(`{
      company(id: "2001") {
        tags { key value }
        managers(first: 1) { pageInfo { hasNextPage endCursor } edges { cursor node { id submittedForReviewAt } } }
      }
    }`);
    expect(data.company.tags).toEqual(
      (upstreamCompany?.Tags ?? []).map((tag) => ({ key: tag.TagKey, value: tag.TagValue })),
    );
    expect(data.company.tags.length).toBeGreaterThan(0);
    const { pageInfo, edges } = data.company.managers;
    expect(edges).toHaveLength(1);
    expect(pageInfo).toEqual({ hasNextPage: upstreamManagers.length > 1, endCursor: edges[0]!.cursor });
    const [edge] = edges;
    const upstream = upstreamManagers.find((manager) => String(manager.ManagerId) === edge!.node.id);
    expect(epoch(edge!.node.submittedForReviewAt)).toBe(beijing(upstream?.SubmitAuditTime));
    expect(edge!.node.submittedForReviewAt).not.toBeNull();
  });

  it("map a manager's contact and the times of its verifications and pre-audited domains", async () => {
    const detail = await stack.client.call('DescribeManagerDetail', { ManagerId: 1001 });
    const data = await query<{
      manager: {
        contact: { firstName: string; lastName: string; phone: string; position: string };
        verifications: {
          createdAt: string | null;
          preAuditedDomains: { domain: string; createdAt: string | null; expiresAt: string | null }[];
        }[];
      };
    }>(`{
      manager(id: "1001") {
        contact { firstName lastName phone position }
        verifications { createdAt preAuditedDomains { domain createdAt expiresAt } }
      }
    }`);
    expect(data.manager.contact).toEqual({
      firstName: detail.ContactFirstName,
      lastName: detail.ContactLastName,
      phone: detail.ContactPhone,
      position: detail.ContactPosition,
    });
    const statuses = detail.StatusInfo ?? [];
    expect(data.manager.verifications).toHaveLength(statuses.length);
    for (const [index, verification] of data.manager.verifications.entries()) {
      const upstream = statuses[index]!;
      expect(epoch(verification.createdAt)).toBe(beijing(upstream.CreateTime));
      expect(
        verification.preAuditedDomains.map((entry) => ({
          domain: entry.domain,
          createdAt: epoch(entry.createdAt),
          expiresAt: epoch(entry.expiresAt),
        })),
      ).toEqual(
        (upstream.ManagerPreAuditDomains ?? []).map((entry) => ({
          domain: entry.Domain,
          createdAt: beijing(entry.CreateTime),
          expiresAt: beijing(entry.ExpireTime),
        })),
      );
    }
    expect(data.manager.verifications[0]?.preAuditedDomains[0]?.createdAt).not.toBeNull();
  });

  it("map a package's transfer out: its receiver and last update", async () => {
    const [upstream] = (await stack.client.call('DescribePackages', { PackageId: 'P24061809150002' }))
      .Packages;
    const [transfer] = upstream?.TransferOutInfos ?? [];
    expect(transfer).toBeDefined();
    const data = await query<{
      package: { transfersOut: { receiverAccountId: string | null; updatedAt: string | null }[] };
    }>('{ package(id: "P24061809150002") { transfersOut { receiverAccountId updatedAt } } }');
    expect(
      data.package.transfersOut.map((entry) => ({ ...entry, updatedAt: epoch(entry.updatedAt) })),
    ).toEqual([
      {
        receiverAccountId: transfer!.ReceiverUin ? String(transfer!.ReceiverUin) : null,
        updatedAt: beijing(transfer!.UpdateTime),
      },
    ]);
    expect(data.package.transfersOut[0]?.receiverAccountId).not.toBeNull();
  });
});
