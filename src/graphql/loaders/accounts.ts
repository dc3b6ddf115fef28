import DataLoader from 'dataloader';
import type { SslCaller } from '../../ssl/actions.ts';
import { SslApiError } from '../../ssl/errors.ts';
import type {
  CompanyInfo,
  DescribeManagerDetailResponse,
  DescribeManagersRequest,
  DescribePackagesRequest,
  ManagerInfo,
  PackageInfo,
} from '../../ssl/models.generated.ts';
import { SSL_SPEC } from '../../ssl/spec.generated.ts';
import type { LoaderGroup } from './request-loaders.ts';
import { toGraphQLError, translatingUpstreamErrors } from './upstream-errors.ts';

export type CompanyRecord = CompanyInfo;
/** A manager as DescribeManagers lists it: the only shape with its status and certificate/domain counts. */
export type ManagerSummary = ManagerInfo;
/** A manager as DescribeManagerDetail returns it: the only shape with its company and contact person. */
export type ManagerDetail = Omit<DescribeManagerDetailResponse, 'RequestId'>;
export type PackageRecord = PackageInfo;

const MAX_COMPANIES_PER_CALL = SSL_SPEC.actions.DescribeCompanies.pagination.maxLimit;
const MAX_MANAGERS_PER_CALL = SSL_SPEC.actions.DescribeManagers.pagination.maxLimit;

export interface OffsetItems<T> {
  readonly totalCount: number;
  readonly offset: number;
  readonly items: readonly T[];
}

export interface PackagePage extends OffsetItems<PackageRecord> {
  /** The points left in every package matching the query (all pages), as DescribePackages reports it. */
  readonly totalBalance: number;
}

/** DescribeManagers' filters besides the company and the window. */
export type ManagerListQuery = Pick<DescribeManagersRequest, 'Status' | 'SearchKey'>;
/** DescribePackages' filters and order besides the window. */
export type PackageListQuery = Omit<DescribePackagesRequest, 'Offset' | 'Limit'>;

export interface AccountLoaders extends LoaderGroup {
  /** A company by ID; null when it does not exist. See `createAccountLoaders` for the cost. */
  readonly companyById: DataLoader<number, CompanyRecord | null>;
  /**
   * A manager's detail (DescribeManagerDetail, one call per distinct ID: the API has no batch read of
   * managers); null when it does not exist (any more).
   */
  readonly managerById: DataLoader<number, ManagerDetail | null>;
  /**
   * A manager's list entry (status, counts), found in its company's manager list: one DescribeManagers call
   * per distinct company per request (up to 1000 managers each), however many of its managers are asked for.
   */
  readonly managerSummary: DataLoader<
    { companyId: number; managerId: number },
    ManagerSummary | null,
    string
  >;
  companyPage(offset: number, limit: number): Promise<OffsetItems<CompanyRecord>>;
  managerPage(
    companyId: number,
    offset: number,
    limit: number,
    query?: ManagerListQuery,
  ): Promise<OffsetItems<ManagerSummary>>;
  packagePage(offset: number, limit: number, query?: PackageListQuery): Promise<PackagePage>;
  /** A package by ID (DescribePackages' PackageId filter, one call per distinct ID); null when unknown. */
  readonly packageById: DataLoader<string, PackageRecord | null>;
}

function isNotFound(error: unknown): boolean {
  return error instanceof SslApiError && error.category === 'not-found';
}

/** Remembers one promise per key for the request, so equal reads share one upstream call. */
function memoised<T>(): { get(key: string, load: () => Promise<T>): Promise<T>; clear(): void } {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key, load) {
      let entry = entries.get(key);
      if (entry === undefined) {
        entry = load();
        entries.set(key, entry);
      }
      return entry;
    },
    clear: () => entries.clear(),
  };
}

/**
 * Cost of `companyById`: a batch of one ID is one DescribeCompanies call filtered by CompanyId; a batch of
 * several is one listing call of up to 1000 companies (an account has a handful), plus one filtered call per ID
 * that listing could not hold.
 */
export function createAccountLoaders(ssl: SslCaller, signal: AbortSignal | undefined): AccountLoaders {
  const companyPages = memoised<OffsetItems<CompanyRecord>>();
  const managerPages = memoised<OffsetItems<ManagerSummary>>();
  const managerLists = memoised<readonly ManagerSummary[]>();
  const packagePages = memoised<PackagePage>();

  // DescribeCompanies documents its default Limit as 0, so the gateway never relies on the default: every
  // call states a Limit of at least 1 (an empty page still asks for one company, to learn the total).
  async function describeCompanies(offset: number, limit: number, companyId?: number) {
    return translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeCompanies',
        {
          Offset: offset,
          Limit: Math.min(Math.max(limit, 1), MAX_COMPANIES_PER_CALL),
          ...(companyId === undefined ? {} : { CompanyId: companyId }),
        },
        { signal },
      ),
    );
  }

  const companyById = new DataLoader<number, CompanyRecord | null>(async (ids) => {
    const found = new Map<number, CompanyRecord>();
    let unresolved = [...new Set(ids)];
    if (unresolved.length > 1) {
      const listing = await describeCompanies(0, MAX_COMPANIES_PER_CALL);
      for (const company of listing.Companies) found.set(company.CompanyId, company);
      // A complete listing proves the others do not exist; a partial one leaves them to the filtered calls.
      unresolved =
        listing.TotalCount <= listing.Companies.length ? [] : unresolved.filter((id) => !found.has(id));
    }
    await Promise.all(
      unresolved.map(async (id) => {
        const response = await describeCompanies(0, 1, id);
        const company = response.Companies.find((candidate) => candidate.CompanyId === id);
        if (company !== undefined) found.set(id, company);
      }),
    );
    return ids.map((id) => found.get(id) ?? null);
  });

  const managerById = new DataLoader<number, ManagerDetail | null>((ids) =>
    Promise.all(
      ids.map(async (id): Promise<ManagerDetail | null | Error> => {
        try {
          const detail = await ssl.call('DescribeManagerDetail', { ManagerId: id }, { signal });
          // The detail carries its company in full: a `company` field next to it costs nothing more.
          companyById.prime(detail.CompanyId, detail.CompanyInfo);
          return detail;
        } catch (error) {
          if (isNotFound(error)) return null;
          // Only this manager's fields fail; the rest of the batch is unaffected.
          const translated = toGraphQLError(error);
          return translated instanceof Error ? translated : new Error(String(translated));
        }
      }),
    ),
  );

  async function fetchManagerPage(
    companyId: number,
    offset: number,
    limit: number,
    query: ManagerListQuery,
  ): Promise<OffsetItems<ManagerSummary>> {
    // Limit 0 would mean the default (10) upstream: an empty page still asks for one manager to learn the total.
    const response = await translatingUpstreamErrors(() =>
      ssl.call(
        'DescribeManagers',
        { ...query, CompanyId: companyId, Offset: offset, Limit: Math.max(limit, 1) },
        { signal },
      ),
    );
    return { totalCount: response.TotalCount, offset, items: response.Managers.slice(0, limit) };
  }

  /** Every manager of a company, in pages of the documented maximum (one call for any realistic company). */
  async function fetchAllManagers(companyId: number): Promise<readonly ManagerSummary[]> {
    const managers: ManagerSummary[] = [];
    for (;;) {
      const page = await fetchManagerPage(companyId, managers.length, MAX_MANAGERS_PER_CALL, {});
      managers.push(...page.items);
      if (page.items.length === 0 || managers.length >= page.totalCount) return managers;
    }
  }

  const managerSummary = new DataLoader<
    { companyId: number; managerId: number },
    ManagerSummary | null,
    string
  >(
    (keys) =>
      Promise.all(
        keys.map(async ({ companyId, managerId }) => {
          const managers = await managerLists.get(String(companyId), () => fetchAllManagers(companyId));
          return managers.find((manager) => manager.ManagerId === managerId) ?? null;
        }),
      ),
    { cacheKeyFn: (key) => `${key.companyId}:${key.managerId}` },
  );

  async function fetchPackagePage(
    offset: number,
    limit: number,
    query: PackageListQuery,
  ): Promise<PackagePage> {
    // Limit 0 would mean the default (20) upstream: an empty page still asks for one package to learn the total.
    const response = await translatingUpstreamErrors(() =>
      ssl.call('DescribePackages', { ...query, Offset: offset, Limit: Math.max(limit, 1) }, { signal }),
    );
    return {
      totalCount: response.TotalCount,
      totalBalance: response.TotalBalance,
      offset,
      items: response.Packages.slice(0, limit),
    };
  }

  const packageById = new DataLoader<string, PackageRecord | null>((ids) =>
    Promise.all(
      ids.map(async (id) => {
        // A blank ID is no filter at all upstream: it would list every package.
        if (id.trim() === '') return null;
        const page = await fetchPackagePage(0, 1, { PackageId: id });
        return page.items.find((candidate) => candidate.PackageId === id) ?? null;
      }),
    ),
  );

  return {
    companyById,
    managerById,
    managerSummary,
    packageById,
    companyPage: (offset, limit) =>
      companyPages.get(`${offset}:${limit}`, async () => {
        const response = await describeCompanies(offset, limit);
        return {
          totalCount: response.TotalCount,
          offset,
          items: response.Companies.slice(0, limit),
        };
      }),
    managerPage: (companyId, offset, limit, query = {}) =>
      managerPages.get(`${companyId}:${offset}:${limit}:${JSON.stringify(query)}`, () =>
        fetchManagerPage(companyId, offset, limit, query),
      ),
    packagePage: (offset, limit, query = {}) =>
      packagePages.get(`${offset}:${limit}:${JSON.stringify(query)}`, async () => {
        const page = await fetchPackagePage(offset, limit, query);
        for (const record of page.items) packageById.prime(record.PackageId, record);
        return page;
      }),
    clearAll() {
      companyById.clearAll();
      managerById.clearAll();
      managerSummary.clearAll();
      packageById.clearAll();
      companyPages.clear();
      managerPages.clear();
      managerLists.clear();
      packagePages.clear();
    },
  };
}
